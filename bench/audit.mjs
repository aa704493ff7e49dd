// The audit benchmark: a generated 1,000,000-row CSV, the CSV parser alone on it and the
// full offline audit on it, in the same run, each side in its own process so its peak
// memory (maxRSS, worker threads included) is its own. The default audit runs on one
// thread (the source check's duplicate rule keeps state across leads); a second run turns
// that rule off (stateless.config.json) so it may use 2 worker threads, and the crossover
// times workers against one thread on smaller files with the same config. A per-check
// profile over 10,000 leads says where the time goes. Not part of `npm test`.
//
//   npm run bench:audit                       # build, then run (several minutes)
//   node bench/audit.mjs                      # the same against the current dist/
//   node bench/audit.mjs --rows 50000 --out /tmp/audit.json   # a quick smoke run
//
// Writes bench/results/audit.json (or --out). The CSV goes to a temp dir and is deleted.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLeadsCsv, DEFAULT_SEED } from '../examples/audit/generate.mjs';
import { machineInfo } from './machine.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const ROWS = Number(option('--rows', 1_000_000));
const OUT = option('--out', fileURLToPath(new URL('./results/audit.json', import.meta.url)));
const PARSE_ROUNDS = 3;
const CROSSOVER_ROWS = [2_400, 12_000, 48_000];
const CROSSOVER_ROUNDS = 2;
const GOAL_RATIO = 3;
const GOAL_RSS_MIB = 300;

