// Server tail latency against a baseline, in one run (issue 15 §3). Two servers on
// loopback, the memory store, the same gate (examples/server/setup.mjs):
// - `bare`: bench/bare-server.mjs, node:http + JSON.parse + gate.validate + JSON;
// - `handler`: examples/server/node-server.mjs, node:http + toNodeListener(createHandler).
// Each gets the same open-loop load: requests scheduled at a fixed rate, each sent when
// its time comes whatever the answers before it did, and its latency counted from that
// scheduled time, so a stalled server cannot hide its queue (no coordinated omission;
// autocannon's rate mode sends each second's quota in bursts, see server-load.mjs).
// Every request is a different lead the gate accepts, with a form token to verify and
// spend. Rounds alternate bare/handler. Not part of `npm test`.
//
//   npm run build && node bench/server-tail.mjs                 # 1,000 req/s, 10 s a round, 5 rounds
//   node bench/server-tail.mjs --rate 500 --seconds 5 --rounds 1 --out /tmp/tail.json
//   node bench/server-tail.mjs --rounds 1 --cpu-prof /tmp/prof   # and a CPU profile of each server
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineInfo } from './machine.mjs';
import { benchLeads, freePort, SECRET, startProcess, stop } from './server-fixtures.mjs';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '5' },
    out: { type: 'string', default: fileURLToPath(new URL('./results/server-tail.json', import.meta.url)) },
    // Starts each server with `node --cpu-prof` into this directory (a .cpuprofile per server).
    'cpu-prof': { type: 'string' },
  },
});
const rate = Number(args.rate);
const amount = Number(args.seconds) * rate;
const rounds = Number(args.rounds);
const WARMUP = { rate: 500, amount: 2000 };
const GOAL = { rate: 1000, p99Ms: 10, ratio: 1.3 };
const SERVERS = {
  bare: { script: fileURLToPath(new URL('./bare-server.mjs', import.meta.url)), path: '/leads', ready: /listening on/ },
  handler: { script: fileURLToPath(new URL('../examples/server/node-server.mjs', import.meta.url)), path: '/api/leads', ready: /listening on/ },
};

/** Sends `amount` requests at `rate` per second, each on its schedule; latencies from the scheduled time. */
function openLoop(port, path, { rate: perSecond, amount: count }, leads) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const interval = 1000 / perSecond;
  const latencies = [];
  const statuses = {};
  let errors = 0;
  let sent = 0;
  let done = 0;
  const started = performance.now() + 50;
  return new Promise((resolve) => {
    const finish = () => {
      if (++done < count) return;
      clearInterval(timer);
      agent.destroy();
      const seconds = (performance.now() - started) / 1000;
      resolve({ latencies, statuses, errors, seconds });
    };
    const send = (scheduled) => {
      const { ip, body } = leads.next();
      const request = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': ip } }, (response) => {
        response.resume();
        response.on('end', () => {
          statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
          latencies.push(performance.now() - scheduled);
          finish();
        });
      });
      request.on('error', () => {
        errors += 1;
        finish();
      });
      request.end(body);
    };
    const timer = setInterval(() => {
      const now = performance.now();
      while (sent < count && started + sent * interval <= now) send(started + sent++ * interval);
    }, 1);
  });
}

/**
 * The CPU time a child process has used so far, in ms (Linux: utime + stime from
 * /proc/<pid>/stat, in clock ticks of 10 ms), or undefined where there is no /proc.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

const percentile = (sorted, p) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 100) / 100;
function summary({ latencies, statuses, errors, seconds }) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { requests: latencies.length + errors, achievedRate: Math.round(latencies.length / seconds), statuses, errors, latencyMs: { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), p999: percentile(sorted, 99.9), max: percentile(sorted, 100) } };
}

async function round(name, leads) {
  const work = await mkdtemp(join(tmpdir(), `leadgate-tail-${name}-`));
  const port = await freePort();
  const env = { PORT: String(port), HOST: '127.0.0.1', DELIVERIES_FILE: join(work, 'deliveries.jsonl'), LEADGATE_SECRET: SECRET, REQUIRE_FORM_TOKEN: '1', TRUST_PROXY: '1' };
  const server = await startProcess(process.execPath, [...(args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`, `--cpu-prof-name=${name}-${port}.cpuprofile`] : []), SERVERS[name].script], env, SERVERS[name].ready);
  try {
    await openLoop(port, SERVERS[name].path, WARMUP, leads);
    const cpuBefore = cpuMs(server.pid);
    const result = summary(await openLoop(port, SERVERS[name].path, { rate, amount }, leads));
    const cpuAfter = cpuMs(server.pid);
    // The server's own CPU per request: steadier than a tail, and what the tail grows from.
    if (cpuBefore !== undefined && cpuAfter !== undefined) result.serverCpuMsPerRequest = Math.round(((cpuAfter - cpuBefore) / amount) * 1000) / 1000;
    return result;
  } finally {
    await stop(server);
    await rm(work, { recursive: true, force: true });
  }
}

const before = machineInfo();
const leads = await benchLeads(rounds * 2 * (WARMUP.amount + amount));
const results = { bare: [], handler: [] };
for (let r = 0; r < rounds; r++) {
  for (const name of r % 2 === 0 ? ['bare', 'handler'] : ['handler', 'bare']) {
    const result = await round(name, leads);
    results[name].push(result);
    console.log(`${name.padEnd(7)} round ${r + 1}: ${result.achievedRate} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, server CPU ${result.serverCpuMsPerRequest} ms/request, p99.9 ${result.latencyMs.p999} ms, max ${result.latencyMs.max} ms, statuses ${JSON.stringify(result.statuses)}, errors ${result.errors}`);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p99 = { bare: median(results.bare.map((r) => r.latencyMs.p99)), handler: median(results.handler.map((r) => r.latencyMs.p99)) };
const ratio = Math.round((p99.handler / p99.bare) * 100) / 100;
const errors = [...results.bare, ...results.handler].reduce((sum, r) => sum + r.errors, 0);
const output = {
  name: 'server-tail',
  date: new Date().toISOString(),
  machine: { ...before, loadAverageEnd: machineInfo().loadAverage },
  method: `open loop on loopback from this process: ${rate} req/s scheduled evenly for ${args.seconds} s (${amount} requests) after ${WARMUP.amount} at ${WARMUP.rate} req/s of warm-up, latency from each request's scheduled time; keep-alive, up to 512 sockets; memory store; REQUIRE_FORM_TOKEN=1; ${rounds} rounds alternating the servers; the medians of the rounds' p99`,
  rate,
  rounds: results,
  p99Ms: p99,
  ratio,
  goal: `handler p99 within ${GOAL.ratio}× of the bare baseline and under ${GOAL.p99Ms} ms at ${GOAL.rate} req/s, 0 errors`,
  met: { ratio: ratio <= GOAL.ratio, p99: p99.handler < GOAL.p99Ms, errors: errors === 0 },
};
await writeFile(args.out, `${JSON.stringify(output, null, 2)}\n`);
console.log(`p99 at ${rate} req/s: handler ${p99.handler} ms, bare ${p99.bare} ms, ${ratio}× (goal ≤ ${GOAL.ratio}×, and < ${GOAL.p99Ms} ms) → ${args.out}`);
