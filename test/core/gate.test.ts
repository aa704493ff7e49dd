import { describe, expect, it } from 'vitest';
import { createGate, defineCheck, isLeadGateError, LeadGateError, memoryStore, motions, PHONE_CODES, type Check } from '../../src/index.js';

// With a complete marketing consent from the form, so the consent check (issue 4) passes
// and these tests see only what they are about.
const FORM_CONSENT = {
  given: true, channels: ['email'], textId: 'newsletter-v3', textHash: 'a'.repeat(64), renderedChecked: false, userInteracted: true,
  capturedAt: '2025-06-01T09:00:00Z', pageUrl: 'https://northwind-logistics.de/demo',
};
const GOOD_LEAD = { email: 'maria.keller@northwind-logistics.de', website: 'northwind-logistics.de', phone: '+49 30 901820', country: 'DE', title: 'Head of Procurement', consent: FORM_CONSENT };

function optionError(run: () => unknown): LeadGateError {
  try {
    run();
  } catch (error) {
    if (isLeadGateError(error)) return error;
    throw error;
  }
  throw new Error('expected a LeadGateError');
}

const hangingCheck = (seen: { signal?: AbortSignal }) =>
  defineCheck({
    id: 'slow',
    dimension: 'value',
    runsIn: 'server',
    fields: [],
    async: true,
    codes: { SLOW_NEVER: 'never' },
    run: (_lead, ctx) => {
      seen.signal = ctx.signal;
      return new Promise(() => undefined);
    },
  });

const throwingCheck = defineCheck({
  id: 'broken',
  dimension: 'compliance',
  runsIn: 'anywhere',
  fields: [],
  codes: { BROKEN_NEVER: 'never' },
  run: (lead) => {
    throw new Error(`boom for ${lead.email}`);
  },
});

describe('createGate options', () => {
  it.each([
    [{ motion: 'webinar' }, 'motion'],
    [{ motion: 'inbound', timeoutMs: -1 }, 'timeoutMs'],
    [{ motion: 'inbound', timeoutMs: '100' }, 'timeoutMs'],
    [{ motion: 'inbound', overrides: { EMAIL_FREE_PROVIDER: 'block' } }, 'overrides.EMAIL_FREE_PROVIDER'],
    [{ motion: 'inbound', overrides: { EMAIL_FRE_PROVIDER: 'reject' } }, 'overrides.EMAIL_FRE_PROVIDER'],
    [{ motion: 'inbound', messages: { EMAIL_TYPOO: 'x' } }, 'messages.EMAIL_TYPOO'],
    [{ motion: 'inbound', log: 'console' }, 'log'],
    [{ motion: 'inbound', store: {} }, 'store'],
    [{ motion: 'inbound', checks: [{ id: 'x' }] }, 'checks'],
    [{ motion: 'inbound', timeout: 100 }, 'timeout'],
    [{ motion: 'inbound', logSalt: 'short' }, 'logSalt'],
    [{ motion: { ...motions.inbound, checks: { email: {}, crystalBall: {} } } }, 'motion.checks.crystalBall'],
    [{ motion: { ...motions.inbound, checks: { phone: { required: 'yes' } } } }, 'motion.checks.phone.required'],
    [null, 'options'],
  ])('rejects %j naming the option', (options, option) => {
    const error = optionError(() => createGate(options as never));
    expect(error).toBeInstanceOf(LeadGateError);
    expect(error.option).toBe(option);
    expect(error.message).toContain(option.split('.').pop()!);
  });

  it('accepts every built-in motion and a custom preset (near miss)', () => {
    for (const motion of Object.keys(motions)) expect(createGate({ motion: motion as never }).motion).toBe(motion);
    const events = { ...motions.inbound, name: 'events', version: '2.0.0' };
    expect(createGate({ motion: events, store: memoryStore(), timeoutMs: 100 }).policy).toEqual({ name: 'events', version: '2.0.0' });
  });

  it('refuses two checks with one id from a checks function', () => {
    expect(optionError(() => createGate({ motion: 'inbound', checks: (defaults) => [...defaults, defaults[0]!] })).option).toBe('checks');
  });
});

