// Runs the speed benchmarks side by side on the same generated leads and writes one
// result file per benchmark to bench/results/. Not part of `npm test`.
//
//   npm run bench                      # build, then all three on 100,000 leads
//   node bench/run.mjs                 # the same against the current dist/
//   node bench/run.mjs phone engine    # only some
//   node bench/run.mjs --leads 10000 --out /tmp/bench   # a quick smoke run
//   node bench/run.mjs --check         # exit 1 when a goal is missed
//   node bench/run.mjs role            # parseTitle accuracy and speed on test/fixtures/titles.labelled.json
//
// Each benchmark runs in its own Node process (fresh JIT and heap); within it, the sides
// are timed in interleaved rounds and compared by their median (see timing.mjs).
import { fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { LEAD_COUNT, SEED } from './generate-leads.mjs';
import { machineInfo } from './machine.mjs';
import { goalLimit, headline, roleTable, sidesTable, summaryTable } from './report.mjs';

// Rounds per benchmark, sized so the whole run stays near two minutes on a small machine:
// a gate pass over 100,000 leads takes seconds, an isEmail pass a fraction of one.
// Diagnostic sides run on the first `diagnosticLeads` leads. For phone and engine the
// `warmup` passes are over that slice, and the diagnostic run is the main run's warm-up.
const PLANS = {
  email: { warmup: 1, rounds: 9 },
  phone: { warmup: 2, rounds: 7, diagnosticLeads: 10_000, diagnosticRounds: 5 },
  engine: { warmup: 2, rounds: 3, diagnosticLeads: 10_000, diagnosticRounds: 5 },
  // role runs on the labelled titles (test/fixtures/titles.labelled.json), not the leads.
  role: { warmup: 2, rounds: 9 },
};

function parseArgs(argv) {
  const options = { names: [], leads: LEAD_COUNT, seed: SEED, out: fileURLToPath(new URL('./results/', import.meta.url)), check: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--leads') options.leads = Number(argv[++i]);
    else if (arg === '--seed') options.seed = Number(argv[++i]);
    else if (arg === '--out') options.out = argv[++i];
    else if (arg === '--check') options.check = true;
    else if (arg in PLANS) options.names.push(arg);
    else throw new Error(`bench/run.mjs: unknown argument "${arg}" (benchmarks: ${Object.keys(PLANS).join(', ')}; options: --leads N, --seed N, --out DIR, --check)`);
  }
  if (!Number.isInteger(options.leads) || options.leads < 1) throw new Error('bench/run.mjs: --leads must be a positive integer');
  if (options.names.length === 0) options.names = Object.keys(PLANS);
  return options;
}

function runInChild(config) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./run-one.mjs', import.meta.url)), [JSON.stringify(config)], {
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result;
    child.on('message', (message) => (result = message));
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`benchmark "${config.name}" exited with code ${code} and no result`))));
  });
}

const options = parseArgs(process.argv.slice(2));
const machine = machineInfo();
console.log(`leadgate bench: ${options.leads.toLocaleString('en-US')} leads (seed ${options.seed}); ${machine.cpuModel} x${machine.cores}, Node ${machine.node}`);
await mkdir(options.out, { recursive: true });

const results = {};
for (const name of options.names) {
  const plan = PLANS[name];
  const diagnosticLeads = Math.min(plan.diagnosticLeads ?? options.leads, options.leads);
  process.stdout.write(`running ${name} ... `);
  const result = await runInChild({ name, leads: options.leads, seed: options.seed, ...plan, diagnosticLeads });
  const record = {
    benchmark: name,
    date: new Date().toISOString(),
    machine: { ...machine, loadAverage: undefined, loadAverageAtStart: machine.loadAverage, loadAverageAtEnd: machineInfo().loadAverage },
    leadCount: options.leads,
    seed: options.seed,
    warmup: plan.warmup,
    rounds: plan.rounds,
    method: {
      warmup: plan.diagnosticLeads
        ? `${plan.warmup} untimed passes per side over the first ${diagnosticLeads} leads, then the diagnostic rounds, before the main rounds`
        : `${plan.warmup} untimed pass per side over all leads`,
      rounds: `${plan.rounds} timed passes per side over all leads, interleaved in an order that rotates each round${plan.diagnosticRounds ? `; diagnostic sides ${plan.diagnosticRounds} rounds over the first ${diagnosticLeads} leads` : ''}`,
      statistic: 'median ns per lead over the rounds (process.hrtime.bigint around each whole pass); global.gc() before every pass',
    },
    ...result,
  };
  results[name] = record;
  await writeFile(`${options.out}/${name}.json`, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`${result.seconds}s: ${headline(record)} (goal ${goalLimit(record)}) ${record.met ? 'met' : 'NOT met'}`);
}

console.log(`\n${summaryTable(results)}\n`);
for (const [name, result] of Object.entries(results)) console.log(`${name}: ${result.title}\n${sidesTable(result)}\n`);
if (results.role) console.log(`role accuracy on ${results.role.titleCount} labelled titles:\n${roleTable(results.role)}\n`);
if (results.engine?.diagnostic?.overheadPct) {
  console.log('engine overhead by piece, % of the checks\' own time (diagnostic slice):');
  for (const [piece, pct] of Object.entries(results.engine.diagnostic.overheadPct)) console.log(`  ${piece.padEnd(44)} ${pct}%`);
  console.log('');
}
console.log(`results written to ${options.out}`);
if (options.check && Object.values(results).some((result) => !result.met)) process.exitCode = 1;
