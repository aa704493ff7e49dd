import type { Gate } from '../core/gate.js';
import { toRowOutcome, type RowOutcome } from './audit-report.js';

/**
 * Validates a batch of leads with at most `concurrency` in flight (it matters only for
 * async checks such as MX lookups) and returns their outcomes in input order. The one
 * function both the main thread and the workers use, so both give the same outcomes.
 */
export async function validateBatch(gate: Gate, leads: readonly unknown[], concurrency: number): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = new Array(leads.length);
  if (concurrency >= leads.length) {
    const verdicts = await Promise.all(leads.map((lead) => gate.validate(lead)));
    for (let i = 0; i < verdicts.length; i++) outcomes[i] = toRowOutcome(verdicts[i]!);
    return outcomes;
  }
  let next = 0;
  const lane = async () => {
    while (next < leads.length) {
      const index = next++;
      outcomes[index] = toRowOutcome(await gate.validate(leads[index]));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return outcomes;
}