describe('gate.validate', () => {
  it('accepts a clean lead with full scores and the policy that decided it', async () => {
    const gate = createGate({ motion: 'inbound', now: () => new Date('2026-11-23T10:00:00Z') });
    const verdict = await gate.validate(GOOD_LEAD, { leadId: 'lead-1' });
    expect(verdict).toMatchObject({
      decision: 'accept',
      motion: 'inbound',
      policy: { name: 'inbound', version: '1.2.0' },
      reasons: [],
      leadId: 'lead-1',
      at: '2026-11-23T10:00:00.000Z',
      // The preset's source and consent checks (issue 4) are compliance checks: they pass a clean lead; the icp check (issue 5) is the value dimension of every preset.
      scores: { compliance: 100, truth: 100, value: 100 },
    });
    expect(verdict.results.map((result) => [result.check, result.status])).toEqual([['email', 'pass'], ['phone', 'pass'], ['role', 'pass'], ['source', 'pass'], ['consent', 'pass'], ['icp', 'pass']]);
    expect(verdict.results.find((result) => result.check === 'phone')?.evidence).toMatchObject({ e164: '+4930901820', country: 'DE' });
  });

  it('stamps each verdict with the clock\'s own millisecond, formatted once per millisecond', () => {
    const times = ['2026-11-23T10:00:00.000Z', '2026-11-23T10:00:00.000Z', '2026-11-23T10:00:00.001Z', '2026-11-23T10:00:00.000Z', '2027-01-01T00:00:00.001Z'];
    let call = 0;
    const gate = createGate({ motion: 'inbound', checks: () => [], now: () => new Date(times[call++]!) });
    const stamps = times.map(() => gate.validateSync(GOOD_LEAD).at);
    expect(stamps).toEqual(times);
  });

  it('keeps a finding\'s field and data, and adds no field a check did not give', () => {
    const reporter = defineCheck({
      id: 'reporter', dimension: 'truth', runsIn: 'anywhere', fields: [],
      codes: { REPORTER_ONE: 'one {n}', REPORTER_TWO: 'two' },
      run: (_lead, ctx) => {
        ctx.report('REPORTER_ONE', { field: 'email', data: { n: 7 } });
        return ctx.fail('REPORTER_TWO');
      },
    });
    const verdict = createGate({ motion: 'inbound', checks: () => [reporter] }).validateSync(GOOD_LEAD);
    expect(verdict.results[0]!.findings).toEqual([
      { code: 'REPORTER_ONE', check: 'reporter', message: 'one 7', field: 'email', data: { n: 7 } },
      { code: 'REPORTER_TWO', check: 'reporter', message: 'two' },
    ]);
    expect(Object.keys(verdict.results[0]!.findings[1]!)).toEqual(['code', 'check', 'message']);
  });

  it('makes a fresh lead id when none is given', async () => {
    const gate = createGate({ motion: 'inbound' });
    const [a, b] = await Promise.all([gate.validate(GOOD_LEAD), gate.validate(GOOD_LEAD)]);
    expect(a.leadId).toMatch(/\S{8,}/);
    expect(a.leadId).not.toBe(b.leadId);
  });

  it('turns a throwing check into SYSTEM_CHECK_FAILED, decided by onError (default review), without the error message', async () => {
    const gate = createGate({ motion: 'inbound', checks: [throwingCheck] });
    const verdict = await gate.validate(GOOD_LEAD);
    expect(verdict.decision).toBe('review');
    const result = verdict.results.find((r) => r.check === 'broken');
    expect(result?.status).toBe('error');
    expect(result?.findings.map((f) => [f.code, f.data])).toEqual([['SYSTEM_CHECK_FAILED', { error: 'Error' }]]);
    // The thrown message held the email; it must not travel into the verdict.
    expect(JSON.stringify(verdict)).not.toContain('boom');
    // Three compliance checks: the preset's source and consent checks passed (100 each), the broken one counts 50 (unknown).
    expect(verdict.scores.compliance).toBe(83);
  });

  it('applies a preset onError of reject, and an override over it', async () => {
    const strict = { ...motions.inbound, name: 'strict', onError: 'reject' as const };
    expect((await createGate({ motion: strict, checks: [throwingCheck] }).validate(GOOD_LEAD)).decision).toBe('reject');
    const lenient = createGate({ motion: strict, checks: [throwingCheck], overrides: { SYSTEM_CHECK_FAILED: 'flag' } });
    expect((await lenient.validate(GOOD_LEAD)).decision).toBe('accept');
  });

  it('times a hanging check out with SYSTEM_TIMEOUT and aborts its signal', async () => {
    const seen: { signal?: AbortSignal } = {};
    const gate = createGate({ motion: 'inbound', checks: [hangingCheck(seen)], timeoutMs: 20 });
    const verdict = await gate.validate(GOOD_LEAD);
    expect(verdict.decision).toBe('review');
    expect(verdict.reasons.map((r) => r.code)).toEqual(['SYSTEM_TIMEOUT']);
    expect(seen.signal?.aborted).toBe(true);
    expect((seen.signal?.reason as DOMException).name).toBe('TimeoutError');
  });

  it('runs async checks concurrently: two 30 ms checks finish well under 60 ms apart', async () => {
    const started: number[] = [];
    const sleeper = (id: string) =>
      defineCheck({
        id, dimension: 'value', runsIn: 'server', fields: [], async: true, codes: {},
        run: async (_lead, ctx) => (started.push(Date.now()), await new Promise((r) => setTimeout(r, 30)), ctx.pass()),
      });
    await createGate({ motion: 'inbound', checks: [sleeper('a'), sleeper('b')] }).validate(GOOD_LEAD);
    // Both started before either finished: that is what "concurrently" means.
    expect(started).toHaveLength(2);
    expect(Math.abs(started[1]! - started[0]!)).toBeLessThan(30);
  });

  it('refuses a code the check did not declare, and a check that returns nothing', async () => {
    const liar = defineCheck({
      id: 'liar', dimension: 'truth', runsIn: 'anywhere', fields: [], codes: { LIAR_KNOWN: 'known' },
      run: (_lead, ctx) => ctx.fail('LIAR_UNKNOWN' as 'LIAR_KNOWN'),
    });
    const silent = defineCheck({ id: 'silent', dimension: 'truth', runsIn: 'anywhere', fields: [], codes: {}, run: () => undefined as never });
    const verdict = await createGate({ motion: 'inbound', checks: [liar, silent] }).validate(GOOD_LEAD);
    expect(verdict.results.filter((r) => r.status === 'error').map((r) => [r.check, r.findings[0]?.code])).toEqual([
      ['liar', 'SYSTEM_CHECK_FAILED'],
      ['silent', 'SYSTEM_CHECK_FAILED'],
    ]);
  });

  it('gives a non-object lead SYSTEM_INPUT_INVALID and runs no checks', async () => {
    const verdict = await createGate({ motion: 'partner' }).validate('jane@acme.com');
    expect(verdict.decision).toBe('reject');
    expect(verdict.reasons.map((r) => r.code)).toEqual(['SYSTEM_INPUT_INVALID']);
    expect(verdict.results.map((r) => r.check)).toEqual(['input']);
  });

  it('flags a truncated field and reviews a dropped one, and still checks the rest', async () => {
    const gate = createGate({ motion: 'inbound' });
    const truncated = await gate.validate({ ...GOOD_LEAD, company: 'x'.repeat(5000) });
    expect(truncated.decision).toBe('accept');
    expect(truncated.reasons.map((r) => [r.code, r.action])).toEqual([['SYSTEM_FIELD_TRUNCATED', 'flag']]);
    const dropped = await gate.validate({ ...GOOD_LEAD, country: 'Deutschland' });
    expect(dropped.decision).toBe('review');
    expect(dropped.reasons.map((r) => [r.code, r.field])).toEqual([['SYSTEM_FIELD_INVALID', 'country']]);
  });

  it('replaces a preset check by id (Sentry-style) and orders reasons strongest first', async () => {
    const stricterEmail = defineCheck({
      id: 'email', dimension: 'truth', runsIn: 'anywhere', fields: ['email'],
      codes: { EMAIL_NOT_OURS: 'Use an acme.com address.' },
      run: (lead, ctx) => (lead.email?.endsWith('@acme.com') ? ctx.pass() : ctx.fail('EMAIL_NOT_OURS', { field: 'email' })),
    });
    const flagger = defineCheck({
      id: 'flagger', dimension: 'value', runsIn: 'anywhere', fields: [], codes: { FLAGGER_NOTE: 'note' },
      run: (_lead, ctx) => ctx.fail('FLAGGER_NOTE'),
    });
    const gate = createGate({ motion: 'inbound', checks: [flagger, stricterEmail], overrides: { FLAGGER_NOTE: 'flag', EMAIL_NOT_OURS: 'reject' } });
    expect(gate.checks.map((check) => check.id)).toEqual(['phone', 'role', 'source', 'consent', 'icp', 'flagger', 'email']);
    const verdict = await gate.validate(GOOD_LEAD);
    expect(verdict.reasons.map((r) => [r.code, r.action])).toEqual([['EMAIL_NOT_OURS', 'reject'], ['FLAGGER_NOTE', 'flag']]);
  });

  it('drops ignored findings from reasons but keeps them in results', async () => {
    const gate = createGate({ motion: 'abm', overrides: { EMAIL_FREE_PROVIDER: 'ignore' } });
    // With a company name: a free-mail lead without one is ICP_COMPANY_MISSING, which abm rejects.
    const verdict = await gate.validate({ email: 'tom@gmail.com', title: 'Owner', company: 'Baker & Sons Joinery', consent: FORM_CONSENT });
    expect(verdict.decision).toBe('accept');
    expect(verdict.reasons).toEqual([]);
    expect(verdict.results[0]?.findings.map((f) => f.code)).toEqual(['EMAIL_FREE_PROVIDER']);
    expect(verdict.policy.version).toMatch(/^1\.2\.0\+overrides\.[0-9a-f]{8}$/);
  });

  it('renders messages from templates and from overrides, including broken override functions', async () => {
    const gate = createGate({
      motion: 'inbound',
      messages: { EMAIL_TYPO: 'Meinten Sie {suggestion}?', PHONE_INVALID: () => { throw new Error('bad'); } },
    });
    const verdict = await gate.validate({ email: 'jane@gmial.com', phone: '12', country: 'DE' });
    const byCode = Object.fromEntries(verdict.reasons.map((r) => [r.code, r.message]));
    expect(byCode.EMAIL_TYPO).toBe('Meinten Sie jane@gmail.com?');
    // A throwing message function falls back to the check's own message.
    expect(byCode.PHONE_INVALID).toBe(PHONE_CODES.PHONE_INVALID.message);
  });
});

