import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/node/audit-report.js';

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
    expect(codeCounts(report)).toEqual({ EMAIL_DISPOSABLE: 1, EMAIL_FREE_PROVIDER: 1, EMAIL_ROLE_ACCOUNT: 1, EMAIL_SYNTAX: 1, EMAIL_TYPO: 1, ROLE_JUNK: 1 });
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
    expect(report.checks).toEqual([
      { check: 'email', dimension: 'truth', pass: 1, fail: 5, error: 0 },
      { check: 'phone', dimension: 'truth', pass: 6, fail: 0, error: 0 },
      { check: 'role', dimension: 'truth', pass: 5, fail: 1, error: 0 },
    ]);
    expect(report.dimensions).toEqual([{ dimension: 'truth', checks: ['email', 'phone', 'role'], leadsWithFindings: 5, percent: 83.3, meanScore: expect.any(Number) }]);
    expect(report.bySource).toEqual({
      column: 'Lead Source',
      sources: [
        { source: 'Purchased list', leads: 3, accept: 0, review: 0, reject: 3, rejectPercent: 100 },
        { source: 'Webinar', leads: 2, accept: 1, review: 1, reject: 0, rejectPercent: 0 },
        { source: '(none)', leads: 1, accept: 0, review: 1, reject: 0, rejectPercent: 0 },
      ],
    });
    expect(report).toMatchObject({ motion: 'inbound', policy: { name: 'inbound', version: '1.0.0' }, run: { workers: 1, dns: false, personalData: 'masked' } });
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
    expect(report.policy.version).toMatch(/^1\.0\.0\+overrides\./);
    expect(report.codes.find((row) => row.code === 'EMAIL_FREE_PROVIDER')?.action).toBe('reject');
    // functions: ['purchasing'] puts "Head of IT", "Director, Sales", "Operations Manager" out of scope.
    expect(codeCounts(report).ROLE_FUNCTION_OUT_OF_SCOPE).toBe(3);
    expect(counts(report)).toEqual({ accept: 1, review: 1, reject: 4 });
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

    const byFlags = await auditJson(['custom-headers.csv', '--map', 'email=Work Mail', '--map', 'title="Role Title"', '--map', '@source=where from']);
    const byFile = await auditJson(['custom-headers.csv', '--map-file', 'mapping.json']);
    for (const report of [byFlags, byFile]) {
      expect(codeCounts(report)).toEqual({ EMAIL_DISPOSABLE: 1, EMAIL_FREE_PROVIDER: 1, ROLE_NOT_WORKFORCE: 1 });
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
      '2,A1,m***@northwind.example,accept,,,100,,,,',
      '3,A2,t***@gmail.com,review,EMAIL_FREE_PROVIDER,,83,,,,',
      '4,A3,a***@mailinator.com,reject,EMAIL_DISPOSABLE,,67,,,,',
      '5,A4,p***@outlok.com,reject,EMAIL_TYPO,,67,,,,',
      '8,A6,l***@@tailspin.example,reject,EMAIL_SYNTAX ROLE_JUNK,,33,,,,',
      '10,A8,i***@contoso.example,review,EMAIL_ROLE_ACCOUNT,,83,,,,',
    ]);
    const lines = readFileSync(jsonl, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.line, line.id, line.decision])).toEqual([[2, 'A1', 'accept'], [3, 'A2', 'review'], [4, 'A3', 'reject'], [5, 'A4', 'reject'], [8, 'A6', 'reject'], [10, 'A8', 'review']]);
    expect(lines[4].reasons).toEqual([{ code: 'EMAIL_SYNTAX', action: 'reject' }, { code: 'ROLE_JUNK', action: 'reject' }]);
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
  it('give the same verdicts, in input order, and the same report as one thread', async () => {
    const single = join(work, 'single.jsonl');
    const multi = join(work, 'multi.jsonl');
    const one = await run(['audit', demoLeads, '--workers', '1', '--format', 'json', '--out', single]);
    const two = await run(['audit', demoLeads, '--workers', '3', '--format', 'json', '--out', multi]);
    expect([one.code, two.code]).toEqual([0, 0]);
    const reportOne = JSON.parse(one.stdout) as AuditReport;
    const reportTwo = JSON.parse(two.stdout) as AuditReport;
    expect(reportOne.run.workers).toBe(1);
    expect(reportTwo.run.workers).toBe(3);
    const { run: runOne, ...restOne } = reportOne;
    const { run: runTwo, ...restTwo } = reportTwo;
    expect(restTwo).toEqual(restOne);
    const verdicts = readFileSync(single, 'utf8');
    expect(verdicts.split('\n').length).toBe(2397);
    expect(readFileSync(multi, 'utf8')).toBe(verdicts);
    void runOne;
    void runTwo;
  }, 60_000);
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
