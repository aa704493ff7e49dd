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
  checks: {
    ...BASE_CHECKS,
    role: { seniorityFloor: 'entry', maxAgeDays: 365 },
    // ICP fit (icp check): a tight ICP, fit under 50 goes to a person (research §5).
    icp: { fitFloor: 50 },
  },
  actions: {
    ...BASE_ACTIONS,
    // A typed title is taken as current (research §5); an odd wording is only noted.
    ROLE_UNRECOGNISED: 'flag',
    // A mismatched country on a valid number is common (travel, roaming, HQ numbers).
    PHONE_COUNTRY_MISMATCH: 'flag',
    // ICP fit (icp check): BASE_ACTIONS already say what inbound needs (fit under the floor → review,
    // low intent → flag, sanctions and competitors → reject).
  },
  onError: 'review',
});
