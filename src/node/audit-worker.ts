// Worker-thread entry of `audit()` (built to dist/audit-worker.js). It builds its own
// gate from the spec in workerData, then validates the batches the main thread posts
// and answers each with its outcomes, tagged with the batch id. With `deferDuplicates`,
// its gate's duplicate marks and decision events go back with the outcomes, for the
// main thread to apply in input order (deferred-duplicates.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { buildAuditGate, type AuditGateSpec } from './audit-gate.js';
import { auditStore } from './audit-store.js';
import { DuplicateDeferral } from './deferred-duplicates.js';
import { validateBatch } from './validate-batch.js';

interface WorkerInput {
  spec: AuditGateSpec;
  concurrency: number;
  deferDuplicates?: boolean;
}

const port = parentPort;
if (port) {
  const { spec, concurrency, deferDuplicates } = workerData as WorkerInput;
  const deferral = deferDuplicates ? new DuplicateDeferral() : undefined;
  buildAuditGate(spec, deferral ? { store: deferral.store(auditStore()), log: deferral.sink() } : {}).then(
    ({ gate }) => {
      port.on('message', (message: { id: number; leads: unknown[]; ids?: Array<string | undefined> }) => {
        const batch = deferral
          ? deferral.validate(gate, message.leads, concurrency, message.ids)
          : validateBatch(gate, message.leads, concurrency, message.ids).then((outcomes) => ({ outcomes }));
        batch.then(
          (result) => port.postMessage({ id: message.id, ...result }),
          (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
        );
      });
      port.postMessage({ ready: true });
    },
    (error: unknown) => port.postMessage({ ready: false, error: error instanceof Error ? error.message : String(error) }),
  );
}
