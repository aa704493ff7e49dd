// HMAC-SHA256 and canonical JSON over Web Crypto, the same API in Node 20+, browsers,
// Workers, Deno and Bun. Used by the signed artefacts (form tokens, consent receipts,
// partner tokens). Verification code is safe to ship anywhere; keys never are.

import { nativeHmacSha256 } from './native-digest.js';

const encoder = new TextEncoder();

/** A secret as given by a caller: a string (UTF-8 bytes), raw bytes, or an imported HMAC CryptoKey. */
export type HmacSecret = string | Uint8Array | CryptoKey;

const keyCache = new WeakMap<object, Promise<CryptoKey>>();
const stringKeyCache = new Map<string, Promise<CryptoKey>>();

function subtle(): SubtleCrypto {
  const crypto = (globalThis as { crypto?: Crypto }).crypto;
  if (!crypto?.subtle) throw new Error('Web Crypto (crypto.subtle) is not available in this runtime');
  return crypto.subtle;
}

/** Imports a secret once per secret value: importKey costs more than the HMAC itself. */
export function hmacKey(secret: HmacSecret): Promise<CryptoKey> {
  if (typeof secret === 'string') {
    let key = stringKeyCache.get(secret);
    if (!key) {
      key = importRaw(encoder.encode(secret));
      // A handful of secrets per process; bound the cache anyway so rotation never leaks.
      if (stringKeyCache.size >= 64) stringKeyCache.clear();
      stringKeyCache.set(secret, key);
    }
    return key;
  }
  if (secret instanceof Uint8Array) {
    let key = keyCache.get(secret);
    if (!key) keyCache.set(secret, (key = importRaw(secret)));
    return key;
  }
  return Promise.resolve(secret);
}

function importRaw(bytes: Uint8Array): Promise<CryptoKey> {
  return subtle().importKey('raw', bytes as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** HMAC-SHA256 of a UTF-8 string, as base64url without padding. */
export async function hmacSign(secret: HmacSecret, message: string): Promise<string> {
  const native = nativeMac(secret, message);
  if (native) return toBase64Url(native);
  const signature = await subtle().sign('HMAC', await hmacKey(secret), encoder.encode(message));
  return toBase64Url(new Uint8Array(signature));
}

/**
 * Verifies a base64url HMAC-SHA256 signature. Both paths (Node's HMAC compared with
 * {@link bytesEqual}, Web Crypto's `verify`) compare in constant time, so the time taken
 * says nothing about how much of a forgery matched.
 */
export async function hmacVerify(secret: HmacSecret, message: string, signature: string): Promise<boolean> {
  if (!isCanonicalSignature(signature)) return false;
  const native = nativeMac(secret, message);
  if (native) return bytesEqual(native, fromBase64Url(signature)!);
  return subtle().verify('HMAC', await hmacKey(secret), fromBase64Url(signature) as BufferSource, encoder.encode(message));
}

// Node's createHmac for a raw secret (a CryptoKey stays with Web Crypto, which holds it).
function nativeMac(secret: HmacSecret, message: string): Uint8Array | undefined {
  return nativeHmacSha256 && (typeof secret === 'string' || secret instanceof Uint8Array) ? nativeHmacSha256(secret, message) : undefined;
}

// Constant time in the bytes' values, as Web Crypto's verify is.
function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * Whether `signature` is the one canonical base64url spelling of a 32-byte HMAC-SHA256.
 * 32 bytes are 43 characters and the last carries 2 unused bits, so four spellings of
 * the last character decode to the same bytes: without this test a token with its last
 * character changed still verified (found by the form-token property test), and a
 * replay key keyed on the token's text would have several spellings.
 */
export function isCanonicalSignature(signature: string): boolean {
  if (signature.length !== 43) return false;
  const bytes = fromBase64Url(signature);
  return bytes !== undefined && bytes.length === 32 && toBase64Url(bytes) === signature;
}

/** Constant-time comparison of two strings (for values that are not HMACs, e.g. digests). */
export function timingSafeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

/**
 * Canonical JSON in the style of RFC 8785 (JCS): object keys sorted by UTF-16 code
 * units, no whitespace, numbers as ECMAScript prints them, `undefined` members
 * dropped. Two parties that hold equal data produce equal bytes, so a signature over
 * the canonical form survives re-serialisation by any JSON library.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`);
}

/** Bytes → base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url → bytes; `undefined` for anything that is not base64url. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** UTF-8 text → base64url. */
export function textToBase64Url(text: string): string {
  return toBase64Url(encoder.encode(text));
}

/** base64url → UTF-8 text; `undefined` when it is not base64url or not UTF-8. */
export function base64UrlToText(text: string): string | undefined {
  const bytes = fromBase64Url(text);
  if (!bytes) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** 128 random bits as base64url: nonces and ids. */
export function randomNonce(): string {
  const bytes = new Uint8Array(16);
  (globalThis as { crypto: Crypto }).crypto.getRandomValues(bytes);
  return toBase64Url(bytes);
}
