import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentProvenance, createGate, isLeadGateError } from '../../src/index.js';
import { RECEIPT_FIELDS, signReceipt, verifyReceipt, type ReceiptClaims } from '../../src/server/index.js';
import { runCheck } from '../helpers/run-check.js';

const SECRET = 'consent-receipt-test-secret-7f3a9c';
const NOW = new Date('2026-11-23T12:00:00Z');
const now = () => NOW;

const LEAD = Object.freeze({
  email: 'Jane.Doe@Acme-Robotics.com',
  country: 'DE',
  consent: {
    given: true,
    channels: ['email', 'phone'],
    purposes: ['marketing'],
    textId: 'newsletter-v3',
    textHash: 'a'.repeat(64),
    renderedChecked: false,
    userInteracted: true,
    requiredToSubmit: false,
    capturedAt: '2026-11-23T11:58:00Z',
    pageUrl: 'https://acme.example/demo',
  },
});

/** A changed value for every covered consent field (email is changed on the lead itself). */
const CHANGES: Record<Exclude<(typeof RECEIPT_FIELDS)[number], 'emailSha256'>, unknown> = {
  textId: 'newsletter-v4',
  textHash: 'b'.repeat(64),
  given: false,
  renderedChecked: true,
  userInteracted: false,
  requiredToSubmit: true,
  channels: ['email'],
  purposes: ['marketing', 'partners'],
  capturedAt: '2026-11-23T11:59:00Z',
  pageUrl: 'https://acme.example/pricing',
};

const checkWithSecret = consentProvenance({ receiptSecret: SECRET });
const withReceipt = (lead: { consent: Record<string, unknown> } & Record<string, unknown>, receipt: unknown) => ({ ...lead, consent: { ...lead.consent, receipt } });
const receiptCodes = async (input: unknown) => {
  const outcome = await runCheck(checkWithSecret, input, { now: NOW });
  return { codes: outcome.codes.filter((code) => code === 'CONSENT_RECEIPT_INVALID'), outcome };
};

