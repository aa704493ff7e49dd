import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildAuditGate, type AuditGateSpec } from './audit-gate.js';
import { AuditTally, type AuditReport, type RowOutcome } from './audit-report.js';
import { auditStore } from './audit-store.js';
import { jsonlKeyMapper, mapColumns, mapRecord, mapRow, validatePreset, type ColumnMapping, type MappedRow } from './column-mapping.js';
import type { LeadColumnPreset } from './crm-lead-columns.js';
import { CsvParser, type MalformedRow } from './csv-parser.js';
import { JsonlParser } from './jsonl-parser.js';
import { OrderedMarks } from './ordered-marks.js';
import { validateBatch } from './validate-batch.js';
import { WorkerPool } from './worker-pool.js';

/** Options for {@link audit}. Only `input` is required. */
export interface AuditOptions {
  /** Path of the CSV (with a header row) or JSONL file. */
  input: string;
  /** Default: `jsonl` for `.jsonl`/`.ndjson` files, `csv` otherwise. */
  format?: 'csv' | 'jsonl';
  /** How to build the gate: motion, config file, DNS. */
  gate?: AuditGateSpec;
  /** Target → column header, over the default mapping (`{ title: 'Job Title' }`). */
  map?: Record<string, string>;
  /**
   * Whose export headers to look for first: `hubspot`, `salesforce`, `marketo`,
   * `pipedrive`, `linkedin`, or `auto` (default: all of them, after the generic names).
   */
  mapPreset?: LeadColumnPreset;
  /** CSV delimiter; default detected from the header line. */
  delimiter?: string;
  /**
   * Worker threads. `'auto'` (default) uses one per idle core (cores minus the 1-minute
   * load average, when at least 2) for files of at least {@link AUTO_WORKERS_MIN_BYTES},
   * and none for smaller files or busy machines. The source check's duplicates run on
   * workers, which ask this thread for the marks in input order (ordered-marks.ts). Other
   * state across leads (the group check, velocity, single-use tokens) runs on one thread,
   * whatever is asked: split over workers, each would see only part of the file. `1`
   * validates on the calling thread.
   */
  workers?: number | 'auto';
  /** Show emails, phones and names in report examples. Default false (masked). */
  showPersonalData?: boolean;
  /** Called at most every `progressEveryMs` with how far the audit is. */
  onProgress?: (progress: AuditProgress) => void;
  /**
   * Called for every audited lead, in input order (for a verdicts file). The audit
   * waits for a returned promise, so a slow writer slows the audit instead of
   * buffering the whole file.
   */
  onRow?: (row: AuditedRow) => void | Promise<void>;
  /** The worker script; default `audit-worker.js` beside the built module. */
  workerScript?: URL;
}

/** One audited lead, as `onRow` receives it. */
export interface AuditedRow {
  line: number;
  row: MappedRow;
  outcome: RowOutcome;
}

/** What `onProgress` receives. */
export interface AuditProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
  elapsedMs: number;
}

/** Thrown when the input cannot be read (missing, a directory, unreadable): exit code 1 in the CLI. */
export class AuditInputError extends Error {
  override readonly name = 'AuditInputError';
}

/**
 * Files at least this big may be audited on worker threads by default (about 35,000 rows
 * of a 20-column export). Below it, starting workers (each loads the checks and their
 * data, and warms up its own JIT) costs more than it can save. See bench/README.md,
 * "Audit", for what was measured and what was not.
 */
export const AUTO_WORKERS_MIN_BYTES = 8 * 1024 * 1024;
const BATCH_ROWS = 512;
const READ_CHUNK_BYTES = 1024 * 1024;
const DNS_CONCURRENCY = 16;
const SYNC_CONCURRENCY = Number.MAX_SAFE_INTEGER;

/**
 * Audits a file of leads: streams it, maps each row to a lead, runs the gate on every
 * lead and counts decisions, codes, checks, dimensions and sources as it goes. Memory
 * stays bounded whatever the file size (no verdict is kept; `onRow` streams them).
 * Malformed rows are counted with their line numbers and never stop the audit. With
 * workers, batches are validated in parallel and their results consumed in input
 * order, so the report and `onRow` are the same as a single-threaded run.
 *
 * Throws `AuditInputError` when the file cannot be read, and `LeadGateError` for bad
 * options (motion, config, mapping).
 *
 * @example
 * import { audit } from 'leadgate/node';
 *
 * const report = await audit({ input: 'leads.csv', gate: { motion: 'outbound' } });
 * report.decisions.reject.percent; // 12.5
 */
