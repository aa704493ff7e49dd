import { BASE_ACTIONS, definePreset } from './shared.js';

/**
 * Outbound: sales reaches out first, by email and phone, to people who did not ask.
 * Every lead is called, so the phone is required and must be a direct line; every
 * lead is mailed cold, so the address must be a person's work address.
 */
export const outbound = definePreset({
  name: 'outbound',
  version: '1.2.0',
  description: 'Sales calls and mails first: a direct phone line and a personal work address are required; titles below manager and list records older than 90 days are reviewed.',
  checks: {
    email: {},
    phone: { required: true },
    role: { required: true, seniorityFloor: 'manager', maxAgeDays: 90 },
    // source check: lists hold many contacts per account and come from one importer, so
    // domain and IP are not counted; list records older than 90 days are reviewed, as for roles.
    source: { velocity: Object.freeze({ domain: false, ip: false }), maxAgeDays: 90 },
    // consent check: list records are not collected from the person, so they must name
    // their source (GDPR Art. 14(2)(f)).
    consent: { fromThirdParty: true },
    // ICP fit (icp check): a cold list is built for fit, so fit under 70 is not called (research §5).
    icp: { fitFloor: 70 },
  },
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
    // consent check. EU/UK cold outreach rests on legitimate interest with a recorded
    // assessment (liaRef); without one the lead stays out of sequences (research CP-14).
    CONSENT_BASIS_MISSING: 'reject',
    // A channel that needs consent (DE email, US autodialled calls and texts) is reviewed, not
    // rejected: the other channel, or a manual call to a business line, may still be lawful,
    // and only a person knows how the lead will be worked.
    CONSENT_MISSING: 'review',
    // Outbound rarely rests on the form's box; a void consent is judged as no consent by the
    // basis rules, so a person decides instead of a hard reject.
    CONSENT_PRETICKED: 'review',
    // ICP fit (icp check): every lead costs a rep's call, so a list record outside the ICP is dropped
    // (research §3.4 B3: size fails in outbound; B8: fit < 70 fails). Revenue and tech stay review:
    // those enrichment fields are the least reliable.
    ICP_COMPANY_MISSING: 'reject',
    ICP_INDUSTRY_EXCLUDED: 'reject',
    // A cold list is built to the profile: outside its industries, no one should be contacted.
    ICP_INDUSTRY_NOT_INCLUDED: 'reject',
    ICP_SIZE_OUT_OF_RANGE: 'reject',
    ICP_FIT_LOW: 'reject',
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
