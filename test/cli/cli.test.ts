import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/node/audit-report.js';
import type { DecisionEvent } from '../../src/core/log.js';

// These tests run the BUILT `leadgate` binary, as a user would. The build runs once, in
// beforeAll, with the project's own tsup config into node_modules/.cache (inside the
// project, so the bundle resolves its dependencies), skipping only the type
// declarations, which take most of the build time and which the binary never reads.
// Building there instead of dist/ leaves a dist/ that a bench or demo is using alone.
const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = join(root, 'node_modules/.cache/leadgate-cli-test');
const cli = join(outDir, 'cli.js');
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const demoLeads = join(root, 'examples/audit/leads.csv');
let work: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    // stdio pipes: not a TTY, so no progress bar and no colour unless FORCE_COLOR.
    const child = spawn(process.execPath, [cli, ...args], { cwd: fixture('.'), env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function auditJson(args: string[]): Promise<AuditReport> {
  const result = await run(['audit', ...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as AuditReport;
}

const counts = (report: AuditReport) => Object.fromEntries(Object.entries(report.decisions).map(([decision, share]) => [decision, share.count]));
const codeCounts = (report: AuditReport) => Object.fromEntries(report.codes.map((row) => [row.code, row.leads]));

beforeAll(async () => {
  const build = await new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/tsup/dist/cli-default.js'), '--no-dts', '--out-dir', outDir], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: '', stderr }));
  });
  if (build.code !== 0 || !existsSync(cli)) throw new Error(`tsup build failed: ${build.stderr}`);
  work = mkdtempSync(join(tmpdir(), 'leadgate-cli-'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('leadgate --help', () => {
  it('prints help for the bin and for every command, exit 0', async () => {
    for (const args of [['--help'], ['audit', '--help'], ['codes', '--help'], ['audit', '-h']]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/^Usage: leadgate/);
    }
    expect((await run(['audit', '--help'])).stdout).toContain('--fail-over <percent>');
  });
});

describe('exit codes', () => {
  it('2 for usage errors, naming what was wrong', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /Usage: leadgate/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['audit'], /name the file to audit/],
      [['audit', 'basic.csv', '--motion', 'sideways'], /--motion must be one of/],
      [['audit', 'basic.csv', '--format', 'pdf'], /--format must be/],
      [['audit', 'basic.csv', '--bogus'], /bogus/],
      [['audit', 'basic.csv', '--map', 'shoeSize=Country'], /"shoeSize" is not a lead field/],
      [['audit', 'basic.csv', '--map', 'title=Job Function'], /title="Job Function" names a column the file does not have/],
      [['audit', 'basic.csv', '--map', 'no-equals-sign'], /--map takes field=Column/],
      [['audit', 'basic.csv', '--workers', '0'], /--workers must be a whole number/],
      [['audit', 'basic.csv', '--fail-over', '150'], /--fail-over must be a percentage/],
      [['audit', 'basic.csv', '--out', 'report.pdf'], /the extension says what to write/],
      [['audit', 'basic.csv', '--config', 'unknown-check.config.json'], /unknown check "telepathy"/],
      [['audit', 'basic.csv', '--config', 'missing.config.json'], /cannot read .*missing\.config\.json \(ENOENT\)/],
      [['audit', 'basic.csv', '--config', 'missing-accounts.config.json'], /"checks\.group\.accounts": cannot read no-such-accounts\.csv \(ENOENT\)/],
      [['codes', '--format', 'yaml'], /--format must be md or json/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr + result.stdout, args.join(' ')).toMatch(message);
    }
  });

  it('1 when the input cannot be read', async () => {
    const missing = await run(['audit', 'no-such-file.csv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read no-such-file\.csv \(ENOENT\)/);
    const directory = await run(['audit', fixture('.')]);
    expect(directory.code).toBe(1);
    expect(directory.stderr).toMatch(/not a file/);
  });

  it('3 when the rejection rate is over --fail-over, 0 when it is not', async () => {
    // basic.csv: 3 of 6 audited leads are rejected under inbound (50%).
    const over = await run(['audit', 'basic.csv', '--fail-over', '49.9']);
    expect(over.code).toBe(3);
    expect(over.stderr).toMatch(/50% of leads rejected, over --fail-over 49.9%/);
    expect((await run(['audit', 'basic.csv', '--fail-over', '50'])).code).toBe(0);
    expect((await run(['audit', 'basic.csv', '--fail-over', '50%', '--quiet'])).code).toBe(0);
  });
});

describe('leadgate audit: JSON values', () => {
  it('audits a CSV with BOM, CRLF, quoted fields and broken rows: decisions, codes, malformed lines', async () => {
    const report = await auditJson(['basic.csv']);
    expect(report.rows).toEqual({ total: 8, audited: 6, malformed: 2 });
    // A1 clean → accept; A2 gmail → review; A3 disposable, A4 typo, A6 syntax + junk title → reject; A8 info@ → review.
    expect(counts(report)).toEqual({ accept: 1, review: 2, reject: 3 });
    expect(report.decisions.reject.percent).toBe(50);
    expect(report.rejectionRate).toBe(50);
    // The consent check: the file has no consent columns, so the leads in Germany (A1), the UK
    // (A2), India (A4, the strict default) and Spain (A6) carry no basis for marketing email:
    // CONSENT_MISSING, and no GDPR lawful basis either (CONSENT_BASIS_MISSING, 1.2.0), both
    // flags under inbound (marketing is stripped, the lead kept). The US
    // leads (A3, A8) need none (CAN-SPAM is opt-out). The ICP check: A3's company "Test" is a
    // placeholder and a mailinator address names no employer, so ICP_COMPANY_MISSING (review,
    // under A3's reject). No decision changes.
    expect(codeCounts(report)).toEqual({
      CONSENT_BASIS_MISSING: 4, CONSENT_MISSING: 4, EMAIL_DISPOSABLE: 1, EMAIL_FREE_PROVIDER: 1, EMAIL_ROLE_ACCOUNT: 1, EMAIL_SYNTAX: 1, EMAIL_TYPO: 1, ICP_COMPANY_MISSING: 1, ROLE_JUNK: 1,
    });
    expect(report.codes.find((row) => row.code === 'CONSENT_MISSING')).toMatchObject({ check: 'consent', action: 'flag', examples: [{ line: 2 }, { line: 3 }, { line: 5 }] });
    expect(report.codes.find((row) => row.code === 'ICP_COMPANY_MISSING')).toMatchObject({ check: 'icp', action: 'review', examples: [{ line: 4, value: 'Test' }] });
    expect(report.codes.find((row) => row.code === 'EMAIL_TYPO')).toMatchObject({ check: 'email', action: 'reject', percent: 16.7, examples: [{ line: 5, value: 'p***@outlok.com' }] });
    // A4's quoted note spans lines 5–6, so the short row is on line 7 and the bad quote on line 9.
    expect(report.malformed).toEqual({
      count: 2,
      byReason: { 'field-count': 1, 'bad-quote': 1 },
      rows: [
        { line: 7, reason: 'field-count', detail: 'expected 10 fields, found 3' },
        { line: 9, reason: 'bad-quote', detail: 'text after the closing quote of field 2' },
      ],
    });
    // The audit replaces the motion's source check (velocity off, see AUDIT_CHECK_DEFAULTS), so it comes last.
    expect(report.checks).toEqual([
      { check: 'email', dimension: 'truth', pass: 1, fail: 5, error: 0 },
      { check: 'phone', dimension: 'truth', pass: 6, fail: 0, error: 0 },
      { check: 'role', dimension: 'truth', pass: 5, fail: 1, error: 0 },
      { check: 'consent', dimension: 'compliance', pass: 2, fail: 4, error: 0 },
      { check: 'icp', dimension: 'value', pass: 5, fail: 1, error: 0 },
      { check: 'source', dimension: 'compliance', pass: 6, fail: 0, error: 0 },
    ]);
    expect(report.dimensions).toEqual([
      { dimension: 'truth', checks: ['email', 'phone', 'role'], leadsWithFindings: 5, percent: 83.3, meanScore: expect.any(Number) },
      { dimension: 'compliance', checks: ['consent', 'source'], leadsWithFindings: 4, percent: 66.7, meanScore: expect.any(Number) },
      { dimension: 'value', checks: ['icp'], leadsWithFindings: 1, percent: 16.7, meanScore: expect.any(Number) },
    ]);
    // No lead carries behaviour, so no intent and no MQL; fit is scored from what the rows say.
    expect(report.mql).toEqual({ yes: 0, no: 6 });
    expect(report.scores.fit).toEqual({ mean: expect.any(Number), leads: 6 });
    expect(report.bySource).toEqual({
      column: 'Lead Source',
      sources: [
        { source: 'Purchased list', leads: 3, accept: 0, review: 0, reject: 3, rejectPercent: 100 },
        { source: 'Webinar', leads: 2, accept: 1, review: 1, reject: 0, rejectPercent: 0 },
        { source: '(none)', leads: 1, accept: 0, review: 1, reject: 0, rejectPercent: 0 },
      ],
    });
    expect(report).toMatchObject({ motion: 'inbound', policy: { name: 'inbound', version: '1.2.0' }, run: { workers: 1, statefulChecks: ['source'], dns: false, personalData: 'masked' } });
  });

  it('gives the motion its own decisions (abm rejects free-mail and role accounts)', async () => {
    const report = await auditJson(['basic.csv', '--motion', 'abm']);
    expect(report.motion).toBe('abm');
    expect(report.codes.find((row) => row.code === 'EMAIL_FREE_PROVIDER')?.action).toBe('reject');
    expect(counts(report).reject).toBeGreaterThan(3);
  });

  it('reads JSONL: lead-shaped records, header-named keys, bad lines by number', async () => {
    const report = await auditJson(['leads.jsonl']);
    expect(report.input.format).toBe('jsonl');
    expect(report.rows).toEqual({ total: 5, audited: 3, malformed: 2 });
    expect(report.malformed.rows).toEqual([{ line: 4, reason: 'invalid-json' }, { line: 5, reason: 'not-an-object', detail: 'found an array' }]);
    expect(counts(report)).toEqual({ accept: 1, review: 1, reject: 1 });
    expect(report.input.columns).toMatchObject({ email: 'email', title: 'title', source: 'source', 'source.utm_source': 'utm_source', '@source': 'Lead Source', '@id': 'id' });
  });

  it('applies a config file: overrides and check options merged over the motion', async () => {
    const report = await auditJson(['basic.csv', '--config', 'abm-strict.config.json']);
    expect(report.policy.version).toMatch(/^1\.2\.0\+overrides\./);
    expect(report.codes.find((row) => row.code === 'EMAIL_FREE_PROVIDER')?.action).toBe('reject');
    // functions: ['purchasing'] puts "Head of IT", "Director, Sales", "Operations Manager" out of scope.
    expect(codeCounts(report).ROLE_FUNCTION_OUT_OF_SCOPE).toBe(3);
    expect(counts(report)).toEqual({ accept: 1, review: 1, reject: 4 });
  });

  it('loads the group check\'s account list named by a config, with an ICP profile (abm)', async () => {
    // abm-accounts.config.json: { group: { accounts: "accounts.csv" }, icp: { industries: { include: ["48", "49"] }, employees: { min: 100, max: 5000 } } }.
    // accounts.csv: Northwind Logistics (a target account), Bluepath Energy (an account, not a target).
    const verdicts = join(work, 'abm.jsonl');
    const report = await auditJson(['abm-leads.csv', '--config', 'abm-accounts.config.json', '--out', verdicts]);
    expect(report.motion).toBe('abm');
    expect(report.run.statefulChecks).toEqual(['source', 'group']);
    const byLead = Object.fromEntries(readFileSync(verdicts, 'utf8').trim().split('\n').map((line) => JSON.parse(line)).map((row) => [row.id, row]));
    const codesOf = (id: string) => byLead[id].reasons.map((reason: { code: string }) => reason.code);
    // B1 works at the target account, in a transport company (NAICS 48) of 1,200: in the ICP.
    // A buying group of one with no decision maker goes to a person to multithread (abm: review).
    expect(codesOf('B1')).toEqual(['GROUP_COVERAGE_LOW', 'GROUP_NO_DECISION_MAKER']);
    expect(byLead.B1.decision).toBe('review');
    // B2's company is an account but not a target; a utility of 80 people is outside the ICP
    // (outside the include list: a flag under abm since 1.1.0, the group's codes decide).
    expect(codesOf('B2')).toEqual(['GROUP_NOT_TARGET_ACCOUNT', 'GROUP_COVERAGE_LOW', 'ICP_INDUSTRY_NOT_INCLUDED', 'ICP_SIZE_OUT_OF_RANGE', 'ICP_FIT_LOW']);
    // B3's company is on no account list at all.
    expect(codesOf('B3')).toEqual(['GROUP_ACCOUNT_UNMATCHED', 'ICP_INDUSTRY_NOT_INCLUDED', 'ICP_SIZE_OUT_OF_RANGE', 'ICP_FIT_LOW']);
    expect([byLead.B2.decision, byLead.B3.decision]).toEqual(['reject', 'reject']);
    expect(byLead.B1.scores.fit).toBeGreaterThan(byLead.B2.scores.fit);
    expect(report.codes.find((row) => row.code === 'GROUP_NOT_TARGET_ACCOUNT')).toMatchObject({ check: 'group', action: 'reject', leads: 1, examples: [{ line: 3 }] });
    expect(report.codes.find((row) => row.code === 'GROUP_ACCOUNT_UNMATCHED')).toMatchObject({ check: 'group', action: 'reject', leads: 1, examples: [{ line: 4 }] });
    expect(report.checks.find((row) => row.check === 'group')).toEqual({ check: 'group', dimension: 'value', pass: 0, fail: 3, error: 0 });

    // Near miss: the same file under abm without the config has no group check and the open ICP profile.
    const plain = await auditJson(['abm-leads.csv', '--motion', 'abm']);
    expect(plain.codes.map((row) => row.code)).toEqual([]);
    expect(counts(plain)).toEqual({ accept: 3, review: 0, reject: 0 });
  });

  it('loads a .js config whose check options are functions (an enricher)', async () => {
    const report = await auditJson(['basic.csv', '--config', 'functions.config.mjs']);
    expect(codeCounts(report).ROLE_CHANGED).toBe(6);
    expect(counts(report).accept).toBe(0);
  });
});

describe('column mapping', () => {
  it('recognises headers case- and punctuation-insensitively and converts country names', async () => {
    const report = await auditJson(['basic.csv']);
    expect(report.input.columns).toEqual({
      '@id': 'Lead ID', firstName: 'First Name', email: 'E-Mail', title: 'job_title', company: 'Company Name',
      phone: 'Phone Number', country: 'Country', '@source': 'Lead Source', 'source.utm_source': 'UTM Source',
    });
    expect(report.input.unusedColumns).toEqual(['Notes']);
    // "Germany" became DE, so A1's Berlin number matches its country: no phone finding, no SYSTEM_FIELD_INVALID.
    expect(report.codes.map((row) => row.code)).not.toContain('SYSTEM_FIELD_INVALID');
    expect(report.codes.map((row) => row.code)).not.toContain('PHONE_COUNTRY_MISMATCH');
  });

  it('without a mapping, unknown headers leave the leads empty (EMAIL_MISSING); --map and --map-file fix it', async () => {
    const unmapped = await auditJson(['custom-headers.csv']);
    expect(codeCounts(unmapped).EMAIL_MISSING).toBe(3);
    expect(unmapped.input.unusedColumns).toEqual(['Work Mail', 'Role Title', 'Org', 'Where From']);

    // The same mapping twice: as --map flags and as mapping.json.
    const byFlags = await auditJson(['custom-headers.csv', '--map', 'email=Work Mail', '--map', 'title="Role Title"', '--map', 'company=Org', '--map', '@source=where from']);
    const byFile = await auditJson(['custom-headers.csv', '--map-file', 'mapping.json']);
    for (const report of [byFlags, byFile]) {
      // No country column: the consent check applies its strict default regime, so none of the
      // three may be emailed without consent (CONSENT_MISSING), and the strict default has the
      // GDPR's lawful-basis layer (CONSENT_BASIS_MISSING); "Test" is a placeholder company
      // and the mailinator address names no employer (ICP_COMPANY_MISSING).
      expect(codeCounts(report)).toEqual({ CONSENT_BASIS_MISSING: 3, CONSENT_MISSING: 3, EMAIL_DISPOSABLE: 1, EMAIL_FREE_PROVIDER: 1, ICP_COMPANY_MISSING: 1, ROLE_NOT_WORKFORCE: 1 });
      expect(report.input.columns.company).toBe('Org');
      expect(report.bySource?.column).toBe('Where From');
      expect(report.bySource?.sources.map((row) => [row.source, row.leads])).toEqual([['Webinar', 2], ['Fair', 1]]);
    }
  });

  it('lets --map override a default (the Notes column as the title)', async () => {
    const report = await auditJson(['basic.csv', '--map', 'title=Notes']);
    expect(report.input.columns.title).toBe('Notes');
    expect(report.input.unusedColumns).toContain('job_title');
  });
});

describe('personal data', () => {
  it('is masked in every report and the verdicts file unless --show-personal-data', async () => {
    const html = join(work, 'masked.html');
    const verdicts = join(work, 'masked.csv');
    const json = await run(['audit', 'basic.csv', '--format', 'json', '--out', html, '--out', verdicts]);
    const terminal = await run(['audit', 'basic.csv']);
    for (const text of [json.stdout, terminal.stdout, readFileSync(html, 'utf8'), readFileSync(verdicts, 'utf8')]) {
      expect(text).not.toContain('tom.baker@gmail.com');
      expect(text).not.toContain('priya@outlok.com');
    }
    expect(terminal.stdout).toContain('t***@gmail.com');
    expect(readFileSync(verdicts, 'utf8')).toContain('l***@@tailspin.example');

    const shown = await auditJson(['basic.csv', '--show-personal-data']);
    expect(shown.codes.find((row) => row.code === 'EMAIL_FREE_PROVIDER')?.examples[0]?.value).toBe('tom.baker@gmail.com');
    expect(shown.run.personalData).toBe('shown');
  });
});

describe('outputs', () => {
  it('writes one verdict per lead, in input order, as CSV and JSONL', async () => {
    const csv = join(work, 'verdicts.csv');
    const jsonl = join(work, 'verdicts.jsonl');
    const result = await run(['audit', 'basic.csv', '--quiet', '--out', csv, '--out', jsonl]);
    expect(result.code).toBe(0);
    expect(readFileSync(csv, 'utf8').trim().split('\n')).toEqual([
      'line,id,email,decision,codes,compliance,truth,value,fit,intent,mql',
      // Scores: compliance (consent and source), truth, value (icp), fit; intent 0 and no MQL without behaviour.
      '2,A1,m***@northwind.example,accept,CONSENT_MISSING CONSENT_BASIS_MISSING,90,100,100,87,0,false',
      '3,A2,t***@gmail.com,review,EMAIL_FREE_PROVIDER CONSENT_MISSING CONSENT_BASIS_MISSING,90,83,100,100,0,false',
      '4,A3,a***@mailinator.com,reject,EMAIL_DISPOSABLE ICP_COMPANY_MISSING,100,67,50,87,0,false',
      '5,A4,p***@outlok.com,reject,EMAIL_TYPO CONSENT_MISSING CONSENT_BASIS_MISSING,90,67,100,87,0,false',
      '8,A6,l***@@tailspin.example,reject,EMAIL_SYNTAX ROLE_JUNK CONSENT_MISSING CONSENT_BASIS_MISSING,90,33,100,67,0,false',
      '10,A8,i***@contoso.example,review,EMAIL_ROLE_ACCOUNT,100,83,100,73,0,false',
    ]);
    const lines = readFileSync(jsonl, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.line, line.id, line.decision])).toEqual([[2, 'A1', 'accept'], [3, 'A2', 'review'], [4, 'A3', 'reject'], [5, 'A4', 'reject'], [8, 'A6', 'reject'], [10, 'A8', 'review']]);
    // A reason on a mapped field names the column it was read from.
    expect(lines[4].reasons).toEqual([{ code: 'EMAIL_SYNTAX', action: 'reject', column: 'E-Mail' }, { code: 'ROLE_JUNK', action: 'reject', column: 'job_title' }, { code: 'CONSENT_MISSING', action: 'flag' }, { code: 'CONSENT_BASIS_MISSING', action: 'flag' }]);
  });

  it('writes a self-contained HTML report whose figures match the JSON report', async () => {
    const htmlPath = join(work, 'report.html');
    const jsonPath = join(work, 'report.json');
    const result = await run(['audit', demoLeads, '--workers', '1', '--out', htmlPath, '--out', jsonPath]);
    expect(result.code).toBe(0);
    const html = readFileSync(htmlPath, 'utf8');
    const report = JSON.parse(readFileSync(jsonPath, 'utf8')) as AuditReport;

    // Self-contained: no scripts, no external stylesheets, images or fonts; charts are inline SVG.
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import|https?:\/\//i);
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(4);

    const shown = new Map<string, string>();
    for (const match of html.matchAll(/<span data-metric="([^"]+)" data-value="([^"]+)">([^<]+)<\/span>/g)) {
      shown.set(match[1]!.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))), match[3]!);
    }
    const asNumber = (text: string | undefined) => Number(text?.replace(/[,%]/g, ''));
    const expected: Array<[string, number]> = [
      ['rows.total', report.rows.total], ['rows.audited', report.rows.audited], ['rows.malformed', report.rows.malformed],
      ...(['accept', 'review', 'reject'] as const).flatMap((d): Array<[string, number]> => [[`decisions.${d}.count`, report.decisions[d].count], [`decisions.${d}.percent`, report.decisions[d].percent]]),
      ...report.codes.flatMap((row): Array<[string, number]> => [[`codes.${row.code}.leads`, row.leads], [`codes.${row.code}.percent`, row.percent]]),
      ...report.checks.flatMap((row): Array<[string, number]> => [[`checks.${row.check}.pass`, row.pass], [`checks.${row.check}.fail`, row.fail], [`checks.${row.check}.error`, row.error]]),
      ...report.dimensions.map((row): [string, number] => [`dimensions.${row.dimension}.leadsWithFindings`, row.leadsWithFindings]),
      ...report.bySource!.sources.flatMap((row, index): Array<[string, number]> => [[`bySource.${index}.leads`, row.leads], [`bySource.${index}.reject`, row.reject]]),
      ['malformed.count', report.malformed.count],
    ];
    expect(expected.length).toBeGreaterThan(30);
    for (const [path, value] of expected) expect(asNumber(shown.get(path)), path).toBe(value);
    // The table rows name the sources in the JSON's order.
    expect([...html.matchAll(/<tr data-source="([^"]+)">/g)].map((match) => match[1])).toEqual(report.bySource!.sources.map((row) => row.source));
    // And the numbers are the demo list's: 2,400 rows, 4 broken, 6 sources.
    expect(report.rows).toEqual({ total: 2400, audited: 2396, malformed: 4 });
    expect(report.bySource!.sources).toHaveLength(6);
  });

  it('prints HTML on stdout with --format html and no .html --out', async () => {
    const result = await run(['audit', 'basic.csv', '--format', 'html']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>/);
    expect(result.stdout).toContain('data-metric="decisions.reject.count" data-value="3"');
  });
});

