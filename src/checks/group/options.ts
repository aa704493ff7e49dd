import * as z from 'zod/mini';
import { parseOptions, type OptionsOwner } from '../../core/options.js';
import { JOB_FUNCTIONS, SENIORITIES, type JobFunction } from '../role/taxonomy.js';
import type { AccountInput } from './account-rows.js';
import { ACCOUNT_STORE_METHODS, memoryAccountStore, type AccountStore } from './account-store.js';
import { BUYING_ROLES, type BuyingRole } from './buying-roles.js';
import { DEFAULT_CONTACT_SALT } from './contact-digest.js';
import { DEFAULT_REQUIRED_ROLES, type RoleRequirement } from './coverage.js';
import { defaultPersonas, type Persona } from './personas.js';

/** Options for {@link buyingGroup}. Only `accounts` is needed to run. */
export interface BuyingGroupOptions {
  /**
   * Where accounts and their buying groups live: an `AccountStore` (your CRM), or plain
   * account rows, which get a `memoryAccountStore` of this check's own. Without it the
   * check cannot run: every lead gets `SYSTEM_CHECK_FAILED` (→ review), never a pass.
   */
  accounts?: AccountStore | readonly AccountInput[];
  /**
   * The functions the product is sold to, e.g. `['marketing']`: the default personas make
   * executives in them decision makers (outside them, executive sponsors) and their
   * individual contributors end users. Default: every function. Ignored when `personas` is given.
   */
  functions?: readonly JobFunction[];
  /** The personas, tried in order; replaces the default list (`defaultPersonas(functions)`). */
  personas?: readonly Persona[];
  /**
   * Motion name → the roles coverage is measured against, with weights. Motions not
   * listed keep `DEFAULT_REQUIRED_ROLES` (a custom motion gets inbound's).
   */
  requiredRoles?: Readonly<Record<string, readonly RoleRequirement[]>>;
  /** Coverage below this (0–1) after the lead is `GROUP_COVERAGE_LOW`. Default 0.5 (research §4.5, C7). */
  minCoverage?: number;
  /** How alike (0–1) two company names must be to count as a fuzzy match. Default 0.75. */
  nameSimilarity?: number;
  /**
   * Add each judged lead to its account's contacts (`addContact`). Default true. See the
   * README: the check records before the gate decides, so a lead another check rejects
   * still joins the group; set false and record after the decision if that matters.
   */
  recordContacts?: boolean;
  /** Salt of contact digests; the same as the account store's. Default `DEFAULT_CONTACT_SALT`. */
  salt?: string;
}

/** The options after validation, with defaults filled in. */
export interface ResolvedGroupOptions {
  store: AccountStore | undefined;
  personas: readonly Persona[];
  requiredRoles: (motion: string) => readonly RoleRequirement[];
  minCoverage: number;
  nameSimilarity: number;
  recordContacts: boolean;
  salt: string;
}

const buyingRole = z.enum(BUYING_ROLES as unknown as [BuyingRole, ...BuyingRole[]]);
const inferableRole = z.enum(BUYING_ROLES.filter((role) => role !== 'champion') as [Persona['role'], ...Persona['role'][]]);
const jobFunction = z.enum(JOB_FUNCTIONS as unknown as [JobFunction, ...JobFunction[]]);
const persona = z.strictObject({
  role: inferableRole,
  functions: z.optional(z.array(jobFunction).check(z.minLength(1))),
  seniorities: z.optional(z.array(z.enum(SENIORITIES)).check(z.minLength(1))),
  titleKeywords: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
});
const requirement = z.strictObject({ role: buyingRole, weight: z.optional(z.number().check(z.positive(), z.maximum(100))) });
const store = z.custom<AccountStore>(
  (value) => typeof value === 'object' && value !== null && ACCOUNT_STORE_METHODS.every((method) => typeof (value as unknown as Record<string, unknown>)[method] === 'function'),
);

const optionsSchema = z.strictObject({
  accounts: z.optional(z.union([z.array(z.unknown()), store])),
  functions: z.optional(z.array(jobFunction).check(z.minLength(1))),
  personas: z.optional(z.array(persona).check(z.minLength(1))),
  requiredRoles: z.optional(z.record(z.string(), z.array(requirement).check(z.minLength(1)))),
  minCoverage: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  nameSimilarity: z.optional(z.number().check(z.gt(0), z.maximum(1))),
  recordContacts: z.optional(z.boolean()),
  salt: z.optional(z.string().check(z.minLength(8))),
});

const EXPECTED: Record<keyof BuyingGroupOptions, string> = {
  accounts: `an account store with ${ACCOUNT_STORE_METHODS.join(', ')}, or an array of accounts { id, name, domains, country?, target? }`,
  functions: 'a non-empty array of job functions such as ["marketing"]',
  personas: `a non-empty array of personas { role, functions?, seniorities?, titleKeywords? }, where role is one of ${BUYING_ROLES.filter((role) => role !== 'champion').join(', ')} (a champion is never inferred from a title)`,
  requiredRoles: `an object of motion → non-empty array of { role, weight? }, where role is one of ${BUYING_ROLES.join(', ')}`,
  minCoverage: 'a number from 0 to 1',
  nameSimilarity: 'a number above 0 and at most 1',
  recordContacts: 'true or false',
  salt: 'a string of at least 8 characters',
};

const OWNER: OptionsOwner = { name: 'buyingGroup', example: '{ accounts: memoryAccountStore(rows) }', expected: EXPECTED };

/** Validates `buyingGroup` options once, at factory time. Throws a `LeadGateError` naming the bad option. */
export function resolveGroupOptions(input: unknown): ResolvedGroupOptions {
  const options = parseOptions(OWNER, optionsSchema, input) as BuyingGroupOptions;
  const salt = options.salt ?? DEFAULT_CONTACT_SALT;
  const nameSimilarity = options.nameSimilarity ?? 0.75;
  const accounts = options.accounts;
  const store =
    accounts === undefined ? undefined : Array.isArray(accounts) ? memoryAccountStore(accounts, { salt, candidateSimilarity: nameSimilarity }) : (accounts as AccountStore);
  const given = options.requiredRoles ?? {};
  return {
    store,
    personas: options.personas ?? defaultPersonas(options.functions),
    // Own keys only: a motion called "constructor" must not find Object.prototype's.
    requiredRoles: (motion) =>
      (Object.hasOwn(given, motion) ? given[motion] : undefined) ??
      (Object.hasOwn(DEFAULT_REQUIRED_ROLES, motion) ? DEFAULT_REQUIRED_ROLES[motion] : undefined) ??
      DEFAULT_REQUIRED_ROLES.inbound!,
    minCoverage: options.minCoverage ?? 0.5,
    nameSimilarity,
    recordContacts: options.recordContacts ?? true,
    salt,
  };
}
