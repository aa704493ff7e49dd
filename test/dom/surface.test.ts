import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, projectRoot as root } from '../helpers/import-graph.js';

describe('leadgate/dom surface', () => {
  const graph = importGraph('src/dom/index.ts');

  it('imports core only (arrows point one way) and zod/mini as its only package', () => {
    expect(graph.files.filter((file) => !file.startsWith('src/dom/') && !file.startsWith('src/core/'))).toEqual([]);
    expect([...graph.external.keys()]).toEqual(['zod/mini']);
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
