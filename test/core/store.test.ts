import { describe, expect, it } from 'vitest';
import { createGate, defineCheck, memoryStore, motions } from '../../src/index.js';

describe('memoryStore', () => {
  it('seen: false the first time, true until the ttl passes, false again after', async () => {
    let t = 0;
    const store = memoryStore({ now: () => t });
    expect(await store.seen('token:a', 1000)).toBe(false);
    expect(await store.seen('token:a', 1000)).toBe(true);
    t = 999;
    expect(await store.seen('token:a', 1000)).toBe(true);
    t = 1000;
    expect(await store.seen('token:a', 1000)).toBe(false);
  });

  it('hit: counts within a window that starts at the first hit, then starts over', async () => {
    let t = 0;
    const store = memoryStore({ now: () => t });
    expect(await store.hit('ip:1', 60_000)).toBe(1);
    t = 30_000;
    expect(await store.hit('ip:1', 60_000)).toBe(2);
    expect(await store.hit('ip:2', 60_000)).toBe(1);
    t = 60_000;
    expect(await store.hit('ip:1', 60_000)).toBe(1);
  });

  it('has/add: list membership, lists kept apart', async () => {
    const store = memoryStore();
    await store.add('suppression', 'd1', 'd2');
    expect(await store.has('suppression', 'd1')).toBe(true);
    expect(await store.has('suppression', 'd3')).toBe(false);
    expect(await store.has('other', 'd1')).toBe(false);
  });

  it('get/set/delete with expiry', async () => {
    let t = 0;
    const store = memoryStore({ now: () => t });
    await store.set('k', 'v', { ttlMs: 10 });
    expect(await store.get('k')).toBe('v');
    t = 10;
    expect(await store.get('k')).toBeUndefined();
    await store.set('k', 'w');
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
  });

  it('stays bounded: past maxEntries the oldest key is evicted', async () => {
    const store = memoryStore({ maxEntries: 3, maxListEntries: 2 });
    for (const key of ['a', 'b', 'c', 'd']) await store.seen(key, 60_000);
    expect(await store.seen('a', 60_000)).toBe(false); // evicted, so new again
    expect(await store.seen('d', 60_000)).toBe(true);
    await store.add('l', 'x', 'y', 'z');
    expect(await store.has('l', 'x')).toBe(false);
    expect(await store.has('l', 'z')).toBe(true);
  });
});

describe('a gate with a store', () => {
  it('a store that fails degrades the check to SYSTEM_CHECK_FAILED → review, and the lead keeps its verdict', async () => {
    const broken = { ...memoryStore(), seen: async () => { throw new Error('ECONNREFUSED 127.0.0.1:6379'); } };
    const once = defineCheck({
      id: 'once', dimension: 'compliance', runsIn: 'server', fields: ['email'], async: true,
      codes: { ONCE_AGAIN: { message: 'Seen before.', meaning: 'x', fix: 'y' } },
      async run(lead, ctx) {
        return (await ctx.store!.seen(`once:${lead.email}`, 1000)) ? ctx.fail('ONCE_AGAIN') : ctx.pass();
      },
    });
    const gate = createGate({ motion: 'inbound', checks: [once], store: broken });
    const verdict = await gate.validate({ email: 'maria.keller@northwind-logistics.de' });
    expect(verdict.decision).toBe('review');
    expect(verdict.reasons.map((r) => r.code)).toContain('SYSTEM_CHECK_FAILED');
    expect(JSON.stringify(verdict)).not.toContain('ECONNREFUSED');
  });

  it('lifts evidence.scores of a check into verdict.scores and verdict.mql', async () => {
    const scorer = defineCheck({
      id: 'scorer', dimension: 'value', runsIn: 'anywhere', fields: [],
      codes: {},
      run: (_lead, ctx) => ctx.pass({ scores: { fit: 72, intent: 40, mql: false } }),
    });
    const verdict = await createGate({ motion: 'inbound', checks: [scorer] }).validate({ email: 'maria.keller@northwind-logistics.de' });
    expect(verdict.scores.fit).toBe(72);
    expect(verdict.scores.intent).toBe(40);
    expect(verdict.mql).toBe(false);
    // Every preset runs the icp check, which scores; a preset without it reports no scores.
    const { icp: _icp, ...unscored } = motions.inbound.checks;
    const none = await createGate({ motion: { ...motions.inbound, checks: unscored } }).validate({ email: 'maria.keller@northwind-logistics.de' });
    expect(none.scores.fit).toBeUndefined();
    expect(none.mql).toBeUndefined();
  });
});
