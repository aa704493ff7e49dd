import { OUTCOME_CODES, type OutcomeCode, type OutcomeDimension } from './codes.js';
import { reached, type CompactOutcome, type OutcomeIndex } from './outcome-index.js';
import { rate, type Rate } from './wilson.js';

/** Options of the closed-loop report. */
export interface LoopReportOptions {
  /** The agreed time to the first sales touch, in hours. Default 24 (a later first call sharply lowers the chance of a conversation). */
  slaHours?: number;
  /** Below this many leads a rate is "too few leads" and not shown. Default 30. */
  minCount?: number;
  /** The Q = C·T·V dimension of a capture code; default by its check (email, phone, role → truth; consent, source → compliance; icp, group → value). */
  dimensionOf?: (code: string, check: string) => string;
}

/** Lead counts down the funnel, and the rates between the steps with their 95% intervals. */
export interface Funnel {
  leads: number;
  mql: number;
  sal: number;
  sql: number;
  won: number;
  salesRejected: number;
  wonAmount: number;
  rates: { mqlToSal: Rate; salToSql: Rate; mqlToSql: Rate; sqlToWon: Rate };
}

/** One capture code against the outcomes: conversion (MQL → SQL) of leads with it vs without it. */
export interface CodeConversion {
  code: string;
  check: string;
  dimension: string;
  /** The action it had on most of the leads that carried it. */
  action: string;
  with: Rate;
  without: Rate;
  /** `with.rate / without.rate`; `null` when either is too few leads or the base is 0. */
  lift: number | null;
  /** Leads with the code that sales rejected for a reason of the code's own dimension. */
  salesRejectedSameDimension: number;
}

/** The closed-loop report: the decision log joined with the sales outcomes. */
export interface LoopReport {
  input: {
    decisions: number;
    duplicateDecisions: number;
    invalidDecisions: number;
    outcomeRecords: number;
    invalidOutcomes: number;
    outcomeLeads: number;
    /** Leads with outcomes and no decision in the log (another system's, or before logging began). */
    outcomesForUnknownLeads: number;
  };
  options: { slaHours: number; minCount: number };
  funnel: Funnel;
  byMotion: Record<string, Funnel>;
  /** By `utm:<utm_source>`, `partner:<partnerId>`, `form:<formId>` or `(none)`. */
  bySource: Record<string, Funnel>;
  byPolicy: Record<string, Funnel>;
  /** accept (clean), flagged (accepted with a flag), review, reject. */
  byDecision: Record<string, Funnel>;
  responseTime: {
    touched: number;
    medianHours: number | null;
    p90Hours: number | null;
    /** Of the touched leads, the share first touched later than the SLA. */
    overSla: Rate;
    /** Of the MQLs, the share sales never touched. */
    mqlsNeverTouched: Rate;
  };
  salesRejections: {
    total: number;
    byReason: { code: string; dimension: OutcomeDimension; label: string; count: number }[];
    byDimension: Record<string, number>;
    bySource: Record<string, Record<string, number>>;
    /** The whole unserviceable picture, as shares of every lead captured. */
    unserviceable: { leads: number; stoppedAtCapture: number; rejectedBySalesTruthOrCompliance: number; total: number };
  };
  codes: CodeConversion[];
  /** MQL → SQL by ICP fit score band (0–9 … 90–100), for a fit cut-off. */
  byFitBand: ScoreBand[];
  /** MQL → SQL by intent points band, for an MQL intent threshold. */
  byIntentBand: ScoreBand[];
  policies: { policy: string; firstAt: string; lastAt: string; leads: number }[];
  /** When the policy (version or overrides) changed inside the period. */
  policyChanges: { at: string; from: string; to: string }[];
}

/** Leads whose score fell in `[from, to)` (the last band includes its upper end), down to SQL. */
export interface ScoreBand {
  from: number;
  /** `null`: no upper end. */
  to: number | null;
  leads: number;
  mql: number;
  sql: number;
  mqlToSql: Rate;
}

// Fit is 0–100; intent is time-decayed points with the MQL threshold at 100 (200 for customers).
const FIT_EDGES = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100.0001];
const INTENT_EDGES = [0, 1, 25, 50, 100, 200, 400, Number.POSITIVE_INFINITY];

/** The fields of a decision event the report reads (`DecisionEvent` from the log). */
interface DecisionFacts {
  leadId: string;
  at: number;
  atText: string;
  decision: string;
  motion: string;
  policy: string;
  source: string;
  flagged: boolean;
  codes: { code: string; check: string; action: string }[];
  fit?: number;
  intent?: number;
}

