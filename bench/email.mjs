// (a) The whole offline email analysis against validator's isEmail alone, on the same
// addresses. analyzeEmail does syntax (isEmail itself plus the "deliverable-looking"
// policy), IDN conversion, the disposable / free / role lists and the typo suggestion;
// isEmail alone is the floor any syntax check pays.
import isEmail from 'validator/lib/isEmail.js';
import { analyzeEmail } from '../dist/index.js';
import { compare } from './timing.mjs';

export const title = 'analyzeEmail vs validator isEmail';
export const goal = { maxRatio: 2, text: 'analyzeEmail within 2x of isEmail alone' };

// The options analyzeEmail passes to isEmail (src/checks/email/analyze.ts): a diagnostic
// side, to see how much of analyzeEmail is isEmail under its own options.
const ANALYZE_OPTIONS = { require_tld: true, allow_ip_domain: false, allow_display_name: false, allow_utf8_local_part: true };

/** @param {{ leads: object[], warmup: number, rounds: number }} input */
export async function run({ leads, warmup, rounds }) {
  const emails = leads.map((lead) => lead.email);
  const n = emails.length;

  const sides = [
    {
      name: 'analyzeEmail',
      pass() {
        let valid = 0;
        for (let i = 0; i < n; i++) if (analyzeEmail(emails[i]).valid) valid++;
        return valid;
      },
    },
    {
      name: 'isEmail',
      pass() {
        let valid = 0;
        for (let i = 0; i < n; i++) if (isEmail(emails[i])) valid++;
        return valid;
      },
    },
    {
      name: 'isEmail (analyzeEmail options)',
      diagnostic: true,
      pass() {
        let valid = 0;
        for (let i = 0; i < n; i++) if (isEmail(emails[i], ANALYZE_OPTIONS)) valid++;
        return valid;
      },
    },
  ];
  const stats = await compare(sides, { ops: n, warmup, rounds });

  // What the two sides concluded, outside the timing: they are not expected to agree
  // (analyzeEmail refuses forms isEmail accepts), but a large gap would mean the sides
  // did different work, e.g. one short-circuiting on most inputs.
  let analyzeValid = 0;
  let isEmailValid = 0;
  const flags = { disposable: 0, free: 0, role: 0, suggestion: 0 };
  for (const email of emails) {
    const analysis = analyzeEmail(email);
    if (analysis.valid) analyzeValid++;
    if (isEmail(email)) isEmailValid++;
    for (const key of Object.keys(flags)) if (analysis[key]) flags[key]++;
  }

  const ratio = stats.analyzeEmail.medianNsPerOp / stats.isEmail.medianNsPerOp;
  return {
    title,
    subject: 'analyzeEmail',
    baseline: 'isEmail',
    ratio: Math.round(ratio * 1000) / 1000,
    goal: goal.text,
    goalMaxRatio: goal.maxRatio,
    met: ratio <= goal.maxRatio,
    sides: Object.fromEntries(sides.filter((side) => !side.diagnostic).map((side) => [side.name, stats[side.name]])),
    // Timed in the same interleaved rounds as the main sides, on all the addresses.
    diagnostic: { leads: n, baseline: 'isEmail', sides: stats },
    outcomes: { analyzeEmailValid: analyzeValid, isEmailValid, ...flags },
  };
}
