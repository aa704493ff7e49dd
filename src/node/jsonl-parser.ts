import type { MalformedRow } from './csv-parser.js';

/** What {@link JsonlParser} hands its callbacks. */
export interface JsonlParserHandlers {
  record(value: Record<string, unknown>, line: number): void;
  malformed(problem: MalformedRow): void;
}

const REPLACEMENT = '\uFFFD';

/**
 * A streaming JSON Lines parser (https://jsonlines.org): one JSON object per line,
 * blank lines skipped, CRLF accepted. A line that is not JSON, is JSON but not an
 * object, holds bytes that were not UTF-8, or is longer than `maxRecordLength` is
 * reported with its line number and skipped.
 */
export class JsonlParser {
  private buf = '';
  private line = 1;
  private started = false;
  /** True while skipping the rest of an over-long line. */
  private skipping = false;

  constructor(private readonly handlers: JsonlParserHandlers, private readonly maxRecordLength = 1_048_576) {}

  /** Feeds the next piece of text. */
  push(text: string): void {
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.buf += text;
    let start = 0;
    for (let lineBreak = this.buf.indexOf('\n'); lineBreak !== -1; lineBreak = this.buf.indexOf('\n', start)) {
      this.take(this.buf.slice(start, lineBreak));
      start = lineBreak + 1;
    }
    this.buf = start === 0 ? this.buf : this.buf.slice(start);
    if (this.buf.length > this.maxRecordLength) {
      if (!this.skipping) this.handlers.malformed({ line: this.line, reason: 'too-long', detail: `longer than ${this.maxRecordLength} characters` });
      this.skipping = true;
      this.buf = '';
    }
  }

  /** Signals the end of input: a last line without a line break is parsed too. */
  end(): void {
    if (this.buf.length > 0) this.take(this.buf);
    this.buf = '';
  }

  private take(text: string): void {
    const line = this.line;
    this.line += 1;
    if (this.skipping) {
      this.skipping = false;
      return;
    }
    if (text.length > this.maxRecordLength) {
      this.handlers.malformed({ line, reason: 'too-long', detail: `longer than ${this.maxRecordLength} characters` });
      return;
    }
    const body = text.trim();
    if (body === '') return;
    if (body.includes(REPLACEMENT)) {
      this.handlers.malformed({ line, reason: 'encoding', detail: 'bytes that are not UTF-8' });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      this.handlers.malformed({ line, reason: 'invalid-json' });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.handlers.malformed({ line, reason: 'not-an-object', detail: `found ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}` });
      return;
    }
    this.handlers.record(value as Record<string, unknown>, line);
  }
}
