import { BASE_ACTIONS, BASE_CHECKS, definePreset } from './shared.js';

/**
 * Expansion: new contacts at existing customers (upsell, cross-sell). The account is
 * known already, so an email domain that differs from the website (a subsidiary, a
 * regional domain) is only noted, and phone problems do not hold the lead up.
 */
export const expansion = definePreset({
  name: 'expansion',
  version: '1.0.0',
  description: 'New contacts at existing customers: the account is known, so domain and phone doubts are only flagged.',
  checks: { ...BASE_CHECKS, role: { seniorityFloor: 'entry', maxAgeDays: 180 } },
  actions: {
    ...BASE_ACTIONS,
    // A champion who moves on is a signal for the account team, not a defect in the lead.
    ROLE_CHANGED: 'flag',
    EMAIL_DOMAIN_MISMATCH: 'flag',
    PHONE_MISSING: 'flag',
    PHONE_INVALID: 'flag',
    PHONE_COUNTRY_MISMATCH: 'flag',
    PHONE_TYPE_SUSPECT: 'flag',
    // group (with `buyingGroup({ accounts })`): the lead must be tied to the customer's
    // account; coverage is measured against the customer's current group (which includes
    // the champion the account team recorded) and drives cross-sell, so gaps are flagged.
    GROUP_ACCOUNT_UNMATCHED: 'review',
    GROUP_ACCOUNT_AMBIGUOUS: 'review',
    GROUP_ROLE_UNMAPPED: 'flag',
    GROUP_COVERAGE_LOW: 'flag',
    GROUP_NO_DECISION_MAKER: 'flag',
  },
  onError: 'review',
});
