// A synchronous SHA-256, so `validateSync` can log with digests in the browser too
// (Web Crypto's `subtle.digest` is async only). FIPS 180-4; checked against
// node:crypto in test/core/log.test.ts. On Node, the native one-shot `crypto.hash`
// does the work instead (about 5× faster on a salted email).

import { nativeSha256Hex } from './native-digest.js';

// The round constants: the first 32 bits of the fractional parts of the cube roots of
// the first 64 primes (FIPS 180-4 §4.2.2), computed instead of listed, which saves the
// script-tag build about 550 bytes gzip. A double holds the 35 bits needed exactly; the
// digests are tested against node:crypto.
const K = new Int32Array(64);
for (let n = 2, i = 0; i < 64; n++) {
  let prime = true;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
  if (prime) K[i++] = ((Math.cbrt(n) % 1) * 2 ** 32) | 0;
}

const W = new Int32Array(64);
const encoder = new TextEncoder();
let block = new Uint8Array(256);
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const hexWord = (word: number) => HEX[(word >>> 24) & 255]! + HEX[(word >>> 16) & 255]! + HEX[(word >>> 8) & 255]! + HEX[word & 255]!;

/** SHA-256 of a string's UTF-8 bytes, as lower-case hex: native on Node, {@link jsSha256Hex} elsewhere. */
export function sha256Hex(text: string): string {
  return nativeSha256Hex ? nativeSha256Hex(text) : jsSha256Hex(text);
}

/**
 * SHA-256 in JavaScript, for browsers. Every value stays a signed 32-bit integer (`| 0`
 * after each add), so V8 never boxes a word above 2^31 as a double, and the input is
 * encoded into one reused buffer: about 4× faster than the straightforward
 * Uint32Array/DataView version (bench/investigations/sha256.mjs).
 */
export function jsSha256Hex(text: string): string {
  // A UTF-16 code unit is at most 3 UTF-8 bytes; then 9 bytes of padding and length.
  const needed = ((text.length * 3 + 9 + 63) >> 6) << 6;
  if (block.length < needed) block = new Uint8Array(needed * 2);
  const { written } = encoder.encodeInto(text, block);
  const length = written ?? 0;
  const total = ((length + 9 + 63) >> 6) << 6;
  block.fill(0, length, total);
  block[length] = 0x80;
  const high = Math.floor(length / 2 ** 29); // bit length above 32 bits
  const low = (length * 8) >>> 0;
  block[total - 8] = high >>> 24; block[total - 7] = high >>> 16; block[total - 6] = high >>> 8; block[total - 5] = high;
  block[total - 4] = low >>> 24; block[total - 3] = low >>> 16; block[total - 2] = low >>> 8; block[total - 1] = low;

  let h0 = 0x6a09e667 | 0, h1 = 0xbb67ae85 | 0, h2 = 0x3c6ef372 | 0, h3 = 0xa54ff53a | 0;
  let h4 = 0x510e527f | 0, h5 = 0x9b05688c | 0, h6 = 0x1f83d9ab | 0, h7 = 0x5be0cd19 | 0;
  for (let offset = 0; offset < total; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const p = offset + i * 4;
      W[i] = (block[p]! << 24) | (block[p + 1]! << 16) | (block[p + 2]! << 8) | block[p + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const w15 = W[i - 15]!, w2 = W[i - 2]!;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      W[i] = (((W[i - 16]! + s0) | 0) + ((W[i - 7]! + s1) | 0)) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (((((h + S1) | 0) + ch) | 0) + ((K[i]! + W[i]!) | 0)) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0;
      d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
  }
  return hexWord(h0) + hexWord(h1) + hexWord(h2) + hexWord(h3) + hexWord(h4) + hexWord(h5) + hexWord(h6) + hexWord(h7);
}

/**
 * The digest under which personal data (email, phone) appears in logs and stores:
 * SHA-256 over `salt:value`. Callers normalise the value first (lower-cased email,
 * E.164 phone) so the same person always gets the same digest under one salt.
 */
export function personalDataDigest(value: string, salt: string): string {
  return sha256Hex(`${salt}:${value}`);
}
