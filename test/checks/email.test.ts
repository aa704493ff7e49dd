import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { analyzeEmail } from '../../src/checks/email/analyze.js';
import { domainsRelated, registrableDomain, websiteHost } from '../../src/checks/email/domain-relation.js';
import { EMAIL_CODES, emailValidity, type EmailValidityOptions, type MxAnswer, type MxResolver } from '../../src/checks/email/index.js';
import { isDisposableDomain, isFreeDomain, isRoleLocalPart } from '../../src/checks/email/lists.js';
import { LISTED_TYPO_DOMAINS, TYPO_TARGETS, osaDistance, suggestDomain, typoCost } from '../../src/checks/email/typo.js';
import { isLeadGateError, LeadGateError } from '../../src/core/errors.js';
import { DISPOSABLE_DOMAINS } from '../../src/data/disposable-domains.js';
import { FREE_DOMAINS } from '../../src/data/free-domains.js';
import { runCheck, syncContext } from '../helpers/run-check.js';

const check = (options?: EmailValidityOptions) => emailValidity(options);
const codesOf = async (lead: Record<string, unknown>, options?: EmailValidityOptions) => (await runCheck(check(options), lead)).codes;

/** A resolver that answers from a table and records what it was asked. */
function fakeResolver(answers: Record<string, MxAnswer> = {}) {
  const calls: { domain: string; signal: AbortSignal }[] = [];
  const resolveMx: MxResolver = async (domain, signal) => {
    calls.push({ domain, signal });
    return answers[domain] ?? { accepts: true, via: 'mx', hosts: [`mx.${domain}`] };
  };
  return { resolveMx, calls };
}