describe('signReceipt / verifyReceipt', () => {
  it('a receipt verifies and carries the covered fields, the email only as a SHA-256', async () => {
    const receipt = await signReceipt(LEAD, { secret: SECRET, now });
    expect(receipt).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const result = await verifyReceipt(receipt, { secret: SECRET });
    expect(result.valid).toBe(true);
    const claims = (result as { claims: ReceiptClaims }).claims;
    expect(claims).toMatchObject({ v: 1, signedAt: NOW.toISOString(), textId: 'newsletter-v3', channels: ['email', 'phone'], given: true });
    // SHA-256("jane.doe@acme-robotics.com"): lower-cased before hashing.
    expect(claims.emailSha256).toBe(createHash('sha256').update('jane.doe@acme-robotics.com').digest('hex'));
    expect(receipt).not.toContain('jane');
    expect(atob(receipt.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/'))).not.toContain('jane');
  });

  it('another secret never verifies; junk is malformed or missing, never valid', async () => {
    const receipt = await signReceipt(LEAD, { secret: SECRET, now });
    expect(await verifyReceipt(receipt, { secret: 'another-secret-entirely-000' })).toEqual({ valid: false, problem: 'forged' });
    for (const junk of [undefined, '', 42, 'abc', 'a.b.c', 'x'.repeat(20_000), `${receipt}.`]) {
      expect((await verifyReceipt(junk, { secret: SECRET })).valid, String(junk).slice(0, 20)).toBe(false);
    }
  });

  it('refuses to sign without a secret or without a lead object', async () => {
    for (const [input, options, option] of [
      [LEAD, { secret: '' }, 'secret'],
      [LEAD, {}, 'secret'],
      ['lead', { secret: SECRET }, 'input'],
    ] as const) {
      const error = await signReceipt(input as never, options as never).catch((caught: unknown) => caught);
      expect(isLeadGateError(error)).toBe(true);
      expect((error as { option: string }).option).toBe(option);
    }
  });

  it('property: forged and truncated receipts never verify', async () => {
    const receipt = await signReceipt(LEAD, { secret: SECRET, now });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: receipt.length - 1 }), fc.integer({ min: 1, max: alphabet.length - 1 }), fc.nat({ max: receipt.length - 1 }), async (index, delta, cut) => {
        const position = alphabet.indexOf(receipt[index]!);
        const flipped = receipt.slice(0, index) + alphabet[(position + delta) % alphabet.length] + receipt.slice(index + 1);
        // A flip in the last character of the signature may only touch its unused low bits; the
        // decoded bytes then equal the real signature, which is not a forgery.
        const sameBytes = index === receipt.length - 1 && (position ^ ((position + delta) % alphabet.length)) < 4;
        if (!sameBytes) expect((await verifyReceipt(flipped, { secret: SECRET })).valid).toBe(false);
        expect((await verifyReceipt(receipt.slice(0, cut), { secret: SECRET })).valid).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('property: a receipt signed with any other secret never verifies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 16, maxLength: 40 }).filter((secret) => secret !== SECRET), async (other) => {
        const forged = await signReceipt(LEAD, { secret: other, now });
        expect((await verifyReceipt(forged, { secret: SECRET })).valid).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
});

describe('CONSENT_RECEIPT_INVALID in the consent check', () => {
  it('the lead it was signed for passes (near miss), also after the gate normalises it', async () => {
    const receipt = await signReceipt(LEAD, { secret: SECRET, now });
    const { codes, outcome } = await receiptCodes(withReceipt(LEAD, receipt));
    expect(codes).toEqual([]);
    expect(outcome.codes).toEqual([]);
    expect(outcome.evidence).toMatchObject({ receipt: { signedAt: NOW.toISOString() }, rules: { receipt: 'ran' } });
    // Spacing and letter case of the email domain do not matter.
    const messy = { ...withReceipt(LEAD, receipt), email: '  Jane.Doe@ACME-ROBOTICS.COM ' };
    expect((await receiptCodes(messy)).codes).toEqual([]);
  });

  for (const [field, value] of Object.entries(CHANGES)) {
    it(`changing ${field} after signing breaks it`, async () => {
      const receipt = await signReceipt(LEAD, { secret: SECRET, now });
      const edited = withReceipt({ ...LEAD, consent: { ...LEAD.consent, [field]: value } }, receipt);
      const { codes, outcome } = await receiptCodes(edited);
      expect(codes).toEqual(['CONSENT_RECEIPT_INVALID']);
      expect(outcome.findings.find((finding) => finding.code === 'CONSENT_RECEIPT_INVALID')?.data).toEqual({ problem: 'mismatch', fields: field });
    });
  }

  it('removing a covered field breaks it; every covered field is exercised above', async () => {
    expect([...Object.keys(CHANGES), 'emailSha256'].sort()).toEqual([...RECEIPT_FIELDS].sort());
    const receipt = await signReceipt(LEAD, { secret: SECRET, now });
    const { pageUrl: _dropped, ...rest } = LEAD.consent;
    expect((await receiptCodes(withReceipt({ ...LEAD, consent: rest }, receipt))).codes).toEqual(['CONSENT_RECEIPT_INVALID']);
  });

  it('moved to another lead (another email): mismatch on emailSha256', async () => {
    const receipt = await signReceipt(LEAD, { secret: SECRET, now });
    const { outcome } = await receiptCodes(withReceipt({ ...LEAD, email: 'john.roe@acme-robotics.com' }, receipt));
    expect(outcome.findings.find((finding) => finding.code === 'CONSENT_RECEIPT_INVALID')?.data).toEqual({ problem: 'mismatch', fields: 'emailSha256' });
  });

  it('forged, malformed, or not a string', async () => {
    const forged = await signReceipt(LEAD, { secret: 'someone-elses-secret-123', now });
    const problems = [];
    for (const receipt of [forged, 'garbage', 12345]) {
      const { outcome } = await receiptCodes(withReceipt(LEAD, receipt));
      problems.push(outcome.findings.find((finding) => finding.code === 'CONSENT_RECEIPT_INVALID')?.data?.problem);
    }
    expect(problems).toEqual(['forged', 'malformed', 'malformed']);
  });

  it('a receipt without a configured secret is noted in the evidence, never reported', async () => {
    const outcome = await runCheck(consentProvenance(), withReceipt(LEAD, 'garbage'), { now: NOW });
    expect(outcome.codes).toEqual([]);
    expect((outcome.evidence?.rules as Record<string, string>).receipt).toBe('skipped: a receipt is present but no receiptSecret is configured');
    const none = await runCheck(checkWithSecret, LEAD, { now: NOW });
    expect((none.evidence?.rules as Record<string, string>).receipt).toBe('skipped: no receipt');
  });

  it('through a gate: an edited record is reviewed under inbound and rejected under partner', async () => {
    const receipt = await signReceipt(LEAD, { secret: SECRET, now });
    const edited = withReceipt({ ...LEAD, consent: { ...LEAD.consent, renderedChecked: true, given: true } }, receipt);
    const inbound = createGate({ motion: 'inbound', checks: [consentProvenance({ receiptSecret: SECRET })], now });
    const verdict = await inbound.validate(edited);
    expect(verdict.reasons.find((reason) => reason.code === 'CONSENT_RECEIPT_INVALID')?.action).toBe('review');
    const partner = createGate({ motion: 'partner', checks: [consentProvenance({ receiptSecret: SECRET, sharesData: true, collectedByPartner: true })], now });
    const partnerVerdict = await partner.validate(edited);
    expect(partnerVerdict.reasons.find((reason) => reason.code === 'CONSENT_RECEIPT_INVALID')?.action).toBe('reject');
    expect(partnerVerdict.decision).toBe('reject');
  });
});
