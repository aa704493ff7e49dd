import type { Finding } from './check.js';
import type { Action, Decision, Dimension } from './types.js';

/** What one check concluded about one lead. */
export interface CheckResult {
  check: string;
  /** `system` for the findings of input normalisation, which belong to no check. */
  dimension: Dimension | 'system';
  status: 'pass' | 'fail' | 'error';
  findings: Finding[];
  /** What the check saw, for the log and for debugging; never a raw email or phone. */
  evidence?: Record<string, unknown>;
  ms: number;
}

/** A finding with the action the policy gave it. */
export type Reason = Finding & { action: Action };

/** Per-dimension scores, 0–100; `null` when no check of that dimension ran. */
export interface Scores {
  compliance: number | null;
  truth: number | null;
  value: number | null;
  fit?: number;
  intent?: number;
}

/** The gate's answer for one lead. */
export interface Verdict {
  decision: Decision;
  motion: string;
  policy: { name: string; version: string };
  /** Findings whose action is not `ignore`, strongest first. */
  reasons: Reason[];
  results: CheckResult[];
  scores: Scores;
  leadId: string;
  /** ISO 8601 time the verdict was made. */
  at: string;
  ms: number;
  /** Set by `validateSync`: ids of the async checks it did not run. */
  skipped?: string[];
  /** Marketing-qualified: set when a scoring check (icp) reports it in `evidence.scores.mql`. */
  mql?: boolean;
}

/** The numbers a check may report in `evidence.scores`, lifted into the verdict. */
export interface CheckScores {
  fit?: number;
  intent?: number;
  mql?: boolean;
}

/**
 * Collects `evidence.scores` from the checks that finished. A check that errored
 * reports nothing: its numbers, if any, were not computed on the whole lead.
 */
export function checkScores(results: readonly CheckResult[]): CheckScores {
  const out: CheckScores = {};
  for (const result of results) {
    const scores = result.status === 'error' ? undefined : result.evidence?.scores;
    if (typeof scores !== 'object' || scores === null) continue;
    const { fit, intent, mql } = scores as Record<string, unknown>;
    if (typeof fit === 'number' && Number.isFinite(fit)) out.fit = fit;
    if (typeof intent === 'number' && Number.isFinite(intent)) out.intent = intent;
    if (typeof mql === 'boolean') out.mql = mql;
  }
  return out;
}

const ACTION_SCORE: Record<Action, number> = { reject: 0, review: 50, flag: 80, ignore: 100 };
const ERROR_SCORE = 50;

/**
 * Scores a dimension as the mean of its checks, where a passing check is 100, a check
 * that could not finish is 50 (unknown, not bad), and a failing check takes the score
 * of its strongest action: reject 0, review 50, flag 80, ignore 100.
 */
export function scoreDimensions(results: readonly CheckResult[], actionOf: (code: string) => Action): Scores {
  const totals: Record<Dimension, { sum: number; count: number }> = {
    compliance: { sum: 0, count: 0 },
    truth: { sum: 0, count: 0 },
    value: { sum: 0, count: 0 },
  };
  for (const result of results) {
    if (result.dimension === 'system') continue;
    let score = 100;
    if (result.status === 'error') score = ERROR_SCORE;
    for (const finding of result.status === 'fail' ? result.findings : []) {
      score = Math.min(score, ACTION_SCORE[actionOf(finding.code)]);
    }
    totals[result.dimension].sum += score;
    totals[result.dimension].count += 1;
  }
  const mean = (d: Dimension) => (totals[d].count === 0 ? null : Math.round(totals[d].sum / totals[d].count));
  return { compliance: mean('compliance'), truth: mean('truth'), value: mean('value') };
}
