// Finding (fixed: log.ts now uses shift()): memorySink's trimming dominated a gate's log cost once full.
// memorySink.write (src/core/log.ts) pushed, then `events.splice(0, events.length - limit)`:
// with the default limit of 10,000 every write after the 10,000th shifts the whole array.
// This compares a gate logging to memorySink() with gates logging to a sink that keeps
// nothing and to one that trims with `shift()` (same contents, same limit).
//
//   node --expose-gc bench/investigations/memory-sink.mjs
import { createGate, memorySink } from '../../dist/index.js';
import { generateLeads } from '../generate-leads.mjs';
import { compare } from '../timing.mjs';

const LIMIT = 10_000;
const { leads } = generateLeads(20_000);
const kept = [];
const gates = {
  'memorySink()': createGate({ motion: 'inbound', log: memorySink({ limit: LIMIT }) }),
  'sink keeping nothing': createGate({ motion: 'inbound', log: () => {} }),
  'push + shift() sink': createGate({
    motion: 'inbound',
    log: (event) => {
      kept.push(event);
      if (kept.length > LIMIT) kept.shift();
    },
  }),
};
const sides = Object.entries(gates).map(([name, gate]) => ({
  name,
  pass() {
    let accepted = 0;
    for (const lead of leads) if (gate.validateSync(lead).decision === 'accept') accepted++;
    return accepted;
  },
}));
const stats = await compare(sides, { ops: leads.length, warmup: 1, rounds: 5 });
const base = stats['sink keeping nothing'].medianNsPerOp;
for (const [name, side] of Object.entries(stats)) {
  console.log(`${name.padEnd(22)} ${(side.medianNsPerOp / 1000).toFixed(1).padStart(6)} µs/lead  (${side.medianNsPerOp - base >= 0 ? '+' : ''}${((side.medianNsPerOp - base) / 1000).toFixed(1)} µs vs keeping nothing)`);
}
