import * as z from 'zod/mini';
import { parseOptions, type OptionsOwner } from '../../core/options.js';
import { websiteHost } from '../email/domain-relation.js';
import { JOB_FUNCTIONS, type JobFunction } from '../role/taxonomy.js';
import {
  DEFAULT_HALF_LIFE_DAYS,
  DEFAULT_MAX_SIGNALS_PER_TYPE,
  DEFAULT_MIN_CONFIDENCE,
  DEFAULT_MQL_MIN_TIER,
  DEFAULT_SIGNAL_POINTS,
  DEFAULT_TIERS,
  DEFAULT_UNKNOWN_CREDIT,
  DEFAULT_WEIGHTS,
  FIT_ATTRIBUTES,
  type Audience,
  type FitAttribute,
  type FitTier,
} from './defaults.js';
import { normalizeSignalType } from './intent.js';
import { normalizeTechnology } from './technology.js';

/** A numeric range; either end may be left open. */
export interface IcpRange {
  min?: number;
  max?: number;
}

/**
 * An ideal customer profile, as data. Every key is optional: `icpFit()` without a
 * profile is the OPEN profile (no include lists, sanctioned countries excluded, no
 * competitors or customers), which scores seniority, function and country only.
 *
 * @example
 * icpFit({
 *   industries: { include: ['5112', '54'], exclude: ['92'], labels: { saas: '5112' } },
 *   employees: { min: 50, max: 5000 },
 *   countries: { include: ['DE', 'AT', 'CH'] },
 *   technologies: { required: ['salesforce', 'hubspot'] },
 *   functions: ['marketing', 'sales'],
 *   competitors: ['rival.example'],
 *   customers: ['bigclient.example'],
 * })
 */
export interface IcpProfile {
  /**
   * NAICS prefixes (2–6 digits): `"51"` covers all of sector 51, `"5112"` covers `"511210"`.
   * `labels` maps the industry labels your forms or enrichment send (case-insensitive)
   * to NAICS codes; the NAICS 2022 sector titles are known without it.
   */
  industries?: { include?: string[]; exclude?: string[]; labels?: Record<string, string | string[]> };
  /** Employee count range, inclusive. */
  employees?: IcpRange;
  /** Annual revenue range, inclusive, in the unit your leads use (e.g. USD, not thousands). */
  revenue?: IcpRange;
  /**
   * ISO 3166-1 alpha-2 codes. `excludeSanctioned` (default true) excludes the
   * comprehensively sanctioned jurisdictions (src/data/sanctioned-countries.ts).
   */
  countries?: { include?: string[]; exclude?: string[]; excludeSanctioned?: boolean };
  /** Technologies, matched case- and punctuation-insensitively: any one of `required` is enough. */
  technologies?: { required?: string[]; excluded?: string[] };
  /** Target job functions (from `parseTitle`); general management is always in target. Default: any recognised function. */
  functions?: JobFunction[];
  /** Competitor domains: a lead at one (or a subdomain) is `ICP_COMPETITOR`. */
  competitors?: string[];
  /** Customer domains: `ICP_EXISTING_CUSTOMER` in new-logo motions, `ICP_NOT_CUSTOMER` when absent in expansion. */
  customers?: string[];
  /** Who the motion is for. Default: `customers` under the expansion motion, `prospects` otherwise. */
  audience?: Audience;
  /** Points per attribute (non-negative), merged over the defaults (industry 20, employees 20, revenue 10, country 10, technologies 10, seniority 20, function 10). */
  weights?: Partial<Record<FitAttribute, number>>;
  /** Fit tier cut-offs, `a > b > c` (default 85/70/50). */
  tiers?: { a: number; b: number; c: number };
  /** Share of an attribute's weight an unknown value earns, 0–1 (default 0.5). */
  unknownCredit?: number;
  /** Points per behaviour signal type, merged over the defaults; negative points subtract, 0 turns a type off. */
  signals?: Record<string, number>;
  /** Days after which a signal counts half (default 30). */
  halfLifeDays?: number;
  /** At most this many signals of one type count, the strongest first (default 20). */
  maxSignalsPerType?: number;
  /** Intent points for an MQL. Default 100; 200 under the expansion motion. */
  mqlThreshold?: number;
  /** The lowest fit tier that can be an MQL (default `B`). */
  mqlMinTier?: FitTier;
  /** Score `lead.behaviour` at all. Default true, false under the partner motion. */
  scoreBehaviour?: boolean;
  /** Fit under this is `ICP_FIT_LOW`. Default 50; 70 under the outbound motion. */
  fitFloor?: number;
  /**
   * The least confidence (share of the scored weight whose value is known, 0–1) at which a
   * fit under the floor is reported as `ICP_FIT_LOW` (default 0.5). Below it, too little is
   * known to call the fit low: unknowns are not failures. 0 reports on the score alone.
   */
  minConfidence?: number;
  /** Intent under this (with behaviour data) is `ICP_INTENT_LOW`. Default: the MQL threshold. */
  intentFloor?: number;
}