describe('workers', () => {
  it('split the file with duplicate detection on: the same report, verdicts and decision log as one thread (issue 15 §2)', async () => {
    // The workers ask the main thread for each lead's duplicate marks, which it keeps in
    // input order, so every repeat of an earlier row is still a duplicate.
    const outputs = { single: join(work, 'dup-single.jsonl'), multi: join(work, 'dup-multi.jsonl') };
    const logs = { single: join(work, 'dup-log-single.jsonl'), multi: join(work, 'dup-log-multi.jsonl') };
    const one = await run(['audit', demoLeads, '--workers', '1', '--format', 'json', '--out', outputs.single, '--log', logs.single], { LEADGATE_LOG_SALT: 'a-fixed-test-salt' });
    const three = await run(['audit', demoLeads, '--workers', '3', '--format', 'json', '--out', outputs.multi, '--log', logs.multi], { LEADGATE_LOG_SALT: 'a-fixed-test-salt' });
    expect([one.code, three.code]).toEqual([0, 0]);
    expect(three.stderr).toBe('');
    const reportOne = JSON.parse(one.stdout) as AuditReport;
    const reportThree = JSON.parse(three.stdout) as AuditReport;
    expect(reportOne.run).toMatchObject({ workers: 1, statefulChecks: ['source'] });
    expect(reportThree.run).toMatchObject({ workers: 3, statefulChecks: ['source'] });
    const { run: _one, ...restOne } = reportOne;
    const { run: _three, ...restThree } = reportThree;
    expect(restThree).toEqual(restOne);
    expect(codeCounts(reportOne).SOURCE_DUPLICATE).toBeGreaterThan(0);
    expect(readFileSync(outputs.multi, 'utf8')).toBe(readFileSync(outputs.single, 'utf8'));
    // One event per lead, each with the decision the lead got (ids are random: compare as multisets).
    const events = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as DecisionEvent)
      .map((event) => `${event.decision}:${event.codes.map((code) => code.code).join(',')}:${event.identity.emailDigest ?? ''}`).sort();
    expect(events(logs.multi)).toHaveLength(2396);
    expect(events(logs.multi)).toEqual(events(logs.single));
    void _one;
    void _three;
  }, 90_000);

  it('are not used while a check keeps other state across leads (buying groups): one thread, and a note', async () => {
    const result = await run(['audit', 'abm-leads.csv', '--config', 'abm-accounts.config.json', '--workers', '3', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as AuditReport;
    expect(report.run).toMatchObject({ workers: 1, statefulChecks: ['source', 'group'] });
    expect(result.stderr).toMatch(/--workers 3 not used: the source, group checks keep state across leads beyond duplicates/);
    expect((await run(['audit', 'abm-leads.csv', '--config', 'abm-accounts.config.json', '--workers', '3', '--quiet'])).stderr).toBe('');
  }, 60_000);

  it('give the same verdicts, in input order, and the same report as one thread, when no check keeps state', async () => {
    // stateless.config.json turns the source check's duplicates off (velocity is off in every
    // audit), so the gate has no stateful check and workers may split the file.
    const single = join(work, 'single.jsonl');
    const multi = join(work, 'multi.jsonl');
    const one = await run(['audit', demoLeads, '--config', 'stateless.config.json', '--workers', '1', '--format', 'json', '--out', single]);
    const two = await run(['audit', demoLeads, '--config', 'stateless.config.json', '--workers', '3', '--format', 'json', '--out', multi]);
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(two.stderr).toBe('');
    const reportOne = JSON.parse(one.stdout) as AuditReport;
    const reportTwo = JSON.parse(two.stdout) as AuditReport;
    expect(reportOne.run).toMatchObject({ workers: 1, statefulChecks: [] });
    expect(reportTwo.run).toMatchObject({ workers: 3, statefulChecks: [] });
    const { run: runOne, ...restOne } = reportOne;
    const { run: runTwo, ...restTwo } = reportTwo;
    expect(restTwo).toEqual(restOne);
    // Every check ran on both (the six of the inbound preset), with findings from each dimension.
    expect(restOne.checks.map((row) => row.check).sort()).toEqual(['consent', 'email', 'icp', 'phone', 'role', 'source']);
    expect(restOne.dimensions.every((row) => row.leadsWithFindings > 0)).toBe(true);
    expect(codeCounts(reportOne).SOURCE_DUPLICATE).toBeUndefined();
    const verdicts = readFileSync(single, 'utf8');
    expect(verdicts.split('\n').length).toBe(2397);
    expect(readFileSync(multi, 'utf8')).toBe(verdicts);
    void runOne;
    void runTwo;
  }, 60_000);
});

describe('a CRM export as it comes (issue 18)', () => {
  it('reads a HubSpot contacts export: BOM, CRLF, country names, source, stage and the record id', async () => {
    const verdictsPath = join(work, 'hubspot-verdicts.jsonl');
    const report = await auditJson(['hubspot-contacts.csv', '--out', verdictsPath]);
    expect(report.input.columns).toMatchObject({
      '@id': 'Record ID', email: 'Email', phone: 'Phone Number', country: 'Country/Region', '@stage': 'Lifecycle Stage',
      '@source': 'Original Source', 'source.capturedAt': 'Create Date', 'consent.relationship.lastPurchaseAt': 'Became a Customer Date',
    });
    expect(report.input.unusedColumns).toEqual([]);
    expect(report.rows).toEqual({ total: 6, audited: 6, malformed: 0 });
    // The by-source breakdown uses HubSpot's Original Source.
    expect(report.bySource?.column).toBe('Original Source');
    expect(report.bySource?.sources.map((row) => [row.source, row.leads]).sort()).toEqual([['Direct Traffic', 1], ['Offline Sources', 1], ['Organic Search', 2], ['Paid Social', 2]]);
    const verdicts = readFileSync(verdictsPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: string; reasons: Array<{ code: string; column?: string }> });
    const codesOf = (id: string) => verdicts.find((row) => row.id === id)!.reasons.map((reason) => reason.code);
    // Germany → DE, so the Berlin number is read as German; the gmail typo is a typo, not a disposable address.
    expect(codesOf('9001')).toContain('EMAIL_TYPO');
    expect(codesOf('9001')).not.toContain('EMAIL_DISPOSABLE');
    expect(codesOf('9001')).not.toContain('PHONE_INVALID');
    for (const id of ['9002', '9004', '9005']) expect(codesOf(id), id).not.toContain('PHONE_INVALID');
    // A name that is no country is a finding that names the column, not a silent drop.
    const narnia = verdicts.find((row) => row.id === '9006')!.reasons.find((reason) => reason.code === 'SYSTEM_FIELD_INVALID');
    expect(narnia).toEqual({ code: 'SYSTEM_FIELD_INVALID', action: 'review', column: 'Country/Region' });
    expect(report.codes.find((row) => row.code === 'SYSTEM_FIELD_INVALID')!.examples).toEqual([{ line: 7, column: 'Country/Region', value: 'Narnia' }]);
  }, 60_000);

  it('writes the decision log with the record id as leadId, on one thread and on several', async () => {
    for (const workers of ['1', '2']) {
      const logPath = join(work, `hubspot-log-${workers}.jsonl`);
      const result = await run(['audit', 'hubspot-contacts.csv', '--config', 'stateless.config.json', '--workers', workers, '--quiet', '--log', logPath], { LEADGATE_LOG_SALT: 'a-fixed-test-salt' });
      expect(result.code, result.stderr).toBe(0);
      const events = readFileSync(logPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { leadId: string; policy: { version: string }; identity?: { emailDigest?: string } });
      expect(events.map((event) => event.leadId).sort()).toEqual(['9001', '9002', '9003', '9004', '9005', '9006']);
      expect(events[0]!.policy.version).toBe('1.2.0');
      // No raw address in the log.
      expect(readFileSync(logPath, 'utf8')).not.toContain('hans@');
    }
    // One salt for every worker: the same address digests alike in both logs.
    const digests = (workers: string) => readFileSync(join(work, `hubspot-log-${workers}.jsonl`), 'utf8').trim().split('\n').map((line) => JSON.parse(line)).map((event) => `${event.leadId}:${event.identity?.emailDigest}`).sort();
    expect(digests('2')).toEqual(digests('1'));
  }, 60_000);

  it('refuses an unknown --map-preset and a --log that is not JSONL', async () => {
    const preset = await run(['audit', 'hubspot-contacts.csv', '--map-preset', 'zoho']);
    expect(preset.code).toBe(2);
    expect(preset.stderr).toMatch(/--map-preset must be one of auto, hubspot, salesforce, marketo, pipedrive, linkedin/);
    const log = await run(['audit', 'hubspot-contacts.csv', '--log', 'decisions.txt']);
    expect(log.code).toBe(2);
    expect(log.stderr).toMatch(/--log decisions.txt: the decision log is JSONL/);
  });
});

