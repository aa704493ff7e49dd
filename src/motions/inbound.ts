import { BASE_ACTIONS, BASE_CHECKS, definePreset } from './shared.js';

/**
 * Inbound: people who came to us (forms, demo requests, content downloads). Volume is
 * high and intent is real, so doubtful leads go to a human rather than away; only
 * leads that cannot be reached are rejected.
 */
export const inbound = definePreset({
  name: 'inbound',
  version: '1.0.0',
  description: 'People who came to us through a form: keep doubtful leads for review, reject only the unreachable.',
  checks: { ...BASE_CHECKS, role: { seniorityFloor: 'entry', maxAgeDays: 365 } },
  actions: {
    ...BASE_ACTIONS,
    // A typed title is taken as current (research §5); an odd wording is only noted.
    ROLE_UNRECOGNISED: 'flag',
    // A mismatched country on a valid number is common (travel, roaming, HQ numbers).
    PHONE_COUNTRY_MISMATCH: 'flag',
    // group (with `buyingGroup({ accounts })`): context for routing only, as in BASE_ACTIONS,
    // except a channel conflict, which is a note here: the lead came to us, not via the partner.
    GROUP_OWNERSHIP_CONFLICT: 'flag',
  },
  onError: 'review',
});
