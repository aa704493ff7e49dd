import { parseOutcome, mergeOutcome, type LeadOutcomes, type OutcomeIssue, type OutcomeRecord } from './record.js';

/** What `OutcomeStore.record` did with one input. Never an exception for bad input. */
export type RecordOutcomeResult =
  /** `changed: false` when the store already held this record or a later one for the stage (a replay). */
  | { ok: true; changed: boolean; outcome: OutcomeRecord }
  | { ok: false; issues: OutcomeIssue[] };

/** Totals of a `recordAll` call: how many inputs changed the store, were replays, or were refused. */
export interface RecordAllSummary {
  changed: number;
  unchanged: number;
  invalid: number;
  /** The refused inputs, by position in the input, with what was wrong. */
  problems: { index: number; issues: OutcomeIssue[] }[];
}

/** How much a store holds. */
export interface OutcomeStoreCount {
  /** Distinct lead ids with at least one outcome. */
  leads: number;
  /** Held records: at most one per lead and stage. */
  records: number;
}

/**
 * Where sales outcomes are kept between a CRM webhook, an import and the report. Every
 * implementation merges the same way (`mergeOutcome`: per lead and stage the latest
 * `at` wins, a replay is a no-op), validates every input with `parseOutcome`, and keeps
 * the lead ids as given, so the join with the decision log can count outcomes for
 * leads it never saw. Methods may reject when the backing store fails (disk, network).
 *
 * @example
 * const outcomes = memoryOutcomeStore();
 * await outcomes.record({ leadId: 'L-1', stage: 'rejected', at: '2026-11-03', reason: 'SALES_NO_BUDGET' });
 * (await outcomes.get('L-1'))?.stages.rejected?.reason; // 'SALES_NO_BUDGET'
 */
export interface OutcomeStore {
  /** Validates and merges one record. */
  record(input: unknown): Promise<RecordOutcomeResult>;
  /** Validates and merges many, in order; bad ones are counted and listed, the rest are kept. */
  recordAll(inputs: Iterable<unknown>): Promise<RecordAllSummary>;
  /** Everything held for one lead, or `undefined`. The result is a copy. */
  get(leadId: string): Promise<LeadOutcomes | undefined>;
  /** Every lead's outcomes, in no promised order (copies). */
  leads(): AsyncIterable<LeadOutcomes>;
  count(): Promise<OutcomeStoreCount>;
}

/**
 * `recordAll` over `record`: one rule for counting, shared by every store. Sequential,
 * so two rows of one lead in a file merge in file order (a tie keeps the first).
 */
export async function recordEach(store: Pick<OutcomeStore, 'record'>, inputs: Iterable<unknown>): Promise<RecordAllSummary> {
  const summary: RecordAllSummary = { changed: 0, unchanged: 0, invalid: 0, problems: [] };
  let index = 0;
  for (const input of inputs) {
    const result = await store.record(input);
    if (!result.ok) {
      summary.invalid++;
      summary.problems.push({ index, issues: result.issues });
    } else if (result.changed) summary.changed++;
    else summary.unchanged++;
    index++;
  }
  return summary;
}

/**
 * The in-memory merge every store starts from: lead id → latest record per stage.
 * The JSONL store replays its file into one; the memory store is one.
 */
export interface OutcomeIndex {
  /** Merges a valid record; true when it changed the index. */
  merge(record: OutcomeRecord): boolean;
  /** Whether `merge(record)` would change the index, without changing it (a store asks before it writes). */
  wouldChange(record: OutcomeRecord): boolean;
  get(leadId: string): LeadOutcomes | undefined;
  all(): IterableIterator<LeadOutcomes>;
  count(): OutcomeStoreCount;
}

/** A fresh, empty {@link OutcomeIndex}. */
export function outcomeIndex(): OutcomeIndex {
  const byLead = new Map<string, LeadOutcomes>();
  let records = 0;
  return {
    merge(record) {
      let held = byLead.get(record.leadId);
      if (!held) byLead.set(record.leadId, (held = { leadId: record.leadId, stages: {} }));
      const isNewStage = held.stages[record.stage] === undefined;
      const changed = mergeOutcome(held, record);
      if (changed && isNewStage) records++;
      return changed;
    },
    wouldChange(record) {
      const held = byLead.get(record.leadId);
      // mergeOutcome on a shallow copy of the stages: the one merge rule, asked without effect.
      return mergeOutcome({ leadId: record.leadId, stages: { ...held?.stages } }, record);
    },
    get: (leadId) => byLead.get(leadId),
    all: () => byLead.values(),
    count: () => ({ leads: byLead.size, records }),
  };
}

/** A copy a caller may change without changing the store. */
export function copyLeadOutcomes(outcomes: LeadOutcomes): LeadOutcomes {
  return structuredClone(outcomes);
}

/**
 * Outcomes in memory, for tests, a single process and the CLI (which reads a file into
 * one). Bounded only by memory: a year of outcomes for 100,000 leads is tens of MB.
 */
export function memoryOutcomeStore(): OutcomeStore {
  const index = outcomeIndex();
  const store: OutcomeStore = {
    async record(input) {
      const parsed = parseOutcome(input);
      if (!parsed.ok) return parsed;
      return { ok: true, changed: index.merge(parsed.outcome), outcome: parsed.outcome };
    },
    recordAll: (inputs) => recordEach(store, inputs),
    async get(leadId) {
      const held = index.get(leadId);
      return held && copyLeadOutcomes(held);
    },
    async *leads() {
      for (const held of [...index.all()]) yield copyLeadOutcomes(held);
    },
    async count() {
      return index.count();
    },
  };
  return store;
}
