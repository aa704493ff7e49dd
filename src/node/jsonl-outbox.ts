import { open, rename, type FileHandle } from 'node:fs/promises';
import { LeadGateError } from '../core/errors.js';
import { readAppendLog } from './jsonl-file.js';
import { OutboxFullError, type Outbox, type OutboxEntry } from '../server/outbox.js';

/** Options for {@link jsonlFileOutbox}. */
export interface JsonlFileOutboxOptions {
  /** Entries past which `put` refuses with `OutboxFullError`. Default 100,000. */
  maxEntries?: number;
  /** `fdatasync` after each write batch, so a 2xx survives a power cut, not only a process restart. Default true. */
  fsync?: boolean;
  /** Rewrite the file when it has this many lines and more than twice as many lines as live entries. Default 1,000. */
  compactAfterLines?: number;
  /** Name in events. Default `jsonl:<path>`. */
  name?: string;
}

/** A JSONL outbox, plus what tests and operators need beyond the `Outbox` interface. */
export interface JsonlFileOutbox extends Outbox {
  readonly path: string;
  /** Rewrites the file with the live entries only. Runs by itself after enough acks. */
  compact(): Promise<void>;
  /** Closes the file (the next operation reopens it). */
  close(): Promise<void>;
}

type LogLine = { op: 'put' | 'reschedule'; entry: OutboxEntry } | { op: 'ack'; id: string };

/**
 * An outbox in an append-only JSONL file that survives a restart: each `put`,
 * `reschedule` and `ack` is one line, and opening the outbox replays the file. Writes
 * that arrive together are appended (and synced) as one batch; `put` resolves only
 * when its line is on disk, so the handler's 2xx means the lead is stored. When the
 * acknowledged lines outnumber the live ones, the file is rewritten to a temporary file
 * and renamed over the old one (atomic on POSIX). A torn last line from a crash is skipped.
 *
 * One process per file: two processes appending to one outbox would deliver each
 * other's leads twice and compact away each other's lines. Leases (`claim`) live in
 * memory, so after a restart every waiting lead is due at once. The file holds the
 * leads themselves (they have to be delivered) and is created with mode 0600.
 *
 * @example
 * import { jsonlFileOutbox } from 'leadgate/node';
 * const handler = createHandler(gate, { deliver, outbox: jsonlFileOutbox('data/outbox.jsonl') });
 */
export function jsonlFileOutbox(path: string, options: JsonlFileOutboxOptions = {}): JsonlFileOutbox {
  if (typeof path !== 'string' || path.trim() === '') {
    throw new LeadGateError('jsonlFileOutbox: option "path" is invalid: expected a file path string', { option: 'path' });
  }
  const maxEntries = options.maxEntries ?? 100_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new LeadGateError('jsonlFileOutbox: option "maxEntries" must be a positive integer', { option: 'maxEntries' });
  }
  const fsync = options.fsync !== false;
  const compactAfterLines = options.compactAfterLines ?? 1000;
  const name = options.name ?? `jsonl:${path}`;
  const entries = new Map<string, OutboxEntry>();
  const leases = new Map<string, number>();
  let lines = 0;
  let handle: FileHandle | undefined;
  let loaded: Promise<void> | undefined;
  let batch: { lines: string[]; written: Promise<void> } | undefined;
  let tail: Promise<void> = Promise.resolve();
  let newlineFirst = false;

  const load = async () => {
    const log = await readAppendLog(path);
    // A crash mid-append can leave the last line without its newline: end it, or the next line would be glued to it.
    newlineFirst = log.tornLastLine;
    for (const raw of log.lines) {
      lines++;
      let line: LogLine;
      try {
        line = JSON.parse(raw) as LogLine;
      } catch {
        continue; // a line torn by a crash mid-append
      }
      if (line.op === 'ack') entries.delete(line.id);
      else if (line.op === 'put' || (line.op === 'reschedule' && entries.has(line.entry.id))) entries.set(line.entry.id, line.entry);
    }
  };
  const ready = () => (loaded ??= load().catch((error: unknown) => {
    loaded = undefined; // try again on the next call (a disk that was full may have room now)
    throw error;
  }));

  const fileHandle = async () => (handle ??= await open(path, 'a', 0o600));

  // Group commit: lines queued while a write is in flight go out together in the next one.
  const write = (line: LogLine): Promise<void> => {
    if (!batch) {
      const next: { lines: string[]; written: Promise<void> } = { lines: [], written: Promise.resolve() };
      next.written = tail.then(async () => {
        if (batch === next) batch = undefined;
        const file = await fileHandle();
        await file.appendFile((newlineFirst ? '\n' : '') + next.lines.join(''), 'utf8');
        newlineFirst = false;
        if (fsync) await file.datasync();
        lines += next.lines.length;
      });
      tail = next.written.catch(() => undefined);
      batch = next;
    }
    batch.lines.push(`${JSON.stringify(line)}\n`);
    return batch.written;
  };

  const compact = async () => {
    await ready();
    // Runs in the write queue, so no append lands between the snapshot and the rename.
    const done = tail.then(async () => {
      const temporary = `${path}.${process.pid}.compact`;
      const file = await open(temporary, 'w', 0o600);
      try {
        const text = [...entries.values()].map((entry) => `${JSON.stringify({ op: 'put', entry } satisfies LogLine)}\n`).join('');
        await file.appendFile(text, 'utf8');
        await file.datasync();
      } finally {
        await file.close();
      }
      await handle?.close();
      handle = undefined;
      await rename(temporary, path);
      lines = entries.size;
      newlineFirst = false;
    });
    tail = done.catch(() => undefined);
    await done;
  };

  return {
    name,
    path,
    async put(entry) {
      await ready();
      if (entries.has(entry.id)) return;
      if (entries.size >= maxEntries) throw new OutboxFullError(`outbox "${name}" is full`);
      const stored = structuredClone(entry);
      entries.set(entry.id, stored);
      try {
        await write({ op: 'put', entry: stored });
      } catch (error) {
        // Not on disk: the caller must not answer 2xx on the strength of it.
        if (entries.get(entry.id) === stored) entries.delete(entry.id);
        throw error;
      }
    },
    async claim(now, limit, leaseMs) {
      await ready();
      const due: OutboxEntry[] = [];
      for (const entry of entries.values()) {
        if (due.length >= limit) break;
        if (Math.max(entry.dueAt, leases.get(entry.id) ?? 0) > now) continue;
        leases.set(entry.id, now + leaseMs);
        due.push(structuredClone(entry));
      }
      return due;
    },
    async reschedule(entry) {
      await ready();
      if (!entries.has(entry.id)) return;
      const stored = structuredClone(entry);
      entries.set(entry.id, stored);
      leases.delete(entry.id);
      await write({ op: 'reschedule', entry: stored });
    },
    async ack(id) {
      await ready();
      if (!entries.delete(id)) return;
      leases.delete(id);
      await write({ op: 'ack', id });
      if (lines >= compactAfterLines && lines > 2 * entries.size) await compact();
    },
    async size() {
      await ready();
      return entries.size;
    },
    compact,
    async close() {
      await tail;
      await handle?.close();
      handle = undefined;
    },
  };
}
