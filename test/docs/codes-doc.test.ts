import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codes, codesMarkdown, createGate, motions } from '../../src/index.js';
import { OUTCOME_CODES, OUTCOME_STAGES } from '../../src/outcomes/codes.js';

const DOC = new URL('../../docs/codes.md', import.meta.url);

describe('the code catalogue', () => {
  const catalogue = codes();

  it('gives every code a check, a message, what it means and how a lead can fix it', () => {
    for (const row of catalogue) {
      expect(row.code, row.code).toMatch(/^[A-Z]+_[A-Z0-9_]+$/);
      expect(row.message.length, `${row.code} message`).toBeGreaterThan(10);
      expect(row.meaning.length, `${row.code} has no meaning`).toBeGreaterThan(30);
      expect(row.fix.length, `${row.code} has no fix`).toBeGreaterThan(20);
    }
  });

  it('lists each code once, under its own check prefix, with an action under every motion', () => {
    expect(new Set(catalogue.map((row) => row.code)).size).toBe(catalogue.length);
    for (const row of catalogue) {
      expect(row.code.startsWith(`${row.check.toUpperCase()}_`), row.code).toBe(true);
      expect(Object.keys(row.actions).sort()).toEqual(Object.keys(motions).sort());
    }
  });

  it('includes the codes of the email and phone checks and the system codes', () => {
    const names = catalogue.map((row) => row.code);
    for (const code of ['EMAIL_DISPOSABLE', 'EMAIL_NO_MX', 'PHONE_TYPE_SUSPECT', 'SYSTEM_TIMEOUT', 'SYSTEM_INPUT_INVALID']) {
      expect(names).toContain(code);
    }
  });

  it('agrees with a gate: gate.codes() has the same actions as the catalogue for its motion', () => {
    const gate = createGate({ motion: 'outbound' });
    for (const row of gate.codes()) {
      expect(row.actions.outbound, row.code).toBe(catalogue.find((entry) => entry.code === row.code)?.actions.outbound);
    }
  });

  it('docs/codes.md is up to date (run `npm run docs` when this fails)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(codesMarkdown(catalogue));
  });

  it('docs/codes.md documents every code in its own section', () => {
    const doc = readFileSync(DOC, 'utf8');
    for (const row of catalogue) expect(doc, row.code).toContain(`### ${row.code}\n`);
  });
});

describe('the sales outcome codes in docs/codes.md', () => {
  const doc = readFileSync(DOC, 'utf8');

  it('gives every SALES code a dimension, a label, what it means and what marketing can fix', () => {
    for (const [code, spec] of Object.entries(OUTCOME_CODES)) {
      expect(code, code).toMatch(/^SALES_[A-Z0-9_]+$/);
      expect(['compliance', 'truth', 'value', 'other'], code).toContain(spec.dimension);
      expect(spec.label.length, `${code} label`).toBeGreaterThan(3);
      expect(spec.meaning.length, `${code} has no meaning`).toBeGreaterThan(30);
      expect(spec.fix.length, `${code} has no fix`).toBeGreaterThan(20);
    }
  });

  it('documents every SALES code in its own section with its meaning and fix, and every stage', () => {
    for (const [code, spec] of Object.entries(OUTCOME_CODES)) {
      const section = doc.slice(doc.indexOf(`### ${code}\n`));
      expect(doc, code).toContain(`### ${code}\n`);
      expect(section.split('\n### ')[0], code).toContain(spec.meaning);
      expect(section.split('\n### ')[0], code).toContain(spec.fix);
    }
    for (const stage of OUTCOME_STAGES) expect(doc, stage).toContain(`- \`${stage}\`: `);
  });
});

describe('test coverage of codes', () => {
  it('every code is named by at least one test outside this file (a trigger and a near miss live there)', async () => {
    const { readdirSync } = await import('node:fs');
    const root = new URL('../', import.meta.url);
    const files = (readdirSync(root, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.test.ts') && !file.includes('codes-doc'))
      .map((file) => readFileSync(new URL(file, root), 'utf8'))
      .join('\n');
    const untested = codes().map((row) => row.code).filter((code) => !files.includes(`'${code}'`));
    expect(untested).toEqual([]);
  });
});