describe('emailValidity', () => {
  it('declares the contract the gate and the DOM binding rely on', () => {
    const email = check();
    expect(email.id).toBe('email');
    expect(email.dimension).toBe('truth');
    expect(email.runsIn).toBe('anywhere');
    expect(email.fields).toEqual(['email', 'website']);
    expect(email.async).toBe(false);
    expect(check({ resolveMx: fakeResolver().resolveMx }).async).toBe(true);
    expect(Object.keys(email.codes).sort()).toEqual([
      'EMAIL_DISPOSABLE', 'EMAIL_DOMAIN_MISMATCH', 'EMAIL_FREE_PROVIDER', 'EMAIL_MISSING',
      'EMAIL_NO_MX', 'EMAIL_ROLE_ACCOUNT', 'EMAIL_SYNTAX', 'EMAIL_TYPO',
    ]);
  });

  it('gives every code a non-empty message, meaning and fix', () => {
    for (const [code, spec] of Object.entries(check().codes)) {
      expect(spec.message.trim(), code).not.toBe('');
      expect(spec.meaning?.trim(), code).toBeTruthy();
      expect(spec.fix?.trim(), code).toBeTruthy();
    }
    expect(Object.keys(EMAIL_CODES)).toHaveLength(8);
  });

  it('runs synchronously without a resolver (usable by validateSync)', () => {
    const outcome = check().run({ email: 'jane@acme.com' }, syncContext());
    expect(outcome).not.toBeInstanceOf(Promise);
  });

  it('passes a plain work address with evidence but no local part', async () => {
    const outcome = await runCheck(check(), { email: 'Jane.Doe@Acme.com', website: 'https://acme.com' });
    expect(outcome.status).toBe('pass');
    expect(outcome.codes).toEqual([]);
    expect(outcome.evidence).toEqual({ domain: 'acme.com', disposable: false, free: false, role: false });
  });

  it('never puts the local part or the address in the evidence', async () => {
    const { resolveMx } = fakeResolver();
    for (const email of ['jane.doe@acme.com', 'jane.doe@gmail.com', 'jane.doe@mailinator.com', 'info@acme.com']) {
      const outcome = await runCheck(check({ resolveMx }), { email });
      expect(JSON.stringify(outcome.evidence ?? {})).not.toMatch(/jane|info@/);
    }
  });

  describe('EMAIL_MISSING', () => {
    it('is reported when there is no email', async () => {
      expect(await codesOf({ firstName: 'Jane' })).toEqual(['EMAIL_MISSING']);
      expect(await codesOf({ email: '   ' })).toEqual(['EMAIL_MISSING']);
    });
    it('is not reported when an email is present, even a bad one', async () => {
      expect(await codesOf({ email: 'jane@acme.com' })).not.toContain('EMAIL_MISSING');
      expect(await codesOf({ email: 'x' })).not.toContain('EMAIL_MISSING');
    });
  });

  describe('EMAIL_SYNTAX', () => {
    it('is reported for an address without a TLD, and nothing else is checked', async () => {
      expect(await codesOf({ email: 'info@acme', website: 'other.com' })).toEqual(['EMAIL_SYNTAX']);
    });
    it('is reported for quoted local parts, comments, IP literals and invisible characters', async () => {
      for (const email of ['"jane doe"@acme.com', 'jane(work)@acme.com', 'jane@[192.0.2.1]', 'jane@192.0.2.1', 'ja\u200bne@acme.com', 'jane@@acme.com', 'jane.acme.com']) {
        expect(await codesOf({ email }), email).toEqual(['EMAIL_SYNTAX']);
      }
    });
    it('is not reported for a valid address with a plus tag or an IDN domain', async () => {
      expect(await codesOf({ email: 'jane+news@acme.io' })).toEqual([]);
      expect(await codesOf({ email: 'jane@bücher.de' })).toEqual([]);
    });
    it('comes with a typo suggestion when only the dot before a provider TLD is missing', async () => {
      const outcome = await runCheck(check(), { email: 'jane@gmailcom' });
      expect(outcome.codes).toEqual(['EMAIL_TYPO', 'EMAIL_SYNTAX']);
      expect(outcome.findings[0]?.data).toMatchObject({ suggestion: 'jane@gmail.com', suggestedDomain: 'gmail.com' });
    });
  });

  describe('EMAIL_TYPO', () => {
    it('is reported with the corrected address for a misspelt provider', async () => {
      const outcome = await runCheck(check(), { email: 'jane@outlok.com' });
      expect(outcome.codes).toEqual(['EMAIL_TYPO']);
      expect(outcome.findings[0]).toMatchObject({ field: 'email', data: { suggestion: 'jane@outlook.com', suggestedDomain: 'outlook.com' } });
    });
    it('takes precedence over EMAIL_DISPOSABLE for a typo-squatting domain, which stays as evidence', async () => {
      const outcome = await runCheck(check(), { email: 'jane@gmial.com' });
      expect(outcome.codes).toEqual(['EMAIL_TYPO']);
      expect(outcome.findings[0]).toMatchObject({ data: { suggestion: 'jane@gmail.com' } });
      expect(outcome.evidence).toMatchObject({ disposable: false, listedDisposable: true });
    });
    it('gives the typo, never EMAIL_DISPOSABLE, for every typo of a provider the disposable list carries', async () => {
      // The disposable list's own typo-squats (LISTED_TYPO_DOMAINS are reviewed against it).
      const squats = DISPOSABLE_DOMAINS.split('\n').filter((domain) => suggestDomain(domain) !== undefined);
      expect(squats.length).toBeGreaterThanOrEqual(3);
      for (const domain of squats) {
        expect(await codesOf({ email: `hans@${domain}` }), domain).toEqual(['EMAIL_TYPO']);
        const analysis = analyzeEmail(`hans@${domain}`);
        expect(analysis, domain).toMatchObject({ disposable: false, listedDisposable: true, suggestion: `hans@${suggestDomain(domain)}` });
      }
      // A disposable domain that is no typo is still disposable.
      expect(analyzeEmail('hans@mailinator.com')).toMatchObject({ disposable: true, listedDisposable: true });
      expect(analyzeEmail('hans@mailinator.com').suggestion).toBeUndefined();
    });
    it('does not beat the caller\'s blockDomains', async () => {
      expect(await codesOf({ email: 'jane@gmial.com' }, { blockDomains: ['gmial.com'] })).toEqual(['EMAIL_DISPOSABLE']);
    });
    it('is not reported for a company domain that resembles a provider', async () => {
      expect(await codesOf({ email: 'jane@acme.com' })).toEqual([]);
      expect(await codesOf({ email: 'jane@hive.com' })).toEqual([]);
    });
    it('suppresses the website mismatch and the MX lookup', async () => {
      const { resolveMx, calls } = fakeResolver();
      expect(await codesOf({ email: 'jane@outlok.com', website: 'acme.com' }, { resolveMx })).toEqual(['EMAIL_TYPO']);
      expect(calls).toEqual([]);
    });
    it('is not reported for a domain in allowDomains or blockDomains', async () => {
      expect(await codesOf({ email: 'jane@outlok.com' }, { allowDomains: ['outlok.com'] })).toEqual([]);
      expect(await codesOf({ email: 'jane@outlok.com' }, { blockDomains: ['outlok.com'] })).toEqual(['EMAIL_DISPOSABLE']);
    });
  });

  describe('EMAIL_DISPOSABLE', () => {
    it('is reported for a disposable domain and a subdomain of one, instead of free', async () => {
      expect(await codesOf({ email: 'jane@mailinator.com' })).toEqual(['EMAIL_DISPOSABLE']);
      expect(await codesOf({ email: 'jane@team.mailinator.com' })).toEqual(['EMAIL_DISPOSABLE']);
    });
    it('is not reported for a domain that merely contains a disposable name', async () => {
      expect(await codesOf({ email: 'jane@mailinatorsoftware.com' })).toEqual([]);
      expect(await codesOf({ email: 'jane@mailinator.com.acme.com' })).toEqual([]);
    });
    it('is reported for blockDomains (and their subdomains), not for allowDomains', async () => {
      expect(await codesOf({ email: 'jane@eu.burner.example' }, { blockDomains: ['burner.example'] })).toEqual(['EMAIL_DISPOSABLE']);
      expect(await codesOf({ email: 'jane@mailinator.com' }, { allowDomains: ['mailinator.com'] })).toEqual([]);
      // The more specific block wins over an allowed parent.
      expect(await codesOf({ email: 'jane@tmp.acme.com' }, { allowDomains: ['acme.com'], blockDomains: ['tmp.acme.com'] })).toEqual(['EMAIL_DISPOSABLE']);
    });
    it('skips the MX lookup', async () => {
      const { resolveMx, calls } = fakeResolver();
      await codesOf({ email: 'jane@mailinator.com' }, { resolveMx });
      expect(calls).toEqual([]);
    });
  });

  describe('EMAIL_FREE_PROVIDER', () => {
    it('is reported for a consumer mailbox', async () => {
      expect(await codesOf({ email: 'jane@gmail.com' })).toEqual(['EMAIL_FREE_PROVIDER']);
      expect(await codesOf({ email: 'Jane@WEB.DE' })).toEqual(['EMAIL_FREE_PROVIDER']);
    });
    it('is not reported for B2B domains that other free lists flag, or for allowDomains', async () => {
      for (const domain of ['att.com', 'verizon.com', 'dell.com', 'starbucks.com', 'frontier.com', 'facebook.com']) {
        expect(await codesOf({ email: `jane@${domain}` }), domain).toEqual([]);
      }
      expect(await codesOf({ email: 'jane@gmail.com' }, { allowDomains: ['gmail.com'] })).toEqual([]);
    });
  });

  describe('EMAIL_ROLE_ACCOUNT', () => {
    it('is reported for a role local part, with or without a +tag', async () => {
      expect(await codesOf({ email: 'info@acme.com' })).toEqual(['EMAIL_ROLE_ACCOUNT']);
      expect(await codesOf({ email: 'Sales+EMEA@acme.com' })).toEqual(['EMAIL_ROLE_ACCOUNT']);
      expect(await codesOf({ email: 'einkauf@acme.de' }, { roleLocalParts: ['Einkauf'] })).toEqual(['EMAIL_ROLE_ACCOUNT']);
    });
    it('is not reported for a person, even with a role-like tag or prefix', async () => {
      expect(await codesOf({ email: 'jane+sales@acme.com' })).toEqual([]);
      expect(await codesOf({ email: 'jane.info@acme.com' })).toEqual([]);
      expect(await codesOf({ email: 'einkauf@acme.de' })).toEqual([]);
    });
    it('never carries the local part in the finding', async () => {
      const outcome = await runCheck(check(), { email: 'info@acme.com' });
      expect(outcome.findings[0]?.data).toBeUndefined();
    });
  });

  describe('EMAIL_DOMAIN_MISMATCH', () => {
    it('is reported when the email domain and the website are unrelated', async () => {
      const outcome = await runCheck(check(), { email: 'jane@acme.com', website: 'https://www.other-company.com/about' });
      expect(outcome.codes).toEqual(['EMAIL_DOMAIN_MISMATCH']);
      expect(outcome.findings[0]?.data).toEqual({ domain: 'acme.com', websiteHost: 'other-company.com' });
    });
    it('is not reported for the same company under another subdomain or TLD', async () => {
      for (const website of ['acme.com', 'https://www.ACME.com:443/de?x=1', 'shop.acme.com', 'acme.de', 'http://acme.co.uk/']) {
        expect(await codesOf({ email: 'jane@mail.acme.com', website }), website).toEqual([]);
      }
    });
    it('is not reported for free or disposable addresses, or an unusable website', async () => {
      expect(await codesOf({ email: 'jane@gmail.com', website: 'acme.com' })).toEqual(['EMAIL_FREE_PROVIDER']);
      expect(await codesOf({ email: 'jane@mailinator.com', website: 'acme.com' })).toEqual(['EMAIL_DISPOSABLE']);
      expect(await codesOf({ email: 'jane@acme.com', website: 'n/a' })).toEqual([]);
      expect(await codesOf({ email: 'jane@acme.com' })).toEqual([]);
    });
  });

  describe('EMAIL_NO_MX', () => {
    it('is reported when the resolver says the domain takes no mail, with via in the data', async () => {
      const { resolveMx } = fakeResolver({ 'acme.com': { accepts: false, via: 'null-mx', hosts: [] } });
      const outcome = await runCheck(check({ resolveMx }), { email: 'jane@acme.com' });
      expect(outcome.codes).toEqual(['EMAIL_NO_MX']);
      expect(outcome.findings[0]?.data).toEqual({ domain: 'acme.com', via: 'null-mx' });
      expect(outcome.evidence).toMatchObject({ domain: 'acme.com', mx: { via: 'null-mx', hosts: [] } });
    });
    it('is not reported when mail is accepted via MX or the implicit A-record MX', async () => {
      const { resolveMx } = fakeResolver({ 'acme.com': { accepts: true, via: 'a', hosts: ['acme.com'] } });
      const outcome = await runCheck(check({ resolveMx }), { email: 'jane@acme.com' });
      expect(outcome.codes).toEqual([]);
      expect(outcome.evidence).toMatchObject({ mx: { via: 'a', hosts: ['acme.com'] } });
    });
    it('is never reported without a resolver', async () => {
      expect(await codesOf({ email: 'jane@no-mail.example' })).toEqual([]);
    });
    it('looks up the ASCII form of an IDN domain and passes the signal through', async () => {
      const { resolveMx, calls } = fakeResolver();
      const controller = new AbortController();
      await runCheck(check({ resolveMx }), { email: 'jane@bücher.de' }, { signal: controller.signal });
      expect(calls).toHaveLength(1);
      expect(calls[0]?.domain).toBe('xn--bcher-kva.de');
      expect(calls[0]?.signal).toBe(controller.signal);
    });
    it('lets a resolver timeout reject the run (the gate makes it SYSTEM_TIMEOUT, not a bad email)', async () => {
      const timeout = new DOMException('x', 'TimeoutError');
      const resolveMx: MxResolver = async () => {
        throw timeout;
      };
      await expect(runCheck(check({ resolveMx }), { email: 'jane@acme.com' })).rejects.toBe(timeout);
    });
    it('rejects when a resolver answers something that is not an MxAnswer', async () => {
      const resolveMx = (async () => ({ ok: true })) as unknown as MxResolver;
      await expect(runCheck(check({ resolveMx }), { email: 'jane@acme.com' })).rejects.toThrow(TypeError);
    });
    it('is not looked up for an invalid address', async () => {
      const { resolveMx, calls } = fakeResolver();
      expect(await codesOf({ email: 'jane@acme' }, { resolveMx })).toEqual(['EMAIL_SYNTAX']);
      expect(calls).toEqual([]);
    });
  });

  describe('options', () => {
    const rejects = (options: unknown, option: string, message?: RegExp) => {
      let thrown: unknown;
      try {
        emailValidity(options as EmailValidityOptions);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(LeadGateError);
      expect(isLeadGateError(thrown) && thrown.option).toBe(option);
      if (message) expect((thrown as Error).message).toMatch(message);
    };

    it('throws a LeadGateError naming the bad option', () => {
      rejects({ resolveMx: 'dns' }, 'resolveMx', /^emailValidity: option "resolveMx" must be a function/);
      rejects({ allowDomains: 'acme.com' }, 'allowDomains');
      rejects({ allowDomains: ['not a domain'] }, 'allowDomains', /"not a domain"/);
      rejects({ blockDomains: ['localhost'] }, 'blockDomains');
      rejects({ roleLocalParts: [42] }, 'roleLocalParts');
      rejects({ roleLocalParts: ['has space'] }, 'roleLocalParts');
      rejects({ resolveMX: () => undefined }, 'resolveMX', /unknown option/);
      rejects({ allowDomains: ['acme.com'], blockDomains: ['ACME.com'] }, 'blockDomains', /both/);
      rejects(null, 'options');
    });

    it('accepts the spellings people paste', async () => {
      expect(await codesOf({ email: 'jane@gmail.com' }, { allowDomains: ['@Gmail.com.'] })).toEqual([]);
      expect(await codesOf({ email: 'jane@bücher.de' }, { blockDomains: ['xn--bcher-kva.de'] })).toEqual(['EMAIL_DISPOSABLE']);
    });
  });
});

describe('analyzeEmail', () => {
  it('accepts an IDN domain and normalises only the domain case', () => {
    expect(analyzeEmail('  Jane@Bücher.DE ')).toMatchObject({ valid: true, normalized: 'Jane@bücher.de', local: 'Jane', domain: 'bücher.de' });
  });

  it('refuses quoted local parts, comments, IP literals, display names and addresses without a TLD', () => {
    for (const email of ['"a b"@x.com', '"jane"@acme.com', 'jane(comment)@acme.com', 'jane@[192.0.2.1]', 'jane@[IPv6:2001:db8::1]', 'Jane <jane@acme.com>', 'jane@localhost', 'jane@acme', '', '@acme.com', 'jane@']) {
      expect(analyzeEmail(email).valid, email).toBe(false);
    }
  });

  it('refuses addresses longer than 254 characters', () => {
    expect(analyzeEmail(`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`).valid).toBe(false);
  });

  it('knows free providers without flagging B2B domains other lists get wrong', () => {
    expect(analyzeEmail('jane@gmail.com').free).toBe(true);
    for (const domain of ['att.com', 'verizon.com', 'dell.com', 'starbucks.com', 'frontier.com', 'facebook.com', 'name.com', 'clerk.com', 'example.com']) {
      expect(analyzeEmail(`jane@${domain}`).free, domain).toBe(false);
      expect(analyzeEmail(`jane@${domain}`).disposable, domain).toBe(false);
    }
  });

  it('knows disposable domains and their subdomains, and never calls them free', () => {
    expect(analyzeEmail('jane@mailinator.com')).toMatchObject({ disposable: true, free: false });
    expect(analyzeEmail('jane@x.mailinator.com')).toMatchObject({ disposable: true, free: false });
    expect(analyzeEmail('jane@mailinator.com.acme.com').disposable).toBe(false);
  });

  it('knows role accounts, ignoring a +tag and case', () => {
    for (const local of ['info', 'sales', 'noreply', 'Info', 'sales+emea']) {
      expect(analyzeEmail(`${local}@acme.com`).role, local).toBe(true);
    }
    expect(analyzeEmail('jane+news@acme.com').role).toBe(false);
  });

  it('suggests the whole corrected address', () => {
    expect(analyzeEmail('jane@gmial.com').suggestion).toBe('jane@gmail.com');
    expect(analyzeEmail('Jane.Doe@Hotmial.com').suggestion).toBe('Jane.Doe@hotmail.com');
    expect(analyzeEmail('jane@acme.com').suggestion).toBeUndefined();
  });

  it('repairs a missing or mistyped dot for a known provider only', () => {
    expect(analyzeEmail('jane@gmailcom')).toMatchObject({ valid: false, suggestion: 'jane@gmail.com' });
    expect(analyzeEmail('jane@gmail,com').suggestion).toBe('jane@gmail.com');
    expect(analyzeEmail('jane@yahoocouk').suggestion).toBe('jane@yahoo.co.uk');
    expect(analyzeEmail('jane@acmecom').suggestion).toBeUndefined();
    expect(analyzeEmail('"a b"@gmailcom').suggestion).toBeUndefined();
  });
});

describe('analyzeEmail never throws (issue 17)', () => {
  it('answers a lone surrogate with valid: false instead of validator\'s URIError', () => {
    for (const text of ['\ud800@example.com', 'jane@exa\udc00mple.com', '\udfff', 'a\ud83d@gmail.com']) {
      expect(analyzeEmail(text), JSON.stringify(text)).toMatchObject({ valid: false, disposable: false, free: false });
    }
    // A well-formed astral character is no lone surrogate.
    expect(analyzeEmail('jane😀@example.com').domain).toBe('example.com');
  });

  it('returns an analysis for any string of UTF-16 code units', () => {
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
    const text = fc.oneof(fc.string({ unit: codeUnit }), fc.tuple(fc.string({ unit: codeUnit }), fc.constantFrom('@gmail.com', '@gmial.com', '@acme.com', '.@x.com', '@')).map(([a, b]) => a + b));
    fc.assert(fc.property(text, (input) => {
      const analysis = analyzeEmail(input);
      expect(typeof analysis.valid).toBe('boolean');
      expect(typeof analysis.domain).toBe('string');
      if (analysis.suggestion !== undefined) expect(analyzeEmail(analysis.suggestion).valid).toBe(true);
    }), { numRuns: 2000 });
  });
});

describe('typo suggestions on the labelled set (issue 17)', () => {
  const set = JSON.parse(readFileSync(new URL('../fixtures/email-typos.labelled.json', import.meta.url), 'utf8')) as { typos: Array<{ typo: string; meant: string }>; real: string[] };

  it('fixes at least 90% of provider typos, never towards the wrong provider', () => {
    expect(set.typos.length).toBeGreaterThanOrEqual(300);
    const outcomes = set.typos.map(({ typo, meant }) => ({ meant, got: analyzeEmail(`jane.doe@${typo}`).suggestion?.split('@')[1] }));
    const fixed = outcomes.filter((row) => row.got === row.meant).length;
    expect(fixed / set.typos.length).toBeGreaterThanOrEqual(0.9);
    expect(outcomes.filter((row) => row.got !== undefined && row.got !== row.meant)).toEqual([]);
  });

  it('makes no false fix on real domains that look like typos', () => {
    expect(set.real.length).toBeGreaterThanOrEqual(300);
    expect(set.real.filter((domain) => analyzeEmail(`jane.doe@${domain}`).suggestion !== undefined)).toEqual([]);
  });

  it.each([
    ['gmail.net', 'gmail.com'], ['aol.net', 'aol.com'], ['icloud.net', 'icloud.com'], ['outlook.net', 'outlook.com'], ['gmail.com.co', 'gmail.com'],
    ['gmail.c', 'gmail.com'], ['gmail.comm', 'gmail.com'], ['ahoo.com', 'yahoo.com'], ['otmail.com', 'hotmail.com'], ['ol.com', 'aol.com'],
    ['htomali.com', 'hotmail.com'], ['yhao.com', 'yahoo.com'], ['gnail.con', 'gmail.com'], ['ohtmail.com', 'hotmail.com'],
  ])('corrects the issue\'s miss %s to %s', (typo, meant) => {
    expect(analyzeEmail(`jane@${typo}`).suggestion).toBe(`jane@${meant}`);
  });

  it('suggests john@gmail.com for john.@gmail.com, and mends dots in any local part', () => {
    expect(analyzeEmail('john.@gmail.com')).toMatchObject({ valid: false, suggestion: 'john@gmail.com' });
    expect(analyzeEmail('john.@gmial.com').suggestion).toBe('john@gmail.com');
    expect(analyzeEmail('.jane@acme.com').suggestion).toBe('jane@acme.com');
    expect(analyzeEmail('jo..hn@acme.com').suggestion).toBe('jo.hn@acme.com');
    expect(analyzeEmail('.@acme.com').suggestion).toBeUndefined();
  });

  it('leaves real domains alone: companies, regional providers, staff mail of providers', () => {
    for (const domain of ['me.com', 'ail.com', 'gmai.ru', 'verizon.com', 'comcast.com', 'att.com', 'web.com', 'orange.com', 'laposte.fr', 'gmx.at', 'outlook.de', 'live.com.pt', 'hotmart.com', 'cloud.com']) {
      expect(suggestDomain(domain), domain).toBeUndefined();
    }
    expect(typoCost('htomali', 'hotmail')).toBe(1);
    expect(typoCost('hotmart', 'hotmail')).toBe(2);
  });
});

describe('lists', () => {
  it('matches disposable parents but not free parents', () => {
    expect(isDisposableDomain('a.b.mailinator.com')).toBe(true);
    expect(isDisposableDomain('com')).toBe(false);
    expect(isFreeDomain('gmail.com')).toBe(true);
    expect(isFreeDomain('mail.gmail.com')).toBe(false);
  });
  it('strips a +tag before the role lookup', () => {
    expect(isRoleLocalPart('NoReply+x')).toBe(true);
    expect(isRoleLocalPart('jane+info')).toBe(false);
  });
});

describe('suggestDomain', () => {
  it.each([
    ['gmial.com', 'gmail.com'],
    ['gmai.com', 'gmail.com'],
    ['hotmial.com', 'hotmail.com'],
    ['yaho.com', 'yahoo.com'],
    ['outlok.com', 'outlook.com'],
    ['icloud.cm', 'icloud.com'],
    ['gmail.con', 'gmail.com'],
    ['yahoo.cmo', 'yahoo.com'],
    ['gmx.dr', 'gmx.de'], // short label, but only the TLD differs
    ['yahoo.co.uj', 'yahoo.co.uk'],
  ])('corrects %s to %s', (typo, target) => {
    expect(suggestDomain(typo)).toBe(target);
  });

  it.each([
    ['acme.com', 'must never become me.com'],
    ['hey.com', 'must never become sky.com'],
    ['protonmail.ch', 'a real Proton domain'],
    ['salesforce.com', 'a company'],
    ['hubspot.com', 'a company'],
    ['gmx.de', 'a target itself'],
    ['gmail.com', 'a target itself'],
    ['cloud.com', 'a company; a label edit must keep the first letter'],
    ['hive.com', 'a company; live is too short for label edits'],
    ['zoro.com', 'a company; zoho is too short for label edits'],
    ['hotmart.com', 'a company two edits from hotmail.com'],
    ['gmx.ne', 'equally close to gmx.de and gmx.net'],
    ['hotmail.gr', 'a real provider in the free list'],
    ['yahoo.gr', 'a real provider in the free list'],
    ['y7mail.com', 'a real provider in the free list'],
    ['mailinator.com', 'a disposable domain'],
  ])('leaves %s alone (%s)', (domain) => {
    expect(suggestDomain(domain)).toBeUndefined();
  });

  it('never suggests for any known free or disposable domain except the listed misspellings', () => {
    const listed = [...FREE_DOMAINS.split('\n'), ...DISPOSABLE_DOMAINS.split('\n')];
    const suggested = listed.filter((domain) => suggestDomain(domain) !== undefined).sort();
    expect(suggested).toEqual([...LISTED_TYPO_DOMAINS].sort());
  });

  it('flags list upgrades that bring new listed domains within one edit of a target', () => {
    // When this changes, review each new domain: a misspelling goes into
    // LISTED_TYPO_DOMAINS, a real provider stays out (and so gets no suggestion).
    const near = [...FREE_DOMAINS.split('\n'), ...DISPOSABLE_DOMAINS.split('\n')]
      .filter((domain) => !TYPO_TARGETS.includes(domain))
      .filter((domain) => TYPO_TARGETS.some((target) => Math.abs(target.length - domain.length) <= 1 && osaDistance(domain, target) === 1))
      .sort();
    expect(near).toEqual([
      '123.com', '5ymail.com', '9ox.net', 'amail.com', 'bol.com.br', 'cmail.com', 'email.com', 'email.ru', 'gamil.com',
      'gmai.com', 'gmail.co', 'gmail.om', 'gmal.com', 'gmial.com', 'gotmail.com', 'homail.com', 'hotmai.com',
      'hotmail.cm', 'hotmail.con', 'hotmail.gr', 'hotmails.com', 'hotmial.com', 'imail.ru', 'liberto.it', 'love.com',
      'mail.com', 'mail.nu', 'proto2mail.com', 'q.com', 'tmail.com', 'uol.com.ar', 'uymail.com', 'vahoo.com',
      'xmail.com', 'y7mail.com', 'yaho.com', 'yahoo.gr', 'yahoo.om', 'ymail4.com', 'zmail.ru', 'zoutlook.com',
    ]);
  });

  it('is fast enough for every keystroke', () => {
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) suggestDomain(`company${i % 100}.com`);
    expect((performance.now() - started) / 10_000).toBeLessThan(0.1); // ms per call, generous for slow CI
  });

  it('counts an adjacent swap as one edit', () => {
    expect(osaDistance('gmial', 'gmail')).toBe(1);
    expect(osaDistance('ca', 'abc')).toBe(3); // OSA, not unrestricted Damerau (which says 2)
    expect(osaDistance('', 'abc')).toBe(3);
  });
});

