import { describe, expect, it } from 'vitest';
import { memoryOutbox } from '../../src/server/index.js';
import { entry, outboxContract } from './outbox-contract.js';

describe('memoryOutbox', () => {
  outboxContract(async ({ maxEntries }) => memoryOutbox({ onWarning: () => undefined, ...(maxEntries ? { maxEntries } : {}) }));

  it('warns at 80 % of its bound and when full, not on every put', async () => {
    const warnings: string[] = [];
    const outbox = memoryOutbox({ maxEntries: 5, onWarning: (message) => warnings.push(message) });
    for (const id of ['a', 'b', 'c']) await outbox.put(entry(id, 0));
    expect(warnings).toHaveLength(0);
    await outbox.put(entry('d', 0)); // 4 of 5
    await outbox.put(entry('e', 0));
    expect(warnings).toHaveLength(1);
    await expect(outbox.put(entry('f', 0))).rejects.toMatchObject({ name: 'OutboxFullError' });
    expect(warnings).toHaveLength(2);
    expect(warnings.join(' ')).not.toContain('@example.com');
  });

  it('keeps its own copy: changing an entry after put or claim does not change the stored one', async () => {
    const outbox = memoryOutbox();
    const original = entry('a', 0);
    await outbox.put(original);
    original.lead.email = 'changed@example.com';
    const [claimed] = await outbox.claim(1, 10, 1);
    expect(claimed!.lead.email).toBe('a@example.com');
  });

  it('a bad bound is a LeadGateError naming maxEntries', () => {
    expect(() => memoryOutbox({ maxEntries: 0 })).toThrow(expect.objectContaining({ option: 'maxEntries' }));
  });
});
