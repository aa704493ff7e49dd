import type { MotionPreset } from '../core/policy.js';
import type { Action } from '../core/types.js';

/**
 * The actions every motion starts from; each preset overrides what its go-to-market
 * motion needs. Kept in one place so that a code added to a check gets the same
 * default everywhere unless a motion says otherwise.
 */
export const BASE_ACTIONS = {
  // A submission that is not a lead at all cannot be routed anywhere.
  SYSTEM_INPUT_INVALID: 'reject',
  // A dropped field may have been the one that mattered: a human looks.
  SYSTEM_FIELD_INVALID: 'review',
  SYSTEM_FIELD_TRUNCATED: 'flag',

  // Unreachable addresses: no motion can use them.
  EMAIL_MISSING: 'reject',
  EMAIL_SYNTAX: 'reject',
  // The form offers the fix; a lead that keeps a typo'd provider domain gets no mail.
  EMAIL_TYPO: 'reject',
  EMAIL_DISPOSABLE: 'reject',
  EMAIL_NO_MX: 'reject',
  EMAIL_FREE_PROVIDER: 'review',
  EMAIL_ROLE_ACCOUNT: 'review',
  EMAIL_DOMAIN_MISMATCH: 'review',

  // Phone is optional unless a motion requires it; a bad one costs a call, not the lead.
  PHONE_MISSING: 'review',
  PHONE_INVALID: 'review',
  PHONE_COUNTRY_MISMATCH: 'review',
  PHONE_TYPE_SUSPECT: 'review',

  // A title that is no title is never a lead (research §5: junk/malformed fail in every motion).
  ROLE_JUNK: 'reject',
  ROLE_MALFORMED: 'reject',
  // Everything else about a role is a judgement: a person looks.
  ROLE_MISSING: 'review',
  ROLE_NOT_WORKFORCE: 'review',
  ROLE_UNRECOGNISED: 'review',
  ROLE_SENIORITY_LOW: 'review',
  ROLE_FUNCTION_OUT_OF_SCOPE: 'review',
  ROLE_STALE: 'review',
  ROLE_CHANGED: 'review',
  ROLE_EMPLOYER_MISMATCH: 'review',

  // source check (research compliance_source.md §2.6). Bot signals and forgeries are
  // never leads: a filled honeypot (SV-06), a forged, expired or replayed token (SV-04,
  // SV-07), a submit faster than a person (SV-07), a form posted from another site (SV-01),
  // and a burst for one email or phone (SV-11).
  SOURCE_HONEYPOT: 'reject',
  SOURCE_TOKEN_INVALID: 'reject',
  SOURCE_FORM_TOKEN_INVALID: 'reject',
  SOURCE_TOO_FAST: 'reject',
  SOURCE_ORIGIN_NOT_ALLOWED: 'reject',
  // SV-01: with an origin allow-list, a post with no origin must authenticate itself.
  SOURCE_UNAUTHENTICATED: 'reject',
  SOURCE_VELOCITY: 'reject',
  // Offices, carriers and events put many people behind one IP or one domain (SV-11: IP → review).
  SOURCE_VELOCITY_SHARED: 'review',
  // Which source gets the credit for a person two sources sent is a human call (SV-12, research §3 item 9).
  SOURCE_DUPLICATE: 'review',
  // An old lead may still be a person worth calling; consent and interest need re-confirming (research §3 item 6).
  SOURCE_STALE: 'review',
  // Only fires where a motion requires attribution; the partner motion rejects.
  SOURCE_UNATTRIBUTED: 'review',
  // consent check (research compliance_source.md §0.1, §3): "reject the consent, not the
  // person". Judgements (wording, LIA content, relationship, partner terms) go to a person;
  // each motion hardens or softens what its pipeline depends on.
  CONSENT_MISSING: 'review',
  CONSENT_BASIS_MISSING: 'review',
  CONSENT_IMPLIED_EXPIRED: 'review',
  // No affirmative act is no consent (Recital 32). Rejected where the motion needs the
  // consent as its basis (partner); inbound and abm strip it, outbound and expansion review.
  CONSENT_PRETICKED: 'reject',
  CONSENT_BUNDLED: 'review',
  CONSENT_TEXT_UNKNOWN: 'review',
  CONSENT_RECORD_INCOMPLETE: 'review',
  CONSENT_PARTNER_NOT_NAMED: 'review',
  // CP-14: partner consent not naming us leaves opt-out channels (review, above); with
  // none left there is nothing lawful to do with the lead.
  CONSENT_PARTNER_NO_CHANNEL: 'reject',
  // CP-14: "reasonably recent" (ICO) is a judgement; 180 days only says when to look.
  CONSENT_PARTNER_STALE: 'review',
  // CP-14, GDPR Art. 14(2)(f): the notice the person is owed cannot be given.
  CONSENT_SOURCE_UNDISCLOSED: 'reject',
  // CP-06: a UK work domain may be a sole trader's (an individual subscriber): a person checks.
  CONSENT_SUBSCRIBER_INFERRED: 'review',
  // An opt-out is absolute (GDPR Art. 21(3), CAN-SPAM, TCPA): no motion may contact the person.
  CONSENT_SUPPRESSED: 'reject',
  CONSENT_GPC_OPTOUT: 'review',
  CONSENT_RECEIPT_INVALID: 'review',
  // ICP fit (icp check). Sanctions and competitors are never leads (research §3.2 item 3:
  // hard disqualifiers); ICP_GEO_EXCLUDED carries the sanctioned countries, so it rejects in
  // every motion. The profile's exclude lists are hard noes too, its include lists a
  // judgement (value_truth.md B2, B5: excluded → fail, not included → review). Everything
  // else about fit is a judgement a person makes (research §3.4).
  ICP_COMPANY_MISSING: 'review',
  ICP_INDUSTRY_EXCLUDED: 'reject',
  ICP_INDUSTRY_NOT_INCLUDED: 'review',
  ICP_SIZE_OUT_OF_RANGE: 'review',
  ICP_REVENUE_OUT_OF_RANGE: 'review',
  ICP_GEO_EXCLUDED: 'reject',
  ICP_GEO_NOT_SERVED: 'review',
  ICP_TECH_MISMATCH: 'review',
  ICP_COMPETITOR: 'reject',
  // A customer arriving through a new-logo motion belongs to the account team: route it.
  ICP_EXISTING_CUSTOMER: 'review',
  ICP_NOT_CUSTOMER: 'review',
  ICP_FIT_LOW: 'review',
  // Low engagement is a reason to nurture, never to reject (research §3.4 B9).
  ICP_INTENT_LOW: 'flag',
  // group (buying-group context): informational unless a motion makes the account the
  // unit. Runs only when the gate is given `buyingGroup({ accounts })`. A returning
  // contact, a covered role and an account no single match decides are notes for routing.
  GROUP_ACCOUNT_UNMATCHED: 'ignore',
  GROUP_ACCOUNT_AMBIGUOUS: 'flag',
  GROUP_NOT_TARGET_ACCOUNT: 'ignore',
  GROUP_ROLE_UNMAPPED: 'ignore',
  GROUP_ROLE_COVERED: 'flag',
  GROUP_COVERAGE_LOW: 'ignore',
  GROUP_NO_DECISION_MAKER: 'ignore',
  GROUP_CONTACT_EXISTS: 'flag',
  // Channel conflict needs a person in every motion that takes partner leads.
  GROUP_OWNERSHIP_CONFLICT: 'review',
} as const satisfies Record<string, Action>;

/** The checks every motion runs with default options; each motion adds its own `role` options. */
export const BASE_CHECKS = { email: {}, phone: {} } as const;

/**
 * Freezes a preset and its tables: presets are shared by every gate of a process, so
 * one gate must not be able to change another's policy by mutating them.
 */
export function definePreset(preset: MotionPreset): MotionPreset {
  const checks = Object.fromEntries(Object.entries(preset.checks).map(([id, options]) => [id, Object.freeze({ ...options })]));
  return Object.freeze({ ...preset, checks: Object.freeze(checks), actions: Object.freeze({ ...preset.actions }) });
}
