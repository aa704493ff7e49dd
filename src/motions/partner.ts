import { BASE_ACTIONS, BASE_CHECKS, definePreset } from './shared.js';

/**
 * Partner and referral: leads collected by someone else (resellers, co-marketing,
 * referrals). We did not see the form, so doubtful leads are reviewed rather than
 * rejected; the compliance checks (a later issue) carry most of this motion's weight.
 */
export const partner = definePreset({
  name: 'partner',
  version: '1.0.0',
  description: 'Leads collected by a partner or referred: doubtful leads are reviewed, the unreachable rejected.',
  checks: {
    ...BASE_CHECKS,
    role: { seniorityFloor: 'entry', maxAgeDays: 365 },
    // ICP fit (icp check): partners do not send our behaviour data, and partner leads are excluded
    // from lead scoring (research §5, GitLab handbook): fit only, no intent, no MQL.
    icp: { fitFloor: 50, scoreBehaviour: false },
  },
  actions: {
    ...BASE_ACTIONS,
    ROLE_UNRECOGNISED: 'flag',
    // ICP fit (icp check): BASE_ACTIONS (review what a partner sent that does not fit; research §5:
    // "review only").
  },
  onError: 'review',
});
