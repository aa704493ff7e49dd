import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs example script, no types
import { generateOutcomes, outcomesFor } from '../../examples/loop/generate-outcomes.mjs';
import { parseOutcome } from '../../src/index.js';
// @ts-expect-error: a plain .mjs example script, no types
import { prng as seeded } from '../../examples/audit/generate.mjs';

describe('demo:loop outcome generator (examples/loop/generate-outcomes.mjs)', () => {
  const T0 = Date.parse('2026-10-01T09:00:00Z');
  const verdict = (id: string, decision: string, codes: string[] = [], fit = 90) => ({ id, decision, reasons: codes.map((code) => ({ code, action: 'review' })), scores: { fit } });

  it('rejected leads never reach sales; every record it writes is a valid outcome', () => {
    const random = seeded(1);
    expect(outcomesFor(verdict('R', 'reject'), T0, random)).toEqual([]);
    const records = Array.from({ length: 300 }, (_, i) => outcomesFor(verdict(`L${i}`, i % 2 ? 'accept' : 'review', i % 3 ? [] : ['EMAIL_FREE_PROVIDER']), T0, random)).flat();
    expect(records.length).toBeGreaterThan(100);
    for (const record of records) expect(parseOutcome(record)).toMatchObject({ ok: true });
  });

  it('codes that predict a loss lower the SQL rate: free-mail leads reach SQL less often than clean ones', () => {
    const sqlShare = (codes: string[]) => {
      const random = seeded(7);
      let sql = 0;
      for (let i = 0; i < 4000; i++) if (outcomesFor(verdict(`L${i}`, 'accept', codes), T0, random).some((record: { stage: string }) => record.stage === 'sql')) sql++;
      return sql / 4000;
    };
    expect(sqlShare(['EMAIL_FREE_PROVIDER'])).toBeLessThan(sqlShare([]) * 0.7);
  });

  it('is deterministic: the same inputs and seed give the same bytes', async () => {
    const work = mkdtempSync(join(tmpdir(), 'leadgate-demo-loop-'));
    const verdicts = join(work, 'v.jsonl');
    const log = join(work, 'd.jsonl');
    writeFileSync(verdicts, Array.from({ length: 50 }, (_, i) => JSON.stringify(verdict(`L${i}`, 'accept'))).join('\n'));
    writeFileSync(log, Array.from({ length: 50 }, (_, i) => JSON.stringify({ leadId: `L${i}`, at: new Date(T0).toISOString() })).join('\n'));
    await generateOutcomes({ verdicts, log, out: join(work, 'a.jsonl') });
    await generateOutcomes({ verdicts, log, out: join(work, 'b.jsonl') });
    expect(readFileSync(join(work, 'a.jsonl'), 'utf8')).toBe(readFileSync(join(work, 'b.jsonl'), 'utf8'));
    expect(readFileSync(join(work, 'a.jsonl'), 'utf8').length).toBeGreaterThan(0);
  });
});
