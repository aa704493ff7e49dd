import { describe, expect, it } from 'vitest';
import { personalDataDigest } from '../../src/core/digest.js';
import { memoryStore } from '../../src/core/store.js';
import { auditStore } from '../../src/node/audit-store.js';

const DAY = 86_400_000;
const key = (kind: string, value: string) => `source:duplicate:${kind}:${personalDataDigest(`${kind}:${value}`, 'salt')}`;

describe('auditStore', () => {
  it('remembers every long-lived digest mark, past the 100,000 keys a memoryStore keeps', async () => {
    const store = auditStore();
    const bounded = memoryStore();
    for (let i = 0; i < 120_000; i++) {
      expect(await store.seen(key('email', `p${i}@example.com`), 30 * DAY)).toBe(false);
      await bounded.seen(key('email', `p${i}@example.com`), 30 * DAY);
    }
    // The first mark is long evicted from a default memoryStore; the audit store still has it.
    expect(await bounded.seen(key('email', 'p0@example.com'), 30 * DAY)).toBe(false);
    expect(await store.seen(key('email', 'p0@example.com'), 30 * DAY)).toBe(true);
    expect(await store.seen(key('email', 'p119999@example.com'), 30 * DAY)).toBe(true);
    expect(await store.seen(key('email', 'p120000@example.com'), 30 * DAY)).toBe(false);
  });

  it('keeps prefixes apart, and reads and deletes a mark as memoryStore would', async () => {
    const store = auditStore();
    const digest = personalDataDigest('same', 'salt');
    expect(await store.seen(`source:duplicate:email:${digest}`, 30 * DAY)).toBe(false);
    expect(await store.seen(`source:duplicate:phone:${digest}`, 30 * DAY)).toBe(false);
    expect(await store.get(`source:duplicate:email:${digest}`)).toBe('1');
    await store.delete(`source:duplicate:email:${digest}`);
    expect(await store.get(`source:duplicate:email:${digest}`)).toBeUndefined();
    expect(await store.seen(`source:duplicate:email:${digest}`, 30 * DAY)).toBe(false);
    expect(await store.seen(`source:duplicate:phone:${digest}`, 30 * DAY)).toBe(true);
  });

  it('gives short-lived marks, other keys and counters memoryStore\'s exact semantics (expiry included)', async () => {
    let now = 0;
    const store = auditStore({ now: () => now });
    const shortLived = key('email', 'a@example.com');
    expect(await store.seen(shortLived, 60_000)).toBe(false);
    expect(await store.seen(shortLived, 60_000)).toBe(true);
    now = 61_000;
    expect(await store.seen(shortLived, 60_000)).toBe(false);
    expect(await store.seen('form-token:abc', 30 * DAY)).toBe(false);
    expect(await store.seen('form-token:abc', 30 * DAY)).toBe(true);
    expect(await store.hit('source:velocity:email:3600000:x', 3_600_000)).toBe(1);
    expect(await store.hit('source:velocity:email:3600000:x', 3_600_000)).toBe(2);
    await store.add('suppression', 'd1');
    expect(await store.has('suppression', 'd1')).toBe(true);
  });
});
