/**
 * Why a row of an input file could not be used. The audit counts these per reason and
 * lists the first few with their line numbers; none of them stops the audit.
 *
 * - `field-count`: a CSV row with more or fewer fields than the header.
 * - `unterminated-quote`: a quoted CSV field that never closes (or runs past `maxRecordLength`).
 * - `bad-quote`: a closing quote followed by something other than a delimiter or line end (`"a"b`).
 * - `encoding`: the row holds bytes that are not UTF-8 (decoded as U+FFFD).
 * - `invalid-json`, `not-an-object`: a JSONL line that is not JSON, or JSON that is not an object.
 * - `too-long`: a JSONL line longer than `maxRecordLength`.
 */
export type MalformedReason = 'field-count' | 'unterminated-quote' | 'bad-quote' | 'encoding' | 'invalid-json' | 'not-an-object' | 'too-long';

/** One malformed row: where it starts (1-based physical line) and why it was skipped. */
export interface MalformedRow {
  line: number;
  reason: MalformedReason;
  /** e.g. `expected 12 fields, found 11`; never the row's content (it can hold personal data). */
  detail?: string;
}

/** What {@link CsvParser} hands its callbacks. */
export interface CsvParserHandlers {
  /** The first non-blank record. */
  header(fields: string[], line: number): void;
  /** Every later record with as many fields as the header. */
  row(fields: string[], line: number): void;
  malformed(problem: MalformedRow): void;
}

/** Options for {@link CsvParser}. */
export interface CsvParserOptions {
  /** One character. Default: detected from the header line among `,` `;` tab `|` (most frequent outside quotes; `,` on a tie). */
  delimiter?: string;
  /** A record longer than this many characters is an unterminated quote (bounds memory). Default 1,048,576. */
  maxRecordLength?: number;
}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;
const REPLACEMENT = '\uFFFD';
const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'];

/**
 * A streaming RFC 4180 parser: push decoded text in pieces of any size, call `end()`,
 * and it calls back per record. Handles quoted fields with delimiters, doubled quotes
 * and line breaks inside, CRLF and LF line ends, and a leading BOM. A quote inside an
 * unquoted field is kept as text (`5" display`), as spreadsheet exports write it.
 *
 * Rows with no quote take a fast path (`indexOf` + `split`), so a plain export parses
 * at the speed of string slicing. Memory holds one unfinished record at most, bounded
 * by `maxRecordLength`: an unterminated quote is reported at its line, and parsing
 * resumes on the next physical line.
 *
 * @example
 * const parser = new CsvParser({ header: (h) => …, row: (fields, line) => …, malformed: (p) => … });
 * parser.push('Email,Title\r\njane@acme.example,CTO\r\n');
 * parser.end();
 */
export class CsvParser {
  private buf = '';
  private pos = 0;
  /** Physical line number of `buf[pos]`. */
  private line = 1;
  private started = false;
  private delimiter: string | undefined;
  private delimiterCode = 44;
  private width = -1;
  /** Index of the next `"` at or after `pos`; -2 unknown, Infinity none in `buf`. */
  private nextQuote = -2;
  private bufHasReplacement = false;
  /** True while dropping the rest of a physical line after an unterminated quote. */
  private skippingLine = false;
  private readonly maxRecordLength: number;

  constructor(private readonly handlers: CsvParserHandlers, options: CsvParserOptions = {}) {
    if (options.delimiter !== undefined && options.delimiter.length !== 1) {
      throw new RangeError(`CsvParser: delimiter must be one character, got ${JSON.stringify(options.delimiter)}`);
    }
    this.delimiter = options.delimiter;
    if (this.delimiter) this.delimiterCode = this.delimiter.charCodeAt(0);
    this.maxRecordLength = options.maxRecordLength ?? 1_048_576;
  }

  /** Feeds the next piece of text; complete records are handed to the callbacks at once. */
  push(text: string): void {
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.buf = this.pos === 0 ? this.buf + text : this.buf.slice(this.pos) + text;
    this.pos = 0;
    this.nextQuote = -2;
    this.bufHasReplacement = this.bufHasReplacement || text.includes(REPLACEMENT);
    this.parse(false);
  }

  /** Signals the end of input: the last record (without a final line break) is emitted. */
  end(): void {
    this.parse(true);
    this.buf = '';
    this.pos = 0;
  }

  private parse(final: boolean): void {
    if (this.skippingLine) {
      const lineBreak = this.buf.indexOf('\n', this.pos);
      if (lineBreak === -1) {
        this.buf = '';
        this.pos = 0;
        return;
      }
      this.skippingLine = false;
      this.pos = lineBreak + 1;
      this.line += 1;
    }
    if (this.delimiter === undefined) {
      const firstBreak = this.buf.indexOf('\n', this.pos);
      if (firstBreak === -1 && !final) return;
      this.detectDelimiter(firstBreak === -1 ? this.buf.length : firstBreak);
    }
    const buf = this.buf;
    const length = buf.length;
    const delimiter = this.delimiter!;
    while (this.pos < length) {
      const start = this.pos;
      let lineBreak = buf.indexOf('\n', start);
      if (lineBreak === -1) {
        if (!final) break;
        lineBreak = length;
      }
      if (this.nextQuote === -2 || this.nextQuote < start) {
        const quote = buf.indexOf('"', start);
        this.nextQuote = quote === -1 ? Infinity : quote;
      }
      if (this.nextQuote > lineBreak) {
        // Fast path: no quote on this line.
        const end = lineBreak > start && buf.charCodeAt(lineBreak - 1) === CR ? lineBreak - 1 : lineBreak;
        const line = this.line;
        this.pos = lineBreak + 1;
        this.line += 1;
        if (end > start) this.emit(buf.slice(start, end).split(delimiter), line);
        continue;
      }
      if (!this.parseQuoted(start, final)) break;
    }
    if (!final && this.pos < length && length - this.pos > this.maxRecordLength) {
      // One record has outgrown the bound: it can only be a quote that never closes.
      this.unterminated(this.pos);
    }
    if (this.pos >= length) {
      this.buf = '';
      this.pos = 0;
      this.bufHasReplacement = false;
    } else if (this.bufHasReplacement && !this.buf.includes(REPLACEMENT, this.pos)) {
      this.bufHasReplacement = false;
    }
  }

