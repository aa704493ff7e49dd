import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server/index.js';

// The receipt key never reaches browser-reachable code: the browser entry (`leadgate`)
// carries receipt *verification* (the consent check needs it), never `signReceipt`, and
// no secret. Built without minification so function names survive into the output.
const SIGN_RECEIPT_DEFINED = /function\s+signReceipt\b|\bsignReceipt\s*=/;
const TEST_SECRET = 'consent-bundle-test-secret-do-not-ship-4b1d';

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: false,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles.map((file) => file.text).join('\n');
}

describe('consent receipts and the browser bundle', () => {
  it('the browser entry has the consent check and receipt verification, but neither signReceipt nor a secret', async () => {
    const code = await bundle('src/index.ts');
    expect(code).toContain('consentProvenance');
    expect(code).toContain('leadgate.receipt.v1.'); // verification is there: the measurement saw the receipt code
    // The codes' `fix` text mentions signReceipt by name; the function itself must be absent.
    expect(code).not.toMatch(SIGN_RECEIPT_DEFINED);
    expect(code).not.toMatch(/function\s+hmacSign\b/);
    expect(code).not.toContain(TEST_SECRET);
    expect(code).not.toMatch(/\bfrom\s*["']node:/);
  });

  it('leadgate/server exports signReceipt, and its bundle has it', async () => {
    expect(typeof server.signReceipt).toBe('function');
    const receipt = await server.signReceipt({ email: 'a@b.example', consent: { given: true } }, { secret: TEST_SECRET });
    expect((await server.verifyReceipt(receipt, { secret: TEST_SECRET })).valid).toBe(true);
    const code = await bundle('src/server/index.ts');
    expect(code).toMatch(SIGN_RECEIPT_DEFINED);
    expect(code).not.toContain(TEST_SECRET);
  });
});
