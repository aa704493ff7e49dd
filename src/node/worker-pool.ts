import { Worker } from 'node:worker_threads';
import type { AuditGateSpec } from './audit-gate.js';
import type { RowOutcome } from './audit-report.js';
import type { MarkAnswer, MarkMessage, OrderedMarks } from './ordered-marks.js';

/**
 * A fixed set of worker threads, each with its own gate, validating batches of leads.
 * `run` resolves with a batch's outcomes; the caller keeps batches in input order.
 * A batch goes to the worker with the fewest batches in flight. With `marks`, the
 * workers ask the source check's duplicate marks of this thread (ordered-marks.ts).
 */
export class WorkerPool {
  private readonly workers: Array<{ worker: Worker; busy: number }> = [];
  private readonly pending = new Map<number, { resolve: (outcomes: RowOutcome[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;

  private constructor(private readonly marks: OrderedMarks | undefined) {}

  /** Starts `size` workers from `script` and waits until each has built its gate. */
  static async start(script: URL, size: number, spec: AuditGateSpec, concurrency: number, marks?: OrderedMarks): Promise<WorkerPool> {
    const pool = new WorkerPool(marks);
    const ready = Array.from({ length: size }, () => new Promise<void>((resolve, reject) => {
      // A small young generation: each isolate otherwise grows its own to tens of MB
      // of short-lived lead objects. Measured on 100,000 rows with 2 workers: peak RSS
      // 372 → 301 MiB, no slower (bench/README.md, "Audit").
      const worker = new Worker(script, { workerData: { spec, concurrency, askMarks: marks !== undefined }, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
      const slot = { worker, busy: 0 };
      pool.workers.push(slot);
      const reply = (answers: MarkAnswer[]) => worker.postMessage({ answers });
      worker.on('message', (message: { ready?: boolean; id?: number; outcomes?: RowOutcome[]; error?: string; marks?: MarkMessage }) => {
        if (message.marks) return void marks?.receive(message.marks, reply);
        if (message.ready !== undefined) {
          if (message.ready) resolve();
          else reject(new Error(`audit worker could not build its gate: ${message.error}`));
          return;
        }
        const waiter = pool.pending.get(message.id!);
        if (!waiter) return;
        pool.pending.delete(message.id!);
        slot.busy -= 1;
        marks?.close(message.id!);
        if (message.outcomes) waiter.resolve(message.outcomes);
        else waiter.reject(new Error(`audit worker failed on a batch: ${message.error}`));
      });
      worker.on('error', (error) => {
        pool.fail(error);
        reject(error);
      });
      worker.on('exit', (code) => {
        if (code !== 0) pool.fail(new Error(`audit worker exited with code ${code}`));
      });
    }));
    try {
      await Promise.all(ready);
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /** Validates one batch on the least busy worker; `ids` are the leads' record ids (see validateBatch). */
  run(leads: unknown[], ids?: ReadonlyArray<string | undefined>): Promise<RowOutcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    let slot = this.workers[0]!;
    for (const candidate of this.workers) if (candidate.busy < slot.busy) slot = candidate;
    const id = this.nextId++;
    slot.busy += 1;
    this.marks?.open(id);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, leads, ids });
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
