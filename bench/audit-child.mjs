// One side of bench/audit.mjs, in its own process so its peak memory (maxRSS) is its own.
//   node bench/audit-child.mjs <side> <file> [workers|rows] [config]
// Sides: parse (CsvParser alone), pipeline (parse + mapping + a gate with no checks +
// tally: the audit's own overhead), audit (audit() with the inbound motion, as the CLI
// runs it, optionally with a --config file), checks (the audit's gate on the first <rows>
// leads, one at a time, summing each check's `verdict.results[].ms`: where the time goes).
// Prints one JSON line: { side, ms, rows, maxRssMiB, ... }.
import { createReadStream } from 'node:fs';
import { createGate } from '../dist/index.js';
import { audit, AuditTally, buildAuditGate, CsvParser, mapColumns, mapRow, toRowOutcome } from '../dist/node.js';

const [side, file, workersArg, configPath] = process.argv.slice(2);

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
  const report = await audit({ input: file, gate: { motion: 'inbound', ...(configPath ? { configPath } : {}) }, workers: workersArg === 'auto' ? 'auto' : Number(workersArg ?? 1) });
  result = {
    rows: report.rows.audited,
    malformed: report.rows.malformed,
    workers: report.run.workers,
    statefulChecks: report.run.statefulChecks,
    decisions: Object.fromEntries(Object.entries(report.decisions).map(([d, s]) => [d, s.count])),
    topCodes: report.codes.slice(0, 8).map((row) => [row.code, row.leads]),
  };
} else if (side === 'checks') {
  // The first WARMUP leads warm the JIT and are not counted; the next `rows` are.
  const WARMUP = 2000;
  const wanted = Number(workersArg ?? 10_000);
  const { gate } = await buildAuditGate({ motion: 'inbound' });
  const leads = [];
  let mapping;
  await streamCsv({ header(cells) { mapping = mapColumns(cells, {}); }, row(cells) { if (leads.length < WARMUP + wanted) leads.push(mapRow(cells, mapping).lead); }, malformed() {} });
  for (const lead of leads.slice(0, WARMUP)) await gate.validate(lead);
  const perCheck = {};
  const measured = leads.slice(WARMUP);
  const began = performance.now();
  for (const lead of measured) {
    const verdict = await gate.validate(lead);
    for (const check of verdict.results) perCheck[check.check] = (perCheck[check.check] ?? 0) + check.ms;
  }
  const validateMs = performance.now() - began;
  const checksMs = Object.values(perCheck).reduce((sum, ms) => sum + ms, 0);
  result = {
    rows: measured.length,
    validateMs: Math.round(validateMs),
    // Mean microseconds per lead: each check, and the gate's own work (policy, scores, verdict) around them.
    microsecondsPerLead: {
      ...Object.fromEntries(Object.entries(perCheck).sort((a, b) => b[1] - a[1]).map(([check, ms]) => [check, Math.round((ms / measured.length) * 1000)])),
      gateOverhead: Math.round(((validateMs - checksMs) / measured.length) * 1000),
    },
  };
} else {
  throw new Error(`unknown side ${side}`);
}
const ms = performance.now() - started;
// maxRSS covers the whole process, worker threads included (they share it).
console.log(JSON.stringify({ side, ms: Math.round(ms), ...result, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