const CHECK_DIMENSIONS: Record<string, string> = { email: 'truth', phone: 'truth', role: 'truth', consent: 'compliance', source: 'compliance', icp: 'value', group: 'value', system: 'system' };

class FunnelTally {
  leads = 0;
  mql = 0;
  sal = 0;
  sql = 0;
  won = 0;
  salesRejected = 0;
  wonAmount = 0;

  add(outcome: CompactOutcome | undefined): void {
    this.leads++;
    if (reached(outcome, 'mql')) this.mql++;
    if (reached(outcome, 'sal')) this.sal++;
    if (reached(outcome, 'sql')) this.sql++;
    if (reached(outcome, 'won')) {
      this.won++;
      this.wonAmount += outcome?.wonAmount ?? 0;
    }
    if (reached(outcome, 'rejected')) this.salesRejected++;
  }

  result(minCount: number): Funnel {
    const { leads, mql, sal, sql, won, salesRejected, wonAmount } = this;
    return {
      leads, mql, sal, sql, won, salesRejected, wonAmount,
      rates: { mqlToSal: rate(sal, mql, minCount), salToSql: rate(sql, sal, minCount), mqlToSql: rate(sql, mql, minCount), sqlToWon: rate(won, sql, minCount) },
    };
  }
}

interface CodeTally {
  check: string;
  actions: Map<string, number>;
  leads: number;
  mql: number;
  sql: number;
  salesRejectedSameDimension: number;
}

/**
 * Joins decisions with outcomes one decision at a time: the outcomes are indexed first
 * (compact, one entry per lead), then the decision log streams through `addDecision`.
 * A lead counts once, by its first decision; later ones are counted as duplicates.
 */
export class LoopJoin {
  private readonly slaHours: number;
  private readonly minCount: number;
  private readonly dimensionOf: (code: string, check: string) => string;
  private decisions = 0;
  private duplicates = 0;
  private invalid = 0;
  private readonly funnel = new FunnelTally();
  private readonly groups = { byMotion: new Map<string, FunnelTally>(), bySource: new Map<string, FunnelTally>(), byPolicy: new Map<string, FunnelTally>(), byDecision: new Map<string, FunnelTally>() };
  private touchHours: number[] = [];
  private overSla = 0;
  private mqlUntouched = 0;
  private stopped = 0;
  private readonly rejectReasons = new Map<string, number>();
  private readonly rejectsBySource = new Map<string, Map<string, number>>();
  private readonly codeTallies = new Map<string, CodeTally>();
  private readonly fitBands = FIT_EDGES.slice(1).map(() => ({ leads: 0, mql: 0, sql: 0 }));
  private readonly intentBands = INTENT_EDGES.slice(1).map(() => ({ leads: 0, mql: 0, sql: 0 }));
  private readonly policies = new Map<string, { first: number; firstText: string; last: number; lastText: string; leads: number }>();

  constructor(private readonly index: OutcomeIndex, options: LoopReportOptions = {}) {
    this.slaHours = options.slaHours ?? 24;
    this.minCount = options.minCount ?? 30;
    this.dimensionOf = options.dimensionOf ?? ((_code, check) => CHECK_DIMENSIONS[check] ?? 'other');
  }

  /** Adds one decision event (a parsed line of the decision log). Returns false for a record that is no decision event. */
  addDecision(value: unknown): boolean {
    const facts = readDecision(value);
    if (!facts) {
      this.invalid++;
      return false;
    }
    const { first, outcome } = this.index.see(facts.leadId);
    if (!first) {
      this.duplicates++;
      return true;
    }
    this.decisions++;

    this.funnel.add(outcome);
    const decisionGroup = facts.decision === 'accept' && facts.flagged ? 'flagged' : facts.decision;
    for (const [map, key] of [[this.groups.byMotion, facts.motion], [this.groups.bySource, facts.source], [this.groups.byPolicy, facts.policy], [this.groups.byDecision, decisionGroup]] as const) {
      let tally = map.get(key);
      if (!tally) map.set(key, (tally = new FunnelTally()));
      tally.add(outcome);
    }
    this.addResponseTime(facts, outcome);
    this.addRejection(facts, outcome);
    this.addCodes(facts, outcome);
    this.addPolicy(facts);
    addToBand(this.fitBands, FIT_EDGES, facts.fit, outcome);
    addToBand(this.intentBands, INTENT_EDGES, facts.intent, outcome);
    return true;
  }

  /** Counts a decision-log line that could not be read. */
  addInvalid(): void {
    this.invalid++;
  }

  private addResponseTime(facts: DecisionFacts, outcome: CompactOutcome | undefined): void {
    if (outcome?.firstTouchAt !== undefined) {
      const hours = Math.max(0, (outcome.firstTouchAt - facts.at) / 3_600_000);
      this.touchHours.push(hours);
      if (hours > this.slaHours) this.overSla++;
    } else if (reached(outcome, 'mql')) this.mqlUntouched++;
  }

