import { describe, expect, it } from 'vitest';
import { createGate, isLeadGateError, roleCurrency, staticEnricher, type RoleCurrencyOptions, type RoleEnricher } from '../../src/index.js';
import { runCheck } from '../helpers/run-check.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const codesOf = async (lead: Record<string, unknown>, options?: RoleCurrencyOptions) =>
  (await runCheck(roleCurrency(options), lead, { now: NOW })).codes;

const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const enricher = (record: Record<string, unknown> | undefined): RoleEnricher => async () => record as never;

describe('roleCurrency: the typed title', () => {
  it('passes a clear title', async () => {
    expect(await codesOf({ title: 'VP Sales' })).toEqual([]);
  });

  it('ROLE_MISSING without a title when required; optional by default, and a one-word title is a near miss', async () => {
    expect(await codesOf({}, { required: true })).toEqual(['ROLE_MISSING']);
    expect(await codesOf({})).toEqual([]);
    expect(await codesOf({ title: 'Owner' }, { required: true })).toEqual([]);
  });

  it('ROLE_MALFORMED for under 2 letters, over 128 characters, or digits and symbols only', async () => {
    expect(await codesOf({ title: 'X' })).toEqual(['ROLE_MALFORMED']);
    expect(await codesOf({ title: '12345' })).toEqual(['ROLE_MALFORMED']);
    expect(await codesOf({ title: '---' })).toEqual(['ROLE_MALFORMED']);
    expect(await codesOf({ title: `Head of Marketing ${'and Communications '.repeat(7)}` })).toEqual(['ROLE_MALFORMED']);
  });

  it('does not call a short real title malformed (near miss: "VP", "CEO")', async () => {
    expect(await codesOf({ title: 'VP' })).toEqual([]);
    expect(await codesOf({ title: 'CEO' })).toEqual([]);
  });

  it('ROLE_JUNK for placeholders, keyboard mashes and addresses in the title field', async () => {
    for (const title of ['asdf', 'test', 'n/a', 'xxx', 'me', 'qwerty', 'jane@acme.com', 'https://acme.com']) {
      expect(await codesOf({ title }), title).toEqual(['ROLE_JUNK']);
    }
  });

  it('does not call owner, founder, freelancer, consultant or self-employed junk (near miss)', async () => {
    for (const title of ['Owner', 'Founder', 'Freelancer', 'Consultant', 'Self-employed']) {
      expect(await codesOf({ title }), title).not.toContain('ROLE_JUNK');
    }
  });

  it('ROLE_NOT_WORKFORCE for student, retired, unemployed, job seeker; an intern is in work (near miss)', async () => {
    const status = async (title: string) => (await runCheck(roleCurrency(), { title })).findings[0]?.data?.status;
    expect(await codesOf({ title: 'Student' })).toEqual(['ROLE_NOT_WORKFORCE']);
    expect(await codesOf({ title: 'Arbeitssuchend' })).toEqual(['ROLE_NOT_WORKFORCE']);
    expect(await status('Student')).toBe('student');
    expect(await status('Retired')).toBe('retired');
    expect(await codesOf({ title: 'Marketing Intern' })).toEqual([]);
  });

  it('ROLE_SENIORITY_LOW below the floor; at the floor is a near miss', async () => {
    expect(await codesOf({ title: 'Marketing Intern' }, { seniorityFloor: 'entry' })).toEqual(['ROLE_SENIORITY_LOW']);
    expect(await codesOf({ title: 'Marketing Manager' }, { seniorityFloor: 'manager' })).toEqual([]);
    expect(await codesOf({ title: 'Senior Software Engineer' }, { seniorityFloor: 'manager' })).toEqual(['ROLE_SENIORITY_LOW']);
  });

  it('ROLE_FUNCTION_OUT_OF_SCOPE outside the targets; general management is always in scope', async () => {
    expect(await codesOf({ title: 'Head of HR' }, { functions: ['marketing', 'sales'] })).toEqual(['ROLE_FUNCTION_OUT_OF_SCOPE']);
    expect(await codesOf({ title: 'Head of Marketing' }, { functions: ['marketing', 'sales'] })).toEqual([]);
    expect(await codesOf({ title: 'CEO' }, { functions: ['marketing'] })).toEqual([]);
  });

  it('ROLE_UNRECOGNISED when neither seniority nor function is found', async () => {
    expect(await codesOf({ title: 'Zauberlehrling Gandalf' })).toEqual(['ROLE_UNRECOGNISED']);
  });

  it('puts the parsed title in the evidence', async () => {
    const outcome = await runCheck(roleCurrency(), { title: 'Head of Growth' });
    expect(outcome.evidence?.title).toMatchObject({ seniority: 'head', function: 'marketing' });
  });

  it('is synchronous without an enricher, async with one', () => {
    expect(roleCurrency().async).toBe(false);
    expect(roleCurrency({ enrich: enricher(undefined) }).async).toBe(true);
  });
});

