import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, projectRoot as root } from '../helpers/import-graph.js';

const runtimeImports = (entry: string) => {
  const { files, external } = importGraph(entry, { runtimeOnly: true });
  return { files, external: [...external.keys()] };
};

describe('server and redis entries', () => {
  it('leadgate/server is web standards only: no runtime node: import, no Redis client', () => {
    const { external } = runtimeImports('src/server/index.ts');
    expect(external.filter((specifier) => specifier !== 'zod/mini')).toEqual([]);
  });

  it('leadgate/redis imports no Redis client (the user passes one in) and nothing from node:', () => {
    const { external, files } = runtimeImports('src/redis/index.ts');
    // zod/mini is leadgate's own dependency: the outcome store validates what it is given.
    expect(external.filter((specifier) => specifier !== 'zod/mini')).toEqual([]);
    expect(files.filter((file) => file.startsWith('src/node/'))).toEqual([]);
  });

  it('package.json exports ./redis in both module formats, with the clients as optional peers', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['./redis']).toEqual({
      import: { types: './dist/redis.d.ts', default: './dist/redis.js' },
      require: { types: './dist/redis.d.cts', default: './dist/redis.cjs' },
    });
    expect(pkg.peerDependenciesMeta).toMatchObject({ ioredis: { optional: true }, redis: { optional: true } });
  });
});
