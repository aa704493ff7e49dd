import { defineCheck, type CheckContext, type CheckOutcome } from '../../core/check.js';
import type { Lead } from '../../core/lead.js';
import { parseTitle } from '../role/parse-title.js';
import { ICP_CODES, type IcpCode } from './codes.js';
import { findListedDomain, identifyCompany } from './company.js';
import { MOTION_SETTINGS, type Audience, type FitTier } from './defaults.js';
import { scoreFit, type FitResult } from './fit.js';
import { scoreIntent, type IntentResult } from './intent.js';
import { resolveProfile, type IcpProfile, type ResolvedProfile } from './options.js';

export { ICP_CODES, type IcpCode } from './codes.js';
export { DEFAULT_SIGNAL_POINTS, DEFAULT_WEIGHTS, FIT_ATTRIBUTES, type Audience, type FitAttribute, type FitTier } from './defaults.js';
export type { FitFactor, FitResult } from './fit.js';
export type { BehaviourSignal, IntentResult } from './intent.js';
export type { IcpProfile, IcpRange } from './options.js';

const MAX_TITLE_LENGTH = 128;
// Two letters anywhere, without collecting every letter into an array.
const TWO_LETTERS = /\p{L}[^]*\p{L}/u;
const TIER_RANK: Record<FitTier, number> = { A: 0, B: 1, C: 2, D: 3 };

// Findings that disqualify a lead whatever its scores: it is never an MQL (research §3.2 item 3).
const DISQUALIFIERS: ReadonlySet<IcpCode> = new Set([
  'ICP_COMPANY_MISSING',
  'ICP_INDUSTRY_EXCLUDED',
  // Outside the profile's include lists: not marketing-qualified, though only a review.
  'ICP_INDUSTRY_NOT_INCLUDED',
  'ICP_GEO_EXCLUDED',
  'ICP_GEO_NOT_SERVED',
  'ICP_COMPETITOR',
  'ICP_EXISTING_CUSTOMER',
  'ICP_NOT_CUSTOMER',
]);

/**
 * Checks a lead against an ideal customer profile (ICP) and scores it: a fit score
 * (0–100, tiers A/B/C/D at 85/70/50) from firmographics (industry as NAICS prefixes,
 * employees, revenue, country, technologies) and demographics (seniority and function
 * from `parseTitle`), and a separate intent score from `lead.behaviour`, decayed by age.
 * Fit and intent stay two numbers, as MadKudu, HubSpot, Pardot and 6sense keep them
 * (research value_truth.md §0, §3.2). Synchronous and DOM-free: it runs in the browser.
 *
 * Reports `{ fit, intent, mql }` in `evidence.scores`, which the gate lifts into
 * `verdict.scores.fit`, `verdict.scores.intent` and `verdict.mql`. MQL = no disqualifying
 * finding, fit tier at or above `mqlMinTier` (B), and intent ≥ `mqlThreshold` (100; 200
 * under expansion). Under the partner motion behaviour is not scored: no intent, no mql.
 *
 * Settings the profile leaves out follow the motion (`ctx.motion`): fit floor 50 (70 in
 * outbound), MQL threshold 100 (200 in expansion), no behavioural scoring in partner,
 * and the audience: customers in expansion, prospects elsewhere.
 *
 * Evidence: `{ company, fit, tier, confidence, factors, added, subtracted, unknown, unscored,
 * customer, intent?, scores }`.
 *
 * @example
 * createGate({ motion: 'outbound', checks: [icpFit({ employees: { min: 50, max: 5000 }, countries: { include: ['DE', 'AT', 'CH'] } })] });
 */
export const icpFit = (profile: IcpProfile = {}) => {
  const resolved = resolveProfile(profile);
  return defineCheck({
    id: 'icp',
    dimension: 'value',
    runsIn: 'anywhere',
    fields: ['company', 'website', 'email', 'industry', 'employees', 'revenue', 'tech', 'country', 'title', 'behaviour'],
    codes: ICP_CODES,
    run: (lead, ctx) => judgeLead(lead, resolved, ctx),
  });
};

