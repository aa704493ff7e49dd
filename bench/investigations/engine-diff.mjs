// Where the engine's overhead goes, function by function: profiles gate.validateSync (with
// a memory sink) and the gate's own checks called directly on pre-normalised leads, in one
// process, and prints the difference in self time per function in µs per lead.
//
//   node bench/investigations/engine-diff.mjs [leads]
import { Session } from 'node:inspector/promises';
import { createGate, memorySink, normalizeLead } from '../../dist/index.js';
import { runCheckDirect } from '../check-context.mjs';
import { generateLeads } from '../generate-leads.mjs';

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
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const started = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) pass();
  const ns = Number(process.hrtime.bigint() - started);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const perSample = ns / profile.samples.length / (rounds * count) / 1000; // µs per lead per sample
  for (const id of profile.samples) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const file = url ? url.replace(/^.*\/(node_modules\/|dist\/)/, '$1') : '(native)';
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + perSample);
  }
  return { usPerLead: ns / (rounds * count) / 1000, self };
}

const g = await profile(passes.gate);
const d = await profile(passes.direct);
console.log(`gate ${g.usPerLead.toFixed(1)} µs/lead, direct ${d.usPerLead.toFixed(1)} µs/lead (under the profiler)`);
const keys = new Set([...g.self.keys(), ...d.self.keys()]);
const rows = [...keys].map((key) => [key, (g.self.get(key) ?? 0) - (d.self.get(key) ?? 0), g.self.get(key) ?? 0, d.self.get(key) ?? 0]);
rows.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
for (const [key, diff, gs, ds] of rows.slice(0, 45)) console.log(`${diff.toFixed(2).padStart(7)}  ${gs.toFixed(2).padStart(6)} ${ds.toFixed(2).padStart(6)}  ${key}`);
