import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGate, isLeadGateError, memoryStore, sourceVerification, type LeadStore } from '../../src/index.js';
import { canonicalJson, parsePartnerToken, signPartnerToken, verifyPartnerToken, type PartnerDirectory } from '../../src/server/index.js';
import { runCheck } from '../helpers/run-check.js';

const SECRET = 'acme-reseller-secret-0123456789abcdef';
const NEXT_SECRET = 'acme-reseller-next-secret-9876543210';
const SENT = new Date('2026-11-23T12:00:00Z');
const partners: PartnerDirectory = { 'acme-reseller': { secret: SECRET }, 'old-partner': { secret: 'old-partner-secret-0123456789', active: false } };

const baseLead = () => ({
  email: 'jane.doe@northwind-logistics.de',
  firstName: 'Jane',
  phone: '+49 30 901820',
  country: 'DE',
  source: { partnerId: 'acme-reseller', utm_source: 'acme', capturedAt: '2026-11-23T11:58:00Z' },
});

async function signed(lead: Record<string, unknown> = baseLead(), options: { secret?: string | string[]; at?: Date } = {}) {
  const token = await signPartnerToken(lead, { partnerId: 'acme-reseller', secret: options.secret ?? SECRET, timestamp: options.at ?? SENT });
  return { ...lead, source: { ...(lead.source as Record<string, unknown>), partnerToken: token } };
}

const check = sourceVerification({ partners, velocity: false, duplicateLookbackDays: false });
const seconds = (s: number) => new Date(SENT.getTime() + s * 1000);
const verdictOf = async (lead: unknown, options: { at?: Date; store?: LeadStore } = {}) => {
  const result = await runCheck(check, lead, { now: options.at ?? seconds(5), ...(options.store ? { store: options.store } : {}) });
  return { codes: result.codes, problem: result.findings[0]?.data?.problem, evidence: result.evidence };
};

describe('signPartnerToken', () => {
  it('makes t=<unix seconds>,v1=<base64url HMAC>; one v1 per secret during a rotation', async () => {
    const token = await signPartnerToken(baseLead(), { partnerId: 'acme-reseller', secret: SECRET, timestamp: SENT });
    expect(token).toMatch(/^t=1795435200,v1=[A-Za-z0-9_-]{43}$/);
    const rotated = await signPartnerToken(baseLead(), { partnerId: 'acme-reseller', secret: [SECRET, NEXT_SECRET], timestamp: SENT });
    expect(parsePartnerToken(rotated)?.signatures).toHaveLength(2);
    // Deterministic: the same lead, partner, time and key give the same token.
    expect(await signPartnerToken(baseLead(), { partnerId: 'acme-reseller', secret: SECRET, timestamp: 1795435200 })).toBe(token);
  });

  it('signs the lead as the gate normalises it, and ignores a token the lead already carries', async () => {
    const messy = { ...baseLead(), email: '  jane.doe@NORTHWIND-LOGISTICS.DE ', country: 'de' };
    const a = await signPartnerToken(messy, { partnerId: 'acme-reseller', secret: SECRET, timestamp: SENT });
    const b = await signPartnerToken(baseLead(), { partnerId: 'acme-reseller', secret: SECRET, timestamp: SENT });
    expect(a).toBe(b);
    const withOldToken = { ...baseLead(), source: { ...baseLead().source, partnerToken: 't=1,v1=x' } };
    expect(await signPartnerToken(withOldToken, { partnerId: 'acme-reseller', secret: SECRET, timestamp: SENT })).toBe(b);
  });

  it('refuses a partner id the lead does not carry', async () => {
    await expect(signPartnerToken(baseLead(), { partnerId: 'someone-else', secret: SECRET })).rejects.toSatisfy((error) => isLeadGateError(error) && error.option === 'partnerId');
    await expect(signPartnerToken({ email: 'x@y.com' }, { partnerId: 'acme-reseller', secret: SECRET })).rejects.toSatisfy(isLeadGateError);
  });
});

