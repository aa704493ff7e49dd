import { open, type FileHandle } from 'node:fs/promises';
import { LeadGateError } from '../core/errors.js';
import { parseOutcome } from '../outcomes/record.js';
import { readAppendLog } from './jsonl-file.js';
import { copyLeadOutcomes, outcomeIndex, recordEach, type OutcomeStore } from '../outcomes/store.js';

/** Options for {@link jsonlOutcomeStore}. */
export interface JsonlOutcomeStoreOptions {
  /** `fdatasync` after each append, so a webhook's 2xx survives a power cut. Default true. */
  fsync?: boolean;
}

/** A JSONL outcome store, plus what operators need beyond `OutcomeStore`. */
export interface JsonlOutcomeStore extends OutcomeStore {
  readonly path: string;
  /** Lines of the file that were not a valid outcome record when it was read (a torn last line, a hand edit). */
  skippedLines(): Promise<number>;
  /** Closes the file (the next write reopens it). */
  close(): Promise<void>;
}

/**
 * Outcomes in a JSONL file: one `OutcomeRecord` JSON per line, the format
 * `leadgate outcomes import` writes and `leadgate outcomes report` reads. Opening the
 * store replays the file; `record` appends a line only when the record changes what is
 * held (a replayed webhook or a repeated export row adds nothing), and resolves when
 * the line is on disk. Readers merge the same way (latest `at` per lead and stage), so
 * the file may be read while it grows. One writing process per file. The file can hold
 * notes and owners, so it is created with mode 0600.
 *
 * @example
 * import { jsonlOutcomeStore } from 'leadgate/node';
 * const outcomes = jsonlOutcomeStore('data/outcomes.jsonl');
 * const handler = createHandler(gate, { outcomes: { secret: process.env.OUTCOMES_SECRET!, store: outcomes } });
 */
export function jsonlOutcomeStore(path: string, options: JsonlOutcomeStoreOptions = {}): JsonlOutcomeStore {
  if (typeof path !== 'string' || path.trim() === '') {
    throw new LeadGateError('jsonlOutcomeStore: option "path" is invalid: expected a file path string', { option: 'path' });
  }
  if (options.fsync !== undefined && typeof options.fsync !== 'boolean') {
    throw new LeadGateError('jsonlOutcomeStore: option "fsync" must be true or false', { option: 'fsync' });
  }
  const fsync = options.fsync !== false;
  const index = outcomeIndex();
  let skipped = 0;
  let newlineFirst = false;
  let handle: FileHandle | undefined;
  let loaded: Promise<void> | undefined;
  // Every write runs in this chain: a record's "does it change anything?" and its append never interleave with another's.
  let tail: Promise<unknown> = Promise.resolve();

  const load = async () => {
    const log = await readAppendLog(path);
    // A crash mid-append can leave the last line without its newline: end it before the next append.
    newlineFirst = log.tornLastLine;
    for (const line of log.lines) {
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        skipped++;
        continue;
      }
      const parsed = parseOutcome(value);
      if (parsed.ok) index.merge(parsed.outcome);
      else skipped++;
    }
  };
  const ready = () => (loaded ??= load().catch((error: unknown) => {
    loaded = undefined; // try again on the next call
    throw error;
  }));

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };

  const store: JsonlOutcomeStore = {
    path,
    async record(input) {
      const parsed = parseOutcome(input);
      if (!parsed.ok) return parsed;
      const outcome = parsed.outcome;
      await ready();
      return serial(async () => {
        // Asked before writing: nothing is appended for a replay or an older row.
        if (!index.wouldChange(outcome)) return { ok: true as const, changed: false, outcome };
        handle ??= await open(path, 'a', 0o600);
        await handle.appendFile(`${newlineFirst ? '\n' : ''}${JSON.stringify(outcome)}\n`, 'utf8');
        newlineFirst = false;
        if (fsync) await handle.datasync();
        // Merged only once on disk, so what `get` answers is what a restart will read.
        index.merge(outcome);
        return { ok: true as const, changed: true, outcome };
      });
    },
    recordAll: (inputs) => recordEach(store, inputs),
    async get(leadId) {
      await ready();
      const held = index.get(leadId);
      return held && copyLeadOutcomes(held);
    },
    async *leads() {
      await ready();
      for (const held of [...index.all()]) yield copyLeadOutcomes(held);
    },
    async count() {
      await ready();
      return index.count();
    },
    async skippedLines() {
      await ready();
      return skipped;
    },
    async close() {
      await tail;
      await handle?.close();
      handle = undefined;
    },
  };
  return store;
}