  private addRejection(facts: DecisionFacts, outcome: CompactOutcome | undefined): void {
    if (facts.decision === 'reject') this.stopped++;
    // OutcomeIndex sets a reason only from a `rejected` record.
    const reason = outcome?.rejectedReason;
    if (reason === undefined) return;
    this.rejectReasons.set(reason, (this.rejectReasons.get(reason) ?? 0) + 1);
    const dimension = OUTCOME_CODES[reason].dimension;
    let bySource = this.rejectsBySource.get(facts.source);
    if (!bySource) this.rejectsBySource.set(facts.source, (bySource = new Map()));
    bySource.set(dimension, (bySource.get(dimension) ?? 0) + 1);
  }

  private addCodes(facts: DecisionFacts, outcome: CompactOutcome | undefined): void {
    const mql = reached(outcome, 'mql');
    const sql = reached(outcome, 'sql');
    const rejectedFor = outcome?.rejectedReason === undefined ? undefined : OUTCOME_CODES[outcome.rejectedReason].dimension;
    const seen = new Set<string>();
    for (const { code, check, action } of facts.codes) {
      if (seen.has(code)) continue;
      seen.add(code);
      let tally = this.codeTallies.get(code);
      if (!tally) this.codeTallies.set(code, (tally = { check, actions: new Map(), leads: 0, mql: 0, sql: 0, salesRejectedSameDimension: 0 }));
      tally.actions.set(action, (tally.actions.get(action) ?? 0) + 1);
      tally.leads++;
      if (mql) tally.mql++;
      if (sql) tally.sql++;
      if (rejectedFor !== undefined && rejectedFor === this.dimensionOf(code, check)) tally.salesRejectedSameDimension++;
    }
  }

  private addPolicy(facts: DecisionFacts): void {
    const held = this.policies.get(facts.policy);
    if (!held) this.policies.set(facts.policy, { first: facts.at, firstText: facts.atText, last: facts.at, lastText: facts.atText, leads: 1 });
    else {
      held.leads++;
      if (facts.at < held.first) Object.assign(held, { first: facts.at, firstText: facts.atText });
      if (facts.at > held.last) Object.assign(held, { last: facts.at, lastText: facts.atText });
    }
  }

  /** The report. Call once, after the last decision. */
  result(): LoopReport {
    const { minCount } = this;
    const groups = (map: Map<string, FunnelTally>) => Object.fromEntries([...map].sort((a, b) => b[1].leads - a[1].leads || a[0].localeCompare(b[0])).map(([key, tally]) => [key, tally.result(minCount)]));
    const unknown = this.index.unseen();
    const hours = Float64Array.from(this.touchHours).sort();
    const total = this.funnel.result(minCount);
    const byDimension: Record<string, number> = {};
    const byReason = [...this.rejectReasons].map(([code, count]) => {
      const spec = OUTCOME_CODES[code as OutcomeCode];
      byDimension[spec.dimension] = (byDimension[spec.dimension] ?? 0) + count;
      return { code, dimension: spec.dimension, label: spec.label, count };
    }).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    const truthOrCompliance = (byDimension.truth ?? 0) + (byDimension.compliance ?? 0);
    const share = (count: number) => (total.leads === 0 ? 0 : count / total.leads);

    const codes = [...this.codeTallies].map(([code, tally]): CodeConversion => {
      const withRate = rate(tally.sql, tally.mql, minCount);
      const withoutRate = rate(total.sql - tally.sql, total.mql - tally.mql, minCount);
      const lift = 'rate' in withRate && 'rate' in withoutRate && withoutRate.rate > 0 ? withRate.rate / withoutRate.rate : null;
      const action = [...tally.actions].sort((a, b) => b[1] - a[1])[0]![0];
      return { code, check: tally.check, dimension: this.dimensionOf(code, tally.check), action, with: withRate, without: withoutRate, lift, salesRejectedSameDimension: tally.salesRejectedSameDimension };
    }).sort((a, b) => b.with.n - a.with.n || a.code.localeCompare(b.code));

    const policies = [...this.policies].map(([policy, held]) => ({ policy, firstAt: held.firstText, lastAt: held.lastText, leads: held.leads, first: held.first })).sort((a, b) => a.first - b.first);
    const policyChanges = policies.slice(1).map((policy, index) => ({ at: policy.firstAt, from: policies[index]!.policy, to: policy.policy }));

    return {
      input: {
        decisions: this.decisions,
        duplicateDecisions: this.duplicates,
        invalidDecisions: this.invalid,
        outcomeRecords: this.index.records,
        invalidOutcomes: this.index.invalid,
        outcomeLeads: this.index.size,
        outcomesForUnknownLeads: unknown,
      },
      options: { slaHours: this.slaHours, minCount },
      funnel: total,
      byMotion: groups(this.groups.byMotion),
      bySource: groups(this.groups.bySource),
      byPolicy: groups(this.groups.byPolicy),
      byDecision: groups(this.groups.byDecision),
      responseTime: {
        touched: hours.length,
        medianHours: quantile(hours, 0.5),
        p90Hours: quantile(hours, 0.9),
        overSla: rate(this.overSla, hours.length, minCount),
        mqlsNeverTouched: rate(this.mqlUntouched, total.mql, minCount),
      },
      salesRejections: {
        total: byReason.reduce((sum, row) => sum + row.count, 0),
        byReason,
        byDimension,
        bySource: Object.fromEntries([...this.rejectsBySource].map(([source, map]) => [source, Object.fromEntries(map)])),
        unserviceable: {
          leads: total.leads,
          stoppedAtCapture: share(this.stopped),
          rejectedBySalesTruthOrCompliance: share(truthOrCompliance),
          total: share(this.stopped + truthOrCompliance),
        },
      },
      codes,
      byFitBand: bandsResult(this.fitBands, FIT_EDGES, minCount),
      byIntentBand: bandsResult(this.intentBands, INTENT_EDGES, minCount),
      policies: policies.map(({ first: _first, ...rest }) => rest),
      policyChanges,
    };
  }
}