const child = fileURLToPath(new URL('./audit-child.mjs', import.meta.url));
const side = (name, file, workers, config) => {
  // On workers, as `leadgate audit` runs them: with V8's parallel scavenge off (src/cli/commands/audit.ts).
  const flags = name === 'audit' && workers !== undefined && workers !== 1 ? ['--no-parallel-scavenge'] : [];
  const output = execFileSync(process.execPath, [...flags, child, name, file, ...(workers === undefined ? [] : [String(workers)]), ...(config ? [config] : [])], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(output.trim().split('\n').pop());
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const perSecond = (rows, ms) => Math.round((rows / ms) * 1000);
const log = (text) => process.stderr.write(`${text}\n`);

const machine = machineInfo();
const dir = mkdtempSync(join(tmpdir(), 'leadgate-audit-bench-'));
try {
  const file = join(dir, 'leads.csv');
  // No check that keeps state: the source check's duplicate rule off (velocity is off in every audit).
  const stateless = join(dir, 'stateless.config.json');
  writeFileSync(stateless, JSON.stringify({ checks: { source: { duplicateLookbackDays: false } } }));
  let started = performance.now();
  const kinds = await writeLeadsCsv(file, { rows: ROWS, seed: DEFAULT_SEED });
  const bytes = statSync(file).size;
  log(`generated ${ROWS.toLocaleString('en-US')} rows, ${(bytes / 2 ** 20).toFixed(1)} MiB, in ${Math.round(performance.now() - started)} ms`);

  const parses = [];
  for (let round = 0; round < PARSE_ROUNDS; round++) {
    parses.push(side('parse', file));
    log(`parse: ${parses.at(-1).ms} ms, ${parses.at(-1).maxRssMiB} MiB`);
  }
  const parse = { ...parses.find((run) => run.ms === median(parses.map((r) => r.ms))), roundsMs: parses.map((run) => run.ms) };
  const pipeline = side('pipeline', file);
  log(`pipeline (no checks): ${pipeline.ms} ms, ${pipeline.maxRssMiB} MiB`);
  const profile = side('checks', file, 10_000);
  log(`per check (µs per lead): ${JSON.stringify(profile.microsecondsPerLead)}`);
  const single = side('audit', file, 1);
  log(`audit, 1 thread: ${single.ms} ms, ${single.maxRssMiB} MiB`);
  // Duplicates on, 2 workers asking the main thread for the marks (src/node/ordered-marks.ts).
  const duplicateWorkers = side('audit', file, 2);
  log(`audit, ${duplicateWorkers.workers} workers: ${duplicateWorkers.ms} ms, ${duplicateWorkers.maxRssMiB} MiB`);
  const auto = side('audit', file, 2, stateless);
  log(`audit without duplicates, ${auto.workers} workers: ${auto.ms} ms, ${auto.maxRssMiB} MiB`);

  const crossover = [];
  for (const rows of CROSSOVER_ROWS) {
    const small = join(dir, `leads-${rows}.csv`);
    await writeLeadsCsv(small, { rows, seed: DEFAULT_SEED });
    const times = { 1: [], 2: [] };
    for (let round = 0; round < CROSSOVER_ROUNDS; round++) {
      for (const workers of [1, 2]) times[workers].push(side('audit', small, workers, stateless).ms);
    }
    crossover.push({ rows, bytes: statSync(small).size, oneThreadMs: median(times[1]), twoWorkersMs: median(times[2]), roundsMs: times });
    log(`crossover ${rows} rows: 1 thread ${median(times[1])} ms, 2 workers ${median(times[2])} ms`);
  }

  // The goal is about the audit as `leadgate audit` runs it by default: one thread, every check.
  const ratio = Math.round((single.ms / parse.ms) * 10) / 10;
  const ratioWithoutDuplicates = Math.round((auto.ms / parse.ms) * 10) / 10;
  const peak = single.maxRssMiB;
  const result = {
    benchmark: 'audit',
    date: new Date().toISOString(),
    machine: { ...machine, loadAverageEnd: machineInfo().loadAverage },
    rows: ROWS,
    bytes,
    seed: DEFAULT_SEED,
    generated: kinds,
    method: {
      file: 'examples/audit/generate.mjs leadRows(), 24 columns, CRLF; written to a temp dir, deleted afterwards',
      sides: 'each side is one `node bench/audit-child.mjs <side>` process over the whole file; ms is wall time inside the process from before reading to the report (module loading excluded); maxRssMiB is process.resourceUsage().maxRSS at the end, worker threads included',
      parse: `CsvParser alone (streamed, decoded, rows counted), median of ${PARSE_ROUNDS} runs`,
      pipeline: 'parse + column mapping + gate.validate on a gate with no checks + tally: what the audit adds besides the checks (diagnostic)',
      audit: 'audit() as `leadgate audit` runs it: inbound motion (email, phone, role, consent, icp, source with duplicates; velocity is off in audits), offline, report built, on 1 thread',
      auditTwoWorkers: 'the same on 2 workers, which ask the main thread for the duplicate marks in input order (same decisions and codes)',
      auditWithoutDuplicates: 'the same with stateless.config.json ({ checks: { source: { duplicateLookbackDays: false } } }), which allows 2 worker threads',
      checks: 'the audit gate on leads 2,001–12,000 of the file, one at a time after 2,000 warm-up leads; each check\'s verdict.results[].ms summed, in µs per lead; gateOverhead is validate() time outside the checks',
      crossover: `audit() with stateless.config.json, 1 thread vs 2 workers, on smaller files from the same generator, median of ${CROSSOVER_ROUNDS} runs each`,
    },
    sides: {
      parse: { ...parse, rowsPerSecond: perSecond(parse.rows, parse.ms) },
      pipeline: { ...pipeline, rowsPerSecond: perSecond(pipeline.rows, pipeline.ms) },
      auditOneThread: { ...single, rowsPerSecond: perSecond(single.rows, single.ms) },
      auditTwoWorkers: { ...duplicateWorkers, rowsPerSecond: perSecond(duplicateWorkers.rows, duplicateWorkers.ms) },
      auditWithoutDuplicatesTwoWorkers: { ...auto, rowsPerSecond: perSecond(auto.rows, auto.ms) },
    },
    checks: profile,
    crossover,
    ratio,
    ratioTwoWorkers: Math.round((duplicateWorkers.ms / parse.ms) * 10) / 10,
    ratioWithoutDuplicatesTwoWorkers: ratioWithoutDuplicates,
    goal: `the full offline audit within ${GOAL_RATIO}× of parsing alone, under ${GOAL_RSS_MIB} MB peak memory`,
    met: { speed: ratio <= GOAL_RATIO, memory: peak < GOAL_RSS_MIB },
    peakRssMiB: peak,
  };
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
  log(`ratio (audit / parse): ${ratio}× (goal ${GOAL_RATIO}×; ${ratioWithoutDuplicates}× without duplicates on ${auto.workers} workers) · peak ${peak} MiB (goal < ${GOAL_RSS_MIB}) → ${OUT}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
