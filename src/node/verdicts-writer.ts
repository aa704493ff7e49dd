import { createWriteStream, type WriteStream } from 'node:fs';
import type { AuditedRow } from './audit.js';
import { maskEmail } from './personal-data-mask.js';

/** Writes one line per audited lead; `write` is fast, `close` flushes and closes. */
export interface VerdictsWriter {
  write(row: AuditedRow): void | Promise<void>;
  close(): Promise<void>;
}

const CSV_COLUMNS = ['line', 'id', 'email', 'decision', 'codes', 'compliance', 'truth', 'value', 'fit', 'intent', 'mql'] as const;
const FLUSH_AT = 64 * 1024;

/**
 * A streaming verdicts file, so a user can filter their list by decision or code:
 * CSV (`line,id,email,decision,codes,compliance,truth,value,fit,intent,mql`, codes
 * space-separated, strongest first) or JSONL (`{ line, id, email, decision, reasons,
 * scores, mql }`, a reason naming the `column` its field came from). `line` is the lead's line in the input and `id` its `@id` column, to
 * join back. The email is masked unless `showPersonalData`. Lines are buffered and
 * written in 64 KiB pieces, waiting for the disk when it is slower than the audit.
 */
export function createVerdictsWriter(path: string, format: 'csv' | 'jsonl', options: { showPersonalData: boolean }): VerdictsWriter {
  const stream: WriteStream = createWriteStream(path);
  let failure: Error | undefined;
  stream.on('error', (error) => (failure ??= error));
  let buffer = format === 'csv' ? `${CSV_COLUMNS.join(',')}\n` : '';
  const email = (value: unknown) => (typeof value !== 'string' ? '' : options.showPersonalData ? value : maskEmail(value));

  const flush = async () => {
    if (failure) throw failure;
    if (buffer === '') return;
    const text = buffer;
    buffer = '';
    if (!stream.write(text)) await settled(stream, 'drain');
    if (failure) throw failure;
  };

  return {
    write({ line, row, outcome }) {
      const scores = outcome.scores;
      if (format === 'csv') {
        const cells = [
          String(line), row.id ?? '', email(row.lead.email), outcome.decision, outcome.reasons.map((reason) => reason.code).join(' '),
          score(scores.compliance), score(scores.truth), score(scores.value), score(scores.fit), score(scores.intent),
          outcome.mql === undefined ? '' : String(outcome.mql),
        ];
        buffer += `${cells.map(csvCell).join(',')}\n`;
      } else {
        const record: Record<string, unknown> = { line };
        if (row.id !== undefined) record.id = row.id;
        if (typeof row.lead.email === 'string') record.email = email(row.lead.email);
        record.decision = outcome.decision;
        record.reasons = outcome.reasons.map((reason) => (reason.column === undefined ? { code: reason.code, action: reason.action } : { code: reason.code, action: reason.action, column: reason.column }));
        record.scores = scores;
        if (outcome.mql !== undefined) record.mql = outcome.mql;
        buffer += `${JSON.stringify(record)}\n`;
      }
      if (buffer.length >= FLUSH_AT) return flush();
      return undefined;
    },
    async close() {
      await flush();
      stream.end();
      await settled(stream, 'finish');
      if (failure) throw failure;
    },
  };
}

/** Resolves on `event` or on an error (recorded by the stream's own error listener), removing both listeners. */
function settled(stream: WriteStream, event: 'drain' | 'finish'): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off(event, done);
      stream.off('error', done);
      resolve();
    };
    stream.on(event, done);
    stream.on('error', done);
  });
}

function score(value: number | null | undefined): string {
  return typeof value === 'number' ? String(value) : '';
}

/** RFC 4180 quoting, and a leading `'` for cells a spreadsheet would run as a formula (OWASP CSV injection). */
function csvCell(value: string): string {
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