describe("partner tokens in the source check: 'SOURCE_TOKEN_INVALID'", () => {
  it('a token signed with the partner\'s secret verifies within ±300 s (near miss)', async () => {
    for (const at of [seconds(-299), seconds(0), seconds(300)]) {
      const result = await verdictOf(await signed(), { at });
      expect(result.codes, at.toISOString()).toEqual([]);
      expect(result.evidence?.attribution).toMatchObject({ partnerId: 'acme-reseller', partnerVerified: true });
    }
  });

  it("outside ±300 s is 'SOURCE_TOKEN_INVALID' (expired / from_the_future)", async () => {
    expect(await verdictOf(await signed(), { at: seconds(301) })).toMatchObject({ codes: ['SOURCE_TOKEN_INVALID'], problem: 'expired' });
    expect(await verdictOf(await signed(), { at: seconds(-301) })).toMatchObject({ codes: ['SOURCE_TOKEN_INVALID'], problem: 'from_the_future' });
  });

  it('any change to the lead after signing breaks it (forged)', async () => {
    const lead = await signed();
    const changes: Array<(l: typeof lead) => unknown> = [
      (l) => ({ ...l, email: 'john.roe@northwind-logistics.de' }),
      (l) => ({ ...l, title: 'CEO' }),
      (l) => ({ ...l, source: { ...l.source, utm_source: 'other' } }),
      (l) => ({ ...l, source: { ...l.source, capturedAt: '2026-11-23T11:59:00Z' } }),
      (l) => ({ ...l, consent: { given: true } }),
    ];
    for (const change of changes) expect(await verdictOf(change(lead))).toMatchObject({ codes: ['SOURCE_TOKEN_INVALID'], problem: 'forged' });
  });

  it('a token for one partner does not verify as another partner\'s', async () => {
    const lead = await signed();
    const other = { ...lead, source: { ...lead.source, partnerId: 'globex' } };
    const check2 = sourceVerification({ partners: { ...partners, globex: { secret: SECRET } }, velocity: false, duplicateLookbackDays: false });
    const result = await runCheck(check2, other, { now: seconds(5) });
    expect(result.findings[0]?.data?.problem).toBe('forged');
  });

  it('missing token, token without partner id, unknown or inactive partner, malformed', async () => {
    expect(await verdictOf(baseLead())).toMatchObject({ codes: ['SOURCE_TOKEN_INVALID'], problem: 'missing' });
    const lead = await signed();
    expect(await verdictOf({ ...lead, source: { partnerToken: lead.source.partnerToken } })).toMatchObject({ problem: 'no_partner_id' });
    expect(await verdictOf({ ...lead, source: { ...lead.source, partnerId: 'nobody' } })).toMatchObject({ problem: 'unknown_partner' });
    expect(await verdictOf({ ...lead, source: { ...lead.source, partnerId: 'constructor' } })).toMatchObject({ problem: 'unknown_partner' });
    const old = { ...baseLead(), source: { ...baseLead().source, partnerId: 'old-partner' } };
    const oldToken = await signPartnerToken(old, { partnerId: 'old-partner', secret: 'old-partner-secret-0123456789', timestamp: SENT });
    expect(await verdictOf({ ...old, source: { ...old.source, partnerToken: oldToken } })).toMatchObject({ problem: 'inactive_partner' });
    for (const junk of ['v1=abc', 't=1795435200', 't=abc,v1=' + 'A'.repeat(43), 't=1795435200,v1=short', 'x'.repeat(10_000), 42]) {
      expect(await verdictOf({ ...lead, source: { ...lead.source, partnerToken: junk } }), String(junk).slice(0, 30)).toMatchObject({ codes: ['SOURCE_TOKEN_INVALID'], problem: 'malformed' });
    }
  });

  it('near miss: a lead that names no partner is not asked for a token; no partners configured, no token rule', async () => {
    expect((await verdictOf({ email: 'jane@acme-robotics.com' })).codes).toEqual([]);
    const unconfigured = await runCheck(sourceVerification({ velocity: false, duplicateLookbackDays: false }), baseLead());
    expect(unconfigured.codes).toEqual([]);
    expect(unconfigured.evidence?.rules).toMatchObject({ partnerToken: 'not configured' });
  });

  it('single use through the store: the replay is reused, even re-sent with only its other rotation signature', async () => {
    const store = memoryStore({ now: () => seconds(5).getTime() });
    const lead = await signed(baseLead(), { secret: [SECRET, NEXT_SECRET] });
    expect(await verdictOf(lead, { store })).toMatchObject({ codes: [] });
    expect(await verdictOf(lead, { store, at: seconds(6) })).toMatchObject({ codes: ['SOURCE_TOKEN_INVALID'], problem: 'reused' });
    // Our side knows both keys during the rotation; the token re-sent with only its second signature is the same token.
    const rotating = sourceVerification({ partners: { 'acme-reseller': { secret: [SECRET, NEXT_SECRET] } }, velocity: false, duplicateLookbackDays: false });
    const [, , second] = lead.source.partnerToken.split(',');
    const other = { ...lead, source: { ...lead.source, partnerToken: `t=${SENT.getTime() / 1000},${second}` } };
    const result = await runCheck(rotating, other, { now: seconds(7), store });
    expect(result.findings.map((f) => f.data?.problem)).toEqual(['reused']);
    // Near miss: on a fresh store the same re-sent token verifies, so it is the replay that is refused.
    expect((await runCheck(rotating, other, { now: seconds(7), store: memoryStore() })).codes).toEqual([]);
  });

  it('key rotation on our side: either of the partner\'s current secrets verifies', async () => {
    const rotating = sourceVerification({ partners: { 'acme-reseller': { secret: [NEXT_SECRET, SECRET] } }, velocity: false, duplicateLookbackDays: false });
    expect((await runCheck(rotating, await signed(), { now: seconds(1) })).codes).toEqual([]);
    expect((await runCheck(rotating, await signed(baseLead(), { secret: NEXT_SECRET }), { now: seconds(1) })).codes).toEqual([]);
  });

  it('accepts standard base64 signatures (Standard Webhooks libraries) as well as base64url', async () => {
    const lead = await signed();
    const sig = lead.source.partnerToken.split('v1=')[1]!;
    const standard = Buffer.from(sig, 'base64url').toString('base64');
    const result = await verdictOf({ ...lead, source: { ...lead.source, partnerToken: `t=${SENT.getTime() / 1000}, v1=${standard}` } });
    expect(result.codes).toEqual([]);
  });

  it('a partner lookup function works; one that throws becomes SYSTEM_CHECK_FAILED → review', async () => {
    const lookup = sourceVerification({ partners: async (id) => (id === 'acme-reseller' ? { secret: SECRET } : undefined), velocity: false, duplicateLookbackDays: false });
    expect((await runCheck(lookup, await signed(), { now: seconds(1) })).codes).toEqual([]);
    const failing = sourceVerification({ partners: async () => { throw new Error('vault down'); }, velocity: false, duplicateLookbackDays: false });
    const gate = createGate({ motion: 'partner', checks: [failing], now: () => seconds(1) });
    // The partner's consent record, complete and naming us, so the partner motion's consent
    // check (which rejects a lead without one) is quiet and the source check's error decides.
    const consent = {
      given: true, textId: 'acme-webinar-v3', renderedChecked: false, userInteracted: true, capturedAt: '2026-11-23T11:58:00Z',
      pageUrl: 'https://acme-reseller.example/webinar', partner: { name: 'Acme Reseller', namesBuyer: true },
    };
    const verdict = await gate.validate(await signed({ ...baseLead(), consent }));
    expect(verdict.reasons.map((r) => r.code)).toEqual(['SYSTEM_CHECK_FAILED']);
    expect(verdict.decision).toBe('review');
  });

  it('works in batch: each lead of a file carries its own token over its own body', async () => {
    const store = memoryStore({ now: () => seconds(5).getTime() });
    const leads = await Promise.all(['a', 'b', 'c'].map((name) => signed({ ...baseLead(), email: `${name}@northwind-logistics.de` })));
    for (const lead of leads) expect((await verdictOf(lead, { store })).codes).toEqual([]);
    // Swapping tokens between leads of the same batch breaks both.
    const swapped = { ...leads[0]!, source: { ...leads[0]!.source, partnerToken: leads[1]!.source.partnerToken } };
    expect(await verdictOf(swapped, { store })).toMatchObject({ problem: 'forged' });
  });

  it('verifyPartnerToken (leadgate/server) agrees with the check', async () => {
    const lead = await signed();
    expect(await verifyPartnerToken(lead, { partners, now: () => seconds(5) })).toMatchObject({ valid: true, partnerId: 'acme-reseller' });
    expect(await verifyPartnerToken({ ...lead, email: 'x@y.de' }, { partners, now: () => seconds(5) })).toMatchObject({ valid: false, problem: 'forged' });
  });

  it('the signed body is the canonical JSON of the lead without its token', async () => {
    // What a partner in another language must reproduce, byte for byte.
    const lead = baseLead();
    const body = canonicalJson(lead);
    expect(body.startsWith('{"country":"DE","email":"jane.doe@northwind-logistics.de"')).toBe(true);
    const { createHmac } = await import('node:crypto');
    const signature = createHmac('sha256', SECRET).update(`acme-reseller.${SENT.getTime() / 1000}.${body}`).digest('base64url');
    expect(await signPartnerToken(lead, { partnerId: 'acme-reseller', secret: SECRET, timestamp: SENT })).toBe(`t=${SENT.getTime() / 1000},v1=${signature}`);
  });
});

