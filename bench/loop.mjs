#!/usr/bin/env node
// Issue 13 §5: the closed-loop join at scale. Writes N decision events and N outcome
// records (synthetic, seeded) to a temporary directory, then, each in a fresh child
// process so peak memory is its own: (1) "read": both files streamed through the JSONL
// parser and JSON.parse, nothing kept (the floor any join pays); (2) "join":
// closedLoopReport over the same files. Goals: join within 3× read, peak RSS under 500 MB.
// Writes bench/results/loop.json.
//
//   npm run build && node bench/loop.mjs [--leads 1000000] [--rounds 3]
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prng } from '../examples/audit/generate.mjs';
import { machineInfo } from './machine.mjs';

const { values } = parseArgs({ options: { leads: { type: 'string', default: '1000000' }, rounds: { type: 'string', default: '3' }, child: { type: 'string' }, log: { type: 'string' }, outcomes: { type: 'string' } } });

if (values.child) {
  // One measured run, in its own process.
  const started = performance.now();
  if (values.child === 'read') {
    const { readJsonlFloor } = await import('./loop-read.mjs');
    await readJsonlFloor([values.log, values.outcomes]);
  } else {
    const { closedLoopReport } = await import('../dist/node.js');
    const report = await closedLoopReport({ log: values.log, outcomes: values.outcomes });
    if (report.input.decisions === 0) throw new Error('nothing joined');
  }
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const leads = Number(values.leads);
const rounds = Number(values.rounds);
const dir = mkdtempSync(join(tmpdir(), 'leadgate-loop-bench-'));
const logPath = join(dir, 'decisions.jsonl');
const outcomesPath = join(dir, 'outcomes.jsonl');


async function writeLines(path, count, line) {
  const stream = createWriteStream(path);
  for (let i = 0; i < count; i++) if (!stream.write(line(i))) await new Promise((resolve) => stream.once('drain', resolve));
  await new Promise((resolve) => stream.end(resolve));
}

const random = prng(13);
const CODES = [['EMAIL_FREE_PROVIDER', 'email', 'review'], ['CONSENT_MISSING', 'consent', 'flag'], ['PHONE_INVALID', 'phone', 'review'], ['ROLE_UNRECOGNISED', 'role', 'flag'], ['EMAIL_DISPOSABLE', 'email', 'reject']];
const SOURCES = ['newsletter', 'google', 'linkedin', 'event', 'partner-portal'];
const STAGES = ['mql', 'sal', 'sql', 'won', 'lost', 'rejected', 'recycled'];
const REASONS = ['SALES_NO_BUDGET', 'SALES_UNREACHABLE', 'SALES_WRONG_TITLE', 'SALES_NO_NEED'];
const T0 = Date.parse('2026-06-01T00:00:00Z');
const id = (i) => `L-${String(i).padStart(8, '0')}`;
console.error(`writing ${leads.toLocaleString('en')} decisions and ${leads.toLocaleString('en')} outcomes to ${dir}`);
await writeLines(logPath, leads, (i) => {
  const codes = CODES.filter(() => random() < 0.15).map(([code, check, action]) => ({ code, check, action }));
  const decision = codes.some((c) => c.action === 'reject') ? 'reject' : codes.some((c) => c.action === 'review') ? 'review' : 'accept';
  return `${JSON.stringify({ type: 'leadgate.decision', leadId: id(i), at: new Date(T0 + i * 1000).toISOString(), decision, motion: 'inbound', policy: { name: 'inbound', version: i < leads / 2 ? '1.1.0' : '1.2.0' }, codes, timings: { totalMs: 0.4, checks: { email: 0.1 } }, source: { utm_source: SOURCES[i % 5] }, identity: { emailDigest: 'a'.repeat(64), emailDomain: 'example.com' }, scores: { fit: Math.floor(random() * 100), intent: 0 } })}\n`;
});
// One outcome per lead on average: a 10% slice of ids the log never saw, the rest shuffled ids from it.
await writeLines(outcomesPath, leads, (i) => {
  const leadId = i % 10 === 0 ? `X-${i}` : id(Math.floor(random() * leads));
  const stage = STAGES[Math.floor(random() * STAGES.length)];
  const at = new Date(T0 + i * 1000 + 3_600_000).toISOString();
  return `${JSON.stringify({ leadId, stage, at, firstTouchAt: at, ...(stage === 'rejected' || stage === 'lost' ? { reason: REASONS[i % 4] } : {}) })}\n`;
});
const bytes = statSync(logPath).size + statSync(outcomesPath).size;

function runChild(kind) {
  const result = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--child', kind, '--log', logPath, '--outcomes', outcomesPath], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`${kind} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const runs = { read: [], join: [] };
for (let round = 0; round < rounds; round++) {
  for (const kind of ['read', 'join']) {
    const run = runChild(kind);
    runs[kind].push(run);
    console.error(`round ${round + 1}: ${kind} ${(run.ms / 1000).toFixed(2)} s, peak RSS ${run.maxRssMb.toFixed(0)} MB`);
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const readMs = median(runs.read.map((run) => run.ms));
const joinMs = median(runs.join.map((run) => run.ms));
const peak = Math.max(...runs.join.map((run) => run.maxRssMb));
const result = {
  name: 'loop',
  date: new Date().toISOString(),
  machine: machineInfo(),
  leads,
  bytes,
  method: 'Each run in a fresh Node process. read: both files through JsonlParser + JSON.parse, nothing kept. join: closedLoopReport (outcomes indexed, log streamed). Median of the rounds; peak = highest maxRSS of the join runs.',
  rounds: runs,
  readMedianMs: Math.round(readMs),
  joinMedianMs: Math.round(joinMs),
  ratio: Math.round((joinMs / readMs) * 100) / 100,
  joinPeakRssMb: Math.round(peak),
  goals: { ratio: 3, peakRssMb: 500 },
  met: joinMs / readMs <= 3 && peak < 500,
};
writeFileSync(new URL('./results/loop.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
rmSync(dir, { recursive: true, force: true });
console.log(`loop: ${leads.toLocaleString('en')} + ${leads.toLocaleString('en')} lines (${(bytes / 1e6).toFixed(0)} MB): read ${(readMs / 1000).toFixed(2)} s, join ${(joinMs / 1000).toFixed(2)} s (${result.ratio}×, goal ≤ 3×), peak ${result.joinPeakRssMb} MB (goal < 500): ${result.met ? 'met' : 'NOT met'}`);