describe('domain relation', () => {
  it('approximates the registrable domain', () => {
    expect(registrableDomain('mail.acme.com')).toBe('acme.com');
    expect(registrableDomain('shop.acme.co.uk')).toBe('acme.co.uk');
    expect(registrableDomain('acme.com.au')).toBe('acme.com.au');
    expect(registrableDomain('acme.com')).toBe('acme.com');
  });

  it('reads a website host the way leads type it', () => {
    expect(websiteHost('https://user:pw@www.Acme.com:8443/path?q#x')).toBe('acme.com');
    expect(websiteHost('acme.com/about')).toBe('acme.com');
    expect(websiteHost('//eu.acme.com')).toBe('eu.acme.com');
    expect(websiteHost('www.bücher.de')).toBe('bücher.de');
    for (const unusable of ['', 'n/a', 'localhost', 'http://192.168.0.1/', 'https://[::1]/', 'not a site']) {
      expect(websiteHost(unusable), unusable).toBeUndefined();
    }
  });

  it('reads the same website twice in a row as one read, and the next website afresh', () => {
    // The email and icp checks read one lead's website one after the other.
    const trim = vi.spyOn(String.prototype, 'trim');
    try {
      expect(websiteHost('https://www.Initech.example/')).toBe('initech.example');
      trim.mockClear();
      expect(websiteHost('https://www.Initech.example/')).toBe('initech.example');
      expect(trim).not.toHaveBeenCalled();
      expect(websiteHost('localhost')).toBeUndefined();
      expect(websiteHost('localhost')).toBeUndefined();
      expect(websiteHost('globex.example')).toBe('globex.example');
      expect(trim).toHaveBeenCalledTimes(2);
    } finally {
      trim.mockRestore();
    }
  });

  it('relates subdomains, the same registrable domain and the same name under another suffix', () => {
    expect(domainsRelated('acme.com', 'acme.com')).toBe(true);
    expect(domainsRelated('mail.acme.com', 'acme.com')).toBe(true);
    expect(domainsRelated('acme.com', 'eu.acme.com')).toBe(true);
    expect(domainsRelated('acme.de', 'acme.com')).toBe(true);
    expect(domainsRelated('acme.co.uk', 'acme.com')).toBe(true);
    expect(domainsRelated('bücher.de', 'xn--bcher-kva.de')).toBe(true);
    expect(domainsRelated('acme.com', 'acme-corp.com')).toBe(false);
    expect(domainsRelated('acme.co.uk', 'other.co.uk')).toBe(false);
  });
});
