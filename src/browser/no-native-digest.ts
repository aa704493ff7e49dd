// The script-tag build's stand-in for src/core/native-digest.ts: a page has no Node
// crypto, so the lookup is dead code there (scripts/build-browser.mjs swaps it in).
export const nativeSha256Hex: ((text: string) => string) | undefined = undefined;
export const nativeHmacSha256: ((key: string | Uint8Array, message: string) => Uint8Array) | undefined = undefined;
