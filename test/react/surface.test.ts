import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, projectRoot as root } from '../helpers/import-graph.js';

describe('leadgate/react surface', () => {
  const graph = importGraph('src/react/index.ts');

  it('imports react, dom and core only (arrows point one way), and React and zod/mini as its only packages', () => {
    expect(graph.files.filter((file) => !/^src\/(react|dom|core)\//.test(file))).toEqual([]);
    expect([...graph.external.keys()].sort()).toEqual(['react', 'zod/mini']);
  });

  it('is the only entry that imports React', () => {
    for (const entry of ['src/index.ts', 'src/dom/index.ts', 'src/server/index.ts', 'src/node/index.ts', 'src/browser/index.ts']) {
      expect([...importGraph(entry).external.keys()].filter((specifier) => specifier.startsWith('react')), entry).toEqual([]);
    }
  });

  it('is exported as leadgate/react in both module formats, with React an optional peer dependency', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['./react']).toEqual({
      import: { types: './dist/react.d.ts', default: './dist/react.js' },
      require: { types: './dist/react.d.cts', default: './dist/react.cjs' },
    });
    expect(pkg.peerDependencies.react).toBe('>=19');
    expect(pkg.peerDependenciesMeta.react).toEqual({ optional: true });
    expect(pkg.dependencies.react).toBeUndefined();
    const tsup = readFileSync(join(root, 'tsup.config.ts'), 'utf8');
    expect(tsup).toMatch(/react: 'src\/react\/index\.ts'/);
  });
});
