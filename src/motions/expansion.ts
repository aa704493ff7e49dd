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
  checks: {
    ...BASE_CHECKS,
    role: { seniorityFloor: 'entry', maxAgeDays: 180 },
    // source check: many contacts at one customer is the point, so the domain is not counted.
    source: { velocity: Object.freeze({ domain: false }) },
    consent: {},
  },
  actions: {
    ...BASE_ACTIONS,
    // A champion who moves on is a signal for the account team, not a defect in the lead.
    ROLE_CHANGED: 'flag',
    EMAIL_DOMAIN_MISMATCH: 'flag',
    PHONE_MISSING: 'flag',
    PHONE_INVALID: 'flag',
    PHONE_COUNTRY_MISMATCH: 'flag',
    PHONE_TYPE_SUSPECT: 'flag',
    // source check: known people at customers come back; the CRM merges them.
    SOURCE_DUPLICATE: 'flag',
    // consent check. The relationship is the basis: inside its window it carries the lead,
    // outside it CONSENT_IMPLIED_EXPIRED is reviewed (BASE_ACTIONS), since a renewal or a recent
    // request may not be in the record yet. A GDPR-only gap (no LIA, channel allowed) is noted:
    // research CP-14 "relationship unverified → STRIP".
    CONSENT_BASIS_MISSING: 'flag',
    // A void box on an existing customer leaves the relationship to judge: a person decides.
    CONSENT_PRETICKED: 'review',
  },
  onError: 'review',
});
