import type { Decision } from '../core/types.js';
import { OUTCOME_CODES } from '../outcomes/codes.js';
import { OutcomeIndex, reached, type CompactOutcome } from '../outcomes/outcome-index.js';
import { audit, type AuditOptions } from './audit.js';
import type { AuditGateSpec } from './audit-gate.js';
import { readJsonl } from './loop-files.js';

/** What one config would have done with the historical leads, measured against what sales did. */
export interface BacktestSide {
  leads: number;
  accept: number;
  review: number;
  reject: number;
  /** Past SQLs (and won deals, and their amount) this config rejects at capture. */
  stoppedSql: number;
  stoppedWon: number;
  stoppedWonAmount: number;
  /** Leads sales rejected that this config rejects at capture, by the sales reason's dimension. */
  preventedSalesRejections: { total: number; byDimension: Record<string, number> };
}

/** `backtest`: the current config and a candidate side by side on the same leads and outcomes. */
export interface BacktestReport {
  input: { rows: number; withoutId: number; withOutcomes: number; outcomeLeads: number };
  current: BacktestSide;
  candidate: BacktestSide;
  /** Leads whose capture decision differs: stopped only by the candidate, passed only by it, or moved between accept and review. */
  changed: { newlyStopped: ChangedLeads; newlyPassed: ChangedLeads; toAccept: ChangedLeads; toReview: ChangedLeads };
}

/** Leads whose decision moved, with what sales did with them. */
export interface ChangedLeads {
  leads: number;
  sql: number;
  won: number;
  salesRejected: number;
}

/** Options of {@link backtest}: the audit input (with `@id`s that the outcomes use), the outcomes, and the two gates. */
export interface BacktestOptions extends Pick<AuditOptions, 'input' | 'format' | 'map' | 'mapPreset' | 'delimiter'> {
  /** The outcomes JSONL. */
  outcomes: string;
  /** Today's gate: a motion, and a config file if one is in use. */
  current: AuditGateSpec;
  /** The candidate, e.g. the config `leadgate outcomes suggest` wrote. */
  candidate: AuditGateSpec;
}

const DECISIONS: Decision[] = ['accept', 'review', 'reject'];

/**
 * Replays a candidate config over the historical leads (an audit input file whose rows
 * carry the ids the outcomes use) next to the current one, and counts the past SQLs and
 * won deals each would have stopped and the sales rejections each would have prevented.
 * Two audits on one thread each, offline (no DNS); the outcomes are indexed compactly and
 * each lead's current decision is kept as one byte.
 */
export async function backtest(options: BacktestOptions): Promise<BacktestReport> {
  const index = new OutcomeIndex();
  await readJsonl(options.outcomes, (value) => index.addInput(value), () => index.addMalformed());
  const { input, format, map, mapPreset, delimiter } = options;
  const shared = { input, workers: 1, ...(format ? { format } : {}), ...(map ? { map } : {}), ...(mapPreset ? { mapPreset } : {}), ...(delimiter ? { delimiter } : {}) };

  const currentDecisions = new Map<string, number>();
  const current = emptySide();
  let rows = 0;
  let withoutId = 0;
  let withOutcomes = 0;
  await audit({
    ...shared,
    gate: { ...options.current, dns: false },
    onRow: ({ row, outcome }) => {
      rows++;
      if (row.id === undefined) {
        withoutId++;
        return;
      }
      const lead = index.get(row.id);
      if (lead) withOutcomes++;
      currentDecisions.set(row.id, DECISIONS.indexOf(outcome.decision));
      tally(current, outcome.decision, lead);
    },
  });

  const candidate = emptySide();
  const newlyStopped = emptyChanged();
  const newlyPassed = emptyChanged();
  const toAccept = emptyChanged();
  const toReview = emptyChanged();
  await audit({
    ...shared,
    gate: { ...options.candidate, dns: false },
    onRow: ({ row, outcome }) => {
      if (row.id === undefined) return;
      const lead = index.get(row.id);
      tally(candidate, outcome.decision, lead);
      const before = DECISIONS[currentDecisions.get(row.id) ?? -1];
      if (before === undefined || before === outcome.decision) return;
      if (outcome.decision === 'reject') addChanged(newlyStopped, lead);
      else if (before === 'reject') addChanged(newlyPassed, lead);
      else addChanged(outcome.decision === 'accept' ? toAccept : toReview, lead);
    },
  });
  return { input: { rows, withoutId, withOutcomes, outcomeLeads: index.size }, current, candidate, changed: { newlyStopped, newlyPassed, toAccept, toReview } };
}

function emptySide(): BacktestSide {
  return { leads: 0, accept: 0, review: 0, reject: 0, stoppedSql: 0, stoppedWon: 0, stoppedWonAmount: 0, preventedSalesRejections: { total: 0, byDimension: {} } };
}

function emptyChanged(): ChangedLeads {
  return { leads: 0, sql: 0, won: 0, salesRejected: 0 };
}

function tally(side: BacktestSide, decision: Decision, lead: CompactOutcome | undefined): void {
  side.leads++;
  side[decision]++;
  if (decision !== 'reject') return;
  if (reached(lead, 'sql')) side.stoppedSql++;
  if (reached(lead, 'won')) {
    side.stoppedWon++;
    side.stoppedWonAmount += lead?.wonAmount ?? 0;
  }
  if (lead?.rejectedReason) {
    const dimension = OUTCOME_CODES[lead.rejectedReason].dimension;
    side.preventedSalesRejections.total++;
    side.preventedSalesRejections.byDimension[dimension] = (side.preventedSalesRejections.byDimension[dimension] ?? 0) + 1;
  }
}

function addChanged(changed: ChangedLeads, lead: CompactOutcome | undefined): void {
  changed.leads++;
  if (reached(lead, 'sql')) changed.sql++;
  if (reached(lead, 'won')) changed.won++;
  if (reached(lead, 'rejected')) changed.salesRejected++;
}
