/**
 * Node's native one-shot SHA-256 (`crypto.hash`, Node 20.12+), found at run time through
 * `process.getBuiltinModule` (Node 20.16+) so core imports nothing from node: and runs
 * unchanged in a browser, where there is no `process` and the JS version in digest.ts
 * runs. Both encode the string as UTF-8, lone surrogates as U+FFFD, so their digests
 * agree. The script-tag build replaces this module with src/browser/no-native-digest.ts.
 */
export const nativeSha256Hex = ((): ((text: string) => string) | undefined => {
  try {
    const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const crypto = host?.getBuiltinModule?.('crypto') as { hash?: (algorithm: string, data: string, encoding: 'hex') => string } | undefined;
    const hash = crypto?.hash;
    return typeof hash === 'function' ? (text) => hash('sha256', text, 'hex') : undefined;
  } catch {
    return undefined;
  }
})();
