#!/usr/bin/env node
// `npm run demo`: audits the synthetic lead list in this folder with the built CLI,
// prints the terminal summary and writes report.html beside it (not committed).
// Offline and deterministic: no DNS lookups. `npm run demo:samples` runs the older
// walkthrough of hand-written sample leads under every motion (examples/demo/).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const report = here('./report.html');
const result = spawnSync(process.execPath, [cli, 'audit', here('./leads.csv'), '--motion', 'inbound', '--out', report], { stdio: 'inherit' });
if (result.status === 0) console.log(`\nHTML report: ${report}`);
process.exitCode = result.status ?? 1;
