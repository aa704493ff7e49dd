import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LeadGateError } from '../core/errors.js';
import type { DecisionEvent, LogSink } from '../core/log.js';

/** A JSONL sink: one decision event per line, appended in the order verdicts were made. */
export interface JsonlFileSink extends LogSink {
  readonly path: string;
  /** Resolves when every event written so far is on disk (or its write failed). */
  flush(): Promise<void>;
}

/**
 * Appends each decision event as one JSON line to a file, creating the file and its
 * directory on first use. Events that arrive while a write is in flight are batched
 * into the next append, so a burst of verdicts costs a few syscalls, not one each, and
 * lines never interleave. A failed append rejects the `write` promises of its batch,
 * which the gate reports through `onLogError` without touching the verdict.
 *
 * @example
 * import { createGate } from 'leadgate';
 * import { jsonlFileSink } from 'leadgate/node';
 *
 * const gate = createGate({ motion: 'inbound', log: jsonlFileSink('logs/decisions.jsonl') });
 */
export function jsonlFileSink(path: string): JsonlFileSink {
  if (typeof path !== 'string' || path.trim() === '') {
    throw new LeadGateError('jsonlFileSink: option "path" is invalid: expected a file path string', { option: 'path' });
  }
  let directoryReady: Promise<unknown> | undefined;
  let open: { lines: string[]; written: Promise<void> } | undefined;
  let tail: Promise<void> = Promise.resolve();

  const append = async (lines: string[]) => {
    directoryReady ??= mkdir(dirname(path), { recursive: true });
    await directoryReady;
    await appendFile(path, lines.join(''), 'utf8');
  };

  return {
    name: `jsonl:${path}`,
    path,
    write(event: DecisionEvent) {
      const line = `${JSON.stringify(event)}\n`;
      if (!open) {
        const batch: { lines: string[]; written: Promise<void> } = { lines: [], written: Promise.resolve() };
        batch.written = tail.then(() => {
          // From here on, new events start the next batch.
          if (open === batch) open = undefined;
          return append(batch.lines);
        });
        tail = batch.written.catch(() => undefined);
        open = batch;
      }
      open.lines.push(line);
      return open.written;
    },
    flush: () => tail,
  };
}
