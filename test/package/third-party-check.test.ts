import { describe, expect, it } from 'vitest';
// Only the published surface, as a third party writes a check (issue 14).
import { createGate, defineCheck, isLeadGateError, type Lead } from 'leadgate';

/** The README's "Writing your own check" example: a company on a do-not-sell list. */
const doNotSell = (companies: string[]) => defineCheck({
  id: 'do-not-sell',
  dimension: 'compliance',
  codes: {
    DO_NOT_SELL_LISTED: { message: 'We cannot take this request.', meaning: 'The company is on our do-not-sell list.', fix: 'Remove it from the list if it no longer applies.' },
  },
  run(lead: Lead, ctx) {
    return companies.includes(lead.company ?? '') ? ctx.fail('DO_NOT_SELL_LISTED', { field: 'company' }) : ctx.pass();
  },
});

/** Throws on one company, never answers on another: what a broken plug-in does. */
const unreliable = defineCheck({
  id: 'flaky',
  dimension: 'value',
  async: true,
  timeoutMs: 50,
  codes: { FLAKY_NEVER: 'never reported' },
  run(lead: Lead, ctx) {
    if (lead.company === 'Boom Ltd') throw new Error('plug-in bug');
    if (lead.company === 'Slow Ltd') return new Promise(() => undefined);
    return ctx.pass({ looked: true });
  },
});

const gate = createGate({ motion: 'inbound', checks: [doNotSell(['Globex']), unreliable] });
const lead = (company: string) => ({ email: 'maria.keller@northwind-logistics.de', company, country: 'DE' });

describe('a third-party check written against the published package', () => {
  it('works with only id, dimension, codes and run: fields and runsIn default', () => {
    const check = doNotSell([]);
    expect(check).toMatchObject({ id: 'do-not-sell', runsIn: 'anywhere', fields: [], async: false });
  });

  it('reports its code in the verdict, with the gate\'s default action for unknown codes', async () => {
    const verdict = await gate.validate(lead('Globex'));
    expect(verdict.reasons).toContainEqual(expect.objectContaining({ code: 'DO_NOT_SELL_LISTED', check: 'do-not-sell', action: 'review', field: 'company', message: 'We cannot take this request.' }));
    expect(verdict.decision).toBe('review');
    expect(verdict.results.find((result) => result.check === 'do-not-sell')).toMatchObject({ status: 'fail', dimension: 'compliance' });
  });

  it('passes, throws and hangs inside a gate without breaking it', async () => {
    const passing = await gate.validate(lead('Initech'));
    expect(passing.results.find((result) => result.check === 'flaky')).toMatchObject({ status: 'pass', evidence: { looked: true } });
    const thrown = await gate.validate(lead('Boom Ltd'));
    expect(thrown.reasons).toContainEqual(expect.objectContaining({ code: 'SYSTEM_CHECK_FAILED', check: 'flaky', action: 'review' }));
    expect(JSON.stringify(thrown)).not.toContain('plug-in bug');
    const hung = await gate.validate(lead('Slow Ltd'));
    expect(hung.reasons).toContainEqual(expect.objectContaining({ code: 'SYSTEM_TIMEOUT', check: 'flaky' }));
    expect(hung.decision).toBe('review');
  });

  it('appears in the gate\'s code catalogue with its docs', () => {
    const row = gate.codes().find((code) => code.code === 'DO_NOT_SELL_LISTED');
    expect(row).toMatchObject({ check: 'do-not-sell', dimension: 'compliance', meaning: 'The company is on our do-not-sell list.', actions: { inbound: 'review' } });
  });

  it('is refused with a LeadGateError naming the property when the definition is wrong', () => {
    const base = { id: 'mine', dimension: 'value', codes: { MINE_X: 'x' }, run: () => ({ status: 'pass', findings: [] }) } as const;
    const optionOf = (definition: unknown) => {
      try {
        defineCheck(definition as Parameters<typeof defineCheck>[0]);
      } catch (error) {
        expect(isLeadGateError(error), String(error)).toBe(true);
        return (error as { option?: string }).option;
      }
      return 'no error';
    };
    expect(optionOf(undefined)).toBe('id');
    expect(optionOf({ ...base, id: 'My Check' })).toBe('id');
    expect(optionOf({ ...base, id: 'system', codes: { SYSTEM_X: 'x' } })).toBe('id');
    expect(optionOf({ ...base, dimension: 'quality' })).toBe('dimension');
    expect(optionOf({ ...base, runsIn: 'browser' })).toBe('runsIn');
    expect(optionOf({ ...base, fields: 'email' })).toBe('fields');
    expect(optionOf({ ...base, run: undefined })).toBe('run');
    expect(optionOf({ ...base, codes: undefined })).toBe('codes');
    expect(optionOf({ ...base, timeoutMs: -1 })).toBe('timeoutMs');
    // Codes carry the check's id as prefix, so two checks never share one; SYSTEM_ is the gate's.
    expect(optionOf({ ...base, codes: { OTHER_X: 'x' } })).toBe('codes.OTHER_X');
    expect(optionOf({ ...base, codes: { SYSTEM_TIMEOUT: 'x' } })).toBe('codes.SYSTEM_TIMEOUT');
    expect(optionOf({ ...base, codes: { mine_x: 'x' } })).toBe('codes.mine_x');
    expect(optionOf({ ...base, codes: { MINE_X: { meaning: 'no message' } } })).toBe('codes.MINE_X');
    expect(optionOf(base)).toBe('no error');
    expect(optionOf({ ...base, id: 'work-email', codes: { WORK_EMAIL_REQUIRED: 'x' } })).toBe('no error');
  });
});
