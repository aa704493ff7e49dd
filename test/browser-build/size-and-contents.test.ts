import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBrowser } from '../../scripts/build-browser.mjs';

/** The ceiling for dist/leadgate.global.js (issue 8): what a landing page loads. */
const MAX_GZIP_BYTES = 25 * 1024;

let minified: string;
let readable: string;
let inputs: string[];

beforeAll(async () => {
  const built = await buildBrowser({ write: false });
  minified = built.code;
  inputs = Object.keys(built.metafile.inputs);
  // Names survive only without minification: the search for server code needs them.
  readable = (await buildBrowser({ write: false, minify: false })).code;
}, 60_000);

describe('dist/leadgate.global.js', () => {
  it(`is under ${MAX_GZIP_BYTES} bytes gzip`, () => {
    const gzipBytes = gzipSync(minified).length;
    expect(gzipBytes).toBeGreaterThan(10_000); // the measurement saw the real bundle
    expect(gzipBytes).toBeLessThan(MAX_GZIP_BYTES);
  });

  it('is an IIFE that defines window.LeadGate', () => {
    expect(minified).toMatch(/^\/\*! leadgate \d+\.\d+\.\d+/);
    expect(minified).toMatch(/var LeadGate\s*=\s*\(\(\)\s*=>/);
  });

  it('contains no node: import, no server code and nothing that looks like a secret', () => {
    for (const code of [minified, readable]) {
      expect(code).not.toMatch(/["']node:[a-z_/]+["']/);
      expect(code).not.toMatch(/\brequire\(/);
      expect(code).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
      expect(code).not.toMatch(/\b(?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{10,}/); // API keys (Stripe-style)
      expect(code).not.toMatch(/\bAKIA[0-9A-Z]{16}\b/); // AWS access key ids
      expect(code).not.toMatch(/LEADGATE_SECRET|process\.env/);
      expect(code).not.toMatch(/\bsecret\s*[:=]\s*["'`][^"'`]{8,}["'`]/i);
    }
    // Declarations, not mentions: an error message may name createMxResolver as advice.
    for (const name of ['signReceipt', 'verifyReceipt', 'issueFormToken', 'verifyFormToken', 'hmacSign', 'hmacVerify', 'createHandler', 'jsonlFileSink', 'createMxResolver']) {
      expect(readable, name).not.toMatch(new RegExp(`\\b(?:function|class|var|let|const)\\s+${name}\\b`));
    }
    expect(readable).toMatch(/\bfunction attachGate\b/); // the search does find declarations
    expect(inputs.filter((path) => /src\/(server|node|cli|redis)\/|src\/core\/hmac\.ts/.test(path))).toEqual([]);
  });

  it('carries the short domain and role lists, not the full ones, and no phone metadata or role dictionary', () => {
    expect(inputs.filter((path) => path.startsWith('src/data/')).sort()).toEqual([
      'src/data/disposable-domains-short.ts',
      'src/data/free-domains-short.ts',
      'src/data/role-locals-short.ts',
    ]);
    expect(inputs.filter((path) => /libphonenumber|src\/checks\/(phone|role)\//.test(path))).toEqual([]);
    // zod/mini is swapped for the subset in src/browser/zod-lite.ts.
    expect(inputs.filter((path) => path.includes('node_modules/zod/'))).toEqual([]);
    expect(inputs).toContain('src/browser/zod-lite.ts');
  });

  it('keeps the messages of the codes and drops their docs-only meaning and fix texts', () => {
    expect(readable).toContain('Disposable email addresses are not accepted.');
    expect(readable).toContain('Did you mean {suggestion}?');
    expect(readable).not.toContain('Such inboxes expire within minutes or days');
    expect(readable).not.toMatch(/\n\s*(?:meaning|fix):\s*["'`]/);
  });
});
