import * as z from 'zod/mini';
import { parseOptions, type OptionsOwner } from '../../core/options.js';
import type { RoleEnricher } from './enrichment.js';
import { JOB_FUNCTIONS, SENIORITIES, type JobFunction, type Seniority } from './taxonomy.js';

/** Options for {@link roleCurrency}. All optional. */
export interface RoleCurrencyOptions {
  /**
   * Report `ROLE_MISSING` when the lead has no title (and enrichment supplies none).
   * Default false, as for the phone: a form that does not ask for a title should not
   * send every lead to review. The abm and outbound motions set it.
   */
  required?: boolean;
  /** The lowest seniority the motion wants; below it is `ROLE_SENIORITY_LOW`. Default: no floor. */
  seniorityFloor?: Exclude<Seniority, 'unknown'>;
  /**
   * The target functions, e.g. `['marketing', 'sales']`; a recognised function outside
   * them is `ROLE_FUNCTION_OUT_OF_SCOPE`. `general_management` (CEO, MD, owner) is always
   * in scope: a general manager buys for every function. Default: every function.
   */
  functions?: readonly JobFunction[];
  /** The oldest an enrichment record may be, in days, before it is `ROLE_STALE`. Default: no limit. */
  maxAgeDays?: number;
  /** Looks the lead up with a data provider (server only); makes the check async. */
  enrich?: RoleEnricher;
}

export interface ResolvedRoleOptions {
  required: boolean;
  seniorityFloor: Seniority | undefined;
  functions: ReadonlySet<JobFunction> | undefined;
  maxAgeDays: number | undefined;
  enrich: RoleEnricher | undefined;
}

const optionsSchema = z.strictObject({
  required: z.optional(z.boolean()),
  seniorityFloor: z.optional(z.enum(SENIORITIES.filter((level) => level !== 'unknown') as [Seniority, ...Seniority[]])),
  functions: z.optional(z.array(z.enum(JOB_FUNCTIONS.filter((name) => name !== 'unknown') as [JobFunction, ...JobFunction[]])).check(z.minLength(1))),
  maxAgeDays: z.optional(z.number().check(z.positive(), z.maximum(36_500))),
  enrich: z.optional(z.custom<RoleEnricher>((value) => typeof value === 'function')),
});

const EXPECTED: Record<keyof RoleCurrencyOptions, string> = {
  required: 'true or false',
  seniorityFloor: `one of ${SENIORITIES.filter((level) => level !== 'unknown').join(', ')}`,
  functions: 'a non-empty array of job functions such as ["marketing", "sales"]',
  maxAgeDays: 'a positive number of days',
  enrich: 'a function (lead, { signal }) => Promise<{ title?, employer?, employerDomain?, lastVerifiedAt? } | undefined>',
};

const OWNER: OptionsOwner = { name: 'roleCurrency', example: "{ seniorityFloor: 'manager' }", expected: EXPECTED };

/** Validates `roleCurrency` options once, at factory time. Throws a `LeadGateError` naming the bad option. */
export function resolveRoleOptions(input: unknown): ResolvedRoleOptions {
  const { required = false, seniorityFloor, functions, maxAgeDays, enrich } = parseOptions(OWNER, optionsSchema, input);
  return { required, seniorityFloor, functions: functions ? new Set(functions) : undefined, maxAgeDays, enrich };
}
