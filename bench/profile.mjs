// CPU profile of one benchmark subject, summarised by self time per function: where a
// missed goal spends its time. Uses the inspector's sampling profiler in-process (the
// same data `node --cpu-prof` writes), so no .cpuprofile viewer is needed to read it.
//
//   node bench/profile.mjs engine            # gate.validateSync with a memory sink
//   node bench/profile.mjs engine-unlogged   # gate.validateSync without a log sink
//   node bench/profile.mjs engine-noop-sink  # gate.validateSync with a sink that keeps nothing
//   node bench/profile.mjs phone             # the phone check called directly
//   node bench/profile.mjs email             # analyzeEmail
//   node bench/profile.mjs role              # parseTitle on the leads' titles
//   node bench/profile.mjs check-role        # a default check called directly (check-icp, -consent, -source, -email)
//
// Writes bench/results/profile-<target>.json and prints the top functions.
import { writeFile, mkdir } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { analyzeEmail, consentProvenance, createGate, emailValidity, icpFit, memorySink, normalizeLead, parseTitle, phoneValidity, roleCurrency, sourceVerification } from '../dist/index.js';
import { runCheckDirect } from './check-context.mjs';
import { generateLeads } from './generate-leads.mjs';

const TARGETS = {
  engine(leads) {
    const gate = createGate({ motion: 'inbound', log: memorySink() });
    return () => {
      for (const lead of leads) gate.validateSync(lead);
    };
  },
  // The same without a log sink: what the engine costs before any decision event is built.
  'engine-unlogged'(leads) {
    const gate = createGate({ motion: 'inbound' });
    return () => {
      for (const lead of leads) gate.validateSync(lead);
    };
  },
  // With a sink that keeps nothing: the decision event is built and dispatched.
  'engine-noop-sink'(leads) {
    const gate = createGate({ motion: 'inbound', log: () => {} });
    return () => {
      for (const lead of leads) gate.validateSync(lead);
    };
  },
  phone(leads) {
    const check = phoneValidity();
    const normalized = leads.map((lead) => normalizeLead(lead).lead);
    return () => {
      for (const lead of normalized) runCheckDirect(check, lead);
    };
  },
  // Each default check called directly, as the phone target is: check-role, check-icp, …
  ...Object.fromEntries(
    Object.entries({ role: roleCurrency, icp: icpFit, consent: consentProvenance, source: sourceVerification, email: emailValidity }).map(([name, make]) => [
      `check-${name}`,
      (leads) => {
        const check = make();
        const normalized = leads.map((lead) => normalizeLead(lead).lead);
        return () => {
          for (const lead of normalized) runCheckDirect(check, lead);
        };
      },
    ]),
  ),
  // parseTitle on the leads' titles: the role check's own cost.
  role(leads) {
    const titles = leads.map((lead) => lead.title ?? '');
    return () => {
      for (const title of titles) parseTitle(title);
    };
  },
  email(leads) {
    const emails = leads.map((lead) => lead.email);
    return () => {
      for (const email of emails) analyzeEmail(email);
    };
  },
};

/** Samples per function (name + file:line), the key every summary here uses. */
export function selfSamplesByFunction(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByFunction = new Map();
  for (const id of profile.samples) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const file = url ? url.replace(/^.*\/(node_modules\/|dist\/)/, '$1') : '(native)';
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + 1);
  }
  return selfByFunction;
}

/** Self time per function (name + file:line), largest first, as a share of all samples. */
export function summarise(profile, top = 25) {
  const total = profile.samples.length;
  return [...selfSamplesByFunction(profile)]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, count]) => ({ fn, selfPct: Math.round((count / total) * 1000) / 10 }));
}

/** The inspector's sampling profile (100 µs interval) of `run`, in this process. */
export async function sampleProfile(run) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  run();
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  return profile;
}

export async function profileTarget(target, { leads: count = 20_000, passes = 3 } = {}) {
  const { leads } = generateLeads(count);
  const pass = TARGETS[target](leads);
  pass(); // warm-up: JIT and lazy tables, outside the profile
  const profile = await sampleProfile(() => {
    for (let i = 0; i < passes; i++) pass();
  });
  return { target, leads: count, passes, samples: profile.samples.length, top: summarise(profile) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = process.argv[2] ?? 'engine';
  if (!TARGETS[target]) {
    console.error(`usage: node bench/profile.mjs [${Object.keys(TARGETS).join('|')}]`);
    process.exit(2);
  }
  const result = await profileTarget(target);
  const dir = new URL('./results/', import.meta.url);
  await mkdir(dir, { recursive: true });
  await writeFile(new URL(`profile-${target}.json`, dir), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, ...result }, null, 2)}\n`);
  console.log(`${target}: ${result.samples} samples over ${result.passes} passes of ${result.leads} leads; self time:`);
  for (const { fn, selfPct } of result.top) console.log(`${String(selfPct).padStart(6)}%  ${fn}`);
}