/** The profile after validation: lists as sets, defaults filled in where they do not depend on the motion. */
export interface ResolvedProfile {
  industryInclude: readonly string[];
  industryExclude: readonly string[];
  industryLabels: ReadonlyMap<string, readonly string[]>;
  employees: IcpRange | undefined;
  revenue: IcpRange | undefined;
  countryInclude: ReadonlySet<string> | undefined;
  countryExclude: ReadonlySet<string>;
  excludeSanctioned: boolean;
  techRequired: ReadonlySet<string>;
  techExcluded: ReadonlySet<string>;
  functions: ReadonlySet<JobFunction> | undefined;
  competitors: ReadonlySet<string>;
  customers: ReadonlySet<string>;
  audience: Audience | undefined;
  weights: Readonly<Record<FitAttribute, number>>;
  tiers: Readonly<{ a: number; b: number; c: number }>;
  unknownCredit: number;
  signals: ReadonlyMap<string, number>;
  halfLifeDays: number;
  maxSignalsPerType: number;
  mqlThreshold: number | undefined;
  mqlMinTier: FitTier;
  scoreBehaviour: boolean | undefined;
  fitFloor: number | undefined;
  minConfidence: number;
  intentFloor: number | undefined;
}

const NAICS = /^\d{2,6}$/;
const naicsCode = z.string().check(z.regex(NAICS));
const country = z.string().check(z.regex(/^[A-Za-z]{2}$/));
const domain = z.string().check(z.refine((value) => websiteHost(value) !== undefined));
const technology = z.string().check(z.refine((value) => normalizeTechnology(value) !== ''));
const range = z
  .strictObject({ min: z.optional(z.number().check(z.nonnegative())), max: z.optional(z.number().check(z.nonnegative())) })
  .check(z.refine((value) => value.min === undefined || value.max === undefined || value.min <= value.max));
const score = z.number().check(z.minimum(0), z.maximum(100));

const optionsSchema = z.strictObject({
  industries: z.optional(
    z.strictObject({
      include: z.optional(z.array(naicsCode)),
      exclude: z.optional(z.array(naicsCode)),
      labels: z.optional(z.record(z.string().check(z.minLength(1)), z.union([naicsCode, z.array(naicsCode).check(z.minLength(1))]))),
    }),
  ),
  employees: z.optional(range),
  revenue: z.optional(range),
  countries: z.optional(
    z.strictObject({ include: z.optional(z.array(country)), exclude: z.optional(z.array(country)), excludeSanctioned: z.optional(z.boolean()) }),
  ),
  technologies: z.optional(z.strictObject({ required: z.optional(z.array(technology)), excluded: z.optional(z.array(technology)) })),
  functions: z.optional(z.array(z.enum(JOB_FUNCTIONS.filter((name) => name !== 'unknown') as [JobFunction, ...JobFunction[]])).check(z.minLength(1))),
  competitors: z.optional(z.array(domain)),
  customers: z.optional(z.array(domain)),
  audience: z.optional(z.enum(['prospects', 'customers'])),
  // A record checked by key, not a strict object: parseOptions names an unknown key of a nested
  // object without its parent, and "weights" says more than "charisma".
  weights: z.optional(
    z
      .record(z.string(), z.number().check(z.nonnegative(), z.maximum(1000)))
      .check(z.refine((value) => Object.keys(value).every((key) => (FIT_ATTRIBUTES as readonly string[]).includes(key)))),
  ),
  tiers: z.optional(
    z.strictObject({ a: score, b: score, c: score }).check(z.refine((value) => value.a > value.b && value.b > value.c)),
  ),
  unknownCredit: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  signals: z.optional(
    z.record(
      z.string().check(z.refine((value) => /^[a-z][a-z0-9_]*$/.test(normalizeSignalType(value)))),
      z.number().check(z.minimum(-1000), z.maximum(1000)),
    ),
  ),
  halfLifeDays: z.optional(z.number().check(z.positive(), z.maximum(3650))),
  maxSignalsPerType: z.optional(z.int().check(z.positive(), z.maximum(200))),
  mqlThreshold: z.optional(z.number().check(z.positive(), z.maximum(100_000))),
  mqlMinTier: z.optional(z.enum(['A', 'B', 'C', 'D'])),
  scoreBehaviour: z.optional(z.boolean()),
  fitFloor: z.optional(score),
  minConfidence: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  intentFloor: z.optional(z.number().check(z.nonnegative(), z.maximum(100_000))),
});

