// Where the engine's overhead goes, function by function: profiles gate.validateSync (with
// a memory sink) and the gate's own checks called directly on pre-normalised leads, in one
// process, and prints the difference in self time per function in µs per lead.
//
//   node bench/investigations/engine-diff.mjs [leads]
import { createGate, memorySink, normalizeLead } from '../../dist/index.js';
import { runCheckDirect } from '../check-context.mjs';
import { generateLeads } from '../generate-leads.mjs';
import { sampleProfile, selfSamplesByFunction } from '../profile.mjs';

const count = Number(process.argv[2] ?? 20_000);
const { leads } = generateLeads(count);
const gate = createGate({ motion: 'inbound', log: memorySink() });
const normalized = leads.map((lead) => normalizeLead(lead).lead);
const passes = {
  gate: () => { for (const lead of leads) gate.validateSync(lead); },
  direct: () => { for (const lead of normalized) for (const check of gate.checks) runCheckDirect(check, lead); },
};
for (const pass of Object.values(passes)) { pass(); pass(); }

async function profile(pass, rounds = 4) {
  let ns = 0;
  const sampled = await sampleProfile(() => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) pass();
    ns = Number(process.hrtime.bigint() - started);
  });
  const perSample = ns / sampled.samples.length / (rounds * count) / 1000; // µs per lead per sample
  const self = new Map([...selfSamplesByFunction(sampled)].map(([key, samples]) => [key, samples * perSample]));
  return { usPerLead: ns / (rounds * count) / 1000, self };
}

const g = await profile(passes.gate);
const d = await profile(passes.direct);
console.log(`gate ${g.usPerLead.toFixed(1)} µs/lead, direct ${d.usPerLead.toFixed(1)} µs/lead (under the profiler)`);
const keys = new Set([...g.self.keys(), ...d.self.keys()]);
const rows = [...keys].map((key) => [key, (g.self.get(key) ?? 0) - (d.self.get(key) ?? 0), g.self.get(key) ?? 0, d.self.get(key) ?? 0]);
rows.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
for (const [key, diff, gs, ds] of rows.slice(0, 45)) console.log(`${diff.toFixed(2).padStart(7)}  ${gs.toFixed(2).padStart(6)} ${ds.toFixed(2).padStart(6)}  ${key}`);
