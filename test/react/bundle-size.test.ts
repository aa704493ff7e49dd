import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/import-graph.js';

/** leadgate/react as an app's bundler sees it: React external (the app has its own), everything else in. */
const MAX_GZIP_BYTES = 15 * 1024;
/** What the hook adds to an app that already imports `createGate` from `leadgate` (zod/mini and core are shared). */
const MAX_ADDED_GZIP_BYTES = 7 * 1024;

async function bundle(contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: projectRoot, loader: 'ts' },
    absWorkingDir: projectRoot,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: ['react', 'react-dom'],
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]!.text;
  return { code, gzipBytes: gzipSync(code).length, inputs: Object.keys(result.metafile.inputs) };
}

describe('leadgate/react bundle', () => {
  it(`is under ${MAX_GZIP_BYTES} bytes gzip with React external, and carries no React of its own`, async () => {
    const { code, gzipBytes, inputs } = await bundle("export { useLeadGate } from './src/react/index.ts';");
    expect(gzipBytes).toBeGreaterThan(4_000); // the measurement saw the real bundle
    expect(gzipBytes).toBeLessThan(MAX_GZIP_BYTES);
    expect(inputs.filter((path) => path.includes('node_modules/react'))).toEqual([]);
    expect(code).toMatch(/from\s*"react"/);
    // No check, no data list, no motion: the gate is the app's, made with createGate.
    expect(inputs.filter((path) => /src\/(checks|data|motions|server|node)\//.test(path))).toEqual([]);
    // Nor attachGate and its option schema: the hook shares dom's parts, not the binding.
    expect(inputs.filter((path) => /src\/dom\/(attach-gate|options|feedback|field-map)\.ts$/.test(path))).toEqual([]);
  }, 60_000);

  it(`adds under ${MAX_ADDED_GZIP_BYTES} bytes gzip to an app that already has createGate`, async () => {
    const [gateOnly, both] = await Promise.all([
      bundle("export { createGate } from './src/index.ts';"),
      bundle("export { createGate } from './src/index.ts'; export { useLeadGate } from './src/react/index.ts';"),
    ]);
    const added = both.gzipBytes - gateOnly.gzipBytes;
    expect(added).toBeGreaterThan(1_000);
    expect(added).toBeLessThan(MAX_ADDED_GZIP_BYTES);
  }, 60_000);
});
