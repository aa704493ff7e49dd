import type { Dimension } from '../core/types.js';

/**
 * The sales side of the shared definition: where a lead got to after capture, and why
 * sales turned it down. Like the capture codes, these are public API: a CRM mapping,
 * a report or a dashboard keys on them, so a code is never renamed, only added.
 *
 * Stages follow the usual B2B funnel (the lifecycle stages HubSpot and Salesforce
 * export, issue 13): marketing qualifies (`mql`), sales accepts (`sal`) and qualifies
 * (`sql`), an `opportunity` is opened and ends `won` or `lost`. Off the main path a lead
 * is `rejected` by sales with a reason, or `recycled` back to nurture.
 */
export const OUTCOME_STAGES = ['mql', 'sal', 'sql', 'opportunity', 'won', 'lost', 'rejected', 'recycled'] as const;

/** One stage a lead reached on the sales side. */
export type OutcomeStage = (typeof OUTCOME_STAGES)[number];

/**
 * The main path, in order. A lead recorded at a later stage has passed the earlier
 * ones even when the CRM export only kept the last (a lead at `won` was an `sql`).
 */
export const FUNNEL_STAGES = ['mql', 'sal', 'sql', 'opportunity', 'won'] as const satisfies readonly OutcomeStage[];

/** What a sales reason says about the lead: one of Q = C·T·V, or `other` (free text). */
export type OutcomeDimension = Dimension | 'other';

/** What a sales disposition means, for `docs/codes.md` and the report. */
export interface OutcomeCodeSpec {
  dimension: OutcomeDimension;
  /** The reason as a sales rep would pick it in a CRM drop-down. */
  label: string;
  meaning: string;
  /** What marketing can change upstream so fewer leads end this way. */
  fix: string;
}

/**
 * The closed catalogue of sales reasons (for `rejected`, `lost` and `recycled`). Truth
 * and compliance reasons name a lead that should not have passed the form; value
 * reasons are the ones the ICP and buying-group checks try to predict.
 */
export const OUTCOME_CODES = {
  // truth: the lead was not who or what it said
  SALES_WRONG_TITLE: {
    dimension: 'truth',
    label: 'Wrong or stale title',
    meaning: 'The person does not hold the role the lead gave, or has left it.',
    fix: 'Tighten role currency: a shorter maxAgeDays, or an enricher that confirms the title.',
  },
  SALES_FAKE: {
    dimension: 'truth',
    label: 'Fake or junk contact',
    meaning: 'The person does not exist or the details were made up (test entries, bots, joke names).',
    fix: 'Look at the source check: honeypot, form tokens, timing and velocity on the source that sent it.',
  },
  SALES_UNREACHABLE: {
    dimension: 'truth',
    label: 'Unreachable',
    meaning: 'The email bounced or the phone number does not reach the person.',
    fix: 'Review the email and phone actions: an MX lookup, or PHONE_INVALID to reject for this motion.',
  },
  SALES_DUPLICATE: {
    dimension: 'truth',
    label: 'Duplicate',
    meaning: 'The person was already in the CRM as another lead or contact.',
    fix: 'Give the gate a shared store so SOURCE_DUPLICATE catches the repeat at capture.',
  },
  // compliance: the lead could not lawfully be worked
  SALES_NO_CONSENT: {
    dimension: 'compliance',
    label: 'No consent or lawful basis',
    meaning: 'Sales found no consent or lawful basis that covers the contact it needed to make.',
    fix: 'Review the consent actions for this motion and source; the form or the partner feed is missing the record.',
  },
  SALES_DO_NOT_CONTACT: {
    dimension: 'compliance',
    label: 'Asked not to be contacted',
    meaning: 'The person objected to contact or unsubscribed; the objection is absolute.',
    fix: 'Add the person to the suppression list so the gate stops the next lead (CONSENT_SUPPRESSED).',
  },
  // value: a real, lawful lead that is not worth pursuing now
  SALES_NO_BUDGET: {
    dimension: 'value',
    label: 'No budget',
    meaning: 'The account cannot pay for the product, or the price was the reason a deal was lost.',
    fix: 'Check the revenue and size ranges of the ICP profile.',
  },
  SALES_NO_NEED: {
    dimension: 'value',
    label: 'No need',
    meaning: 'The person or account has no problem the product solves.',
    fix: 'Check which sources and content bring these leads; the ICP fit floor may be too low.',
  },
  SALES_NO_AUTHORITY: {
    dimension: 'value',
    label: 'No authority',
    meaning: 'The person cannot buy or influence the purchase, and no one who can is engaged.',
    fix: 'Raise the role check seniority floor, or use buying-group coverage for this motion.',
  },
  SALES_WRONG_INDUSTRY: {
    dimension: 'value',
    label: 'Wrong industry',
    meaning: 'The account is in an industry the company does not serve.',
    fix: 'Add the industry to the ICP profile exclude list, or narrow the include list.',
  },
  SALES_WRONG_REGION: {
    dimension: 'value',
    label: 'Region not served',
    meaning: 'The account is in a country or region the company does not sell to.',
    fix: 'Set the served regions in the ICP profile.',
  },
  SALES_TOO_SMALL: {
    dimension: 'value',
    label: 'Too small',
    meaning: 'The account is below the size the product is sold to.',
    fix: 'Raise the employee or revenue floor of the ICP profile.',
  },
  SALES_COMPETITOR: {
    dimension: 'value',
    label: 'Competitor',
    meaning: 'The lead came from a competitor (research, benchmarking, recruiting).',
    fix: 'Add the domain to the ICP profile competitor list (ICP_COMPETITOR).',
  },
  SALES_EXISTING_CUSTOMER: {
    dimension: 'value',
    label: 'Existing customer',
    meaning: 'The account already buys from the company; the lead belongs to the account team.',
    fix: 'Give the ICP profile the customer domains so ICP_EXISTING_CUSTOMER routes it at capture.',
  },
  SALES_BAD_TIMING: {
    dimension: 'value',
    label: 'Bad timing',
    meaning: 'A real need, but not now (contract running, budget cycle, reorganisation).',
    fix: 'Nurture rather than pass to sales: check the MQL intent threshold.',
  },
  SALES_LOST_TO_COMPETITOR: {
    dimension: 'value',
    label: 'Lost to a competitor',
    meaning: 'The account bought another product.',
    fix: 'Nothing at capture; compare by source and segment in the report.',
  },
  SALES_NO_DECISION: {
    dimension: 'value',
    label: 'No decision',
    meaning: 'The account stopped answering or chose to do nothing.',
    fix: 'Check buying-group coverage: deals with one contact stall more often.',
  },
  // free text: the reason is in the note
  SALES_OTHER: {
    dimension: 'other',
    label: 'Other',
    meaning: 'A reason outside the catalogue; the note says what it was.',
    fix: 'Read the notes; if one reason keeps coming back, propose it as a new code.',
  },
} as const satisfies Record<string, OutcomeCodeSpec>;

/** A sales reason code: stable public API, like the capture codes. */
export type OutcomeCode = keyof typeof OUTCOME_CODES;

/** True for a string that is a sales reason code. */
export function isOutcomeCode(value: unknown): value is OutcomeCode {
  return typeof value === 'string' && Object.hasOwn(OUTCOME_CODES, value);
}

/** True for a string that is a stage. */
export function isOutcomeStage(value: unknown): value is OutcomeStage {
  return typeof value === 'string' && (OUTCOME_STAGES as readonly string[]).includes(value);
}
