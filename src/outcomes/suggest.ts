import type { LoopReport, ScoreBand } from './loop-report.js';
import { rate, wilsonInterval, type Rate } from './wilson.js';

/** One proposed change, with the numbers behind it. */
export interface Suggestion {
  /** A code's action (`overrides`) or a check option (`checks.icp.fitFloor`, `checks.icp.mqlThreshold`). */
  target: string;
  from: string | number | null;
  to: string | number;
  rule: string;
  evidence: Record<string, unknown>;
}

/** What `suggestPolicy` proposes: a config file (`leadgate audit --config`, `outcomes backtest --config`) and the evidence for each line. */
export interface PolicySuggestion {
  config: { motion?: string; overrides: Record<string, string>; checks?: { icp?: { fitFloor?: number; mqlThreshold?: number } } };
  suggestions: Suggestion[];
  /** What the outcomes could not support, e.g. "no behaviour data: no intent threshold". */
  notes: string[];
}

/**
 * Proposes changes from the closed-loop report; never applies them. The rules, each
 * written out in `rule` beside its evidence:
 * - a `review` code whose leads convert MQL → SQL like clean accepted leads (its 95%
 *   interval holds their rate, its rate is within 20% of it) costs pipeline without
 *   predicting a loss → `flag`;
 * - a `flag` (or `ignore`) code whose MQLs sales rejects for the code's own dimension at
 *   least twice as often as MQLs overall, with the interval's low end above that → `review`;
 * - an ICP fit cut-off: the lowest score band from which every band up converts at least
 *   half as well as all MQLs do, when a band below it does not (its interval is under half);
 * - an MQL intent threshold: the lowest intent band from which every band up converts at
 *   least as well as all MQLs do. Bands and codes under the report's minimum count say nothing.
 */
export function suggestPolicy(report: LoopReport, options: { motion?: string } = {}): PolicySuggestion {
  const minCount = report.options.minCount;
  const overrides: Record<string, string> = {};
  const suggestions: Suggestion[] = [];
  const notes: string[] = [];
  const clean = report.byDecision.accept?.rates.mqlToSql;
  const overall = report.funnel.rates.mqlToSql;
  const rejectShare = (dimension: string) => ((report.salesRejections.byDimension[dimension] ?? 0) / Math.max(1, report.funnel.mql));

  for (const row of report.codes) {
    // "Converts like": the interval holds the accepted rate and the point is within 20% of it
    // (an interval that is merely wide, on few leads, is no evidence of equal conversion).
    if (row.action === 'review' && clean && 'rate' in clean && 'rate' in row.with && row.with.low <= clean.rate && clean.rate <= row.with.high && row.with.rate >= 0.8 * clean.rate) {
      overrides[row.code] = 'flag';
      suggestions.push({
        target: `overrides.${row.code}`,
        from: 'review',
        to: 'flag',
        rule: 'its reviewed leads convert like clean accepted leads: the 95% interval of their MQL → SQL holds the accepted rate, and the rate is within 20% of it',
        evidence: { with: row.with, acceptedClean: clean, lift: row.lift === null ? null : Math.round(row.lift * 100) / 100 },
      });
    }
    if ((row.action === 'flag' || row.action === 'ignore') && row.with.n >= minCount) {
      const baseline = rejectShare(row.dimension);
      const share = row.salesRejectedSameDimension / row.with.n;
      const { low } = wilsonInterval(row.salesRejectedSameDimension, row.with.n);
      if (baseline > 0 && share >= 2 * baseline && low > baseline) {
        overrides[row.code] = 'review';
        suggestions.push({
          target: `overrides.${row.code}`,
          from: row.action,
          to: 'review',
          rule: `sales rejects its MQLs for a ${row.dimension} reason at least twice as often as MQLs overall`,
          evidence: { rejectedSameDimension: rate(row.salesRejectedSameDimension, row.with.n, minCount), overallShare: baseline },
        });
      }
    }
  }

  const checks: NonNullable<PolicySuggestion['config']['checks']> = {};
  if ('rate' in overall) {
    const fitFloor = cutOff(report.byFitBand, overall.rate * 0.5, minCount, true);
    if (fitFloor !== undefined) {
      checks.icp = { ...checks.icp, fitFloor: fitFloor.at };
      suggestions.push({
        target: 'checks.icp.fitFloor',
        from: null,
        to: fitFloor.at,
        rule: 'below this fit score a band converts under half as well as all MQLs; from it up, every band converts at least half as well',
        evidence: { overall, bands: fitFloor.bands },
      });
    } else notes.push('fit: no band with enough leads converts under half the overall rate; no fit cut-off proposed');
    const intentBands = report.byIntentBand.filter((band) => band.from > 0);
    if (intentBands.every((band) => band.mql === 0)) notes.push('intent: no behaviour data (every lead at 0 points); no MQL intent threshold proposed');
    else {
      const threshold = cutOff(report.byIntentBand, overall.rate, minCount, false);
      if (threshold !== undefined && threshold.at > 0) {
        checks.icp = { ...checks.icp, mqlThreshold: threshold.at };
        suggestions.push({
          target: 'checks.icp.mqlThreshold',
          from: null,
          to: threshold.at,
          rule: 'from this many intent points up, every band converts at least as well as all MQLs',
          evidence: { overall, bands: threshold.bands },
        });
      } else notes.push('intent: no threshold above which every band converts at least as well as all MQLs');
    }
  } else notes.push(`too few MQLs (${overall.n}) for score cut-offs`);

  return {
    config: { ...(options.motion ? { motion: options.motion } : {}), overrides, ...(Object.keys(checks).length > 0 ? { checks } : {}) },
    suggestions,
    notes,
  };
}

/**
 * The lowest band start from which every band with enough MQLs converts at `floor` or
 * better. With `needBelow`, some band under it must be clearly worse (interval under the floor).
 */
function cutOff(bands: ScoreBand[], floor: number, minCount: number, needBelow: boolean): { at: number; bands: { from: number; to: number | null; mqlToSql: Rate }[] } | undefined {
  const judged = bands.filter((band) => band.mql >= minCount && 'rate' in band.mqlToSql);
  let at: number | undefined;
  for (let i = judged.length - 1; i >= 0; i--) {
    const band = judged[i]!;
    if ((band.mqlToSql as { rate: number }).rate >= floor) at = band.from;
    else break;
  }
  if (at === undefined) return undefined;
  const below = judged.filter((band) => band.from < at!);
  if (below.length === 0) return needBelow ? undefined : { at, bands: judged.map(({ from, to, mqlToSql }) => ({ from, to, mqlToSql })) };
  if (needBelow && !below.some((band) => (band.mqlToSql as { high: number }).high < floor)) return undefined;
  return { at, bands: judged.map(({ from, to, mqlToSql }) => ({ from, to, mqlToSql })) };
}
