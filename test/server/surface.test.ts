import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Runtime imports only: `import type` is erased and costs a runtime nothing.
const RUNTIME_IMPORT = /(?:^|\n)\s*(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/g;

function runtimeImports(entry: string): { files: string[]; external: string[] } {
  const files = new Set<string>();
  const external = new Set<string>();
  const queue = [resolve(root, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(RUNTIME_IMPORT)) {
      const specifier = match[1]!;
      if (specifier.startsWith('.')) queue.push(join(dirname(file), specifier).replace(/\.js$/, '.ts'));
      else external.add(specifier);
    }
  }
  return { files: [...files].map((file) => file.slice(root.length + 1)), external: [...external] };
}

describe('server and redis entries', () => {
  it('leadgate/server is web standards only: no runtime node: import, no Redis client', () => {
    const { external } = runtimeImports('src/server/index.ts');
    expect(external.filter((specifier) => specifier !== 'zod/mini')).toEqual([]);
  });

  it('leadgate/redis imports no Redis client (the user passes one in) and nothing from node:', () => {
    const { external, files } = runtimeImports('src/redis/index.ts');
    expect(external).toEqual([]);
    expect(files.filter((file) => file.startsWith('src/node/'))).toEqual([]);
  });

  it('package.json exports ./redis in both module formats, with the clients as optional peers', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['./redis']).toEqual({
      import: { types: './dist/redis.d.ts', default: './dist/redis.js' },
      require: { types: './dist/redis.d.cts', default: './dist/redis.cjs' },
    });
    expect(pkg.peerDependenciesMeta).toEqual({ ioredis: { optional: true }, redis: { optional: true } });
  });
});
