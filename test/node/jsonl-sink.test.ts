import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGate, LeadGateError, memorySink } from '../../src/index.js';
import { jsonlFileSink } from '../../src/node/index.js';

let dir: string;
beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), 'leadgate-jsonl-'))));
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('jsonlFileSink', () => {
  it('appends one event per line, in verdict order, creating the directory', async () => {
    const path = join(dir, 'logs', 'decisions.jsonl');
    const sink = jsonlFileSink(path);
    const gate = createGate({ motion: 'inbound', log: sink });
    await Promise.all(Array.from({ length: 50 }, (_, i) => gate.validate({ email: `lead${i}@acme.com` }, { leadId: `L${i}` })));
    await gate.flush();
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).leadId)).toEqual(Array.from({ length: 50 }, (_, i) => `L${i}`));
    expect(lines.join('\n')).not.toContain('@acme.com');
  });

  it('keeps what is already in the file', async () => {
    const path = join(dir, 'decisions.jsonl');
    await writeFile(path, '{"earlier":true}\n');
    const gate = createGate({ motion: 'inbound', log: jsonlFileSink(path) });
    await gate.validate({ email: 'jane@acme.com' });
    await gate.flush();
    expect((await readFile(path, 'utf8')).split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('reports a write failure through onLogError and leaves the verdict and other sinks alone', async () => {
    // A directory where the file should be: every append fails with EISDIR.
    const errors: string[] = [];
    const memory = memorySink();
    const gate = createGate({ motion: 'inbound', log: [jsonlFileSink(dir), memory], onLogError: (_error, name) => errors.push(name) });
    const verdict = await gate.validate({ email: 'jane@acme.com' });
    await gate.flush();
    expect(verdict.decision).toBe('accept');
    expect(memory.events).toHaveLength(1);
    expect(errors).toEqual([`jsonl:${dir}`]);
  });

  it('refuses an empty path with a LeadGateError naming it', () => {
    expect(() => jsonlFileSink('')).toThrow(LeadGateError);
    expect(() => jsonlFileSink('  ')).toThrow(/"path"/);
  });
});
