import { expect, it } from 'vitest';
import type { OutcomeStore } from '../../src/outcomes/store.js';

/**
 * The behaviour every outcome store must have (memory, JSONL file, Redis). `make`
 * returns a fresh, empty store.
 */
export function outcomeStoreContract(make: () => Promise<OutcomeStore>): void {
  it('records a valid outcome and gives it back by lead id', async () => {
    const store = await make();
    const result = await store.record({ leadId: 'L-1', stage: 'rejected', at: '2026-11-03T10:00:00Z', reason: 'SALES_NO_BUDGET', note: 'pricing' });
    expect(result).toMatchObject({ ok: true, changed: true });
    expect(await store.get('L-1')).toEqual({
      leadId: 'L-1',
      stages: { rejected: { leadId: 'L-1', stage: 'rejected', at: '2026-11-03T10:00:00Z', reason: 'SALES_NO_BUDGET', note: 'pricing' } },
    });
    expect(await store.get('L-2')).toBeUndefined();
  });

  it('refuses a bad record with issues and keeps nothing of it', async () => {
    const store = await make();
    const result = await store.record({ leadId: 'L-1', stage: 'rejected', at: '2026-11-03' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toEqual(['reason']);
    expect(await store.record(null)).toMatchObject({ ok: false });
    expect(await store.count()).toEqual({ leads: 0, records: 0 });
  });

  it('latest at per stage wins, in any order; a replay is a no-op', async () => {
    const store = await make();
    const late = { leadId: 'L-1', stage: 'lost', at: '2026-11-05', reason: 'SALES_LOST_TO_COMPETITOR' };
    const early = { leadId: 'L-1', stage: 'lost', at: '2026-11-01', reason: 'SALES_NO_BUDGET' };
    expect(await store.record(late)).toMatchObject({ ok: true, changed: true });
    expect(await store.record(early)).toMatchObject({ ok: true, changed: false });
    expect(await store.record(late)).toMatchObject({ ok: true, changed: false });
    expect((await store.get('L-1'))?.stages.lost?.reason).toBe('SALES_LOST_TO_COMPETITOR');
    expect(await store.record({ ...late, at: '2026-11-06', reason: 'SALES_NO_DECISION' })).toMatchObject({ ok: true, changed: true });
    expect((await store.get('L-1'))?.stages.lost?.reason).toBe('SALES_NO_DECISION');
    expect(await store.count()).toEqual({ leads: 1, records: 1 });
  });

  it('keeps one record per stage, so a lead carries its whole path', async () => {
    const store = await make();
    await store.record({ leadId: 'L-1', stage: 'mql', at: '2026-11-01' });
    await store.record({ leadId: 'L-1', stage: 'sql', at: '2026-11-02', firstTouchAt: '2026-11-01T12:00:00Z' });
    await store.record({ leadId: 'L-1', stage: 'won', at: '2026-11-20', amount: 24000, owner: 'rep-7' });
    const held = await store.get('L-1');
    expect(Object.keys(held?.stages ?? {}).sort()).toEqual(['mql', 'sql', 'won']);
    expect(held?.stages.won).toMatchObject({ amount: 24000, owner: 'rep-7' });
    expect(await store.count()).toEqual({ leads: 1, records: 3 });
  });

  it('recordAll counts changed, unchanged and invalid inputs by position', async () => {
    const store = await make();
    const row = { leadId: 'L-9', stage: 'mql', at: '2026-11-01' };
    const summary = await store.recordAll([row, { ...row }, { leadId: 'L-9', stage: 'bogus', at: '2026-11-01' }, { leadId: 'L-10', stage: 'sal', at: '2026-11-02' }]);
    expect(summary).toMatchObject({ changed: 2, unchanged: 1, invalid: 1 });
    expect(summary.problems).toEqual([{ index: 2, issues: [expect.objectContaining({ path: 'stage' })] }]);
  });

  it('leads() walks every lead once; what it yields is a copy', async () => {
    const store = await make();
    for (let i = 0; i < 30; i++) await store.record({ leadId: `lead-${i}`, stage: 'mql', at: '2026-11-01' });
    await store.record({ leadId: 'lead-3', stage: 'sal', at: '2026-11-02' });
    const seen: string[] = [];
    for await (const lead of store.leads()) {
      seen.push(lead.leadId);
      delete lead.stages.mql;
    }
    expect(seen.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `lead-${i}`).sort());
    expect((await store.get('lead-3'))?.stages.mql).toBeDefined();
    expect(await store.count()).toEqual({ leads: 30, records: 31 });
  });

  it('keeps a lead id the gate never issued as given (the join counts it as unknown)', async () => {
    const store = await make();
    const odd = '0031x00000AbCdE: "quoted" ünïcode';
    await store.record({ leadId: odd, stage: 'sql', at: '2026-11-02' });
    expect((await store.get(odd))?.leadId).toBe(odd);
  });
}
