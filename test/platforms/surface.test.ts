import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { buildHubSpotBrowser, buildMarketoBrowser } from '../../scripts/build-browser.mjs';
import { importGraph, projectRoot } from '../helpers/import-graph.js';

// The form-platform adapters (issue 16): each one's weight on a page, its imports, its
// package export, and its script-tag build.

/** What an adapter adds to a page that already loads `createGate` from `leadgate` (core and zod/mini shared). */
const MAX_ADDED_GZIP_BYTES = 4 * 1024;
/** The script-tag build: the browser gate plus the adapter. */
const MAX_GLOBAL_GZIP_BYTES = 22 * 1024;

async function gzipOf(contents: string): Promise<number> {
  const result = await build({ stdin: { contents, resolveDir: projectRoot, loader: 'ts' }, absWorkingDir: projectRoot, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'error' });
  return gzipSync(result.outputFiles[0]!.text).length;
}

const PLATFORMS = [
  { name: 'hubspot', exports: 'attachHubSpotForm, bindHubSpotForms', globalName: 'LeadGateHubSpot', buildGlobal: buildHubSpotBrowser },
  { name: 'marketo', exports: 'attachMarketoForm, bindMarketoForms', globalName: 'LeadGateMarketo', buildGlobal: buildMarketoBrowser },
];

describe.each(PLATFORMS)('leadgate/$name', ({ name, exports, globalName, buildGlobal }) => {
  it(`adds under ${MAX_ADDED_GZIP_BYTES} bytes gzip to a page that has createGate`, async () => {
    const core = await gzipOf("export { createGate } from './src/index.ts';");
    const both = await gzipOf(`export { createGate } from './src/index.ts'; export { ${exports} } from './src/${name}/index.ts';`);
    expect(both - core).toBeGreaterThan(500); // the measurement saw the adapter
    expect(both - core).toBeLessThan(MAX_ADDED_GZIP_BYTES);
  }, 30_000);

  it('imports nothing from node: or the server, and nothing outside leadgate but zod/mini', () => {
    const { files, external } = importGraph(`src/${name}/index.ts`, { runtimeOnly: true });
    expect([...external.keys()].filter((specifier) => specifier !== 'zod/mini')).toEqual([]);
    expect(files.filter((file) => file.startsWith('src/node/') || file.startsWith('src/server/'))).toEqual([]);
  });

  it(`package.json exports ./${name} in both module formats, and its script-tag build`, () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
    expect(pkg.exports[`./${name}`]).toEqual({
      import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
      require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
    });
    expect(pkg.exports[`./leadgate-${name}.global.js`]).toBe(`./dist/leadgate-${name}.global.js`);
  });

  it(`dist/leadgate-${name}.global.js is an IIFE defining window.${globalName}, under ${MAX_GLOBAL_GZIP_BYTES} bytes gzip, with no server code`, async () => {
    const { code } = await buildGlobal({ write: false });
    const gzipBytes = gzipSync(code).length;
    expect(gzipBytes).toBeGreaterThan(10_000);
    expect(gzipBytes).toBeLessThan(MAX_GLOBAL_GZIP_BYTES);
    expect(code).toMatch(new RegExp(String.raw`var ${globalName}\s*=\s*\(\(\)\s*=>`));
    expect(code).not.toMatch(/["']node:[a-z_/]+["']|\brequire\(|process\.env/);
  }, 60_000);
});
