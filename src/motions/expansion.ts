import { BASE_ACTIONS, BASE_CHECKS, definePreset } from './shared.js';

/**
 * Expansion: new contacts at existing customers (upsell, cross-sell). The account is
 * known already, so an email domain that differs from the website (a subsidiary, a
 * regional domain) is only noted, and phone problems do not hold the lead up.
 */
export const expansion = definePreset({
  name: 'expansion',
  version: '1.2.0',
  description: 'New contacts at existing customers: the account is known, so domain and phone doubts are only flagged.',
  checks: {
    ...BASE_CHECKS,
    role: { seniorityFloor: 'entry', maxAgeDays: 180 },
    // source check: many contacts at one customer is the point, so the domain is not counted.
    source: { velocity: Object.freeze({ domain: false }) },
    consent: {},
    // ICP fit (icp check): the lead must be at a customer; customers qualify at twice the
    // prospect MQL threshold (research §5, Relias: 100 for prospects, 200 for customers).
    icp: { fitFloor: 50, mqlThreshold: 200, audience: 'customers' },
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
    // The customer is a company the account team knows: its work domain is taken as a
    // corporate subscriber's (CP-06's review is for cold use), and noted.
    CONSENT_SUBSCRIBER_INFERRED: 'flag',
    // ICP fit (icp check): the customer already bought, so firmographic misses are notes for the
    // account team (research §5: fit gate off); a lead that is not at a customer is not this motion's.
    ICP_NOT_CUSTOMER: 'reject',
    ICP_INDUSTRY_EXCLUDED: 'flag',
    ICP_INDUSTRY_NOT_INCLUDED: 'flag',
    ICP_SIZE_OUT_OF_RANGE: 'flag',
    ICP_REVENUE_OUT_OF_RANGE: 'flag',
    ICP_TECH_MISMATCH: 'flag',
    ICP_FIT_LOW: 'flag',
    ICP_EXISTING_CUSTOMER: 'flag',
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
