import type { Action, Decision } from './types.js';

/**
 * A go-to-market motion as plain data: which checks run with which options, and what
 * each code does. Presets are versioned; a change to an action is a new version, so
 * a logged verdict can always be explained by the policy that made it.
 */
export interface MotionPreset {
  /** e.g. `inbound`. */
  name: string;
  /** Semver of the policy; bump it whenever an action or a check option changes. */
  version: string;
  /** One line on who the motion is for, shown in the catalogue. */
  description: string;
  /** Check id → options for that built-in check. A check absent here does not run. */
  checks: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Code → action. */
  actions: Readonly<Record<string, Action>>;
  /** The action for a code the preset does not list (custom checks). Default `review`. */
  defaultAction?: Action;
  /** The action for `SYSTEM_CHECK_FAILED` / `SYSTEM_TIMEOUT`. Default `review`: never a silent pass. */
  onError?: Action;
}

/** Codes a check produces when it could not finish; their action is the preset's `onError`. */
export const ERROR_CODES: ReadonlySet<string> = new Set(['SYSTEM_CHECK_FAILED', 'SYSTEM_TIMEOUT']);

/**
 * Resolves the action for a code: the caller's override first, then (for check
 * errors) the preset's `onError`, then the preset's table, then its default.
 */
export function resolveAction(preset: MotionPreset, overrides: Readonly<Record<string, Action>>, code: string): Action {
  const override = overrides[code];
  if (override) return override;
  if (ERROR_CODES.has(code)) return preset.onError ?? 'review';
  return preset.actions[code] ?? preset.defaultAction ?? 'review';
}

const STRENGTH: Record<Action, number> = { ignore: 0, flag: 1, review: 2, reject: 3 };

/** The decision is the strongest action among the findings: reject > review > accept. */
export function decide(actions: Iterable<Action>): Decision {
  let strongest = 0;
  for (const action of actions) strongest = Math.max(strongest, STRENGTH[action]);
  if (strongest === STRENGTH.reject) return 'reject';
  if (strongest === STRENGTH.review) return 'review';
  return 'accept';
}
