// Node's native crypto, found at run time through `process.getBuiltinModule` (Node
// 20.16+) so core imports nothing from node: and runs unchanged in a browser, where there
// is no `process` and the JS SHA-256 (digest.ts) and Web Crypto (hmac.ts) do the work.
// The script-tag build replaces this module with src/browser/no-native-digest.ts.

interface NodeCrypto {
  hash?: (algorithm: string, data: string, encoding: 'hex') => string;
  createHmac?: (algorithm: string, key: string | Uint8Array) => { update(data: string): { digest(): Uint8Array } };
}

const nodeCrypto = ((): NodeCrypto | undefined => {
  try {
    const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    return host?.getBuiltinModule?.('crypto') as NodeCrypto | undefined;
  } catch {
    return undefined;
  }
})();

/**
 * The one-shot SHA-256 (`crypto.hash`, Node 20.12+). It and the JS version both encode
 * the string as UTF-8, lone surrogates as U+FFFD, so their digests agree.
 */
export const nativeSha256Hex: ((text: string) => string) | undefined = typeof nodeCrypto?.hash === 'function'
  ? (text) => nodeCrypto.hash!('sha256', text, 'hex')
  : undefined;

/**
 * HMAC-SHA256 with Node's `createHmac`, synchronous: Web Crypto's `sign`/`verify` cost a
 * job and a promise each in Node (about a tenth of a request's CPU in the server
 * benchmark, bench/README.md "Server tail"). The key is used as UTF-8 (a string) or as
 * its bytes, as `importKey('raw', …)` takes it, so both give the same MAC.
 */
export const nativeHmacSha256: ((key: string | Uint8Array, message: string) => Uint8Array) | undefined = typeof nodeCrypto?.createHmac === 'function'
  ? (key, message) => nodeCrypto.createHmac!('sha256', key).update(message).digest()
  : undefined;
