// Worker-thread entry of `audit()` (built to dist/audit-worker.js). It builds its own
// gate from the spec in workerData, then validates the batches the main thread posts
// and answers each with its result, tagged with the batch id. With `deferDuplicates`, a
// batch comes twice: `marks` (the source check alone, recording the duplicate marks each
// lead makes) and `validate` with the main thread's answers (deferred-duplicates.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { Gate } from '../core/gate.js';
import { buildAuditGate, type AuditGateSpec } from './audit-gate.js';
import { auditStore } from './audit-store.js';
import { DuplicateDeferral } from './deferred-duplicates.js';
import { validateBatch } from './validate-batch.js';

interface WorkerInput {
  spec: AuditGateSpec;
  concurrency: number;
  deferDuplicates?: boolean;
}

interface BatchMessage {
  id: number;
  kind: 'marks' | 'validate';
  leads: unknown[];
  ids?: Array<string | undefined>;
  seen?: string[][];
}

const port = parentPort;
if (port) {
  const { spec, concurrency, deferDuplicates } = workerData as WorkerInput;
  const deferral = deferDuplicates ? new DuplicateDeferral() : undefined;
  const gates = deferral
    ? Promise.all([
      buildAuditGate(spec, { store: deferral.store(auditStore()) }),
      // The marks pass logs nothing: the validate pass writes each lead's one event.
      buildAuditGate({ ...spec, log: undefined }, { store: deferral.store(auditStore()), checkIds: ['source'] }),
    ])
    : buildAuditGate(spec).then((full) => [full]);
  gates.then(
    ([full, marking]) => {
      const run = (message: BatchMessage): Promise<unknown> => {
        if (message.kind === 'marks') return deferral!.marks((marking ?? full!).gate, message.leads, concurrency, message.ids);
        if (deferral && message.seen) return deferral.validate(full!.gate, message.leads, concurrency, message.ids, message.seen);
        return validateBatch(full!.gate as Gate, message.leads, concurrency, message.ids);
      };
      port.on('message', (message: BatchMessage) => {
        run(message).then(
          (result) => port.postMessage({ id: message.id, result }),
          (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
        );
      });
      port.postMessage({ ready: true });
    },
    (error: unknown) => port.postMessage({ ready: false, error: error instanceof Error ? error.message : String(error) }),
  );
}
