import { fromBase64Url, toBase64Url } from '../../core/hmac.js';

// A 32-byte HMAC is 43 base64url characters, and the last one carries 2 unused bits: four
// spellings of the last character decode to the same bytes. `hmacVerify` compares bytes,
// so without this test a token with its last character changed still verified (found by
// the property tests). The signature is not forged by that, but a token that was altered
// must not verify, and a replay key must not have several spellings.

/** Whether `signature` is the one canonical base64url spelling of a 32-byte HMAC-SHA256. */
export function isCanonicalSignature(signature: string): boolean {
  if (signature.length !== 43) return false;
  const bytes = fromBase64Url(signature);
  return bytes !== undefined && bytes.length === 32 && toBase64Url(bytes) === signature;
}
