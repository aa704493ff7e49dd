// Load on loopback against the example server (examples/server/node-server.mjs), with
// the memory store and with Redis: requests/s and p50/p99 latency for a valid lead, and
// "nothing lost" (leads answered 2xx vs leads the server delivered). Not part of `npm test`.
//
//   npm run bench:server                                # build, then memory and redis, about 10 s each at the rate
//   node bench/server-load.mjs --duration 60            # the goal's 60-second run (60 × rate leads)
//   node bench/server-load.mjs --store memory --rate 1000 --connections 20
//   node bench/server-load.mjs --out /tmp/bench         # keep bench/results/ untouched
//
// Each store gets two runs: `duration × rate` leads at a fixed rate (`--rate`, default
// 1,000 req/s: the goal is p99 < 10 ms at that rate) and `max-duration × 3,000` leads
// unthrottled (the most the instance does). Runs are counted in leads, not seconds, so
// that every request gets its answer and "nothing lost" compares exact counts.
// Every request carries a different lead that the inbound gate accepts with no finding:
// its own email, phone and company domain (so the source check's duplicate and velocity
// rules count each lead apart instead of rejecting the run as one flooding person), its
// own client IP (X-Forwarded-For, with the server's TRUST_PROXY=1, as behind a load
// balancer), a complete consent record, and a form token: the server runs with
// REQUIRE_FORM_TOKEN=1, so each lead's token is verified (HMAC) and spent (store SET NX),
// as on a production form. The tokens are issued here with the server's secret before
// the run, dated 10 s back (past the 3 s minimum), so fetching them is not measured.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { machineInfo } from './machine.mjs';
import { benchLeads, freePort, SECRET, startProcess, stop } from './server-fixtures.mjs';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rate: { type: 'string', default: '1000' },
    connections: { type: 'string', default: '20' },
    'max-duration': { type: 'string', default: '5' },
    store: { type: 'string', default: 'both' },
    out: { type: 'string', default: fileURLToPath(new URL('./results/', import.meta.url)) },
  },
});
const duration = Number(args.duration);
const rate = Number(args.rate);
const connections = Number(args.connections);
const maxDuration = Number(args['max-duration']);
const stores = args.store === 'both' ? ['memory', 'redis'] : [args.store];
const GOAL = { rate: 1000, p99Ms: 10 };
const exampleServer = fileURLToPath(new URL('../examples/server/node-server.mjs', import.meta.url));
let leads;

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}
const round = (value) => Math.round(value * 100) / 100;

/** One autocannon run; latencies at full precision from the 'response' events, plus autocannon's own summary. */
// A number of requests (`amount`), not a duration: autocannon then waits for every
// answer, so "answered 2xx" counts every lead the server took (a duration cuts the
// requests in flight at the end, which the server did receive and deliver).
async function load(url, { seconds, overallRate, amount }) {
  const samples = [];
  const instance = autocannon({
    url,
    connections,
    amount,
    ...(overallRate ? { overallRate } : {}),
    requests: [
      {
        method: 'POST',
        path: '/api/leads',
        setupRequest: (request) => {
          const { ip, body } = leads.next();
          return { ...request, headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body };
        },
      },
    ],
  });
  const statuses = {};
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
  });
  const result = await instance;
  samples.sort((a, b) => a - b);
  return {
    seconds: round(result.duration),
    requests: amount,
    targetRate: overallRate ?? null,
    tool: `autocannon ${connections} connections`,
    requestsPerSecond: round(result['2xx'] / result.duration),
    sent: result.requests.sent,
    status2xx: result['2xx'],
    // 200 = accepted, 202 = review: every bench lead should be 200.
    statuses,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: {
      p50: percentile(samples, 50),
      p90: percentile(samples, 90),
      p99: percentile(samples, 99),
      p999: percentile(samples, 99.9),
      max: samples.length ? round(samples.at(-1)) : null,
      mean: samples.length ? round(samples.reduce((a, b) => a + b, 0) / samples.length) : null,
    },
    // autocannon's histogram: whole milliseconds, corrected for coordinated omission at a fixed rate.
    autocannonLatencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  };
}

