// Two builds, gate.validateSync with a memory sink, on leads whose titles are all distinct
// (a suffix per lead), so a title cache can only help within a lead, not across leads;
// then on titles drawn from the 582 hand-labelled ones with Zipf's law (rank r with weight
// 1/r, the long tail of a real list: more distinct titles than parseTitle keeps), then on
// the bench leads as generated (10 distinct titles). Build the older commit as
// two-builds.mjs says, then:
//   node --expose-gc bench/investigations/distinct-titles.mjs ../old/dist dist [leads]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRandom, generateLeads } from '../generate-leads.mjs';
import { compare } from '../timing.mjs';
const [a, b, n = '20000'] = process.argv.slice(2);
const apis = await Promise.all([a, b].map((dir) => import(pathToFileURL(resolve(dir, 'index.js')).href)));
const { leads } = generateLeads(Number(n));
const distinct = leads.map((lead, i) => (lead.title ? { ...lead, title: `${lead.title} #${i}` } : lead));
const labelled = JSON.parse(readFileSync(new URL('../../test/fixtures/titles.labelled.json', import.meta.url), 'utf8')).map((row) => row.title);
// The 582 titles are distinct, so each is one key of the weights.
const zipfWeights = Object.fromEntries(labelled.map((title, rank) => [title, 1 / (rank + 1)]));
const random = createRandom(42);
const zipf = leads.map((lead) => (lead.title ? { ...lead, title: random.weighted(zipfWeights) } : lead));
for (const [label, input] of [['distinct titles', distinct], ['zipf labelled titles', zipf], ['bench titles', leads]]) {
  const sides = apis.map((api, i) => {
    const gate = api.createGate({ motion: 'inbound', log: api.memorySink() });
    return { name: i ? 'after' : 'before', pass() { let x = 0; for (const l of input) if (gate.validateSync(l).decision === 'accept') x++; return x; } };
  });
  const s = await compare(sides, { ops: input.length, warmup: 2, rounds: 9 });
  console.log(label, (s.before.medianNsPerOp / 1000).toFixed(2), '→', (s.after.medianNsPerOp / 1000).toFixed(2), `(${((s.after.medianNsPerOp / s.before.medianNsPerOp - 1) * 100).toFixed(1)}%, spread ${s.before.spreadPct}/${s.after.spreadPct})`);
}
