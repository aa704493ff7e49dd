// Finding (fixed): the decision event's two salted SHA-256 digests (email, phone) were a
// large part of the log cost. core/digest.ts is a pure-JS SHA-256 (it must run
// synchronously in browsers too, so Web Crypto is not an option for validateSync). The
// first version took 4.4–4.6 µs per digest; it now keeps every value int32, encodes into
// one reused buffer and formats hex from a table. This checks its output against
// node:crypto and times the two side by side.
//
//   npm run build && node bench/investigations/sha256.mjs
import { createHash } from 'node:crypto';
import { personalDataDigest } from '../../dist/index.js';

// The gate salts with a random UUID (36 characters) unless given logSalt.
const salt = crypto.randomUUID();
const inputs = Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? `jane.doe${i}@acme-labs.com` : `+4915123${String(i).padStart(6, '0')}`));
inputs.push('müller@bücher.de', '', 'x'.repeat(200));
const nodeDigest = (input) => createHash('sha256').update(`${salt}:${input}`).digest('hex');
for (const input of inputs) {
  if (nodeDigest(input) !== personalDataDigest(input, salt)) throw new Error(`digest mismatch for ${JSON.stringify(input)}`);
}

const variants = {
  'core/digest.ts': (input) => personalDataDigest(input, salt),
  'node:crypto (Node only, for scale)': nodeDigest,
};
for (const [name, digest] of Object.entries(variants)) {
  const samples = [];
  let length = 0;
  for (let round = 0; round < 7; round++) {
    const started = process.hrtime.bigint();
    for (const input of inputs) length += digest(input).length;
    samples.push(Number(process.hrtime.bigint() - started) / inputs.length);
  }
  samples.sort((a, b) => a - b);
  console.log(`${name.padEnd(36)} ${samples[3].toFixed(0).padStart(5)} ns per digest (${length} hex characters made)`);
}
