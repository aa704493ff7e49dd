// Two builds, gate.validateSync with a memory sink, on leads whose titles are all distinct
// (a suffix per lead), so a title cache can only help within a lead, not across leads;
// then on the bench leads as generated (10 distinct titles). Build the older commit as
// two-builds.mjs says, then:
//   node --expose-gc bench/investigations/distinct-titles.mjs ../old/dist dist [leads]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateLeads } from '../generate-leads.mjs';
import { compare } from '../timing.mjs';
const [a, b, n = '20000'] = process.argv.slice(2);
const apis = await Promise.all([a, b].map((dir) => import(pathToFileURL(resolve(dir, 'index.js')).href)));
const { leads } = generateLeads(Number(n));
const distinct = leads.map((lead, i) => (lead.title ? { ...lead, title: `${lead.title} #${i}` } : lead));
for (const [label, input] of [['distinct titles', distinct], ['bench titles', leads]]) {
  const sides = apis.map((api, i) => {
    const gate = api.createGate({ motion: 'inbound', log: api.memorySink() });
    return { name: i ? 'after' : 'before', pass() { let x = 0; for (const l of input) if (gate.validateSync(l).decision === 'accept') x++; return x; } };
  });
  const s = await compare(sides, { ops: input.length, warmup: 2, rounds: 9 });
  console.log(label, (s.before.medianNsPerOp / 1000).toFixed(2), '→', (s.after.medianNsPerOp / 1000).toFixed(2), `(${((s.after.medianNsPerOp / s.before.medianNsPerOp - 1) * 100).toFixed(1)}%, spread ${s.before.spreadPct}/${s.after.spreadPct})`);
}
