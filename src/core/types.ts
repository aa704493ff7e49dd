/** The three dimensions of lead quality: Q = C·T·V. */
export type Dimension = 'compliance' | 'truth' | 'value';

/** What a motion does with a finding. `flag` and `ignore` still accept the lead. */
export type Action = 'reject' | 'review' | 'flag' | 'ignore';

/** The one decision a verdict carries. */
export type Decision = 'accept' | 'review' | 'reject';

/** Where a check can run: `server` needs secrets, shared state or DNS. */
export type RunsIn = 'anywhere' | 'server';

/** The go-to-market motions that ship as presets. */
export type MotionName = 'inbound' | 'abm' | 'outbound' | 'partner' | 'expansion';

export const ACTIONS = ['reject', 'review', 'flag', 'ignore'] as const satisfies readonly Action[];
export const MOTION_NAMES = ['inbound', 'abm', 'outbound', 'partner', 'expansion'] as const satisfies readonly MotionName[];