export async function audit(options: AuditOptions): Promise<AuditReport> {
  const started = performance.now();
  const format = options.format ?? (/\.(jsonl|ndjson)$/i.test(options.input) ? 'jsonl' : 'csv');
  let size: number;
  try {
    const info = await stat(options.input);
    if (!info.isFile()) throw new AuditInputError(`cannot read ${options.input}: not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof AuditInputError) throw error;
    throw new AuditInputError(`cannot read ${options.input} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }

  const preset = validatePreset(options.mapPreset ?? 'auto');
  const spec = options.gate ?? {};
  // One set of marks: this thread's gate uses it, or, with workers, the answers to their questions.
  const store = auditStore();
  const { gate, stateful, statefulChecks, duplicatesOnly } = await buildAuditGate(spec, { store });
  const concurrency = spec.dns ? spec.dnsConcurrency ?? DNS_CONCURRENCY : SYNC_CONCURRENCY;
  const workerCount = chooseWorkers(options.workers ?? 'auto', size, stateful && !duplicatesOnly);
  // Workers with duplicates on ask this thread for the marks, which it keeps in input order.
  const marks = workerCount > 1 && stateful ? new OrderedMarks(store) : undefined;
  const pool = workerCount > 1 ? await WorkerPool.start(options.workerScript ?? defaultWorkerScript(), workerCount, spec, concurrency, marks) : undefined;
  const validate = pool
    ? (leads: unknown[], ids: Array<string | undefined>) => pool.run(leads, ids)
    : (leads: unknown[], ids: Array<string | undefined>) => validateBatch(gate, leads, concurrency, ids);

  const tally = new AuditTally(options.showPersonalData === true);
  let columns: Record<string, string> = {};
  let unusedColumns: string[] = [];
  let sourceColumn = 'source.utm_source';

  // Rows parsed from the current chunk, waiting to be batched.
  let lines: number[] = [];
  let rows: MappedRow[] = [];
  const malformedQueue: MalformedRow[] = [];
  let csvMapping: ColumnMapping | undefined;
  const keyMapper = format === 'jsonl' ? jsonlKeyMapper(options.map ?? {}, preset) : undefined;
  let usageError: unknown;

  const parser = format === 'csv'
    ? new CsvParser({
      header(fields) {
        try {
          csvMapping = mapColumns(fields, options.map ?? {}, preset);
        } catch (error) {
          usageError = error;
          return;
        }
        columns = { ...csvMapping.used };
        unusedColumns = [...csvMapping.unused];
      },
      row(fields, line) {
        if (!csvMapping) return;
        lines.push(line);
        rows.push(mapRow(fields, csvMapping));
      },
      malformed: (problem) => malformedQueue.push(problem),
    }, options.delimiter === undefined ? {} : { delimiter: options.delimiter })
    : new JsonlParser({
      record(value, line) {
        lines.push(line);
        rows.push(mapRecord(value, keyMapper!.targetOf));
      },
      malformed: (problem) => malformedQueue.push(problem),
    });

  // A finding on a mapped field names the column it came from (`Country/Region` for
  // `country`), so an unmappable value points at the cell to fix.
  const nameColumns = (outcome: RowOutcome) => {
    for (const reason of outcome.reasons) {
      if (reason.field === undefined) continue;
      const column = csvMapping ? csvMapping.used[reason.field] : keyMapper?.used[reason.field];
      if (column !== undefined) reason.column = column;
    }
  };

  // Batches in flight, consumed strictly in order.
  const inFlight: Array<{ lines: number[]; rows: MappedRow[]; outcomes: Promise<RowOutcome[]> }> = [];
  const maxInFlight = Math.max(2, workerCount * 3);
  let audited = 0;
  const consumeHead = async () => {
    const batch = inFlight.shift()!;
    const outcomes = await batch.outcomes;
    for (let i = 0; i < outcomes.length; i++) {
      const outcome = outcomes[i]!;
      nameColumns(outcome);
      tally.add(batch.lines[i]!, batch.rows[i]!, outcome);
      if (options.onRow) {
        const pending = options.onRow({ line: batch.lines[i]!, row: batch.rows[i]!, outcome });
        if (pending) await pending;
      }
    }
    audited += outcomes.length;
  };
  const dispatch = async (final: boolean) => {
    for (const problem of malformedQueue) tally.malformed(problem);
    malformedQueue.length = 0;
    while (rows.length >= BATCH_ROWS || (final && rows.length > 0)) {
      const batchRows = rows.slice(0, BATCH_ROWS);
      const batchLines = lines.slice(0, BATCH_ROWS);
      rows = rows.slice(BATCH_ROWS);
      lines = lines.slice(BATCH_ROWS);
      const outcomes = validate(batchRows.map((row) => row.lead), batchRows.map((row) => row.id));
      outcomes.catch(() => undefined); // awaited in order by consumeHead; keep early failures handled
      inFlight.push({ lines: batchLines, rows: batchRows, outcomes });
      while (inFlight.length >= maxInFlight) await consumeHead();
    }
  };

  let bytesRead = 0;
  let lastProgress = 0;
  try {
    const decoder = new TextDecoder('utf-8');
    let stream;
    try {
      stream = createReadStream(options.input, { highWaterMark: READ_CHUNK_BYTES });
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytesRead += chunk.length;
        parser.push(decoder.decode(chunk, { stream: true }));
        if (usageError) throw usageError;
        await dispatch(false);
        const now = performance.now();
        if (options.onProgress && now - lastProgress > 100) {
          lastProgress = now;
          options.onProgress({ bytesRead, totalBytes: size, rows: audited, elapsedMs: now - started });
        }
      }
    } catch (error) {
      if (error === usageError || !isReadError(error)) throw error;
      throw new AuditInputError(`cannot read ${options.input} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    parser.push(decoder.decode());
    parser.end();
    if (usageError) throw usageError;
    await dispatch(true);
    while (inFlight.length > 0) await consumeHead();
  } finally {
    await pool?.close();
  }
  if (keyMapper) {
    columns = { ...keyMapper.used };
    unusedColumns = [...keyMapper.unused];
  }
  if ('@source' in columns) sourceColumn = columns['@source']!;
  else if (!('source.utm_source' in columns) && 'source.partnerId' in columns) sourceColumn = 'source.partnerId';

  const ms = Math.round(performance.now() - started);
  options.onProgress?.({ bytesRead, totalBytes: size, rows: audited, elapsedMs: ms });
  return tally.report({
    input: { file: basename(options.input), format, columns, unusedColumns },
    motion: gate.motion,
    policy: { ...gate.policy },
    sourceColumn,
    run: {
      workers: workerCount,
      statefulChecks,
      dns: spec.dns === true,
      ms,
      rowsPerSecond: ms === 0 ? audited : Math.round((audited / ms) * 1000),
      personalData: options.showPersonalData ? 'shown' : 'masked',
    },
  });
}

/** How many threads validate: an explicit count, or the `auto` rule. */
function chooseWorkers(requested: number | 'auto', size: number, stateful: boolean): number {
  // A check with state beyond duplicates must see every lead in one place (see AuditGate.stateful).
  if (stateful) return 1;
  if (requested !== 'auto') return Math.max(1, Math.floor(requested));
  if (size < AUTO_WORKERS_MIN_BYTES) return 1;
  // Workers pay only with idle cores: on a busy machine they compete with each other and
  // with the main thread, and the run gets slower (measured: bench/README.md, "Audit").
  const idle = Math.floor(availableParallelism() - loadavg()[0]!);
  return idle >= 2 ? Math.min(idle, 8) : 1;
}

function defaultWorkerScript(): URL {
  // The ESM build knows import.meta.url; the CJS build has __filename instead.
  const here = typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;
  const extension = here.endsWith('.cjs') ? 'cjs' : 'js';
  return pathToFileURL(join(dirname(fileURLToPath(here)), `audit-worker.${extension}`));
}

function isReadError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
