import { BASE_ACTIONS, BASE_CHECKS, definePreset } from './shared.js';

/**
 * Partner and referral: leads collected by someone else (resellers, co-marketing,
 * referrals). We did not see the form, so doubtful leads are reviewed rather than
 * rejected; the compliance checks (a later issue) carry most of this motion's weight.
 */
export const partner = definePreset({
  name: 'partner',
  version: '1.2.0',
  description: 'Leads collected by a partner or referred: doubtful leads are reviewed, the unreachable rejected.',
  checks: {
    ...BASE_CHECKS,
    role: { seniorityFloor: 'entry', maxAgeDays: 365 },
    // source check: a partner id is required (UTMs never credit a partner, research §2.3);
    // partner secrets are deployment config, so the token is verified once the gate is given
    // them (sourceVerification({ ...motions.partner.checks.source, partners })). Feeds post
    // from the partner's servers, so the IP is not counted; duplicates are looked for over
    // 90 days, a common attribution window; a lead captured over 30 days ago is reviewed.
    source: { requirePartner: true, velocity: Object.freeze({ ip: false }), duplicateLookbackDays: 90, maxAgeDays: 30 },
    consent: { sharesData: true, collectedByPartner: true },
    // ICP fit (icp check): partners do not send our behaviour data, and partner leads are excluded
    // from lead scoring (research §5, GitLab handbook): fit only, no intent, no MQL.
    icp: { fitFloor: 50, scoreBehaviour: false },
  },
  actions: {
    ...BASE_ACTIONS,
    ROLE_UNRECOGNISED: 'flag',
    // source check: a partner lead that names no partner cannot be attributed or paid, nor its token checked.
    SOURCE_UNATTRIBUTED: 'reject',
    // consent check. The partner's consent is the reason the lead exists: without a basis,
    // naming us, unbundled, fully recorded and verifiable, the feed cannot be used (research
    // §0.1: reject when the pipeline's purpose needs the consent; CP-13, CP-14).
    CONSENT_MISSING: 'reject',
    CONSENT_BASIS_MISSING: 'reject',
    CONSENT_BUNDLED: 'reject',
    CONSENT_RECORD_INCOMPLETE: 'reject',
    // Not naming us strips the lead to its opt-out channels and is reviewed (CP-14); with no
    // channel left CONSENT_PARTNER_NO_CHANNEL rejects (BASE_ACTIONS).
    CONSENT_PARTNER_NOT_NAMED: 'review',
    CONSENT_RECEIPT_INVALID: 'reject',
    // Partner leads are shared onwards (sharesData): a GPC opt-out of sale/sharing blocks that
    // (11 CCR §7025, B2B contacts included in California). The SDK cannot tell a Californian
    // from other US states, so it does not soften this per state.
    CONSENT_GPC_OPTOUT: 'reject',
    // ICP fit (icp check): BASE_ACTIONS (review what a partner sent that does not fit; research §5:
    // "review only").
    // group (with `buyingGroup({ accounts })`): L2A is what the channel-conflict check needs
    // (research §5). Ownership conflict stays review (BASE_ACTIONS); an account the match
    // cannot decide, or a person we already have, raises the same question: who sourced it.
    GROUP_ACCOUNT_AMBIGUOUS: 'review',
    GROUP_CONTACT_EXISTS: 'review',
  },
  onError: 'review',
});
