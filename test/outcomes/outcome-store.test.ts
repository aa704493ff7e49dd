import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryOutcomeStore, parseOutcome } from '../../src/index.js';
import { jsonlOutcomeStore } from '../../src/node/index.js';
import { outcomeStoreContract } from './outcome-store-contract.js';

const dir = () => mkdtempSync(join(tmpdir(), 'leadgate-outcomes-'));

describe('memoryOutcomeStore', () => {
  outcomeStoreContract(async () => memoryOutcomeStore());
});

describe('jsonlOutcomeStore', () => {
  outcomeStoreContract(async () => jsonlOutcomeStore(join(dir(), 'outcomes.jsonl'), { fsync: false }));

  it('writes one OutcomeRecord JSON per line, and nothing for a replay or an older row', async () => {
    const path = join(dir(), 'nested', 'outcomes.jsonl');
    const store = jsonlOutcomeStore(path);
    await store.record({ leadId: 'L-1', stage: 'mql', at: '2026-11-01' });
    await store.record({ leadId: 'L-1', stage: 'mql', at: '2026-11-01' });
    await store.record({ leadId: 'L-1', stage: 'mql', at: '2026-10-01' });
    await store.record({ leadId: 'L-1', stage: 'rejected', at: '2026-11-02', reason: 'SALES_FAKE' });
    await store.record({ leadId: 'L-1', stage: 'rejected', at: 'not a date', reason: 'SALES_FAKE' });
    await store.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(parseOutcome(JSON.parse(line)).ok).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('survives a restart: a second store on the file sees the merged outcomes', async () => {
    const path = join(dir(), 'outcomes.jsonl');
    const first = jsonlOutcomeStore(path);
    await first.record({ leadId: 'L-1', stage: 'lost', at: '2026-11-01', reason: 'SALES_NO_BUDGET' });
    await first.record({ leadId: 'L-1', stage: 'lost', at: '2026-11-04', reason: 'SALES_NO_NEED' });
    await first.record({ leadId: 'L-2', stage: 'won', at: '2026-11-04', amount: 5 });
    await first.close();
    const second = jsonlOutcomeStore(path);
    expect((await second.get('L-1'))?.stages.lost?.reason).toBe('SALES_NO_NEED');
    expect(await second.count()).toEqual({ leads: 2, records: 2 });
    // The replay of an old row after the restart still adds nothing.
    expect(await second.record({ leadId: 'L-2', stage: 'won', at: '2026-11-04', amount: 5 })).toMatchObject({ ok: true, changed: false });
  });

  it('reads a file it did not write (an import, a hand edit): bad lines are skipped and counted, a torn last line is ended', async () => {
    const path = join(dir(), 'outcomes.jsonl');
    writeFileSync(path, [
      JSON.stringify({ leadId: 'L-1', stage: 'sql', at: '2026-11-02' }),
      'not json',
      JSON.stringify({ leadId: 'L-2', stage: 'rejected', at: '2026-11-02' }), // no reason
      '',
    ].join('\n'));
    appendFileSync(path, '{"leadId":"L-3","sta');
    const store = jsonlOutcomeStore(path, { fsync: false });
    expect(await store.skippedLines()).toBe(3);
    expect(await store.count()).toEqual({ leads: 1, records: 1 });
    await store.record({ leadId: 'L-4', stage: 'mql', at: '2026-11-03' });
    await store.close();
    const last = readFileSync(path, 'utf8').trimEnd().split('\n').at(-1)!;
    expect(JSON.parse(last)).toEqual({ leadId: 'L-4', stage: 'mql', at: '2026-11-03' });
  });

  it('parallel records of one lead and stage append once', async () => {
    const path = join(dir(), 'outcomes.jsonl');
    const store = jsonlOutcomeStore(path, { fsync: false });
    const row = { leadId: 'L-1', stage: 'sal', at: '2026-11-02' };
    const results = await Promise.all(Array.from({ length: 5 }, () => store.record({ ...row })));
    expect(results.filter((result) => result.ok && result.changed)).toHaveLength(1);
    await store.close();
    expect(readFileSync(path, 'utf8').trimEnd().split('\n')).toHaveLength(1);
  });

  it('throws LeadGateError naming a bad option', () => {
    expect(() => jsonlOutcomeStore('')).toThrow(expect.objectContaining({ name: 'LeadGateError', option: 'path' }));
    expect(() => jsonlOutcomeStore('x.jsonl', { fsync: 'yes' as unknown as boolean })).toThrow(expect.objectContaining({ option: 'fsync' }));
  });
});
