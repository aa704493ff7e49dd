import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module reachable from an entry, and every bare or `node:` specifier it imports. */
function importGraph(entry: string): { files: string[]; external: Map<string, string> } {
  const files = new Set<string>();
  const external = new Map<string, string>();
  const queue = [resolve(root, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const specifier = (match[1] ?? match[2])!;
      if (!specifier.startsWith('.')) {
        external.set(specifier, file);
        continue;
      }
      const target = join(dirname(file), specifier).replace(/\.js$/, '.ts');
      queue.push(existsSync(target) ? target : join(dirname(file), specifier, 'index.ts'));
    }
  }
  return { files: [...files].map((file) => file.slice(root.length + 1)), external };
}

describe('package surface', () => {
  const browserSafe = importGraph('src/index.ts');

  it('`leadgate` reaches no node: module and nothing in src/node/', () => {
    expect([...browserSafe.external.keys()].filter((specifier) => specifier.startsWith('node:'))).toEqual([]);
    expect(browserSafe.files.filter((file) => file.startsWith('src/node/'))).toEqual([]);
  });

  it('`leadgate` imports only zod/mini, validator\'s isEmail and libphonenumber-js', () => {
    const allowed = new Set(['zod/mini', 'validator/lib/isEmail.js', 'libphonenumber-js/max']);
    expect([...browserSafe.external.keys()].filter((specifier) => !allowed.has(specifier))).toEqual([]);
    expect([...browserSafe.external.keys()].sort()).toEqual([...allowed].sort());
    expect(browserSafe.files.length).toBeGreaterThan(20);
  });

  it('core imports nothing from checks, motions or node (arrows point one way)', () => {
    const core = importGraph('src/core/gate.ts');
    expect(core.files.filter((file) => !file.startsWith('src/core/'))).toEqual([]);
  });

  it('package.json exports types and both module formats for each entry', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'leadgate', type: 'module', sideEffects: false, engines: { node: '>=20' } });
    for (const entry of ['.', './node', './server']) {
      const name = entry === '.' ? 'index' : entry.slice(2);
      expect(pkg.exports[entry]).toEqual({
        import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
        require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
      });
    }
  });
});