function addToBand(bands: { leads: number; mql: number; sql: number }[], edges: number[], score: number | undefined, outcome: CompactOutcome | undefined): void {
  if (score === undefined || !Number.isFinite(score)) return;
  const index = edges.findIndex((edge, i) => i > 0 && score < edge) - 1;
  const band = bands[index < 0 ? bands.length - 1 : index];
  if (!band) return;
  band.leads++;
  if (reached(outcome, 'mql')) band.mql++;
  if (reached(outcome, 'sql')) band.sql++;
}

function bandsResult(bands: { leads: number; mql: number; sql: number }[], edges: number[], minCount: number): ScoreBand[] {
  return bands
    .map((band, i) => ({ from: edges[i]!, to: Number.isFinite(edges[i + 1]!) ? Math.floor(edges[i + 1]!) : null, ...band, mqlToSql: rate(band.sql, band.mql, minCount) }))
    .filter((band) => band.leads > 0);
}

/** Nearest-rank quantile of sorted values (p90 = the value 90% of leads are at or under). */
function quantile(sorted: Float64Array, q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function readDecision(value: unknown): DecisionFacts | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const event = value as Record<string, unknown>;
  if (typeof event.leadId !== 'string' || event.leadId === '' || typeof event.at !== 'string') return undefined;
  const at = Date.parse(event.at);
  if (!Number.isFinite(at) || typeof event.decision !== 'string') return undefined;
  const policy = event.policy as { name?: unknown; version?: unknown } | undefined;
  const source = (typeof event.source === 'object' && event.source !== null ? event.source : {}) as Record<string, unknown>;
  const codes = Array.isArray(event.codes)
    ? event.codes.filter((entry): entry is { code: string; check: string; action: string } =>
        typeof entry === 'object' && entry !== null && typeof entry.code === 'string' && typeof entry.check === 'string' && typeof entry.action === 'string')
    : [];
  return {
    leadId: event.leadId,
    at,
    atText: event.at,
    decision: event.decision,
    motion: typeof event.motion === 'string' ? event.motion : '(none)',
    policy: policy && typeof policy.name === 'string' && typeof policy.version === 'string' ? `${policy.name}@${policy.version}` : '(none)',
    source: sourceLabel(source),
    flagged: codes.some((entry) => entry.action === 'flag'),
    codes,
    ...readScores(event.scores),
  };
}

function readScores(value: unknown): { fit?: number; intent?: number } {
  if (typeof value !== 'object' || value === null) return {};
  const { fit, intent } = value as Record<string, unknown>;
  return { ...(typeof fit === 'number' ? { fit } : {}), ...(typeof intent === 'number' ? { intent } : {}) };
}

/** A lead's source as the report groups it: the partner, else the UTM source, else the form. */
function sourceLabel(source: Record<string, unknown>): string {
  if (typeof source.partnerId === 'string') return `partner:${source.partnerId}`;
  if (typeof source.utm_source === 'string') return `utm:${source.utm_source}`;
  if (typeof source.formId === 'string') return `form:${source.formId}`;
  return '(none)';
}
