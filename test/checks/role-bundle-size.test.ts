import { gzipSync } from 'node:zlib';
import { build, type Metafile, type OutputFile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * Browser bundles of the role check and their gzip ceilings (issue 3: the role check
 * stays under 12 KB gzip). What is measured is what a page loads up front: the entry and
 * the chunks it imports statically. Left out: `zod` (the gate's own option validation
 * needs it, so every browser gate carries it whatever checks it runs) and the chunks
 * loaded by dynamic `import()` (the enrichment comparison, which only runs on the server).
 */
const ENTRIES: ReadonlyArray<{ name: string; source: string; maxGzipBytes: number; external: string[] }> = [
  { name: 'parseTitle', source: "export { parseTitle } from './src/checks/role/parse-title.ts';", maxGzipBytes: 10 * 1024, external: [] },
  // What a page that binds the role check imports; server helpers (staticEnricher) shake out.
  { name: 'roleCurrency', source: "export { roleCurrency } from './src/checks/role/index.ts';", maxGzipBytes: 12 * 1024, external: ['zod', 'zod/*'] },
];

async function eagerBundle(source: string, external: string[]): Promise<string[]> {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: 'dist-size-test',
    external,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const files = new Map<string, OutputFile>(result.outputFiles.map((file) => [file.path.slice(process.cwd().length + 1), file]));
  const outputs = (result.metafile as Metafile).outputs;
  const entryOutput = Object.keys(outputs).find((path) => outputs[path]!.entryPoint !== undefined)!;
  const eager = new Set<string>();
  const visit = (path: string) => {
    if (eager.has(path)) return;
    eager.add(path);
    for (const imported of outputs[path]!.imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(entryOutput);
  return [...eager].map((path) => files.get(path)!.text);
}

describe('role check browser bundle', () => {
  for (const { name, source, maxGzipBytes, external } of ENTRIES) {
    it(`${name} loads under ${maxGzipBytes} bytes gzip up front and imports no node: module`, async () => {
      const chunks = await eagerBundle(source, external);
      const gzipBytes = chunks.reduce((sum, code) => sum + gzipSync(code).length, 0);
      expect(gzipBytes).toBeGreaterThan(1000); // the measurement saw real code
      expect(gzipBytes).toBeLessThan(maxGzipBytes);
      for (const code of chunks) expect(code).not.toMatch(/\bfrom\s*["']node:|\bimport\(\s*["']node:|\brequire\(\s*["']node:/);
    });
  }
});
