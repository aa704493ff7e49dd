import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importGraph(entry: string): { files: string[]; external: string[] } {
  const files = new Set<string>();
  const external = new Set<string>();
  const queue = [resolve(root, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    // Comments out: a JSDoc example's `import … from 'leadgate'` is not an import.
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const match of code.matchAll(IMPORT)) {
      const specifier = (match[1] ?? match[2])!;
      if (!specifier.startsWith('.')) {
        external.add(specifier);
        continue;
      }
      const target = join(dirname(file), specifier).replace(/\.js$/, '.ts');
      queue.push(existsSync(target) ? target : join(dirname(file), specifier, 'index.ts'));
    }
  }
  return { files: [...files].map((file) => file.slice(root.length + 1)), external: [...external] };
}

describe('leadgate/dom surface', () => {
  const graph = importGraph('src/dom/index.ts');

  it('imports core only (arrows point one way) and zod/mini as its only package', () => {
    expect(graph.files.filter((file) => !file.startsWith('src/dom/') && !file.startsWith('src/core/'))).toEqual([]);
    expect(graph.external).toEqual(['zod/mini']);
  });

  it('touches no DOM global at import time', async () => {
    // Run in the node environment: importing must not reach for window or document.
    const dom = await import('../../src/dom/index.js');
    expect(typeof dom.attachGate).toBe('function');
    expect(typeof dom.observeForms).toBe('function');
    expect(typeof dom.beaconSink).toBe('function');
  });

  it('is exported as leadgate/dom in both module formats', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['./dom']).toEqual({
      import: { types: './dist/dom.d.ts', default: './dist/dom.js' },
      require: { types: './dist/dom.d.cts', default: './dist/dom.cjs' },
    });
    expect(pkg.scripts.build).toContain('scripts/build-browser.mjs');
  });
});
