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
