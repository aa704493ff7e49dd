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
  checks: BASE_CHECKS,
  actions: {
    ...BASE_ACTIONS,
    EMAIL_DOMAIN_MISMATCH: 'flag',
    PHONE_MISSING: 'flag',
    PHONE_INVALID: 'flag',
    PHONE_COUNTRY_MISMATCH: 'flag',
    PHONE_TYPE_SUSPECT: 'flag',
  },
  onError: 'review',
});