describe('terminal output', () => {
  it('has no progress bar or colour when piped, colour with FORCE_COLOR, none with NO_COLOR', async () => {
    const piped = await run(['audit', 'basic.csv']);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).not.toContain('\x1b[');
    expect(piped.stdout).toMatch(/accept\s+1\s+16\.7%/);
    expect((await run(['audit', 'basic.csv'], { FORCE_COLOR: '1' })).stdout).toContain('\x1b[');
    expect((await run(['audit', 'basic.csv'], { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toContain('\x1b[');
  });
});

describe('leadgate codes', () => {
  it('prints the catalogue as Markdown or JSON, for every motion or one', async () => {
    const md = await run(['codes']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Rejection codes/);
    expect(md.stdout).toContain('| code | check | inbound | abm | outbound | partner | expansion |');
    const json = await run(['codes', '--motion', 'abm', '--format', 'json']);
    const rows = JSON.parse(json.stdout) as Array<{ code: string; actions: Record<string, string> }>;
    expect(rows.find((row) => row.code === 'EMAIL_FREE_PROVIDER')?.actions).toEqual({ abm: 'reject' });
    expect(rows.length).toBeGreaterThan(20);
  });
});

describe('an empty or header-only file', () => {
  it('is a completed audit of 0 rows', async () => {
    mkdirSync(work, { recursive: true });
    const empty = join(work, 'empty.csv');
    const headerOnly = join(work, 'header.csv');
    writeFileSync(empty, '');
    writeFileSync(headerOnly, 'Email,Title\n');
    for (const file of [empty, headerOnly]) {
      const report = await auditJson([file]);
      expect(report.rows).toEqual({ total: 0, audited: 0, malformed: 0 });
      expect(report.rejectionRate).toBe(0);
    }
  });
});
