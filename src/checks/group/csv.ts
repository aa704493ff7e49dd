/**
 * Splits CSV text into rows of fields (RFC 4180): comma-separated, fields in double
 * quotes may hold commas, line breaks and doubled quotes (`""`). CRLF and LF both end a
 * row; a byte-order mark is skipped; blank lines are dropped. A semicolon is the
 * separator instead when the header line has semicolons and no commas (European Excel).
 *
 * Returns each row with the line it started on, for error messages.
 *
 * @example
 * parseCsv('id,name\n001,"Acme, Inc."') // [{ line: 1, fields: ['id', 'name'] }, { line: 2, fields: ['001', 'Acme, Inc.'] }]
 */
export function parseCsv(text: string): Array<{ line: number; fields: string[] }> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0]!.trim() !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (char === separator) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}
