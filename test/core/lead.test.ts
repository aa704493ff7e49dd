import { describe, expect, it } from 'vitest';
import { MAX_STRING_LENGTH, normalizeLead } from '../../src/core/lead.js';

const codesOf = (input: unknown) => normalizeLead(input).issues.map((issue) => issue.code);

describe('normalizeLead', () => {
  it('trims, collapses whitespace and lower-cases only the email domain', () => {
    const { lead, issues } = normalizeLead({ email: '  Jane.Doe@ACME.Com ', title: ' Head   of\tMarketing ', country: 'de' });
    expect(lead).toEqual({ email: 'Jane.Doe@acme.com', title: 'Head of Marketing', country: 'DE' });
    expect(issues).toEqual([]);
  });

  it('maps UK to the ISO code GB and refuses a country name', () => {
    expect(normalizeLead({ country: 'uk' }).lead.country).toBe('GB');
    const { lead, issues } = normalizeLead({ country: 'Germany' });
    expect(lead.country).toBeUndefined();
    expect(issues).toEqual([{ code: 'SYSTEM_FIELD_INVALID', field: 'country', data: { received: 'string' } }]);
  });

  it('cuts a string over 1,000 characters before checks see it, and records the cut', () => {
    const { lead, issues } = normalizeLead({ title: 'x'.repeat(1_000_000) });
    expect(lead.title).toHaveLength(MAX_STRING_LENGTH);
    expect(issues).toEqual([{ code: 'SYSTEM_FIELD_TRUNCATED', field: 'title', data: { length: 1_000_000, kept: 1000 } }]);
  });

  it('does not record a cut for a string of exactly 1,000 characters (near miss)', () => {
    expect(codesOf({ title: 'x'.repeat(1000) })).toEqual([]);
  });

  it('gives non-objects SYSTEM_INPUT_INVALID and an empty lead', () => {
    for (const input of [null, undefined, 'jane@acme.com', 42, [], [{ email: 'a@b.co' }], new Date()]) {
      const { lead, issues } = normalizeLead(input);
      expect(lead).toEqual({});
      expect(issues.map((issue) => issue.code)).toEqual(['SYSTEM_INPUT_INVALID']);
    }
  });

  it('accepts an object with a null prototype (near miss for SYSTEM_INPUT_INVALID)', () => {
    const input = Object.assign(Object.create(null) as Record<string, unknown>, { email: 'jane@acme.com' });
    expect(normalizeLead(input)).toEqual({ lead: { email: 'jane@acme.com' }, issues: [] });
  });

  it('drops prototype keys without polluting anything', () => {
    const input = JSON.parse('{"email":"jane@acme.com","__proto__":{"polluted":true},"custom":{"__proto__":{"x":1},"ok":1}}');
    const { lead, issues } = normalizeLead(input);
    expect(lead).toEqual({ email: 'jane@acme.com', custom: { ok: 1 } });
    expect(issues).toContainEqual({ code: 'SYSTEM_FIELD_INVALID', field: '__proto__', data: { reason: 'forbidden key' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(lead.custom)).toBe(Object.prototype);
  });

  it('drops nesting deeper than the limit and keeps the rest', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 10_000; i++) deep = { next: deep };
    const { lead, issues } = normalizeLead({ email: 'jane@acme.com', source: { utm_source: 'ads', deep } });
    expect(lead.email).toBe('jane@acme.com');
    expect(lead.source?.utm_source).toBe('ads');
    expect(issues.map((issue) => issue.code)).toEqual(['SYSTEM_FIELD_INVALID']);
  });

  it('moves unknown top-level keys into custom', () => {
    expect(normalizeLead({ email: 'jane@acme.com', leadScore: 7, campaign: ' Q4 ' }).lead).toEqual({
      email: 'jane@acme.com',
      custom: { leadScore: 7, campaign: 'Q4' },
    });
  });

  it('reads sizes as files write them: "1,200", "51-200" (midpoint), "10,001+" (lower bound)', () => {
    expect(normalizeLead({ employees: '1,200' }).lead.employees).toBe(1200);
    expect(normalizeLead({ employees: '51-200' }).lead.employees).toBe(126);
    expect(normalizeLead({ employees: '10,001+' }).lead.employees).toBe(10001);
    expect(codesOf({ employees: 'lots' })).toEqual(['SYSTEM_FIELD_INVALID']);
  });

  it('splits a tech string into a list and turns numbers in text fields into strings', () => {
    expect(normalizeLead({ tech: 'Salesforce, HubSpot;Marketo', phone: 4930901820 }).lead).toEqual({
      tech: ['Salesforce', 'HubSpot', 'Marketo'],
      phone: '4930901820',
    });
  });

  it('drops a wrong-typed field with SYSTEM_FIELD_INVALID and keeps the others', () => {
    const { lead, issues } = normalizeLead({ email: 'jane@acme.com', title: { text: 'CEO' }, employees: -5 });
    expect(lead).toEqual({ email: 'jane@acme.com' });
    expect(issues.map((issue) => [issue.code, issue.field])).toEqual([
      ['SYSTEM_FIELD_INVALID', 'title'],
      ['SYSTEM_FIELD_INVALID', 'employees'],
    ]);
  });

  it('cuts a record with more than 200 keys', () => {
    const custom = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]));
    const { lead, issues } = normalizeLead({ custom });
    expect(Object.keys(lead.custom ?? {})).toHaveLength(200);
    expect(issues).toEqual([{ code: 'SYSTEM_FIELD_TRUNCATED', field: 'custom', data: { entries: 500, kept: 200 } }]);
  });
});

describe('normalizeLead on hostile keys', () => {
  it('treats keys named after Object.prototype members as custom fields, not lead fields', () => {
    const { lead, issues } = normalizeLead({ toString: {}, valueOf: 'x', hasOwnProperty: 1, email: 'jane@acme.com' });
    expect(lead).toEqual({ email: 'jane@acme.com', custom: { toString: {}, valueOf: 'x', hasOwnProperty: 1 } });
    expect(issues).toEqual([]);
  });

  it('drops a key longer than 100 characters and shows only its start', () => {
    const key = 'k'.repeat(1_000_000);
    const { lead, issues } = normalizeLead({ email: 'jane@acme.com', [key]: 'x', source: { [key]: 1, ok: 2 } });
    expect(lead).toEqual({ email: 'jane@acme.com', source: { ok: 2 } });
    expect(issues.map((issue) => [issue.code, issue.field?.length])).toEqual([
      ['SYSTEM_FIELD_INVALID', 41],
      ['SYSTEM_FIELD_INVALID', 48],
    ]);
  });

  it('keeps a key of exactly 100 characters (near miss)', () => {
    const key = 'k'.repeat(100);
    expect(normalizeLead({ [key]: 'x' }).lead.custom).toEqual({ [key]: 'x' });
  });
});
