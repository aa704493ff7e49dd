import { BASE_ACTIONS, definePreset } from './shared.js';

/**
 * Outbound: sales reaches out first, by email and phone, to people who did not ask.
 * Every lead is called, so the phone is required and must be a direct line; every
 * lead is mailed cold, so the address must be a person's work address.
 */
export const outbound = definePreset({
  name: 'outbound',
  version: '1.0.0',
  description: 'Sales calls and mails first: a direct phone line and a personal work address are required; titles below manager and list records older than 90 days are reviewed.',
  checks: { email: {}, phone: { required: true }, role: { required: true, seniorityFloor: 'manager', maxAgeDays: 90 } },
  actions: {
    ...BASE_ACTIONS,
    // List data decays: 90 days (research §2.7, Crustdata's job-change window); a call needs a role.
    ROLE_MISSING: 'reject',
    ROLE_NOT_WORKFORCE: 'reject',
    ROLE_FUNCTION_OUT_OF_SCOPE: 'reject',
    EMAIL_FREE_PROVIDER: 'reject',
    EMAIL_ROLE_ACCOUNT: 'reject',
    PHONE_MISSING: 'reject',
    PHONE_INVALID: 'reject',
    PHONE_TYPE_SUSPECT: 'reject',
    // group (with `buyingGroup({ accounts })`): a list record tied to no known account, or
    // to several, is list hygiene for a person (research §5: L2A required for outbound);
    // calling someone already in touch with us cold is worse than not calling.
    GROUP_ACCOUNT_UNMATCHED: 'review',
    GROUP_ACCOUNT_AMBIGUOUS: 'review',
    GROUP_CONTACT_EXISTS: 'review',
    // Multithreading cue (research §4.5, C8): noted, not held.
    GROUP_NO_DECISION_MAKER: 'flag',
  },
  onError: 'review',
});
