// Worker-thread entry of `audit()` (built to dist/audit-worker.js). It builds its own
// gate from the spec in workerData, then validates the batches the main thread posts
// and answers each with its outcomes, tagged with the batch id. With `askMarks`, its
// store asks the duplicate marks of the main thread (ordered-marks.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { buildAuditGate, type AuditGateSpec } from './audit-gate.js';
import { auditStore } from './audit-store.js';
import { MarkQuestions, type MarkAnswer } from './ordered-marks.js';
import { validateBatch } from './validate-batch.js';

interface WorkerInput {
  spec: AuditGateSpec;
  concurrency: number;
  askMarks: boolean;
}

const port = parentPort;
if (port) {
  const { spec, concurrency, askMarks } = workerData as WorkerInput;
  const questions = askMarks ? new MarkQuestions((marks) => port.postMessage({ marks })) : undefined;
  buildAuditGate(spec, questions ? { store: questions.store(auditStore()) } : {}).then(
    ({ gate }) => {
      port.on('message', (message: { id: number; leads: unknown[]; ids?: Array<string | undefined> } | { answers: MarkAnswer[] }) => {
        if ('answers' in message) return void questions?.answer(message.answers);
        const validated = questions
          ? questions.batch(message.id, () => validateBatch(gate, message.leads, concurrency, message.ids))
          : validateBatch(gate, message.leads, concurrency, message.ids);
        validated.then(
          (outcomes) => port.postMessage({ id: message.id, outcomes }),
          (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
        );
      });
      port.postMessage({ ready: true });
    },
    (error: unknown) => port.postMessage({ ready: false, error: error instanceof Error ? error.message : String(error) }),
  );
}