  /**
   * The slow path: one record that has a quote somewhere. Returns false when the record
   * is not complete in the buffer yet (more input needed).
   */
  private parseQuoted(start: number, final: boolean): boolean {
    const buf = this.buf;
    const length = buf.length;
    const delimiterCode = this.delimiterCode;
    const fields: string[] = [];
    let i = start;
    let newlines = 0;
    for (;;) {
      if (i < length && buf.charCodeAt(i) === QUOTE) {
        // Quoted field: runs to the next quote that is not doubled.
        let value = '';
        let segment = i + 1;
        let j = segment;
        for (;;) {
          const quote = buf.indexOf('"', j);
          if (quote === -1 || (quote + 1 === length && !final)) {
            if (final) return this.unterminated(start), true;
            return false;
          }
          if (buf.charCodeAt(quote + 1) === QUOTE) {
            value += buf.slice(segment, quote + 1);
            j = segment = quote + 2;
            continue;
          }
          value += buf.slice(segment, quote);
          i = quote + 1;
          break;
        }
        for (let k = value.indexOf('\n'); k !== -1; k = value.indexOf('\n', k + 1)) newlines += 1;
        fields.push(value);
        const next = i < length ? buf.charCodeAt(i) : -1;
        if (next === delimiterCode) {
          i += 1;
          continue;
        }
        if (next === LF || next === -1 || (next === CR && (i + 1 === length ? final : buf.charCodeAt(i + 1) === LF))) {
          if (next === -1 && !final) return false;
          return this.finishRecord(fields, start, next === CR ? i + 2 : i + 1, newlines), true;
        }
        if (next === CR && i + 1 === length) return false;
        // `"a"b`: text after a closing quote. Skip to the end of the physical line.
        const lineBreak = buf.indexOf('\n', i);
        if (lineBreak === -1 && !final) return false;
        const line = this.line;
        this.line += newlines + 1;
        this.pos = lineBreak === -1 ? length : lineBreak + 1;
        this.handlers.malformed({ line, reason: 'bad-quote', detail: `text after the closing quote of field ${fields.length}` });
        return true;
      }
      // Unquoted field: up to the next delimiter or line break; a quote in it is text.
      let j = i;
      while (j < length) {
        const code = buf.charCodeAt(j);
        if (code === delimiterCode || code === LF) break;
        j += 1;
      }
      if (j === length && !final) return false;
      const atLineEnd = j === length || buf.charCodeAt(j) === LF;
      const end = atLineEnd && j > i && buf.charCodeAt(j - 1) === CR ? j - 1 : j;
      fields.push(buf.slice(i, end));
      if (!atLineEnd) {
        i = j + 1;
        continue;
      }
      return this.finishRecord(fields, start, j + 1, newlines), true;
    }
  }

  private finishRecord(fields: string[], start: number, next: number, newlines: number): void {
    const line = this.line;
    this.pos = next;
    this.line += newlines + 1;
    if (next - 1 > start) this.emit(fields, line);
  }

  /** Reports the quote that never closes, and resumes on the line after the record's first. */
  private unterminated(start: number): void {
    const line = this.line;
    this.handlers.malformed({ line, reason: 'unterminated-quote' });
    const lineBreak = this.buf.indexOf('\n', start);
    if (lineBreak === -1) {
      // The rest of this line has not arrived yet: drop it as it comes.
      this.pos = this.buf.length;
      this.skippingLine = true;
      return;
    }
    this.pos = lineBreak + 1;
    this.line += 1;
  }

  private emit(fields: string[], line: number): void {
    if (this.bufHasReplacement) {
      for (const field of fields) {
        if (field.includes(REPLACEMENT)) {
          this.handlers.malformed({ line, reason: 'encoding', detail: 'bytes that are not UTF-8' });
          return;
        }
      }
    }
    if (this.width === -1) {
      if (fields.length === 1 && fields[0] === '') return;
      this.width = fields.length;
      this.handlers.header(fields, line);
      return;
    }
    if (fields.length !== this.width) {
      // A blank line (one empty field) is not a row; everything else is reported.
      if (fields.length === 1 && fields[0] === '') return;
      this.handlers.malformed({ line, reason: 'field-count', detail: `expected ${this.width} fields, found ${fields.length}` });
      return;
    }
    this.handlers.row(fields, line);
  }

  private detectDelimiter(end: number): void {
    const counts = new Map<string, number>(CANDIDATE_DELIMITERS.map((candidate) => [candidate, 0]));
    let quoted = false;
    for (let i = this.pos; i < end; i++) {
      const char = this.buf[i]!;
      if (char === '"') quoted = !quoted;
      else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
    }
    let best = ',';
    for (const [candidate, count] of counts) if (count > counts.get(best)!) best = candidate;
    this.delimiter = best;
    this.delimiterCode = best.charCodeAt(0);
  }
}
