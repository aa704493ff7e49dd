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
  checks: { ...BASE_CHECKS, role: { seniorityFloor: 'entry', maxAgeDays: 365 } },
  actions: {
    ...BASE_ACTIONS,
    ROLE_UNRECOGNISED: 'flag',
    // group (with `buyingGroup({ accounts })`): L2A is what the channel-conflict check needs
    // (research §5). Ownership conflict stays review (BASE_ACTIONS); an account the match
    // cannot decide, or a person we already have, raises the same question: who sourced it.
    GROUP_ACCOUNT_AMBIGUOUS: 'review',
    GROUP_CONTACT_EXISTS: 'review',
  },
  onError: 'review',
});