describe('roleCurrency: enrichment', () => {
  const lead = { title: 'VP Marketing', company: 'Acme Robotics GmbH', email: 'jane@acme-robotics.com' };
  const current = { title: 'Vice President, Marketing', employer: 'ACME Robotics', employerDomain: 'acme-robotics.com', lastVerifiedAt: daysAgo(10) };
  const withEnrichment = (record: Record<string, unknown> | undefined, options: RoleCurrencyOptions = {}, input: Record<string, unknown> = lead) =>
    codesOf(input, { ...options, enrich: enricher(record) });

  it('passes when the provider agrees', async () => {
    expect(await withEnrichment(current, { maxAgeDays: 90 })).toEqual([]);
  });

  it('ROLE_STALE past the maximum age; inside it is a near miss', async () => {
    expect(await withEnrichment({ ...current, lastVerifiedAt: daysAgo(120) }, { maxAgeDays: 90 })).toEqual(['ROLE_STALE']);
    expect(await withEnrichment({ ...current, lastVerifiedAt: daysAgo(89) }, { maxAgeDays: 90 })).toEqual([]);
  });

  it('ROLE_CHANGED for another employer, or a title two or more ranks away', async () => {
    expect(await withEnrichment({ ...current, employer: 'Globex Corporation' })).toEqual(['ROLE_CHANGED']);
    expect(await withEnrichment({ ...current, title: 'Marketing Intern' })).toEqual(['ROLE_CHANGED']);
  });

  it('does not call one rank a change, nor a legal-form difference another employer (near misses)', async () => {
    expect(await withEnrichment({ ...current, title: 'Head of Marketing' })).toEqual([]);
    expect(await withEnrichment({ ...current, employer: 'Acme Robotics Inc.' })).toEqual([]);
  });

  it('ROLE_EMPLOYER_MISMATCH when the email domain is not the employer\'s; a sister TLD is a near miss', async () => {
    expect(await withEnrichment({ ...current, employerDomain: 'globex.com' })).toEqual(['ROLE_EMPLOYER_MISMATCH']);
    expect(await withEnrichment({ ...current, employerDomain: 'acme-robotics.de' })).toEqual([]);
  });

  it('judges the provider\'s title when the lead typed none', async () => {
    expect(await withEnrichment(current, {}, { email: lead.email, company: lead.company })).toEqual([]);
    expect(await withEnrichment(undefined, { required: true }, { email: lead.email })).toEqual(['ROLE_MISSING']);
  });

  it('a provider that fails is SYSTEM_CHECK_FAILED and a slow one SYSTEM_TIMEOUT, both review, never a bad lead', async () => {
    const failing = roleCurrency({ enrich: async () => { throw new Error('429 from provider'); } });
    const slow = roleCurrency({ enrich: (_lead, { signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))) });
    const gate = createGate({ motion: 'inbound', checks: [failing] });
    // country US: CAN-SPAM needs no consent for email, so the consent check (issue 4) stays quiet.
    const verdict = await gate.validate({ email: 'jane@acme.com', title: 'CEO', country: 'US' });
    expect(verdict.decision).toBe('review');
    expect(verdict.reasons.map((r) => r.code)).toEqual(['SYSTEM_CHECK_FAILED']);
    const slowVerdict = await createGate({ motion: 'inbound', checks: [slow], timeoutMs: 20 }).validate({ email: 'jane@acme.com', title: 'CEO', country: 'US' });
    expect(slowVerdict.reasons.map((r) => r.code)).toEqual(['SYSTEM_TIMEOUT']);
  });

  it('a provider answering garbage is SYSTEM_CHECK_FAILED', async () => {
    const verdict = await createGate({ motion: 'inbound', checks: [roleCurrency({ enrich: enricher('VP' as never) })] }).validate({ email: 'a@acme.com', title: 'CEO', country: 'US' });
    expect(verdict.reasons.map((r) => r.code)).toEqual(['SYSTEM_CHECK_FAILED']);
  });

  it('staticEnricher looks leads up by email, case-insensitively', async () => {
    const enrich = staticEnricher({ 'Jane@Acme-Robotics.com': { ...current, employer: 'Globex' } });
    expect((await runCheck(roleCurrency({ enrich }), lead, { now: NOW })).codes).toEqual(['ROLE_CHANGED']);
    expect((await runCheck(roleCurrency({ enrich }), { ...lead, email: 'other@acme-robotics.com' }, { now: NOW })).codes).toEqual([]);
  });
});

