// (c) The gate against calling its own checks directly: what the engine adds around the
// checks (input normalisation, the per-check context and result, policy, verdict,
// scores, the decision event with its digests, the log sink). The direct side runs the
// gate's very check instances (`gate.checks`) on leads normalised beforehand, so the
// difference between the sides is exactly the engine's work.
import { createGate, memorySink, normalizeLead, personalDataDigest } from '../dist/index.js';
import { runCheckDirect } from './check-context.mjs';
import { compare } from './timing.mjs';

export const title = 'gate.validate vs the same checks called directly';
export const goal = { maxOverheadPct: 25, text: 'engine overhead under 25% of the checks themselves' };

/**
 * @param {{ leads: object[], warmup: number, rounds: number, diagnosticLeads: number, diagnosticRounds: number }} input
 */
export async function run({ leads, warmup, rounds, diagnosticLeads, diagnosticRounds }) {
  const gate = createGate({ motion: 'inbound', log: memorySink() });
  const normalized = leads.map((lead) => normalizeLead(lead).lead);

  // Ablations first, on a slice of the same leads: each side removes or isolates one
  // piece of the engine's work, so the pieces of the overhead can be told apart. The
  // slice run also warms up every function the main run calls (a full-size warm-up pass
  // of the gate alone would take longer than all the ablations), and fills the memory
  // sink to its limit, so every timed pass of the main run meets the same sink state.
  const raw = leads.slice(0, diagnosticLeads);
  const slice = normalized.slice(0, diagnosticLeads);
  const diagnostic = await compare(diagnosticSides(gate, raw, slice), { ops: raw.length, warmup, rounds: diagnosticRounds });

  for (const lead of raw) await gate.validate(lead); // warms validate's own async path
  const main = await compare(mainSides(gate, leads, normalized), { ops: leads.length, warmup: 0, rounds });

  const direct = main['checks direct'].medianNsPerOp;
  const overheadPct = ((main['gate.validate'].medianNsPerOp - direct) / direct) * 100;
  const syncOverheadPct = ((main['gate.validateSync'].medianNsPerOp - direct) / direct) * 100;
  // The decisions the gate reached, on the slice (a full extra pass would cost seconds).
  const decisions = {};
  for (const lead of raw) {
    const verdict = gate.validateSync(lead);
    decisions[verdict.decision] = (decisions[verdict.decision] ?? 0) + 1;
  }
  return {
    title,
    subject: 'gate.validate',
    baseline: 'checks direct',
    checks: gate.checks.map((check) => check.id),
    ratio: Math.round((main['gate.validate'].medianNsPerOp / direct) * 1000) / 1000,
    overheadPct: Math.round(overheadPct * 10) / 10,
    syncOverheadPct: Math.round(syncOverheadPct * 10) / 10,
    goal: goal.text,
    goalMaxOverheadPct: goal.maxOverheadPct,
    met: overheadPct < goal.maxOverheadPct,
    sides: main,
    diagnostic: { leads: raw.length, baseline: 'checks direct', sides: diagnostic, overheadPct: overheadBreakdown(diagnostic) },
    outcomes: { leads: raw.length, decisions },
  };
}

/**
 * The ablations as percentages of the checks' own time, each step adding one piece:
 * normalisation, then the rest of the engine without logging, then building and
 * dispatching the decision event, then the memory sink keeping it.
 */
function overheadBreakdown(sides) {
  const ns = (name) => sides[name].medianNsPerOp;
  const direct = ns('checks direct');
  const pct = (value) => Math.round((value / direct) * 1000) / 10;
  return {
    normalizeLead: pct(ns('normalizeLead + checks direct') - direct),
    'runOne + policy + verdict (no sink)': pct(ns('gate.validateSync, no log sink') - ns('normalizeLead + checks direct')),
    'decision event + dispatch (no-op sink)': pct(ns('gate.validateSync, no-op sink') - ns('gate.validateSync, no log sink')),
    'memorySink write': pct(ns('gate.validateSync') - ns('gate.validateSync, no-op sink')),
    total: pct(ns('gate.validateSync') - direct),
    'of which email + phone digests (timed alone)': pct(ns('email + phone digests only')),
  };
}

function mainSides(gate, raw, normalized) {
  const n = raw.length;
  const checks = gate.checks;
  return [
    {
      name: 'gate.validate',
      async pass() {
        let accepted = 0;
        for (let i = 0; i < n; i++) if ((await gate.validate(raw[i])).decision === 'accept') accepted++;
        return accepted;
      },
    },
    {
      name: 'gate.validateSync',
      pass() {
        let accepted = 0;
        for (let i = 0; i < n; i++) if (gate.validateSync(raw[i]).decision === 'accept') accepted++;
        return accepted;
      },
    },
    {
      name: 'checks direct',
      pass() {
        let passed = 0;
        for (let i = 0; i < n; i++) {
          for (let c = 0; c < checks.length; c++) if (runCheckDirect(checks[c], normalized[i]).status === 'pass') passed++;
        }
        return passed;
      },
    },
  ];
}

function diagnosticSides(gate, raw, normalized) {
  const n = raw.length;
  const checks = gate.checks;
  // The same motion and checks, logging nowhere: the log event is only built when a sink exists.
  const unlogged = createGate({ motion: 'inbound' });
  // A sink that keeps nothing: the event is built and dispatched, but not stored.
  const discarding = createGate({ motion: 'inbound', log: () => {} });
  // The gate salts digests with a random UUID unless given logSalt: same length here,
  // because a 36-character salt pushes most inputs into a second SHA-256 block.
  const salt = crypto.randomUUID();
  return [
    // gate.validate is left to the main run: it differs from validateSync only by the
    // awaits, which the main run already shows.
    ...mainSides(gate, raw, normalized).filter((side) => side.name !== 'gate.validate'),
    {
      name: 'gate.validateSync, no log sink',
      pass() {
        let accepted = 0;
        for (let i = 0; i < n; i++) if (unlogged.validateSync(raw[i]).decision === 'accept') accepted++;
        return accepted;
      },
    },
    {
      name: 'gate.validateSync, no-op sink',
      pass() {
        let accepted = 0;
        for (let i = 0; i < n; i++) if (discarding.validateSync(raw[i]).decision === 'accept') accepted++;
        return accepted;
      },
    },
    {
      name: 'normalizeLead only',
      pass() {
        let issues = 0;
        for (let i = 0; i < n; i++) issues += normalizeLead(raw[i]).issues.length;
        return issues;
      },
    },
    {
      name: 'normalizeLead + checks direct',
      pass() {
        let passed = 0;
        for (let i = 0; i < n; i++) {
          const { lead } = normalizeLead(raw[i]);
          for (let c = 0; c < checks.length; c++) if (runCheckDirect(checks[c], lead).status === 'pass') passed++;
        }
        return passed;
      },
    },
    {
      // What the decision event spends on privacy: a salted SHA-256 of the email and of
      // the phone (src/core/log.ts decisionEvent), with the pure-JS SHA-256 in core/digest.ts.
      name: 'email + phone digests only',
      pass() {
        let length = 0;
        for (let i = 0; i < n; i++) {
          const lead = normalized[i];
          if (lead.email) length += personalDataDigest(lead.email.toLowerCase(), salt).length;
          if (lead.phone) length += personalDataDigest(lead.phone, salt).length;
        }
        return length;
      },
    },
  ];
}