const EXPECTED: Record<keyof IcpProfile, string> = {
  industries: '{ include?, exclude? } of NAICS prefixes (2–6 digits, e.g. "5112") and labels?: { label: code or codes }',
  employees: '{ min?, max? } with non-negative numbers and min ≤ max',
  revenue: '{ min?, max? } with non-negative numbers and min ≤ max',
  countries: '{ include?, exclude? } of ISO 3166-1 alpha-2 codes (e.g. "DE") and excludeSanctioned?: boolean',
  technologies: '{ required?, excluded? } of technology names such as "salesforce"',
  functions: `a non-empty array of job functions such as ["marketing", "sales"] (one of ${JOB_FUNCTIONS.filter((name) => name !== 'unknown').join(', ')})`,
  competitors: 'an array of domains such as "rival.example"',
  customers: 'an array of domains such as "customer.example"',
  audience: '"prospects" or "customers"',
  weights: `{ ${FIT_ATTRIBUTES.join(', ')} } with non-negative numbers`,
  tiers: '{ a, b, c } with 100 ≥ a > b > c ≥ 0',
  unknownCredit: 'a number from 0 to 1',
  signals: '{ signal_type: points } with points from -1000 to 1000',
  halfLifeDays: 'a positive number of days',
  maxSignalsPerType: 'a positive whole number up to 200',
  mqlThreshold: 'a positive number of intent points',
  mqlMinTier: 'one of "A", "B", "C", "D"',
  scoreBehaviour: 'true or false',
  fitFloor: 'a number from 0 to 100',
  minConfidence: 'a number from 0 to 1',
  intentFloor: 'a non-negative number of intent points',
};

const OWNER: OptionsOwner = { name: 'icpFit', example: "{ employees: { min: 50, max: 5000 }, countries: { include: ['DE'] } }", expected: EXPECTED };

// Lead files use these spellings too (src/core/lead.ts maps them the same way).
const COUNTRY_ALIASES: Record<string, string> = { UK: 'GB', EL: 'GR' };
const countryCode = (value: string) => COUNTRY_ALIASES[value.toUpperCase()] ?? value.toUpperCase();

/** Validates an ICP profile once, at factory time. Throws a `LeadGateError` naming the bad option. */
export function resolveProfile(input: unknown): ResolvedProfile {
  const profile = parseOptions(OWNER, optionsSchema, input);
  const labels = new Map<string, readonly string[]>();
  for (const [label, codes] of Object.entries(profile.industries?.labels ?? {})) {
    labels.set(normalizeLabel(label), typeof codes === 'string' ? [codes] : [...codes]);
  }
  const signals = new Map(Object.entries(DEFAULT_SIGNAL_POINTS));
  for (const [type, points] of Object.entries(profile.signals ?? {})) signals.set(normalizeSignalType(type), points);
  const hosts = (domains: readonly string[] | undefined) => new Set((domains ?? []).map((value) => websiteHost(value)!));
  const technologies = (names: readonly string[] | undefined) => new Set((names ?? []).map(normalizeTechnology));
  return {
    industryInclude: profile.industries?.include ?? [],
    industryExclude: profile.industries?.exclude ?? [],
    industryLabels: labels,
    employees: profile.employees,
    revenue: profile.revenue,
    countryInclude: profile.countries?.include && profile.countries.include.length > 0 ? new Set(profile.countries.include.map(countryCode)) : undefined,
    countryExclude: new Set((profile.countries?.exclude ?? []).map(countryCode)),
    excludeSanctioned: profile.countries?.excludeSanctioned ?? true,
    techRequired: technologies(profile.technologies?.required),
    techExcluded: technologies(profile.technologies?.excluded),
    functions: profile.functions ? new Set(profile.functions) : undefined,
    competitors: hosts(profile.competitors),
    customers: hosts(profile.customers),
    audience: profile.audience,
    weights: Object.freeze({ ...DEFAULT_WEIGHTS, ...profile.weights }),
    tiers: Object.freeze({ ...(profile.tiers ?? DEFAULT_TIERS) }),
    unknownCredit: profile.unknownCredit ?? DEFAULT_UNKNOWN_CREDIT,
    signals,
    halfLifeDays: profile.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS,
    maxSignalsPerType: profile.maxSignalsPerType ?? DEFAULT_MAX_SIGNALS_PER_TYPE,
    mqlThreshold: profile.mqlThreshold,
    mqlMinTier: profile.mqlMinTier ?? DEFAULT_MQL_MIN_TIER,
    scoreBehaviour: profile.scoreBehaviour,
    fitFloor: profile.fitFloor,
    minConfidence: profile.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
    intentFloor: profile.intentFloor,
  };
}

/** Industry labels compare case- and whitespace-insensitively. */
export function normalizeLabel(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, ' ');
}
