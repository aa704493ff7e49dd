import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, projectRoot as root } from '../helpers/import-graph.js';

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