function judgeLead(lead: Lead, profile: ResolvedProfile, ctx: CheckContext<IcpCode>): CheckOutcome {
  // Own keys only: a motion named "toString" must not find Object.prototype's.
  const motion = (Object.hasOwn(MOTION_SETTINGS, ctx.motion) ? MOTION_SETTINGS[ctx.motion] : undefined) ?? MOTION_SETTINGS.inbound!;
  const audience: Audience = profile.audience ?? motion.audience;
  const reported = new Set<IcpCode>();
  const report = (code: IcpCode, field: string, data?: Record<string, unknown>) => {
    reported.add(code);
    ctx.report(code, data ? { field, data } : { field });
  };

  const company = identifyCompany(lead);
  if (!company.named && company.domains.length === 0) report('ICP_COMPANY_MISSING', 'company');

  const competitor = findListedDomain(company.domains, profile.competitors);
  if (competitor) report('ICP_COMPETITOR', competitor.domain.source, { domain: competitor.listed });

  // Without a customer list, or without a domain to look up, customer status is unknown: no finding.
  const customerKnown = profile.customers.size > 0 && company.domains.length > 0;
  const customer = customerKnown ? findListedDomain(company.domains, profile.customers) : undefined;
  if (customer && audience === 'prospects') report('ICP_EXISTING_CUSTOMER', customer.domain.source, { domain: customer.listed });
  if (customerKnown && !customer && audience === 'customers') report('ICP_NOT_CUSTOMER', company.domains[0]!.source, { domain: company.domains[0]!.host });

  const title = readableTitle(lead.title) ? parseTitle(lead.title!, lead.employees === undefined ? {} : { employees: lead.employees }) : undefined;
  const fit = scoreFit(lead, title, profile);
  for (const finding of fit.findings) report(finding.code, finding.field, finding.data);
  const fitFloor = profile.fitFloor ?? motion.fitFloor;
  if (fit.fit < fitFloor && fit.confidence >= profile.minConfidence && profileConstrainsFit(fit, profile)) {
    report('ICP_FIT_LOW', 'company', { fit: fit.fit, floor: fitFloor, tier: fit.tier, confidence: fit.confidence });
  }

  const evidence: Record<string, unknown> = {
    company: { named: company.named, domains: company.domains.map((domain) => domain.host) },
    customer: customerKnown ? customer !== undefined : 'unknown',
    audience,
    ...fitEvidence(fit),
  };

  const scoreBehaviour = profile.scoreBehaviour ?? motion.scoreBehaviour;
  if (!scoreBehaviour) {
    evidence.intent = { scored: false };
    evidence.scores = { fit: fit.fit };
    return ctx.pass(evidence);
  }
  const mqlThreshold = profile.mqlThreshold ?? motion.mqlThreshold;
  const intentFloor = profile.intentFloor ?? mqlThreshold;
  const intent = scoreIntent(lead.behaviour, ctx.now(), profile);
  // No behaviour data is unknown intent, not low intent: no finding.
  if (intent.counted > 0 && intent.score < intentFloor) report('ICP_INTENT_LOW', 'behaviour', { intent: intent.score, floor: intentFloor });
  const disqualified = [...reported].some((code) => DISQUALIFIERS.has(code));
  const mql = !disqualified && TIER_RANK[fit.tier] <= TIER_RANK[profile.mqlMinTier] && intent.score >= mqlThreshold;
  evidence.intent = intentEvidence(intent, mqlThreshold, profile);
  evidence.scores = { fit: fit.fit, intent: intent.score, mql };
  return ctx.pass(evidence);
}

/**
 * The role check's shape rule (ROLE_MALFORMED: under 2 letters or over 128 characters):
 * such a title says nothing about seniority, so it is unknown here, never parsed.
 */
function readableTitle(title: string | undefined): boolean {
  if (!title || title.length > MAX_TITLE_LENGTH) return false;
  return TWO_LETTERS.test(title);
}

function fitEvidence(fit: FitResult): Record<string, unknown> {
  return {
    fit: fit.fit,
    tier: fit.tier,
    confidence: fit.confidence,
    factors: fit.factors,
    added: fit.factors.filter((factor) => factor.status !== 'unknown' && factor.points > 0).map((factor) => factor.attribute),
    subtracted: fit.factors.filter((factor) => factor.status === 'mismatch' || factor.status === 'partial').map((factor) => factor.attribute),
    unknown: fit.factors.filter((factor) => factor.status === 'unknown').map((factor) => factor.attribute),
    unscored: fit.unscored,
  };
}

function intentEvidence(intent: IntentResult, mqlThreshold: number, profile: ResolvedProfile): Record<string, unknown> {
  return {
    scored: true,
    score: intent.score,
    mqlThreshold,
    halfLifeDays: profile.halfLifeDays,
    counted: intent.counted,
    ignored: intent.ignored,
    byType: intent.byType,
  };
}

/**
 * Whether the profile says anything about fit beyond seniority and the default sanctions
 * rule. The presets' open profile does not: its fit is the title's seniority alone, which
 * the role check already judges against each motion's own floor (inbound and partner
 * accept entry level on purpose), so ICP_FIT_LOW there would review every coordinator
 * the role floor accepts. The score is still computed and reported either way.
 */
function profileConstrainsFit(fit: FitResult, profile: ResolvedProfile): boolean {
  const onlySanctions = profile.countryExclude.size === 0 && !profile.countryInclude;
  return fit.factors.some((factor) => factor.attribute !== 'seniority' && !(factor.attribute === 'country' && onlySanctions));
}
