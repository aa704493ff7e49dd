import type { Gate } from '../core/gate.js';
import { toRowOutcome, type RowOutcome } from './audit-report.js';

/**
 * Validates a batch of leads with at most `concurrency` in flight (it matters only for
 * async checks such as MX lookups) and returns their outcomes in input order. The one
 * function both the main thread and the workers use, so both give the same outcomes.
 *
 * `ids[i]`, when given, is lead i's record id (the file's `@id` column): it becomes the
 * verdict's `leadId`, and so the decision log's, for the closed loop to join sales
 * outcomes on. The batch resolves once the gate's log writes for it have settled, so a
 * worker that is stopped after its last batch has lost no log line.
 */
export async function validateBatch(gate: Gate, leads: readonly unknown[], concurrency: number, ids?: ReadonlyArray<string | undefined>): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = new Array(leads.length);
  const validateOne = (index: number) => {
    const id = ids?.[index];
    return id === undefined ? gate.validate(leads[index]) : gate.validate(leads[index], { leadId: id });
  };
  if (concurrency >= leads.length) {
    const verdicts = await Promise.all(leads.map((_, index) => validateOne(index)));
    for (let i = 0; i < verdicts.length; i++) outcomes[i] = toRowOutcome(verdicts[i]!);
  } else {
    let next = 0;
    const lane = async () => {
      while (next < leads.length) {
        const index = next++;
        outcomes[index] = toRowOutcome(await validateOne(index));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
  }
  await gate.flush();
  return outcomes;
}
