// Worker-thread entry of `audit()` (built to dist/audit-worker.js). It builds its own
// gate from the spec in workerData, then validates the batches the main thread posts
// and answers each with its outcomes, tagged with the batch id.
import { parentPort, workerData } from 'node:worker_threads';
import { buildAuditGate, type AuditGateSpec } from './audit-gate.js';
import { validateBatch } from './validate-batch.js';

interface WorkerInput {
  spec: AuditGateSpec;
  concurrency: number;
}

const port = parentPort;
if (port) {
  const { spec, concurrency } = workerData as WorkerInput;
  buildAuditGate(spec).then(
    ({ gate }) => {
      port.on('message', (message: { id: number; leads: unknown[]; ids?: Array<string | undefined> }) => {
        validateBatch(gate, message.leads, concurrency, message.ids).then(
          (outcomes) => port.postMessage({ id: message.id, outcomes }),
          (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
        );
      });
      port.postMessage({ ready: true });
    },
    (error: unknown) => port.postMessage({ ready: false, error: error instanceof Error ? error.message : String(error) }),
  );
}
