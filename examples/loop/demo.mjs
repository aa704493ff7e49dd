#!/usr/bin/env node
// `npm run demo:loop`: the closed loop offline. Audits examples/audit/leads.csv with the
// built CLI (decision log and verdicts into examples/loop/out/), invents what sales did
// with each passed lead (generate-outcomes.mjs, deterministic), then prints
// `leadgate outcomes report` and writes its HTML beside the data. Nothing is committed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateOutcomes } from './generate-outcomes.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const out = here('./out/');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = { log: `${out}decisions.jsonl`, verdicts: `${out}verdicts.jsonl`, outcomes: `${out}outcomes.jsonl`, html: `${out}loop-report.html` };

// A fixed salt: the log's digests are the same on every run (LEADGATE_LOG_SALT).
const env = { ...process.env, LEADGATE_LOG_SALT: 'leadgate-demo-loop' };
const audit = spawnSync(process.execPath, [cli, 'audit', here('../audit/leads.csv'), '--motion', 'inbound', '--quiet', '--log', files.log, '--out', files.verdicts], { stdio: ['ignore', 'ignore', 'inherit'], env });
if (audit.status !== 0) {
  process.exitCode = audit.status ?? 1;
} else {
  const count = await generateOutcomes({ verdicts: files.verdicts, log: files.log, out: files.outcomes });
  console.log(`Audited examples/audit/leads.csv; invented ${count} sales outcome records (examples/loop/generate-outcomes.mjs).\n`);
  const report = spawnSync(process.execPath, [cli, 'outcomes', 'report', '--log', files.log, '--outcomes', files.outcomes, '--out', files.html], { stdio: 'inherit' });
  if (report.status === 0) console.log(`\nHTML report: ${files.html}`);
  process.exitCode = report.status ?? 1;
}
