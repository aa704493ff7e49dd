// Timing for side-by-side comparisons: every side runs over the same inputs, rounds are
// interleaved (A B, then B A, …) so drift in CPU clock or heap state hits both sides
// alike, and the reported figure is the median round, which ignores the odd round that
// a GC pause or a noisy neighbour made slow.

const collectGarbage = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};

/** Keeps results alive so the engine cannot drop a call whose result is unused. */
let blackhole;
export function consume(value) {
  blackhole = value;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function timePass(pass) {
  collectGarbage(); // start each pass with the same (empty) young generation
  const started = process.hrtime.bigint();
  const result = pass();
  if (result && typeof result.then === 'function') consume(await result);
  else consume(result);
  return Number(process.hrtime.bigint() - started);
}

/**
 * Times several sides over the same work and returns per-side statistics.
 *
 * Each side has a `pass()` that processes all `ops` inputs once (it owns its loop, so
 * every call site stays monomorphic) and may return a promise. `warmup` untimed passes
 * per side let V8 optimise and lazy tables get built; then `rounds` timed passes per side,
 * in an order that rotates every round.
 *
 * @param {{ name: string, pass: () => unknown }[]} sides
 * @param {{ ops: number, warmup?: number, rounds?: number, onRound?: (round: number) => void }} options
 */
export async function compare(sides, { ops, warmup = 1, rounds = 7, onRound } = {}) {
  for (let i = 0; i < warmup; i++) {
    for (const side of sides) await timePass(side.pass);
  }
  const samples = new Map(sides.map((side) => [side.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(round + k) % sides.length];
      samples.get(side.name).push((await timePass(side.pass)) / ops);
    }
    onRound?.(round);
  }
  const stats = {};
  for (const side of sides) {
    const perOp = samples.get(side.name);
    const medianNs = median(perOp);
    stats[side.name] = {
      medianNsPerOp: round2(medianNs),
      opsPerSec: Math.round(1e9 / medianNs),
      minNsPerOp: round2(Math.min(...perOp)),
      maxNsPerOp: round2(Math.max(...perOp)),
      // Spread of the rounds relative to the median: a quick noise gauge.
      spreadPct: round2(((Math.max(...perOp) - Math.min(...perOp)) / medianNs) * 100),
      roundsNsPerOp: perOp.map(round2),
    };
  }
  return stats;
}

export function round2(value) {
  return Math.round(value * 100) / 100;
}
