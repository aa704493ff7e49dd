#!/usr/bin/env node
// The quick-start demo: validates the sample leads in leads.json under every built-in
// motion and prints, per lead, each motion's decision and the codes behind it.
// Offline and deterministic (no DNS lookups). Run with `npm run demo` (builds first).

import { readFileSync } from 'node:fs';
import { createGate, memorySink, motions } from '../../dist/index.js';

const samples = JSON.parse(readFileSync(new URL('./leads.json', import.meta.url), 'utf8'));
const sink = memorySink();
// A fixed salt keeps the digests in the printed log event the same from run to run.
const gates = Object.keys(motions).map((motion) => createGate({ motion, log: sink, logSalt: 'leadgate-demo-salt' }));
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const DECISION_STYLE = { accept: '32', review: '33', reject: '31' };
const tally = Object.fromEntries(gates.map((gate) => [gate.motion, { accept: 0, review: 0, reject: 0 }]));

for (const [index, { label, lead }] of samples.entries()) {
  console.log(`\n${index + 1}. ${label}`);
  for (const gate of gates) {
    const verdict = await gate.validate(lead);
    tally[gate.motion][verdict.decision] += 1;
    const codes = verdict.reasons.map((reason) => `${reason.code} (${reason.action})`).join(', ') || '-';
    console.log(`   ${gate.motion.padEnd(10)} ${paint(DECISION_STYLE[verdict.decision], verdict.decision.padEnd(7))} ${codes}`);
  }
}

console.log('\nTotals');
for (const [motion, counts] of Object.entries(tally)) {
  console.log(`   ${motion.padEnd(10)} accept ${counts.accept}  review ${counts.review}  reject ${counts.reject}`);
}

// What the decision log holds for the first lead: codes and digests, no address.
console.log('\nDecision log event for lead 1 under inbound (email and phone as salted SHA-256 digests):');
console.log(JSON.stringify(sink.events[0], null, 2));
