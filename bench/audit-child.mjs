// One side of bench/audit.mjs, in its own process so its peak memory (maxRSS) is its own.
//   node bench/audit-child.mjs <side> <file> [workers]
// Sides: parse (CsvParser alone), pipeline (parse + mapping + a gate with no checks +
// tally: the audit's own overhead), audit (audit() with the inbound motion, as the CLI
// runs it). Prints one JSON line: { side, ms, rows, maxRssMiB, ... }.
import { createReadStream } from 'node:fs';
import { createGate } from '../dist/index.js';
import { audit, AuditTally, CsvParser, mapColumns, mapRow, toRowOutcome } from '../dist/node.js';

const [side, file, workersArg] = process.argv.slice(2);

async function streamCsv(handlers, afterChunk = async () => {}) {
  const parser = new CsvParser(handlers);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    parser.push(decoder.decode(chunk, { stream: true }));
    await afterChunk();
  }
  parser.push(decoder.decode());
  parser.end();
  await afterChunk();
}

const started = performance.now();
let result;
if (side === 'parse') {
  let rows = 0;
  let fields = 0;
  let malformed = 0;
  await streamCsv({ header() {}, row(cells) { rows += 1; fields += cells.length; }, malformed() { malformed += 1; } });
  result = { rows, fields, malformed };
} else if (side === 'pipeline') {
  const gate = createGate({ motion: 'inbound', checks: () => [] });
  const tally = new AuditTally(false);
  let mapping;
  const pending = [];
  await streamCsv({
    header(cells) { mapping = mapColumns(cells, {}); },
    row(cells, line) { pending.push([line, mapRow(cells, mapping)]); },
    malformed(problem) { tally.malformed(problem); },
  }, async () => {
    for (const [line, row] of pending.splice(0)) tally.add(line, row, toRowOutcome(await gate.validate(row.lead)));
  });
  const report = tally.report({ input: { file, format: 'csv', columns: {}, unusedColumns: [] }, motion: 'inbound', policy: gate.policy, sourceColumn: '', run: { workers: 1, statefulChecks: [], dns: false, ms: 0, rowsPerSecond: 0, personalData: 'masked' } });
  result = { rows: report.rows.audited, malformed: report.rows.malformed };
} else if (side === 'audit') {
  const report = await audit({ input: file, gate: { motion: 'inbound' }, workers: workersArg === 'auto' ? 'auto' : Number(workersArg ?? 1) });
  result = { rows: report.rows.audited, malformed: report.rows.malformed, workers: report.run.workers, decisions: Object.fromEntries(Object.entries(report.decisions).map(([d, s]) => [d, s.count])) };
} else {
  throw new Error(`unknown side ${side}`);
}
const ms = performance.now() - started;
// maxRSS covers the whole process, worker threads included (they share it).
console.log(JSON.stringify({ side, ms: Math.round(ms), ...result, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
