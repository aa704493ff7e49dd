import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvParserOptions, type MalformedRow } from '../../src/node/csv-parser.js';
import { JsonlParser } from '../../src/node/jsonl-parser.js';

interface Parsed {
  header?: { fields: string[]; line: number };
  rows: { fields: string[]; line: number }[];
  malformed: MalformedRow[];
}

/** Parses `text` fed in pieces of `chunk` characters (Infinity: in one piece). */
function parse(text: string, chunk = Infinity, options: CsvParserOptions = {}): Parsed {
  const out: Parsed = { rows: [], malformed: [] };
  const parser = new CsvParser({
    header: (fields, line) => (out.header = { fields, line }),
    row: (fields, line) => out.rows.push({ fields, line }),
    malformed: (problem) => out.malformed.push(problem),
  }, options);
  if (chunk === Infinity) parser.push(text);
  else for (let i = 0; i < text.length; i += chunk) parser.push(text.slice(i, i + chunk));
  parser.end();
  return out;
}

/** The same result whatever the chunk size: a chunk boundary can fall anywhere. */
function parseEverySplit(text: string, options: CsvParserOptions = {}): Parsed {
  const whole = parse(text, Infinity, options);
  for (let chunk = 1; chunk <= Math.min(text.length, 12); chunk++) expect(parse(text, chunk, options)).toEqual(whole);
  return whole;
}

describe('CsvParser', () => {
  it('reads a header and rows with LF, CRLF and no final line break', () => {
    const result = parseEverySplit('Email,Title\r\na@x.example,CTO\nb@x.example,CFO');
    expect(result.header).toEqual({ fields: ['Email', 'Title'], line: 1 });
    expect(result.rows).toEqual([
      { fields: ['a@x.example', 'CTO'], line: 2 },
      { fields: ['b@x.example', 'CFO'], line: 3 },
    ]);
    expect(result.malformed).toEqual([]);
  });

  it('strips a UTF-8 BOM from the first header name', () => {
    expect(parseEverySplit('\uFEFFEmail,Title\n1,2\n').header?.fields).toEqual(['Email', 'Title']);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks, and counts lines through them', () => {
    const text = 'a,b,c\n"x, y","say ""hi""","two\r\nlines"\nplain,"",5" screen\nlast,row,here\n';
    const result = parseEverySplit(text);
    expect(result.rows).toEqual([
      { fields: ['x, y', 'say "hi"', 'two\r\nlines'], line: 2 },
      { fields: ['plain', '', '5" screen'], line: 4 },
      { fields: ['last', 'row', 'here'], line: 5 },
    ]);
  });

  it('skips blank lines and reports rows with the wrong number of fields by line', () => {
    const result = parseEverySplit('a,b\n\n1,2\n1,2,3\n4\n\r\n5,6\n');
    expect(result.rows.map((row) => row.line)).toEqual([3, 7]);
    expect(result.malformed).toEqual([
      { line: 4, reason: 'field-count', detail: 'expected 2 fields, found 3' },
      { line: 5, reason: 'field-count', detail: 'expected 2 fields, found 1' },
    ]);
  });

  it('reports text after a closing quote and carries on with the next line', () => {
    const result = parseEverySplit('a,b\n"x"y,2\n3,4\n');
    expect(result.malformed).toEqual([{ line: 2, reason: 'bad-quote', detail: 'text after the closing quote of field 1' }]);
    expect(result.rows).toEqual([{ fields: ['3', '4'], line: 3 }]);
  });

  it('reports a quote that never closes and resumes on the next line', () => {
    const result = parseEverySplit('a,b\n1,"open\n2,3\n');
    expect(result.malformed[0]).toEqual({ line: 2, reason: 'unterminated-quote' });
    expect(result.rows).toEqual([{ fields: ['2', '3'], line: 3 }]);
  });

  it('bounds a runaway quoted field by maxRecordLength instead of buffering the file', () => {
    const text = `a,b\n1,"${'x'.repeat(50)}\n2,3\n${'4,5\n'.repeat(30)}`;
    const out = parse(text, 10, { maxRecordLength: 40 });
    expect(out.malformed).toEqual([{ line: 2, reason: 'unterminated-quote' }]);
    expect(out.rows[0]).toEqual({ fields: ['2', '3'], line: 3 });
    expect(out.rows).toHaveLength(31);
  });

  it('reports rows holding bytes that were not UTF-8 (decoded as U+FFFD)', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from([0xff, 0xfe]), Buffer.from('\n3,4\n')]);
    const result = parse(new TextDecoder().decode(bytes));
    expect(result.malformed).toEqual([{ line: 2, reason: 'encoding', detail: 'bytes that are not UTF-8' }]);
    expect(result.rows).toEqual([{ fields: ['3', '4'], line: 3 }]);
  });

  it('detects ; and tab delimiters from the header, and takes an explicit one', () => {
    expect(parseEverySplit('Email;Title\nx@y.example;"CTO; founder"\n').rows[0]?.fields).toEqual(['x@y.example', 'CTO; founder']);
    expect(parseEverySplit('Email\tTitle\nx\ty\n').rows[0]?.fields).toEqual(['x', 'y']);
    expect(parse('a;b,c\n1;2,3\n', Infinity, { delimiter: ',' }).rows[0]?.fields).toEqual(['1;2', '3']);
    expect(() => new CsvParser({ header() {}, row() {}, malformed() {} }, { delimiter: ';;' })).toThrow(RangeError);
  });
});

describe('JsonlParser', () => {
  it('parses objects, skips blank lines, and reports bad lines by number', () => {
    const records: [unknown, number][] = [];
    const malformed: MalformedRow[] = [];
    const parser = new JsonlParser({ record: (value, line) => records.push([value, line]), malformed: (p) => malformed.push(p) }, 30);
    const text = '{"email":"a@x.example"}\r\n\n{nope\n[1,2]\n"text"\n{"title":"\uFFFD"}\n' + `{"x":"${'y'.repeat(40)}"}\n` + '{"ok":true}';
    for (let i = 0; i < text.length; i += 7) parser.push(text.slice(i, i + 7));
    parser.end();
    expect(records).toEqual([[{ email: 'a@x.example' }, 1], [{ ok: true }, 8]]);
    expect(malformed.map((p) => [p.line, p.reason])).toEqual([
      [3, 'invalid-json'], [4, 'not-an-object'], [5, 'not-an-object'], [6, 'encoding'], [7, 'too-long'],
    ]);
  });
});