describe('gate.validateSync', () => {
  it('runs the synchronous checks and lists the async ones as skipped', () => {
    const gate = createGate({ motion: 'abm', checks: [hangingCheck({})] });
    const verdict = gate.validateSync({ email: 'info@acme.com', title: 'Office Manager', consent: FORM_CONSENT });
    expect(verdict.decision).toBe('reject');
    // "Office Manager" scores a low fit on the presets' open ICP profile, which reports no
    // ICP_FIT_LOW (it scores seniority only; the role check owns that): only the role account.
    expect(verdict.reasons.map((r) => r.code)).toEqual(['EMAIL_ROLE_ACCOUNT']);
    // The preset's source check counts velocity and duplicates in the store: async, so skipped too.
    expect(verdict.skipped).toEqual(['source', 'slow']);
  });

  it('treats a check that returns a promise without declaring async as failed, not as a pass', () => {
    const sneaky: Check = defineCheck({
      id: 'sneaky', dimension: 'truth', runsIn: 'anywhere', fields: [], codes: {},
      run: async (_lead, ctx) => ctx.pass(),
    });
    const verdict = createGate({ motion: 'inbound', checks: [sneaky] }).validateSync(GOOD_LEAD);
    expect(verdict.decision).toBe('review');
    expect(verdict.results.find((r) => r.check === 'sneaky')?.findings[0]?.code).toBe('SYSTEM_CHECK_FAILED');
  });
});

describe('defineCheck', () => {
  it('refuses reserved and malformed codes and ids, naming them', () => {
    const base = { dimension: 'truth' as const, runsIn: 'anywhere' as const, fields: [], run: (_l: unknown, ctx: { pass(): never }) => ctx.pass() };
    expect(optionError(() => defineCheck({ ...base, id: 'x', codes: { SYSTEM_MINE: 'm' } } as never)).option).toBe('codes.SYSTEM_MINE');
    expect(optionError(() => defineCheck({ ...base, id: 'x', codes: { lowercase: 'm' } } as never)).option).toBe('codes.lowercase');
    expect(optionError(() => defineCheck({ ...base, id: 'Bad Id', codes: {} } as never)).option).toBe('id');
  });
});
