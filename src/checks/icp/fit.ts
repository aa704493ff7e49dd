import { SANCTIONED_COUNTRIES } from '../../data/sanctioned-countries.js';
import type { Lead } from '../../core/lead.js';
import type { ParsedTitle } from '../role/taxonomy.js';
import type { IcpCode } from './codes.js';
import { FIT_ATTRIBUTES, SENIORITY_CREDIT, type FitAttribute, type FitTier } from './defaults.js';
import { industryCodes, matchPrefixes } from './industry.js';
import type { IcpRange, ResolvedProfile } from './options.js';
import { normalizeTechnology } from './technology.js';

const SANCTIONED: ReadonlySet<string> = new Set(SANCTIONED_COUNTRIES);

/** How one attribute of the lead stands against the profile. */
export type FactorStatus = 'match' | 'partial' | 'mismatch' | 'unknown';

/** One line of the fit score: what an attribute added, and what it could have added. */
export interface FitFactor {
  attribute: FitAttribute;
  status: FactorStatus;
  /** Points earned, out of `max` (the attribute's weight). */
  points: number;
  max: number;
  /** Why, in a word or two: `excluded`, `not_included`, `below_min`, `seniority:vp`, … */
  reason?: string;
}

/** A finding an attribute raises, to be reported by the check. */
export interface AttributeFinding {
  code: IcpCode;
  field: 'industry' | 'employees' | 'revenue' | 'country' | 'tech';
  data: Record<string, unknown>;
}

/** The fit score and how it was made. */
export interface FitResult {
  /** 0–100. */
  fit: number;
  tier: FitTier;
  /** The share of the scored weight whose value was known, 0–1. */
  confidence: number;
  factors: FitFactor[];
  /** Attributes the profile does not constrain: they do not count either way. */
  unscored: FitAttribute[];
  findings: AttributeFinding[];
}

/** An attribute's judgement before weighting: its value (0–1) or unknown. */
interface Judgement {
  /** `false` when the profile says nothing about the attribute. */
  scored: boolean;
  value: number | undefined;
  reason?: string;
  finding?: AttributeFinding;
}

const UNSCORED: Judgement = { scored: false, value: undefined };

/**
 * Scores how well a lead fits the profile, 0–100: the weighted share of the points the
 * lead earns over the attributes the profile has a rule for (an include/exclude list or a
 * range; the sanctioned countries are a rule by default; function when target functions
 * are given; seniority always, on the ladder: research §3.2 item 2, "title C-suite +25 …
 * IC +5", "department primary +15"). A match earns the attribute's
 * weight, a mismatch nothing, an unknown value `unknownCredit` of it, so an unknown
 * lowers the score without failing the lead (issue 5). Monotone by construction: each
 * attribute's value is ordered mismatch ≤ unknown ≤ match (and by rank for seniority),
 * and the score is a non-negative combination of them.
 */
export function scoreFit(lead: Lead, title: ParsedTitle | undefined, profile: ResolvedProfile): FitResult {
  const judgements: Record<FitAttribute, Judgement> = {
    industry: judgeIndustry(lead.industry, profile),
    employees: judgeRange('employees', lead.employees, profile.employees, 'ICP_SIZE_OUT_OF_RANGE'),
    revenue: judgeRange('revenue', lead.revenue, profile.revenue, 'ICP_REVENUE_OUT_OF_RANGE'),
    country: judgeCountry(lead.country, profile),
    technologies: judgeTechnologies(lead.tech, profile),
    seniority: judgeSeniority(title),
    function: judgeFunction(title, profile),
  };
  const factors: FitFactor[] = [];
  const unscored: FitAttribute[] = [];
  const findings: AttributeFinding[] = [];
  let possible = 0;
  let earned = 0;
  let known = 0;
  for (const attribute of FIT_ATTRIBUTES) {
    const judgement = judgements[attribute];
    if (judgement.finding) findings.push(judgement.finding);
    if (!judgement.scored) {
      unscored.push(attribute);
      continue;
    }
    const weight = profile.weights[attribute];
    const value = judgement.value ?? profile.unknownCredit;
    possible += weight;
    earned += weight * value;
    if (judgement.value !== undefined) known += weight;
    factors.push({
      attribute,
      status: judgement.value === undefined ? 'unknown' : judgement.value >= 1 ? 'match' : judgement.value <= 0 ? 'mismatch' : 'partial',
      points: round1(weight * value),
      max: weight,
      ...(judgement.reason ? { reason: judgement.reason } : {}),
    });
  }
  // Nothing weighted (every weight the profile scores set to 0): nothing to hold against the lead.
  const fit = possible === 0 ? 100 : Math.round((100 * earned) / possible);
  return {
    fit,
    tier: fitTier(fit, profile.tiers),
    confidence: possible === 0 ? 1 : Math.round((100 * known) / possible) / 100,
    factors,
    unscored,
    findings,
  };
}

/** The tier of a fit score: A ≥ tiers.a, B ≥ tiers.b, C ≥ tiers.c, D below. */
export function fitTier(fit: number, tiers: Readonly<{ a: number; b: number; c: number }>): FitTier {
  if (fit >= tiers.a) return 'A';
  if (fit >= tiers.b) return 'B';
  if (fit >= tiers.c) return 'C';
  return 'D';
}

