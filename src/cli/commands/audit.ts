import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { MOTION_NAMES } from '../../core/types.js';
import { audit, type AuditedRow } from '../../node/audit.js';
import type { AuditReport } from '../../node/audit-report.js';
import { validateTarget } from '../../node/column-mapping.js';
import { LEAD_COLUMN_PRESETS, type LeadColumnPreset } from '../../node/crm-lead-columns.js';
import { renderHtmlReport } from '../../node/report-html.js';
import { renderTerminalReport } from '../../node/report-terminal.js';
import { createVerdictsWriter, type VerdictsWriter } from '../../node/verdicts-writer.js';
import { EXIT, motionOption, UsageError, useColor, wholeNumberOption, type Command } from '../command.js';
import { createProgressBar } from '../progress-bar.js';

const HELP = `Usage: leadgate audit <file> [options]

Audits a CSV (with a header row) or JSONL file of leads, streaming, and reports how
many would be accepted, sent to review or rejected, and why.

Options:
  --motion <name>          ${MOTION_NAMES.join(' | ')} (default: the config's, else inbound)
  --config <file>          leadgate.config.json or .js: { motion, overrides, messages, checks: { <id>: options } }
  --map <field=Column>     map a column to a lead field; repeatable (--map title="Job Title")
                           fields: email, title, company, phone, country, …, source.utm_source,
                           consent.given, custom.<name>, @source (by-source breakdown), @id,
                           @stage (lifecycle stage: customer → existing customer)
  --map-file <file>        JSON object of field → column
  --map-preset <crm>       whose export headers to look for first: ${LEAD_COLUMN_PRESETS.join(', ')}
                           (default auto: the generic names, then every platform's)
  --format <f>             what to print: terminal (default), json or html
  --out <file>             write a file; repeatable. By extension: .html report, .json report,
                           .csv or .jsonl one verdict per lead (line, id, decision, codes, scores)
  --input-format <f>       csv or jsonl (default: from the extension; .jsonl/.ndjson are JSONL)
  --delimiter <char>       CSV delimiter (default: detected from the header: , ; tab |)
  --log <file.jsonl>       append every decision to a JSONL decision log, leadId = the @id column
                           (emails and phones digested with LEADGATE_LOG_SALT, default random per run)
  --dns                    look up MX records (off by default: offline and deterministic)
  --dns-concurrency <n>    MX lookups in flight per thread (default 16)
  --workers <n|auto>       threads that validate (default auto: one per idle core for files over 8 MB);
                           one thread while a check keeps state across leads (source duplicates, group)
  --fail-over <percent>    exit 3 when more than this share of leads is rejected
  --show-personal-data     show emails, phones and names in reports (default: masked)
  -q, --quiet              no progress bar and no notes on stderr
  -h, --help               this help

Exit codes: 0 audit completed · 1 the input could not be read · 2 usage error ·
3 rejection rate over --fail-over. NO_COLOR turns colours off.
`;

