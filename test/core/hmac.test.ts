import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacKey, hmacSign, hmacVerify, toBase64Url } from '../../src/core/hmac.js';

// On Node, a string or byte secret is signed with createHmac (synchronous); a CryptoKey
// with Web Crypto. Both must give the same MAC, so tokens signed either way verify either way.
const SECRET = 'a-test-secret-0123456789abcdef';
const MESSAGE = 'form.1733580000000.Grüße 👋';

describe('HMAC-SHA256', () => {
  it('the native path, Web Crypto (through a CryptoKey) and node:crypto agree, for a string and for bytes', async () => {
    const expected = toBase64Url(createHmac('sha256', SECRET).update(MESSAGE).digest());
    expect(await hmacSign(SECRET, MESSAGE)).toBe(expected);
    expect(await hmacSign(new TextEncoder().encode(SECRET), MESSAGE)).toBe(expected);
    expect(await hmacSign(await hmacKey(SECRET), MESSAGE)).toBe(expected);
  });

  it('verifies across the paths, and refuses a changed message, a changed signature and another secret', async () => {
    const signature = await hmacSign(await hmacKey(SECRET), MESSAGE);
    expect(await hmacVerify(SECRET, MESSAGE, signature)).toBe(true);
    expect(await hmacVerify(await hmacKey(SECRET), MESSAGE, await hmacSign(SECRET, MESSAGE))).toBe(true);
    expect(await hmacVerify(SECRET, `${MESSAGE}!`, signature)).toBe(false);
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    expect(await hmacVerify(SECRET, MESSAGE, flipped)).toBe(false);
    expect(await hmacVerify('another-secret-0123456789abcdef', MESSAGE, signature)).toBe(false);
  });
});
