// Two builds of leadgate side by side in one process: each default check called
// directly, and the gate, over the same generated leads, rounds interleaved
// (timing.mjs). For a before/after of a change, build the older commit in a git
// worktree that shares this node_modules:
//
//   git worktree add ../old <commit> && ln -s "$PWD/node_modules" ../old/node_modules
//   (cd ../old && npm run build) && npm run build
//   node --expose-gc bench/investigations/two-builds.mjs ../old/dist dist [--leads 20000]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runCheckDirect } from '../check-context.mjs';
import { generateLeads } from '../generate-leads.mjs';
import { compare } from '../timing.mjs';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { leads: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '9' } } });
if (positionals.length !== 2) {
  console.error('usage: node --expose-gc bench/investigations/two-builds.mjs <before-dist> <after-dist> [--leads N] [--rounds R]');
  process.exit(2);
}
const builds = await Promise.all(positionals.map(async (dir) => ({ dir, api: await import(pathToFileURL(resolve(dir, 'index.js')).href) })));
const { leads } = generateLeads(Number(values.leads));

const CHECKS = { phone: 'phoneValidity', consent: 'consentProvenance', role: 'roleCurrency', email: 'emailValidity', icp: 'icpFit', source: 'sourceVerification' };
const subjects = {};
for (const [name, factory] of Object.entries(CHECKS)) {
  subjects[`${name} check`] = (api) => {
    const check = api[factory]();
    const normalized = leads.map((lead) => api.normalizeLead(lead).lead);
    return () => {
      for (const lead of normalized) runCheckDirect(check, lead);
    };
  };
}
subjects['gate.validateSync, memory sink'] = (api) => {
  const gate = api.createGate({ motion: 'inbound', log: api.memorySink() });
  return () => {
    for (const lead of leads) gate.validateSync(lead);
  };
};

console.log(`before: ${builds[0].dir}, after: ${builds[1].dir}; ${leads.length} leads, median of ${values.rounds} interleaved rounds, µs per lead`);
for (const [subject, make] of Object.entries(subjects)) {
  const sides = builds.map(({ api }, i) => ({ name: i === 0 ? 'before' : 'after', pass: make(api) }));
  const stats = await compare(sides, { ops: leads.length, warmup: 2, rounds: Number(values.rounds) });
  const before = stats.before.medianNsPerOp / 1000;
  const after = stats.after.medianNsPerOp / 1000;
  console.log(`${subject.padEnd(32)} ${before.toFixed(2).padStart(7)} → ${after.toFixed(2).padStart(7)}  (${(((after - before) / before) * 100).toFixed(1)}%, spread ${stats.before.spreadPct}% / ${stats.after.spreadPct}%)`);
}