describe('roleCurrency options', () => {
  it.each([
    [{ seniorityFloor: 'boss' }, 'seniorityFloor'],
    [{ seniorityFloor: 'unknown' }, 'seniorityFloor'],
    [{ functions: [] }, 'functions'],
    [{ functions: ['sales', 'magic'] }, 'functions'],
    [{ maxAgeDays: 0 }, 'maxAgeDays'],
    [{ enrich: 'pdl' }, 'enrich'],
    [{ required: 'yes' }, 'required'],
    [{ floor: 'vp' }, 'floor'],
  ])('rejects %j naming the option', (options, option) => {
    let thrown: unknown;
    try {
      roleCurrency(options as never);
    } catch (error) {
      thrown = error;
    }
    expect(isLeadGateError(thrown) && thrown.option).toBe(option);
  });
});

describe('role under each motion', () => {
  // The partner id satisfies the partner motion's source check (issue 4), so only the role decides.
  const decide = async (motion: 'inbound' | 'abm' | 'outbound' | 'partner' | 'expansion', title: string | undefined) =>
    // With a recorded lawful basis, so the consent and source checks (issue 4) leave the decision to the role.
    (await createGate({ motion, overrides: {} }).validate({ email: 'jane.doe@acme-robotics.com', website: 'acme-robotics.com', phone: '+44 20 7946 0958', country: 'GB', source: { partnerId: 'acme-reseller' }, consent: { lawfulBasis: 'legitimate_interest', liaRef: 'LIA-2026-07', subscriberType: 'corporate' }, ...(title ? { title } : {}) })).decision;

  it.each([
    // title                     inbound    abm        outbound   partner    expansion
    ['Head of Marketing',        'accept',  'accept',  'accept',  'accept',  'accept'],
    ['asdf',                     'reject',  'reject',  'reject',  'reject',  'reject'],
    ['12345',                    'reject',  'reject',  'reject',  'reject',  'reject'],
    ['Student',                  'review',  'reject',  'reject',  'review',  'review'],
    // outbound reviews titles below manager. The presets' open ICP profile scores seniority only, so
    // its fit floor does not judge titles again (that is the role check's floor): review, not reject.
['Marketing Intern',         'review',  'accept',  'review',  'review',  'review'],
    ['Senior Software Engineer', 'accept',  'accept',  'review',  'accept',  'accept'],
    ['Zauberlehrling Gandalf',   'accept',  'review',  'review',  'accept',  'review'],
    [undefined,                  'accept',  'review',  'reject',  'accept',  'accept'],
  ] as const)('%s → %s / %s / %s / %s / %s', async (title, ...expected) => {
    const motions = ['inbound', 'abm', 'outbound', 'partner', 'expansion'] as const;
    expect(await Promise.all(motions.map((motion) => decide(motion, title)))).toEqual(expected);
  });

  it('expansion flags ROLE_CHANGED where inbound reviews it', async () => {
    const enrich = enricher({ employer: 'Globex' });
    const lead = { email: 'jane@acme.com', title: 'CEO', company: 'Acme', country: 'US' }; // US: no consent finding (issue 4)
    const under = async (motion: 'inbound' | 'expansion') =>
      (await createGate({ motion, checks: [roleCurrency({ enrich })] }).validate(lead)).reasons.map((r) => [r.code, r.action]);
    expect(await under('inbound')).toEqual([['ROLE_CHANGED', 'review']]);
    expect(await under('expansion')).toEqual([['ROLE_CHANGED', 'flag']]);
  });
});
