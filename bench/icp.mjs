// The icp check's scoring speed on generated leads: the check (open profile, as in the
// presets, and a full profile with every rule), against parseTitle alone (the part of the
// fit that reads the title, which the check calls once per lead). Standalone, not part of
// bench/run.mjs: `npm run build && node bench/icp.mjs [--leads N] [--out DIR]`.
// Writes bench/results/icp.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { icpFit, normalizeLead, parseTitle } from '../dist/index.js';
import { runCheckDirect } from './check-context.mjs';
import { createRandom, generateLeads, LEAD_COUNT, SEED } from './generate-leads.mjs';
import { machineInfo } from './machine.mjs';
import { compare, round2 } from './timing.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const count = Number(option('--leads', String(LEAD_COUNT)));
const outDir = option('--out', new URL('./results/', import.meta.url).pathname);

const FULL_PROFILE = {
  industries: { include: ['5112', '5132', '54'], exclude: ['92'], labels: { saas: '5112' } },
  employees: { min: 50, max: 5000 },
  revenue: { min: 1_000_000 },
  countries: { include: ['DE', 'AT', 'CH', 'GB', 'FR', 'US'], exclude: ['RU'] },
  technologies: { required: ['salesforce', 'hubspot'], excluded: ['pipedrive'] },
  functions: ['marketing', 'sales', 'information_technology'],
  competitors: ['rival-one.com', 'rival-two.com'],
  customers: Array.from({ length: 1000 }, (_, i) => `customer-${i}.com`),
};
const INDUSTRIES = ['511210', '541511', '921110', '236220', 'SaaS', 'Manufacturing', 'Widgets', undefined];
const TECH = [['Salesforce', 'Slack'], ['HubSpot'], ['Pipedrive'], [], undefined];
const SIGNALS = ['page_visit', 'pricing_view', 'content_download', 'event_attended', 'careers_visit', 'demo_request'];
const NOW = Date.parse('2026-11-23T12:00:00Z');

/** The generated leads plus the firmographics and behaviour the icp check reads. */
function enrich(leads) {
  const random = createRandom(SEED ^ 0x1c9);
  return leads.map((lead) => {
    const behaviour = Array.from({ length: random.int(0, 12) }, () => ({ type: random.pick(SIGNALS), at: new Date(NOW - random.int(0, 120) * 86_400_000).toISOString() }));
    return {
      ...lead,
      industry: random.pick(INDUSTRIES),
      employees: random.next() < 0.8 ? random.int(1, 20_000) : undefined,
      revenue: random.next() < 0.6 ? random.int(10_000, 500_000_000) : undefined,
      tech: random.pick(TECH),
      behaviour,
    };
  });
}

const { leads: raw } = generateLeads(count, SEED);
const leads = enrich(raw).map((lead) => normalizeLead(lead).lead);
const open = icpFit();
const full = icpFit(FULL_PROFILE);

const pass = (check) => () => {
  let fits = 0;
  for (const lead of leads) fits += runCheckDirect(check, lead).evidence.scores.fit;
  return fits;
};
const stats = await compare(
  [
    { name: 'icp check, open profile', pass: pass(open) },
    { name: 'icp check, full profile', pass: pass(full) },
    {
      name: 'parseTitle alone',
      pass: () => {
        let n = 0;
        for (const lead of leads) if (lead.title) n += parseTitle(lead.title).seniority.length;
        return n;
      },
    },
  ],
  { ops: leads.length, warmup: 2, rounds: 7 },
);

// What the full profile concluded, outside the timing.
const codes = {};
const tiers = {};
let mql = 0;
for (const lead of leads) {
  const outcome = runCheckDirect(full, lead);
  for (const finding of outcome.findings) codes[finding.code] = (codes[finding.code] ?? 0) + 1;
  tiers[outcome.evidence.tier] = (tiers[outcome.evidence.tier] ?? 0) + 1;
  if (outcome.evidence.scores.mql) mql++;
}

const result = {
  benchmark: 'icp',
  title: 'icp check scoring speed (fit + intent) on generated leads with firmographics and behaviour',
  date: new Date().toISOString(),
  machine: machineInfo(),
  leads: leads.length,
  seed: SEED,
  method:
    'generate-leads.mjs leads plus random industry (NAICS code or label), employees, revenue, tech and 0–12 behaviour signals of the last 120 days; normalised first; each side timed over all leads per pass, 2 warm-up passes, 7 interleaved rounds, median ns per lead. runCheckDirect (bench/check-context.mjs) calls check.run with a minimal context.',
  sides: stats,
  ratioFullToParseTitle: round2(stats['icp check, full profile'].medianNsPerOp / stats['parseTitle alone'].medianNsPerOp),
  concluded: { codes, tiers, mql },
};
await mkdir(outDir, { recursive: true });
await writeFile(`${outDir.replace(/\/$/, '')}/icp.json`, `${JSON.stringify(result, null, 2)}\n`);
for (const [name, side] of Object.entries(stats)) console.log(`${name.padEnd(26)} ${String(side.medianNsPerOp).padStart(10)} ns/lead  ${String(side.opsPerSec).padStart(9)} leads/s`);
console.log(`tiers ${JSON.stringify(tiers)}  mql ${mql}  codes ${JSON.stringify(codes)}`);
