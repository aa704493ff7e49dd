import type { Seniority } from '../role/taxonomy.js';

/**
 * Default numbers of the ICP check, each with where it comes from. Every one is an
 * option of the profile: vendors ship defaults, never hard-coded values (research
 * value_truth.md §0).
 */

/** The attributes the fit score is built from. */
export const FIT_ATTRIBUTES = ['industry', 'employees', 'revenue', 'country', 'technologies', 'seniority', 'function'] as const;
/** One attribute of the fit score: `industry`, `employees`, `revenue`, `country`, `technologies`, `seniority` or `function`. */
export type FitAttribute = (typeof FIT_ATTRIBUTES)[number];

/**
 * Default weights, summing to 100. Shaped after the public scoring template quoted in
 * research §3.2 (company size +5…+25, industry +20, revenue +5…+20, geography +10, title
 * C-suite +25 … IC +5, department +15, tech stack +15…+20), rounded to a 100-point scale.
 */
export const DEFAULT_WEIGHTS: Readonly<Record<FitAttribute, number>> = Object.freeze({
  industry: 20,
  employees: 20,
  revenue: 10,
  country: 10,
  technologies: 10,
  seniority: 20,
  function: 10,
});

/**
 * Share of an attribute's weight a lead earns for its seniority. Non-increasing down
 * Apollo's ladder (research §6.1), so a more senior title never scores lower; the
 * template's C-suite +25 vs IC +5 puts an individual contributor at about a fifth.
 */
export const SENIORITY_CREDIT: Readonly<Record<Exclude<Seniority, 'unknown'>, number>> = Object.freeze({
  owner: 1,
  founder: 1,
  c_suite: 1,
  partner: 0.9,
  vp: 0.9,
  head: 0.8,
  director: 0.8,
  manager: 0.6,
  senior: 0.35,
  entry: 0.2,
  intern: 0.05,
});

/**
 * Share of an attribute's weight an unknown value earns: less than a match, more than a
 * mismatch, so an unknown lowers the score without counting as a failure (issue 5).
 */
export const DEFAULT_UNKNOWN_CREDIT = 0.5;

/**
 * The least confidence at which a fit under the floor is reported: at least half of the
 * scored weight must be known. A lead the profile knows little about gets a low score
 * (unknowns earn less than matches) but no ICP_FIT_LOW on unknowns alone (issue 5:
 * "unknown attributes are not failures").
 */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

/** Fit tiers: MadKudu's customer-fit segments, very good 85–100, good 70–84, medium 50–69, low 0–49 (research §3.2). */
export const DEFAULT_TIERS = Object.freeze({ a: 85, b: 70, c: 50 });
/** A fit tier: A (very good) to D (low), cut at `tiers.a`, `tiers.b`, `tiers.c`. */
export type FitTier = 'A' | 'B' | 'C' | 'D';

/**
 * Points per behaviour signal type, before decay. Negative points subtract.
 * - content_download 20, form_submit 20, event_attended 30, email_click 1, unsubscribe −15,
 *   careers_visit −10, demo_request 100 (a demo form is an automatic MQL): Relias' public
 *   scoring model (forms +20/+40, webinar attended +15/+30, clicks +1, careers page −10,
 *   unsubscribe −15, demo form = auto-MQL), research §3.2.
 * - page_visit 1: Pardot's default page view +1 (research §3.2).
 * - pricing_view 25, trial_signup 50, event_registered 10: proposed here, between a page
 *   view and a form; pricing and trial pages are the usual high-intent pages in HubSpot
 *   and Marketo models.
 */
export const DEFAULT_SIGNAL_POINTS: Readonly<Record<string, number>> = Object.freeze({
  page_visit: 1,
  email_click: 1,
  content_download: 20,
  form_submit: 20,
  event_registered: 10,
  event_attended: 30,
  pricing_view: 25,
  trial_signup: 50,
  demo_request: 100,
  careers_visit: -10,
  unsubscribe: -15,
});

/**
 * Decay half-life in days: a signal this old counts half. Matches Marketo's 30-day
 * engagement window and HubSpot's "50 % every month" decay example (research §3.2).
 */
export const DEFAULT_HALF_LIFE_DAYS = 30;

/**
 * The most signals of one type that count (the strongest, i.e. the most recent). Marketo
 * caps engagement at 20 occurrences per activity type a day (research §3.2); without a
 * cap, a bot that loads 200 pages would become an MQL.
 */
export const DEFAULT_MAX_SIGNALS_PER_TYPE = 20;

/** MQL threshold in points: GitLab, Relias and Pardot all use 100 (research §3.2 item 5). */
export const DEFAULT_MQL_THRESHOLD = 100;

/** The lowest fit tier that can be an MQL: "fit tier ≥ B and intent ≥ threshold" (research §3.2 item 5). */
export const DEFAULT_MQL_MIN_TIER: FitTier = 'B';

/** Who a motion is for: new logos (prospects) or existing customers. */
export type Audience = 'prospects' | 'customers';

/** The settings that depend on the motion when the profile does not set them. */
export interface MotionSettings {
  fitFloor: number;
  mqlThreshold: number;
  scoreBehaviour: boolean;
  audience: Audience;
}

/**
 * Per-motion defaults (research §5): inbound reviews fit under 50; outbound rejects fit
 * under 70; partner leads are excluded from behavioural scoring (GitLab: partner leads
 * "are excluded from lead scoring when passed to partners"); expansion is for customers,
 * with twice the prospect MQL threshold (Relias: 100 for prospects, 200 for customers).
 * A motion of another name gets the inbound settings.
 */
export const MOTION_SETTINGS: Readonly<Record<string, MotionSettings>> = Object.freeze({
  inbound: { fitFloor: 50, mqlThreshold: DEFAULT_MQL_THRESHOLD, scoreBehaviour: true, audience: 'prospects' },
  abm: { fitFloor: 50, mqlThreshold: DEFAULT_MQL_THRESHOLD, scoreBehaviour: true, audience: 'prospects' },
  outbound: { fitFloor: 70, mqlThreshold: DEFAULT_MQL_THRESHOLD, scoreBehaviour: true, audience: 'prospects' },
  partner: { fitFloor: 50, mqlThreshold: DEFAULT_MQL_THRESHOLD, scoreBehaviour: false, audience: 'prospects' },
  expansion: { fitFloor: 50, mqlThreshold: 2 * DEFAULT_MQL_THRESHOLD, scoreBehaviour: true, audience: 'customers' },
});
