import { AsyncLocalStorage } from 'node:async_hooks';
import type { Gate } from '../core/gate.js';
import type { LeadStore } from '../core/store.js';
import type { RowOutcome } from './audit-report.js';
import { validateBatch } from './validate-batch.js';

// Duplicate detection over worker threads (issue 15 §2). The source check's duplicate
// rule is the audit's only state across leads once velocity is off: it marks each
// genuine lead's email and phone (`store.seen`) and reports the ones marked before.
// Split over workers, each would see only its own batches. So a batch goes through the
// workers twice:
// 1. marks: a gate with the source check alone, whose store records the marks each
//    lead would make (the check itself decides which leads are genuine and what their
//    keys are) and answers "not seen";
// 2. the main thread, which takes batches in input order, keeps the one set of marks and
//    tells each lead which of its keys an earlier lead marked;
// 3. validate: the full gate, whose store answers the duplicate rule with exactly that.
// Each lead is then decided once, by the real gate, as a single thread would decide it:
// a first version decided every repeated person again on the main thread, which on the
// benchmark file (61% repeats) made two workers slower than one thread (bench/README.md).

/** The store key prefix of the source check's duplicate marks (checks/source/duplicates.ts). */
const DUPLICATE_KEY = 'source:duplicate:';

/** A duplicate mark a lead makes: store key and TTL. */
export type DuplicateMark = [key: string, ttlMs: number];

interface LeadState {
  /** Pass 1: the marks the lead made. */
  marks: DuplicateMark[];
  /** Pass 3: the keys an earlier lead marked. */
  seen?: readonly string[];
}

/** The worker side: stores that record the duplicate marks per lead, or answer them. */
export class DuplicateDeferral {
  readonly #lead = new AsyncLocalStorage<LeadState>();

  /**
   * `inner` with its duplicate marks taken over: recorded (pass 1), or answered from
   * what the main thread said (pass 3). Every other key goes through to `inner`.
   */
  store(inner: LeadStore): LeadStore {
    return {
      ...inner,
      seen: async (key, ttlMs) => {
        const lead = key.startsWith(DUPLICATE_KEY) ? this.#lead.getStore() : undefined;
        if (!lead) return inner.seen(key, ttlMs);
        if (lead.seen) return lead.seen.includes(key);
        lead.marks.push([key, ttlMs]);
        return false;
      },
    };
  }

  /** Pass 1: the marks each lead of a batch makes, on a gate built with {@link store}. */
  async marks(gate: Gate, leads: readonly unknown[], concurrency: number, ids?: ReadonlyArray<string | undefined>): Promise<DuplicateMark[][]> {
    const states = leads.map((): LeadState => ({ marks: [] }));
    await validateBatch(gate, leads, concurrency, ids, (index, run) => this.#lead.run(states[index]!, run));
    return states.map((state) => state.marks);
  }

  /** Pass 3: the batch's outcomes, the duplicate rule answered with `seen[i]` for lead i. */
  validate(gate: Gate, leads: readonly unknown[], concurrency: number, ids: ReadonlyArray<string | undefined> | undefined, seen: ReadonlyArray<readonly string[]>): Promise<RowOutcome[]> {
    return validateBatch(gate, leads, concurrency, ids, (index, run) => this.#lead.run({ marks: [], seen: seen[index] ?? [] }, run));
  }
}

/**
 * Pass 2, on the main thread, called for batch after batch in input order: which of
 * each lead's marks an earlier lead made. Then the lead's marks are made, as the rule
 * makes both of them whatever it found.
 */
export async function seenBefore(store: LeadStore, marks: readonly DuplicateMark[][]): Promise<string[][]> {
  const seen: string[][] = [];
  for (const lead of marks) {
    const found: string[] = [];
    for (const [key] of lead) if ((await store.get(key)) !== undefined) found.push(key);
    for (const [key, ttlMs] of lead) await store.seen(key, ttlMs);
    seen.push(found);
  }
  return seen;
}
