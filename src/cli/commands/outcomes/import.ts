import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { CsvParser } from '../../../node/csv-parser.js';
import { jsonlOutcomeStore } from '../../../node/jsonl-outcome-store.js';
import { OUTCOME_STAGES } from '../../../outcomes/codes.js';
import {
  CRM_OUTCOME_COLUMNS,
  outcomeRecordsFromRow,
  resolveOutcomeColumns,
  type CrmPreset,
  type OutcomeColumnField,
  type OutcomeColumnMap,
  type ResolvedOutcomeColumns,
} from '../../../outcomes/crm-outcome-columns.js';
import type { OutcomeRecord } from '../../../outcomes/record.js';
import { EXIT, UsageError, type Command } from '../../command.js';

const FIELDS: readonly OutcomeColumnField[] = ['leadId', 'stage', 'at', 'closedAt', 'reason', 'note', 'firstTouchAt', 'owner', 'amount', ...OUTCOME_STAGES.map((stage) => `${stage}At` as const)];
const PRESETS = [...Object.keys(CRM_OUTCOME_COLUMNS), 'auto'] as CrmPreset[];
/** Bad rows listed one by one on stderr; the rest are counted. */
const LISTED_BAD_ROWS = 20;

const HELP = `Usage: leadgate outcomes import <file.csv> --out <outcomes.jsonl> [options]

Reads a CRM export (CSV, as HubSpot or Salesforce write it) and appends its sales
outcomes to a JSONL file, one outcome record per line. Rows repeated in the export, or
already in the file, add nothing: per lead and stage the latest date wins.

Options:
  --out <file>             the outcomes JSONL file (created, or appended to)
  --map-preset <crm>       column names to look for: ${PRESETS.join(', ')} (default auto: all)
  --map <field=Column>     map a column to a field; repeatable (--map leadId="leadgate ID").
                           Fields: ${FIELDS.join(', ')}
  --day-first              read 3/11/2026 as 3 November (default: US order, 11 March)
  -h, --help               this help

Stage and reason values are read as the CRMs export them ("marketingqualifiedlead",
"Sales Qualified Lead", "Closed - Not Converted", "Closed Lost"…); reason text that names
no catalogue code becomes SALES_OTHER with the text as note. A summary goes to stderr;
bad rows are listed with their line number and do not stop the import.
`;

/** `leadgate outcomes import`: a CRM export CSV → the outcomes JSONL file. */
export const importCommand: Command = {
  name: 'import',
  summary: 'Import a HubSpot or Salesforce export (CSV) into an outcomes JSONL file',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        map: { type: 'string', multiple: true },
        'map-preset': { type: 'string', default: 'auto' },
        'day-first': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError('give one CSV file: leadgate outcomes import <file.csv> --out <outcomes.jsonl>');
    if (!values.out) throw new UsageError('--out <outcomes.jsonl> is required');
    const preset = values['map-preset'] as CrmPreset;
    if (!PRESETS.includes(preset)) throw new UsageError(`--map-preset must be one of ${PRESETS.join(', ')}, got "${preset}"`);
    const overrides = parseMaps(values.map ?? []);
    const input = positionals[0]!;
    const dateOrder = values['day-first'] ? 'dmy' : 'mdy';

    const store = jsonlOutcomeStore(values.out, { fsync: false });
    const tally = { rows: 0, noOutcome: 0, bad: 0, changed: 0, unchanged: 0 };
    const badRows: string[] = [];
    const bad = (line: number, message: string) => {
      tally.bad++;
      if (badRows.length < LISTED_BAD_ROWS) badRows.push(`  line ${line}: ${message}`);
    };
    let columns: ResolvedOutcomeColumns | undefined;
    let headerProblem: string | undefined;
    let pending: OutcomeRecord[] = [];
    const parser = new CsvParser({
      header(fields) {
        const resolved = resolveOutcomeColumns(fields, preset, overrides);
        if (resolved.problems.length > 0) headerProblem = resolved.problems.map((problem) => problem.message).join('; ');
        columns = resolved.columns;
      },
      row(fields, line) {
        if (!columns || headerProblem) return;
        tally.rows++;
        const result = outcomeRecordsFromRow(fields, columns, { dateOrder });
        if (result.kind === 'bad') bad(line, result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
        else if (result.kind === 'no-outcome') tally.noOutcome++;
        else pending.push(...result.records);
      },
      malformed(problem) {
        tally.rows++;
        bad(problem.line, `malformed CSV (${problem.reason})`);
      },
    });
    const flush = async () => {
      const batch = pending;
      pending = [];
      const summary = await store.recordAll(batch);
      tally.changed += summary.changed;
      tally.unchanged += summary.unchanged;
    };
    try {
      const stream = createReadStream(input, { encoding: 'utf8' });
      for await (const chunk of stream as AsyncIterable<string>) {
        parser.push(chunk);
        if (headerProblem) break;
        await flush();
      }
      if (!headerProblem) {
        parser.end();
        await flush();
      }
    } catch (error) {
      await store.close().catch(() => undefined);
      io.stderr.write(`leadgate outcomes import: cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).name}\n`);
      return EXIT.failure;
    }
    await store.close();
    if (headerProblem) throw new UsageError(`${input}: ${headerProblem}`);
    if (!columns) throw new UsageError(`${input} is empty: no header row`);

    const found = Object.entries(columns.names).map(([field, names]) => `${field}=${names!.map((name) => `"${name}"`).join('+')}`).join(', ');
    io.stderr.write(
      [
        `leadgate outcomes import: ${tally.rows} rows from ${input}`,
        `  columns: ${found}`,
        `  ${tally.changed} outcome records written to ${values.out}, ${tally.unchanged} already there (repeated rows)`,
        `  ${tally.noOutcome} rows with no sales outcome yet (subscribers, new leads)`,
        `  ${tally.bad} bad rows${tally.bad > 0 ? ':' : ''}`,
        ...badRows,
        ...(tally.bad > badRows.length ? [`  … and ${tally.bad - badRows.length} more`] : []),
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  },
};

/** `--map leadId="Record ID"` → `{ leadId: ['Record ID'] }`; the field must be one of FIELDS. */
function parseMaps(entries: readonly string[]): OutcomeColumnMap {
  const map: OutcomeColumnMap = {};
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    if (equals < 1 || equals === entry.length - 1) throw new UsageError(`--map takes field=Column, got "${entry}"`);
    const field = entry.slice(0, equals).trim() as OutcomeColumnField;
    if (!FIELDS.includes(field)) throw new UsageError(`--map ${field}: not a field; use one of ${FIELDS.join(', ')}`);
    map[field] = [entry.slice(equals + 1).trim().replace(/^"(.*)"$/, '$1')];
  }
  return map;
}