function judgeIndustry(industry: string | undefined, profile: ResolvedProfile): Judgement {
  const { industryInclude: include, industryExclude: exclude } = profile;
  if (include.length === 0 && exclude.length === 0) return UNSCORED;
  if (industry === undefined) return { scored: true, value: undefined };
  const codes = industryCodes(industry, profile.industryLabels);
  if (!codes) return { scored: true, value: undefined, reason: 'unrecognised_label' };
  const shown = codes.join('|');
  if (exclude.length > 0) {
    const excluded = matchPrefixes(codes, exclude);
    if (excluded === 'all') {
      return { scored: true, value: 0, reason: 'excluded', finding: { code: 'ICP_INDUSTRY_EXCLUDED', field: 'industry', data: { industry: shown, reason: 'excluded' } } };
    }
    // Possibly under an excluded prefix: neither a match nor a mismatch.
    if (excluded === 'some') return { scored: true, value: undefined, reason: 'maybe_excluded' };
  }
  if (include.length === 0) return { scored: true, value: 1 };
  const included = matchPrefixes(codes, include);
  if (included === 'all') return { scored: true, value: 1 };
  if (included === 'some') return { scored: true, value: undefined, reason: 'maybe_included' };
  return {
    scored: true,
    value: 0,
    reason: 'not_included',
    // Known but outside the include list: a judgement, not the exclude list's hard no (B2).
    finding: { code: 'ICP_INDUSTRY_NOT_INCLUDED', field: 'industry', data: { industry: shown, reason: 'not_included' } },
  };
}

function judgeRange(
  field: 'employees' | 'revenue',
  value: number | undefined,
  range: IcpRange | undefined,
  code: 'ICP_SIZE_OUT_OF_RANGE' | 'ICP_REVENUE_OUT_OF_RANGE',
): Judgement {
  if (!range || (range.min === undefined && range.max === undefined)) return UNSCORED;
  if (value === undefined) return { scored: true, value: undefined };
  const reason = range.min !== undefined && value < range.min ? 'below_min' : range.max !== undefined && value > range.max ? 'above_max' : undefined;
  if (!reason) return { scored: true, value: 1 };
  return { scored: true, value: 0, reason, finding: { code, field, data: { [field]: value, min: range.min, max: range.max } } };
}

function judgeCountry(country: string | undefined, profile: ResolvedProfile): Judgement {
  const { countryInclude: include, countryExclude: exclude, excludeSanctioned } = profile;
  if (!excludeSanctioned && exclude.size === 0 && !include) return UNSCORED;
  if (country === undefined) return { scored: true, value: undefined };
  // Sanctions first: the reason a reviewer needs is the legal one, whatever the lists say.
  const reason = excludeSanctioned && SANCTIONED.has(country) ? 'sanctioned' : exclude.has(country) ? 'excluded' : include && !include.has(country) ? 'not_included' : undefined;
  if (!reason) return { scored: true, value: 1 };
  // Sanctioned or excluded is a hard no; outside the served regions a judgement (B5).
  const code = reason === 'not_included' ? 'ICP_GEO_NOT_SERVED' : 'ICP_GEO_EXCLUDED';
  return { scored: true, value: 0, reason, finding: { code, field: 'country', data: { country, reason } } };
}

function judgeTechnologies(tech: readonly string[] | undefined, profile: ResolvedProfile): Judgement {
  const { techRequired: required, techExcluded: excluded } = profile;
  if (required.size === 0 && excluded.size === 0) return UNSCORED;
  // An empty list is "nothing detected", which enrichment says about many real stacks: unknown.
  const used = (tech ?? []).map((name) => ({ name, key: normalizeTechnology(name) })).filter((entry) => entry.key !== '');
  if (used.length === 0) return { scored: true, value: undefined };
  const blocked = used.find((entry) => excluded.has(entry.key));
  if (blocked) {
    return { scored: true, value: 0, reason: 'excluded', finding: { code: 'ICP_TECH_MISMATCH', field: 'tech', data: { reason: 'excluded', technology: blocked.key } } };
  }
  if (required.size > 0 && !used.some((entry) => required.has(entry.key))) {
    return {
      scored: true,
      value: 0,
      reason: 'required_missing',
      finding: { code: 'ICP_TECH_MISMATCH', field: 'tech', data: { reason: 'required_missing', required: [...required].join(', ') } },
    };
  }
  return { scored: true, value: 1 };
}

function judgeSeniority(title: ParsedTitle | undefined): Judgement {
  if (!title || title.junk) return { scored: true, value: undefined };
  // A student or retiree is a real person but no buyer (research §3.2 item 3).
  if (title.nonWorkforce) return { scored: true, value: 0, reason: title.nonWorkforce };
  if (title.seniority === 'unknown') return { scored: true, value: undefined };
  return { scored: true, value: SENIORITY_CREDIT[title.seniority], reason: title.seniority };
}

function judgeFunction(title: ParsedTitle | undefined, profile: ResolvedProfile): Judgement {
  // Without target functions every function fits equally: nothing to score.
  if (!profile.functions) return UNSCORED;
  if (!title || title.junk || title.nonWorkforce || title.function === 'unknown') return { scored: true, value: undefined };
  // A general manager (CEO, MD, owner) buys for every function, as in the role check.
  if (title.function === 'general_management' || profile.functions.has(title.function)) {
    return { scored: true, value: 1, reason: title.function };
  }
  return { scored: true, value: 0, reason: title.function };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
