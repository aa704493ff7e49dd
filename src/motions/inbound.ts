import { BASE_ACTIONS, BASE_CHECKS, definePreset } from './shared.js';

/**
 * Inbound: people who came to us (forms, demo requests, content downloads). Volume is
 * high and intent is real, so doubtful leads go to a human rather than away; only
 * leads that cannot be reached are rejected.
 */
export const inbound = definePreset({
  name: 'inbound',
  version: '1.2.0',
  description: 'People who came to us through a form: keep doubtful leads for review, reject only the unreachable.',
  checks: {
    ...BASE_CHECKS,
    role: { seniorityFloor: 'entry', maxAgeDays: 365 },
    // source check: every velocity key, duplicates over 30 days (both need the gate's store).
    source: {},
    consent: {},
    // ICP fit (icp check): a tight ICP, fit under 50 goes to a person (research §5).
    icp: { fitFloor: 50 },
  },
  actions: {
    ...BASE_ACTIONS,
    // A typed title is taken as current (research §5); an odd wording is only noted.
    ROLE_UNRECOGNISED: 'flag',
    // A mismatched country on a valid number is common (travel, roaming, HQ numbers).
    PHONE_COUNTRY_MISMATCH: 'flag',
    // source check: a person who comes back through our own forms is interest, not a
    // problem; no other source claims them, so the CRM merges and nobody needs to look.
    SOURCE_DUPLICATE: 'flag',
    // consent check: the person asked us for something, so a missing or lapsed marketing basis
    // strips marketing (flag) but never loses the lead (research §0.1, §1.5: STRIP, not REJECT).
    // An unregistered text is reviewed (BASE_ACTIONS). A pre-ticked box voids the consent and
    // keeps the person (research CP-01: STRIP; REJECT only where the pipeline needs that
    // consent, as partner's does): the channels it claimed are stripped, and an opt-in channel
    // is CONSENT_MISSING, also a flag. A subscriber type inferred from a work domain is taken
    // (CP-06 asks review for outbound use); the evidence keeps subscriberTypeFrom.
    CONSENT_PRETICKED: 'flag',
    CONSENT_SUBSCRIBER_INFERRED: 'flag',
    CONSENT_MISSING: 'flag',
    CONSENT_BASIS_MISSING: 'flag',
    CONSENT_IMPLIED_EXPIRED: 'flag',
    // ICP fit (icp check): BASE_ACTIONS already say what inbound needs (fit under the floor → review,
    // low intent → flag, sanctions and competitors → reject).
    // group (with `buyingGroup({ accounts })`): context for routing only, as in BASE_ACTIONS,
    // except a channel conflict, which is a note here: the lead came to us, not via the partner.
    GROUP_OWNERSHIP_CONFLICT: 'flag',
  },
  onError: 'review',
});
