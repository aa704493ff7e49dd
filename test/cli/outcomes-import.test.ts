import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { outcomesCommand } from '../../src/cli/commands/outcomes.js';
import { parseOutcome, type OutcomeRecord } from '../../src/index.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const dir = () => mkdtempSync(join(tmpdir(), 'leadgate-import-'));

async function importFile(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} };
  const code = await outcomesCommand.run(['import', ...args], io);
  return { code, stdout, stderr };
}

function readRecords(path: string): OutcomeRecord[] {
  return readFileSync(path, 'utf8').trimEnd().split('\n').map((line) => {
    const parsed = parseOutcome(JSON.parse(line));
    if (!parsed.ok) throw new Error(`invalid line ${line}`);
    return parsed.outcome;
  });
}

const byLead = (records: OutcomeRecord[], leadId: string) => Object.fromEntries(records.filter((r) => r.leadId === leadId).map((r) => [r.stage, r]));

describe('leadgate outcomes import', () => {
  it('imports a HubSpot contacts export: lifecycle dates, lead statuses, reasons; repeats and bad rows counted', async () => {
    const out = join(dir(), 'outcomes.jsonl');
    const result = await importFile([fixture('outcomes-hubspot.csv'), '--out', out, '--map-preset', 'hubspot']);
    expect(result.code).toBe(0);
    const records = readRecords(out);
    expect(records).toHaveLength(12);
    expect(byLead(records, '101')).toEqual({ mql: { leadId: '101', stage: 'mql', at: '2026-10-01T09:30', owner: 'Sam Rep' } });
    // Lifecycle "Sales Qualified Lead" outranks lead status "Connected" (sal).
    expect(Object.keys(byLead(records, '102')).sort()).toEqual(['mql', 'sql']);
    expect(byLead(records, '102').sql).toMatchObject({ at: '2026-10-06', firstTouchAt: '2026-10-02T15:00' });
    expect(byLead(records, '103').won).toMatchObject({ at: '2026-10-20', amount: 24000, owner: 'Kim Rep' });
    expect(Object.keys(byLead(records, '103')).sort()).toEqual(['mql', 'opportunity', 'sql', 'won']);
    expect(byLead(records, '104').rejected).toMatchObject({ at: '2026-10-03', reason: 'SALES_FAKE', note: 'Spam / test submission' });
    expect(byLead(records, '105').rejected).toMatchObject({ reason: 'SALES_EXISTING_CUSTOMER' });
    expect(byLead(records, '106').recycled).toMatchObject({ at: '2026-10-08', reason: 'SALES_BAD_TIMING' });
    expect(byLead(records, '107').rejected).toMatchObject({ reason: 'SALES_OTHER', note: 'Wanted a unicorn' });
    expect(byLead(records, '108')).toEqual({});

    expect(result.stderr).toContain('12 rows');
    expect(result.stderr).toContain('12 outcome records written');
    expect(result.stderr).toContain('1 already there');
    expect(result.stderr).toContain('1 rows with no sales outcome');
    expect(result.stderr).toContain('3 bad rows');
    expect(result.stderr).toMatch(/line 11: stage: "Evangelist-ish"/);
    expect(result.stderr).toMatch(/line 12: mqlAt: "31\/31\/2026"/);
    expect(result.stderr).toMatch(/line 13: amount: "lots"/);
    // The summary names columns and lines, never a person's email.
    expect(result.stderr).not.toContain('@');
  });

  it('imports a Salesforce export: statuses, converted and close dates, loss reasons, US dates', async () => {
    const out = join(dir(), 'outcomes.jsonl');
    const result = await importFile([fixture('outcomes-salesforce.csv'), '--out', out, '--map-preset', 'salesforce']);
    expect(result.code).toBe(0);
    const records = readRecords(out);
    expect(records).toHaveLength(9);
    expect(byLead(records, '00Q5g00000AbC01').sal).toMatchObject({ at: '2026-10-02', firstTouchAt: '2026-10-02T15:15', owner: 'Pat Rep' });
    expect(byLead(records, '00Q5g00000AbC02')).toMatchObject({ sql: { at: '2026-10-05' }, won: { at: '2026-11-01', amount: 52500 } });
    expect(byLead(records, '00Q5g00000AbC03').lost).toMatchObject({ at: '2026-11-02', reason: 'SALES_NO_BUDGET', note: 'Price', amount: 10000 });
    expect(byLead(records, '00Q5g00000AbC04').rejected).toMatchObject({ at: '2026-10-07', reason: 'SALES_NO_BUDGET' });
    expect(byLead(records, '00Q5g00000AbC05').rejected).toMatchObject({ reason: 'SALES_OTHER' });
    // An open opportunity's Close Date is a forecast: it is dated by Last Modified Date instead.
    expect(byLead(records, '00Q5g00000AbC07').opportunity).toMatchObject({ at: '2026-10-20', amount: 8000 });
    expect(byLead(records, '00Q5g00000AbC06')).toEqual({});
    expect(result.stderr).toMatch(/1 bad rows:\n {2}line 9: at: "13\/45\/2026"/);
  });

  it('auto finds the columns of either CRM, and a second import of the same file adds nothing', async () => {
    const out = join(dir(), 'outcomes.jsonl');
    expect((await importFile([fixture('outcomes-salesforce.csv'), '--out', out])).code).toBe(0);
    const again = await importFile([fixture('outcomes-salesforce.csv'), '--out', out]);
    expect(again.stderr).toContain('0 outcome records written');
    expect(again.stderr).toContain('9 already there');
    expect(readRecords(out)).toHaveLength(9);
  });

  it('--map names columns of a custom export; --day-first reads 3/11/2026 as 3 November', async () => {
    const work = dir();
    const input = join(work, 'custom.csv');
    writeFileSync(input, 'leadgate ID,Outcome,When,Why\nlg_1,Disqualified,3/11/2026,Went with a competitor\nlg_2,SQL,4/11/2026,\n');
    const out = join(work, 'outcomes.jsonl');
    const result = await importFile([input, '--out', out, '--map', 'leadId=leadgate ID', '--map', 'at="When"', '--map', 'reason=Why', '--day-first']);
    expect(result.code).toBe(0);
    expect(readRecords(out)).toEqual([
      { leadId: 'lg_1', stage: 'rejected', at: '2026-11-03', reason: 'SALES_LOST_TO_COMPETITOR', note: 'Went with a competitor' },
      { leadId: 'lg_2', stage: 'sql', at: '2026-11-04' },
    ]);
  });

  it('refuses with a usage error: no lead id column, a --map column that is not there, a bad field or preset', async () => {
    const work = dir();
    const input = join(work, 'x.csv');
    writeFileSync(input, 'Name,Stage\nA,won\n');
    const out = join(work, 'o.jsonl');
    await expect(importFile([input, '--out', out])).rejects.toThrow(/no lead id column/);
    await expect(importFile([input, '--out', out, '--map', 'leadId=Record Id'])).rejects.toThrow(/no such column/);
    await expect(importFile([input, '--out', out, '--map', 'email=Name'])).rejects.toThrow(/not a field/);
    await expect(importFile([input, '--out', out, '--map-preset', 'pipedrive'])).rejects.toThrow(/--map-preset/);
    await expect(importFile([input])).rejects.toThrow(/--out/);
  });

  it('a file that cannot be read exits 1 with the error code, not a stack', async () => {
    const result = await importFile([join(dir(), 'missing.csv'), '--out', join(dir(), 'o.jsonl')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ENOENT');
  });

  it('is listed by `leadgate outcomes --help`', async () => {
    let stdout = '';
    await outcomesCommand.run(['--help'], { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true }, env: {} });
    expect(stdout).toMatch(/import\s+Import a HubSpot or Salesforce export/);
  });
});
