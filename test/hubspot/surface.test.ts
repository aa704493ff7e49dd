import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { importGraph, projectRoot } from '../helpers/import-graph.js';

/** What leadgate/hubspot adds to a page that already loads `createGate` from `leadgate` (core and zod/mini shared). */
const MAX_ADDED_GZIP_BYTES = 4 * 1024;

async function gzipOf(contents: string): Promise<number> {
  const result = await build({ stdin: { contents, resolveDir: projectRoot, loader: 'ts' }, absWorkingDir: projectRoot, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'error' });
  return gzipSync(result.outputFiles[0]!.text).length;
}

describe('leadgate/hubspot', () => {
  it(`adds under ${MAX_ADDED_GZIP_BYTES} bytes gzip to a page that has createGate`, async () => {
    const core = await gzipOf("export { createGate } from './src/index.ts';");
    const both = await gzipOf("export { createGate } from './src/index.ts'; export { attachHubSpotForm, bindHubSpotForms } from './src/hubspot/index.ts';");
    expect(both - core).toBeGreaterThan(500); // the measurement saw the adapter
    expect(both - core).toBeLessThan(MAX_ADDED_GZIP_BYTES);
  }, 30_000);

  it('imports nothing from node: or the server, and nothing outside leadgate but zod/mini', () => {
    const { files, external } = importGraph('src/hubspot/index.ts', { runtimeOnly: true });
    expect([...external.keys()].filter((specifier) => specifier !== 'zod/mini')).toEqual([]);
    expect(files.filter((file) => file.startsWith('src/node/') || file.startsWith('src/server/'))).toEqual([]);
  });

  it('package.json exports ./hubspot in both module formats', () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
    expect(pkg.exports['./hubspot']).toEqual({
      import: { types: './dist/hubspot.d.ts', default: './dist/hubspot.js' },
      require: { types: './dist/hubspot.d.cts', default: './dist/hubspot.cjs' },
    });
  });
});

describe('dist/leadgate-hubspot.global.js (the script for HubSpot\'s custom HTML box)', () => {
  const MAX_GLOBAL_GZIP_BYTES = 22 * 1024;
  it(`is an IIFE defining window.LeadGateHubSpot, under ${MAX_GLOBAL_GZIP_BYTES} bytes gzip, with no server code`, async () => {
    const { buildHubSpotBrowser } = await import('../../scripts/build-browser.mjs');
    const { code } = await buildHubSpotBrowser({ write: false });
    const gzipBytes = gzipSync(code).length;
    expect(gzipBytes).toBeGreaterThan(10_000);
    expect(gzipBytes).toBeLessThan(MAX_GLOBAL_GZIP_BYTES);
    expect(code).toMatch(/var LeadGateHubSpot\s*=\s*\(\(\)\s*=>/);
    expect(code).not.toMatch(/["']node:[a-z_/]+["']|\brequire\(|process\.env/);
  }, 60_000);
});
