import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, for paths relative to it. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const ANY_IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
// `import type` / `export type` are erased: they cost a runtime nothing.
const RUNTIME_IMPORT = /(?:^|\n)\s*(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * Every module reachable from an entry (paths relative to the project root), and every
 * bare or `node:` specifier it imports, mapped to the first file that imports it.
 * Comments are left out: a JSDoc example's `import … from 'leadgate'` is not an import.
 * With `runtimeOnly`, type-only imports and exports are not followed.
 */
export function importGraph(entry: string, options: { runtimeOnly?: boolean } = {}): { files: string[]; external: Map<string, string> } {
  const pattern = options.runtimeOnly ? RUNTIME_IMPORT : ANY_IMPORT;
  const files = new Set<string>();
  const external = new Map<string, string>();
  const queue = [resolve(projectRoot, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const match of code.matchAll(pattern)) {
      const specifier = (match[1] ?? match[2])!;
      if (!specifier.startsWith('.')) {
        if (!external.has(specifier)) external.set(specifier, file);
        continue;
      }
      const target = join(dirname(file), specifier).replace(/\.js$/, '.ts');
      queue.push(existsSync(target) ? target : join(dirname(file), specifier, 'index.ts'));
    }
  }
  return { files: [...files].map((file) => file.slice(projectRoot.length + 1)), external };
}