async function runStore(store) {
  const work = join(tmpdir(), `leadgate-bench-${process.pid}-${store}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const deliveries = join(work, 'deliveries.jsonl');
  const env = { PORT: String(await freePort()), HOST: '127.0.0.1', DELIVERIES_FILE: deliveries, OUTBOX_FILE: join(work, 'outbox.jsonl'), LEADGATE_SECRET: SECRET, REQUIRE_FORM_TOKEN: '1', TRUST_PROXY: '1' };
  let redis;
  if (store === 'redis') {
    if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('redis-server is not on PATH (apt-get install redis-server)');
    const port = await freePort();
    redis = await startProcess('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {}, /Ready to accept connections/);
    env.REDIS_URL = `redis://127.0.0.1:${port}`;
  }
  const server = await startProcess(process.execPath, [exampleServer], env, /listening on/);
  const url = `http://127.0.0.1:${env.PORT}`;
  try {
    const warmup = await load(url, { overallRate: 200, amount: 400 }); // JIT, connections
    const fixed = await load(url, { overallRate: rate, amount: duration * rate });
    // Sized from the fixed run's throughput headroom: about maxDuration seconds at full speed.
    const max = await load(url, { amount: maxDuration * 3000 });
    return { warmup, fixed, max, deliveries };
  } finally {
    await stop(server);
    if (redis) await stop(redis);
  }
}

async function countDeliveries(path) {
  const text = await readFile(path, 'utf8').catch(() => '');
  const lines = text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const decisions = {};
  for (const { decision } of lines) decisions[decision] = (decisions[decision] ?? 0) + 1;
  return { lines: lines.length, unique: new Set(lines.map((line) => line.leadId)).size, decisions };
}

await mkdir(args.out, { recursive: true });
for (const store of stores) {
  const before = machineInfo();
  console.log(`\nserver-load (${store}): ${duration * rate} leads at ${rate} req/s, then ${maxDuration * 3000} unthrottled, ${connections} connections`);
  leads = await benchLeads(400 + duration * rate + maxDuration * 3000);
  const { warmup, fixed, max, deliveries } = await runStore(store);
  const delivered = await countDeliveries(deliveries);
  // Every lead answered 2xx (warm-up included) must be in the deliveries file, once.
  const answered2xx = warmup.status2xx + fixed.status2xx + max.status2xx;
  const result = {
    name: `server-${store}`,
    date: new Date().toISOString(),
    machine: { ...before, loadAverageEnd: machineInfo().loadAverage },
    method:
      'examples/server/node-server.mjs (node:http + toNodeListener, inbound motion, deliver appends to a JSONL file) in its own process; ' +
      `autocannon in this process, ${connections} connections on loopback, one unique lead per request that the gate accepts with no finding ` +
      '(its own email, phone, company domain and client IP via X-Forwarded-For with TRUST_PROXY=1, a consent record, and a form token verified and spent: ' +
      'REQUIRE_FORM_TOKEN=1; tokens issued in this process before the run): 400 leads of warm-up at 200 req/s, ' +
      `then ${duration * rate} leads at overallRate ${rate} req/s, then ${maxDuration * 3000} leads unthrottled. Latencies of 2xx answers from ` +
      "autocannon's per-response timings (from when a request was written). autocannon's rate limit is a per-second quota per connection: each " +
      'connection sends its share of the second back to back and then waits for the next second, so the rated run measures bursts of up to ' +
      `${connections} concurrent requests, not evenly spaced ones.`,
    store,
    fixed,
    max,
    nothingLost: {
      answered2xx,
      deliveredLines: delivered.lines,
      deliveredUnique: delivered.unique,
      // Decisions of the delivered leads: the bench leads are meant to be accepted, not reviewed.
      deliveredDecisions: delivered.decisions,
      nonSuccess: warmup.non2xx + fixed.non2xx + max.non2xx,
      errors: warmup.errors + fixed.errors + max.errors,
      // The server was stopped with SIGTERM after the runs; it flushes deliveries on the way out.
      ok: delivered.lines === answered2xx && delivered.unique === answered2xx,
    },
    goal: { ...GOAL, met: store === 'memory' ? fixed.requestsPerSecond >= GOAL.rate * 0.98 && fixed.latencyMs.p99 !== null && fixed.latencyMs.p99 < GOAL.p99Ms : null },
  };
  await writeFile(join(args.out, `server-${store}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `  fixed ${rate}/s: ${fixed.requestsPerSecond} req/s, p50 ${fixed.latencyMs.p50} ms, p99 ${fixed.latencyMs.p99} ms, p99.9 ${fixed.latencyMs.p999} ms, max ${fixed.latencyMs.max} ms, non-2xx ${fixed.non2xx}, errors ${fixed.errors}\n` +
      `  unthrottled: ${max.requestsPerSecond} req/s, p50 ${max.latencyMs.p50} ms, p99 ${max.latencyMs.p99} ms\n` +
      `  nothing lost: ${answered2xx} answered 2xx → ${delivered.lines} delivered, ${delivered.unique} unique → ${result.nothingLost.ok ? 'ok' : 'MISMATCH'}` +
      `\n  delivered decisions: ${JSON.stringify(delivered.decisions)}` +
      (result.goal.met === null ? '' : `\n  goal p99 < ${GOAL.p99Ms} ms at ${GOAL.rate} req/s: ${result.goal.met ? 'met' : 'missed'}`),
  );
}