/** `leadgate audit <file>`. */
export const auditCommand: Command = {
  name: 'audit',
  summary: 'Audit a file of leads',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        motion: { type: 'string' },
        config: { type: 'string' },
        map: { type: 'string', multiple: true },
        'map-file': { type: 'string' },
        'map-preset': { type: 'string', default: 'auto' },
        log: { type: 'string' },
        format: { type: 'string', default: 'terminal' },
        out: { type: 'string', multiple: true },
        'input-format': { type: 'string' },
        delimiter: { type: 'string' },
        dns: { type: 'boolean' },
        'dns-concurrency': { type: 'string' },
        workers: { type: 'string' },
        'fail-over': { type: 'string' },
        'show-personal-data': { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name the file to audit: leadgate audit <file>' : `audit takes one file, got ${positionals.length}`);
    const input = positionals[0]!;
    const format = values.format;
    if (format !== 'terminal' && format !== 'json' && format !== 'html') throw new UsageError(`--format must be terminal, json or html, got "${format}"`);
    if (values.motion !== undefined) motionOption(values.motion);
    const inputFormat = values['input-format'];
    if (inputFormat !== undefined && inputFormat !== 'csv' && inputFormat !== 'jsonl') throw new UsageError(`--input-format must be csv or jsonl, got "${inputFormat}"`);
    if (values.delimiter !== undefined && [...values.delimiter.replace('\\t', '\t')].length !== 1) throw new UsageError(`--delimiter must be one character, got "${values.delimiter}"`);
    const failOver = values['fail-over'] === undefined ? undefined : percentOption('--fail-over', values['fail-over']);
    const workers = values.workers === undefined || values.workers === 'auto' ? 'auto' as const : wholeNumberOption('--workers', values.workers, { min: 1, or: 'auto' });
    const dnsConcurrency = values['dns-concurrency'] === undefined ? undefined : wholeNumberOption('--dns-concurrency', values['dns-concurrency'], { min: 1 });
    const map = { ...(values['map-file'] ? await readMapFile(values['map-file']) : {}), ...parseMaps(values.map ?? []) };
    const mapPreset = values['map-preset'] as LeadColumnPreset;
    if (!LEAD_COLUMN_PRESETS.includes(mapPreset)) throw new UsageError(`--map-preset must be one of ${LEAD_COLUMN_PRESETS.join(', ')}, got "${mapPreset}"`);
    if (values.log !== undefined && !/\.(jsonl|ndjson)$/i.test(values.log)) throw new UsageError(`--log ${values.log}: the decision log is JSONL, name a .jsonl file`);
    // One salt for the run, picked here so every worker's log digests alike.
    const logSalt = values.log === undefined ? undefined : io.env.LEADGATE_LOG_SALT || randomBytes(16).toString('hex');
    if (logSalt !== undefined && logSalt.length < 8) throw new UsageError('LEADGATE_LOG_SALT must be at least 8 characters');
    const outputs = (values.out ?? []).map(classifyOut);
    const showPersonalData = values['show-personal-data'] === true;

    const writers: VerdictsWriter[] = outputs.filter((out) => out.kind === 'verdicts').map((out) => createVerdictsWriter(out.path, out.format as 'csv' | 'jsonl', { showPersonalData }));
    const progress = !values.quiet && io.stderr.isTTY ? createProgressBar(io.stderr) : undefined;
    // With workers on every core, V8's parallel scavenge queues its helper tasks behind
    // the busy threads, and each worker's scavenges (a 4 MB young generation, thousands
    // of them) wait: on 200,000 rows with 2 workers on 2 cores, 21.0–23.0 s with it off
    // against 21.5–28.5 s (bench/README.md, "Audit"). A V8 flag is process-wide, so the
    // CLI, whose process this is, sets it; audit() as a library leaves its caller's alone.
    if (workers !== 1) setFlagsFromString('--no-parallel-scavenge');
    let report: AuditReport;
    try {
      report = await audit({
        input,
        ...(inputFormat ? { format: inputFormat } : {}),
        gate: {
          ...(values.motion ? { motion: values.motion } : {}),
          ...(values.config ? { configPath: resolve(values.config) } : {}),
          dns: values.dns === true,
          ...(dnsConcurrency ? { dnsConcurrency } : {}),
          ...(values.log && logSalt ? { log: { path: resolve(values.log), salt: logSalt } } : {}),
        },
        map,
        mapPreset,
        ...(values.delimiter ? { delimiter: values.delimiter.replace('\\t', '\t') } : {}),
        workers,
        showPersonalData,
        ...(progress ? { onProgress: progress.update } : {}),
        ...(writers.length > 0 ? { onRow: writeAll(writers) } : {}),
      });
    } finally {
      progress?.clear();
      await Promise.allSettled(writers.map((writer) => writer.close()));
    }

    if (!values.quiet && typeof workers === 'number' && workers > 1 && report.run.workers === 1) {
      const names = report.run.statefulChecks.join(', ');
      io.stderr.write(`leadgate audit: --workers ${workers} not used: the ${names} check${report.run.statefulChecks.length === 1 ? '' : 's'} keep${report.run.statefulChecks.length === 1 ? 's' : ''} state across leads${report.run.dns ? ' (with --dns, duplicates too)' : ' beyond duplicates (buying groups, velocity counters, single-use tokens)'}, so the audit ran on one thread, where every lead sees the leads before it. Duplicate detection alone runs on workers without --dns: turn the rest off in --config to use them.\n`);
    }
    for (const out of outputs) {
      if (out.kind === 'html') await writeFile(out.path, renderHtmlReport(report));
      if (out.kind === 'json') await writeFile(out.path, `${JSON.stringify(report, null, 2)}\n`);
    }
    if (format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (format === 'html') {
      if (!outputs.some((out) => out.kind === 'html')) io.stdout.write(renderHtmlReport(report));
    } else io.stdout.write(renderTerminalReport(report, { color: useColor(io, 'stdout') }));

    if (failOver !== undefined && report.rejectionRate > failOver) {
      if (!values.quiet) io.stderr.write(`leadgate audit: ${report.rejectionRate}% of leads rejected, over --fail-over ${failOver}%\n`);
      return EXIT.overLimit;
    }
    return EXIT.ok;
  },
};

/** `--map title="Job Title"` → `{ title: 'Job Title' }`; the target must be a lead field. */
export function parseMaps(entries: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    if (equals < 1 || equals === entry.length - 1) throw new UsageError(`--map takes field=Column, got "${entry}"`);
    const target = entry.slice(0, equals).trim();
    validateTarget(target);
    map[target] = entry.slice(equals + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return map;
}

async function readMapFile(path: string): Promise<Record<string, string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--map-file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.values(parsed).some((value) => typeof value !== 'string')) {
    throw new UsageError(`--map-file ${path} must hold an object of field → column name, e.g. { "title": "Job Title" }`);
  }
  for (const target of Object.keys(parsed)) validateTarget(target);
  return parsed as Record<string, string>;
}

function classifyOut(path: string): { path: string; kind: 'html' | 'json' | 'verdicts'; format?: 'csv' | 'jsonl' } {
  const extension = extname(path).toLowerCase();
  if (extension === '.html' || extension === '.htm') return { path, kind: 'html' };
  if (extension === '.json') return { path, kind: 'json' };
  if (extension === '.csv') return { path, kind: 'verdicts', format: 'csv' };
  if (extension === '.jsonl' || extension === '.ndjson') return { path, kind: 'verdicts', format: 'jsonl' };
  throw new UsageError(`--out ${path}: the extension says what to write: .html or .json (report), .csv or .jsonl (verdicts)`);
}

function writeAll(writers: VerdictsWriter[]): (row: AuditedRow) => Promise<void> | undefined {
  if (writers.length === 1) {
    const writer = writers[0]!;
    return (row) => writer.write(row) as Promise<void> | undefined;
  }
  return (row) => {
    const pending = writers.map((writer) => writer.write(row)).filter(Boolean);
    return pending.length > 0 ? Promise.all(pending).then(() => undefined) : undefined;
  };
}

function percentOption(name: string, text: string): number {
  const value = Number(text.replace(/%$/, ''));
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) throw new UsageError(`${name} must be a percentage from 0 to 100, got "${text}"`);
  return value;
}