describe('signature spelling', () => {
  it('a token whose last character is another spelling of the same bytes does not verify (found by the property below)', async () => {
    const lead = await signed();
    const token = lead.source.partnerToken;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.at(-1)!);
    // The last of 43 characters carries 2 unused bits: last+1 decodes to the same 32 bytes.
    const sibling = token.slice(0, -1) + alphabet[(last & ~3) + ((last + 1) & 3)];
    expect(Buffer.from(sibling.split('v1=')[1]!, 'base64url')).toEqual(Buffer.from(token.split('v1=')[1]!, 'base64url'));
    expect(await verdictOf({ ...lead, source: { ...lead.source, partnerToken: sibling } })).toMatchObject({ codes: ['SOURCE_TOKEN_INVALID'], problem: 'malformed' });
    expect((await verdictOf(lead)).codes).toEqual([]);
  });
});

describe('property: forged, truncated and replayed partner tokens never verify', () => {
  it('a token with any one character changed, or cut short, never verifies', async () => {
    const lead = await signed();
    const token = lead.source.partnerToken;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=,t';
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: token.length - 1 }), fc.integer({ min: 1, max: alphabet.length - 1 }), async (index, delta) => {
        const position = Math.max(0, alphabet.indexOf(token[index]!));
        const changed = token.slice(0, index) + alphabet[(position + delta) % alphabet.length] + token.slice(index + 1);
        fc.pre(changed !== token);
        const forged = await verdictOf({ ...lead, source: { ...lead.source, partnerToken: changed } });
        const truncated = await verdictOf({ ...lead, source: { ...lead.source, partnerToken: token.slice(0, index) } });
        return forged.codes.includes('SOURCE_TOKEN_INVALID') && truncated.codes.includes('SOURCE_TOKEN_INVALID');
      }),
      { numRuns: 200 },
    );
  });

  it('a token over one lead never verifies another (any changed email or name)', async () => {
    const lead = await signed();
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 30 }), async (name) => {
        fc.pre(name.trim() !== '' && name.replace(/\s+/g, ' ').trim() !== 'Jane');
        return (await verdictOf({ ...lead, firstName: name })).problem === 'forged';
      }),
      { numRuns: 100 },
    );
  });

  it('a token verified once is refused every time after, at any moment of its life', async () => {
    const lead = await signed();
    const store = memoryStore({ now: () => seconds(0).getTime() });
    expect((await verdictOf(lead, { store, at: seconds(0) })).codes).toEqual([]);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -300, max: 300 }), async (offset) => (await verdictOf(lead, { store, at: seconds(offset) })).codes.includes('SOURCE_TOKEN_INVALID')),
      { numRuns: 60 },
    );
  });

  it('random strings never verify', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120 }), async (token) => {
        const result = await verdictOf({ ...baseLead(), source: { ...baseLead().source, partnerToken: token } });
        return result.codes.includes('SOURCE_TOKEN_INVALID');
      }),
      { numRuns: 200 },
    );
  });
});
