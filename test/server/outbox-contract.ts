import { expect, it } from 'vitest';
import type { Outbox, OutboxEntry } from '../../src/server/index.js';
import type { Verdict } from '../../src/index.js';

/** A minimal entry as the handler writes one. */
export function entry(id: string, dueAt: number, extra: Partial<OutboxEntry> = {}): OutboxEntry {
  const verdict = { decision: 'accept', leadId: id, motion: 'inbound', policy: { name: 'inbound', version: '1.0.0' }, reasons: [], results: [], scores: { compliance: null, truth: 100, value: null }, at: '2026-01-01T00:00:00.000Z', ms: 1 } as Verdict;
  return { id, lead: { email: `${id}@example.com` }, verdict, attempts: 1, dueAt, enqueuedAt: 0, ...extra };
}

/**
 * The behaviour every outbox must have (memory, JSONL file, Redis). `make` returns a
 * fresh, empty outbox; `maxEntries` is 3 where the test needs a bound.
 */
export function outboxContract(make: (options: { maxEntries?: number }) => Promise<Outbox>): void {
  it('put is idempotent by id; size counts entries', async () => {
    const outbox = await make({});
    await outbox.put(entry('a', 0));
    await outbox.put(entry('a', 0, { attempts: 9 }));
    await outbox.put(entry('b', 0));
    expect(await outbox.size()).toBe(2);
  });

  it('claim returns due entries only, and leases them so a second claim does not return them', async () => {
    const outbox = await make({});
    await outbox.put(entry('due', 1_000));
    await outbox.put(entry('later', 5_000));
    const first = await outbox.claim(2_000, 10, 1_000);
    expect(first.map((e) => e.id)).toEqual(['due']);
    expect(first[0]).toMatchObject({ lead: { email: 'due@example.com' }, verdict: { leadId: 'due' }, attempts: 1 });
    expect(await outbox.claim(2_500, 10, 1_000)).toEqual([]);
    // After the lease, the entry is due again (its worker died): at-least-once.
    expect((await outbox.claim(3_001, 10, 1_000)).map((e) => e.id)).toEqual(['due']);
    expect((await outbox.claim(6_000, 10, 1_000)).map((e) => e.id).sort()).toEqual(['due', 'later']);
  });

  it('claim honours the limit', async () => {
    const outbox = await make({});
    for (const id of ['a', 'b', 'c', 'd']) await outbox.put(entry(id, 0));
    expect(await outbox.claim(1, 3, 1_000)).toHaveLength(3);
    expect(await outbox.claim(1, 3, 1_000)).toHaveLength(1);
  });

  it('reschedule stores attempts and the new due time; ack removes; an acked entry is not rescheduled back', async () => {
    const outbox = await make({});
    await outbox.put(entry('x', 0));
    const [claimed] = await outbox.claim(10, 10, 100_000);
    await outbox.reschedule({ ...claimed!, attempts: 2, dueAt: 50, lastError: 'TypeError' });
    const [again] = await outbox.claim(60, 10, 100);
    expect(again).toMatchObject({ id: 'x', attempts: 2, lastError: 'TypeError' });
    await outbox.ack('x');
    await outbox.reschedule({ ...again!, attempts: 3, dueAt: 0 });
    expect(await outbox.size()).toBe(0);
    expect(await outbox.claim(1_000_000, 10, 100)).toEqual([]);
  });

  it('refuses with OutboxFullError past maxEntries, and takes leads again after an ack', async () => {
    const outbox = await make({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c']) await outbox.put(entry(id, 0));
    await expect(outbox.put(entry('d', 0))).rejects.toMatchObject({ name: 'OutboxFullError' });
    await outbox.ack('a');
    await outbox.put(entry('d', 0));
    expect(await outbox.size()).toBe(3);
  });
}
