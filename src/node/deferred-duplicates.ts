import { AsyncLocalStorage } from 'node:async_hooks';
import type { Gate } from '../core/gate.js';
import type { DecisionEvent, LogSink } from '../core/log.js';
import type { LeadStore } from '../core/store.js';
import type { RowOutcome } from './audit-report.js';
import { validateBatch } from './validate-batch.js';

// Duplicate detection over worker threads (issue 15 §2). The source check's duplicate
// rule is the audit's only state across leads once velocity is off: it marks each
// genuine lead's email and phone (`store.seen`) and reports the ones marked before.
// Split over workers, each would see only its own batches. So a worker defers the marks:
// its store records them and answers "not seen", and the main thread, which consumes the
// batches in input order, keeps the one set of marks. A lead whose mark is already there
// is decided again on the main thread, against that set: the same verdict a single
// thread gives, since every lead before it in the file has been marked by then.

/** The store key prefix of the source check's duplicate marks (checks/source/duplicates.ts). */
const DUPLICATE_KEY = 'source:duplicate:';

/** What a worker's gate left for the main thread about one lead. */
export interface DeferredLead {
  /** The duplicate marks the lead would have made: store key and TTL. */
  marks: Array<[key: string, ttlMs: number]>;
  /** Its decision event, when the audit writes a decision log: written by the main thread, in order. */
  event?: DecisionEvent;
}

/** The worker side: a store and a log sink that record, per lead, what is deferred. */
export class DuplicateDeferral {
  readonly #lead = new AsyncLocalStorage<DeferredLead>();

  /** `inner` with its duplicate marks recorded instead of made; everything else goes through. */
  store(inner: LeadStore): LeadStore {
    return {
      ...inner,
      seen: async (key, ttlMs) => {
        const lead = key.startsWith(DUPLICATE_KEY) ? this.#lead.getStore() : undefined;
        if (!lead) return inner.seen(key, ttlMs);
        lead.marks.push([key, ttlMs]);
        return false;
      },
    };
  }

  /** A sink that keeps each lead's decision event with the lead. */
  sink(): LogSink {
    return {
      name: 'deferred',
      write: (event) => {
        const lead = this.#lead.getStore();
        if (lead) lead.event = event;
      },
    };
  }

  /** Validates a batch, returning with each outcome what was deferred for it. */
  async validate(gate: Gate, leads: readonly unknown[], concurrency: number, ids?: ReadonlyArray<string | undefined>): Promise<{ outcomes: RowOutcome[]; deferred: DeferredLead[] }> {
    const deferred = leads.map((): DeferredLead => ({ marks: [] }));
    const outcomes = await validateBatch(gate, leads, concurrency, ids, (index, run) => this.#lead.run(deferred[index]!, run));
    return { outcomes, deferred };
  }
}

/**
 * The main-thread side: called for every lead in input order, with the main gate (whose
 * store holds the marks) and the audit's decision log, if any.
 */
export class DuplicateResolver {
  constructor(
    private readonly gate: Gate,
    private readonly store: LeadStore,
    private readonly log: LogSink | undefined,
  ) {}

  async resolve(lead: unknown, id: string | undefined, outcome: RowOutcome, deferred: DeferredLead): Promise<RowOutcome> {
    for (const [key] of deferred.marks) {
      if ((await this.store.get(key)) !== undefined) {
        // A person seen earlier in the file: decided again here, where the earlier marks
        // are. This run makes the lead's marks and writes its decision event itself.
        const [again] = await validateBatch(this.gate, [lead], 1, [id]);
        return again!;
      }
    }
    for (const [key, ttlMs] of deferred.marks) await this.store.seen(key, ttlMs);
    // Not awaited: the sink batches the lines written meanwhile into one append (the
    // audit flushes it at the end). A failing write is reported, as the gate reports one.
    if (deferred.event && this.log) {
      const sink = this.log;
      Promise.resolve(sink.write(deferred.event)).catch((error: unknown) => {
        console.error(`leadgate: log sink "${sink.name ?? 'sink'}" failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    return outcome;
  }
}
