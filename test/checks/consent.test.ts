import { describe, expect, it } from 'vitest';
import {
  consentProvenance,
  createGate,
  isLeadGateError,
  memoryStore,
  MOTION_NAMES,
  motions,
  regimeFor,
  suppress,
  suppressionDigest,
  SUPPRESSION_LIST,
  type ConsentProvenanceOptions,
  type LeadStore,
  type MotionName,
} from '../../src/index.js';
import { signReceipt } from '../../src/server/index.js';
import { runCheck, syncContext } from '../helpers/run-check.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const HASH = 'a'.repeat(64);
const OTHER_HASH = 'b'.repeat(64);

/** A complete, valid email consent record captured two minutes before NOW. */
const VALID = Object.freeze({
  given: true,
  channels: ['email'],
  purposes: ['marketing'],
  textId: 'newsletter-v3',
  textHash: HASH,
  renderedChecked: false,
  userInteracted: true,
  requiredToSubmit: false,
  capturedAt: '2026-11-23T11:58:00Z',
  pageUrl: 'https://acme.example/demo',
  lawfulBasis: 'consent',
});

const LI = Object.freeze({ lawfulBasis: 'legitimate_interest', liaRef: 'LIA-2026-07' });
/** LI with the subscriber type recorded: a work domain alone is CONSENT_SUBSCRIBER_INFERRED (CP-06). */
const LI_CORPORATE = Object.freeze({ ...LI, subscriberType: 'corporate' });

const EMAILS = {
  work: 'jane.doe@acme-robotics.com',
  free: 'jane.doe@gmail.com',
} as const;

function lead(country: string | undefined, consent?: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { email: EMAILS.work, ...(country ? { country } : {}), ...(consent ? { consent } : {}), ...extra };
}

const check = consentProvenance();
const run = (input: unknown, options: Parameters<typeof runCheck>[2] = {}, c = check) => runCheck(c, input, { now: NOW, ...options });
const months = (n: number) => new Date(Date.UTC(2026, 10 - n, 23, 12)).toISOString();

describe('consent: the jurisdiction table', () => {
  it('maps countries to regimes, with a strict default for unknown or missing countries', () => {
    expect(regimeFor('DE').id).toBe('DE');
    expect(regimeFor('AT').id).toBe('EU');
    expect(regimeFor('GB').id).toBe('GB');
    expect(regimeFor('US').id).toBe('US');
    expect(regimeFor('CA').id).toBe('CA');
    expect(regimeFor('AU').id).toBe('AU');
    expect(regimeFor('BR').id).toBe('STRICT');
    expect(regimeFor(undefined).id).toBe('STRICT');
  });

  it('every rule names its source', () => {
    for (const country of ['DE', 'FR', 'NL', 'AT', 'GB', 'US', 'CA', 'AU', 'BR']) {
      for (const rule of Object.values(regimeFor(country).channels)) expect(rule.source).toMatch(/^https?:\/\//);
    }
  });
});

describe("CONSENT_MISSING / CONSENT_BASIS_MISSING by jurisdiction (email, inbound's channels)", () => {
  const cases: Array<{ name: string; input: Record<string, unknown>; codes: string[]; motion?: string }> = [
    // Germany: opt-in even B2B (UWG §7); legitimate interest does not replace consent.
    // Nor is there a GDPR lawful basis: CONSENT_BASIS_MISSING too (CP-06, CP-14; 1.2.0).
    { name: 'DE work address, no consent', input: lead('DE'), codes: ['CONSENT_MISSING', 'CONSENT_BASIS_MISSING'] },
    { name: 'DE work address, legitimate interest with LIA', input: lead('DE', LI), codes: ['CONSENT_MISSING'] },
    { name: 'DE work address, consent (near miss)', input: lead('DE', VALID), codes: [] },
    { name: 'NL work address, no consent', input: lead('NL'), codes: ['CONSENT_MISSING', 'CONSENT_BASIS_MISSING'] },
    { name: 'AT (EU row) work address, no consent', input: lead('AT'), codes: ['CONSENT_MISSING', 'CONSENT_BASIS_MISSING'] },
    // France: B2B email opt-out, GDPR basis still needed.
    { name: 'FR work address, nothing recorded', input: lead('FR'), codes: ['CONSENT_BASIS_MISSING'] },
    { name: 'FR work address, legitimate interest with LIA, subscriber type inferred', input: lead('FR', LI), codes: ['CONSENT_SUBSCRIBER_INFERRED'] },
    { name: 'FR work address, legitimate interest with LIA, corporate recorded (near miss)', input: lead('FR', LI_CORPORATE), codes: [] },
    { name: 'FR free-mail address, legitimate interest with LIA', input: lead('FR', LI, { email: EMAILS.free }), codes: ['CONSENT_MISSING'] },
    // UK: corporate subscribers opt-out (PECR reg. 22 protects individuals only).
    { name: 'GB corporate, nothing recorded', input: lead('GB'), codes: ['CONSENT_BASIS_MISSING'] },
    { name: 'GB corporate, legitimate interest without an LIA reference', input: lead('GB', { lawfulBasis: 'legitimate_interest' }), codes: ['CONSENT_BASIS_MISSING'] },
    { name: 'GB work domain, legitimate interest with LIA, subscriber type inferred', input: lead('GB', LI), codes: ['CONSENT_SUBSCRIBER_INFERRED'] },
    { name: 'GB corporate recorded, legitimate interest with LIA (near miss)', input: lead('GB', LI_CORPORATE), codes: [] },
    { name: 'GB free-mail (individual), legitimate interest with LIA', input: lead('GB', LI, { email: EMAILS.free }), codes: ['CONSENT_MISSING'] },
    { name: 'GB free-mail with consent (near miss)', input: lead('GB', VALID, { email: EMAILS.free }), codes: [] },
    { name: 'GB work domain recorded as a sole trader', input: lead('GB', { ...LI, subscriberType: 'individual' }), codes: ['CONSENT_MISSING'] },
    { name: 'GB free-mail recorded as a corporate subscriber (near miss)', input: lead('GB', { ...LI, subscriberType: 'corporate' }, { email: EMAILS.free }), codes: [] },
    // US: CAN-SPAM is opt-out, no GDPR layer.
    { name: 'US email, nothing recorded (near miss)', input: lead('US'), codes: [] },
    // Unknown or missing country: strict opt-in.
    { name: 'unknown country (BR), legitimate interest with LIA', input: lead('BR', LI), codes: ['CONSENT_MISSING'] },
    { name: 'no country, nothing recorded', input: lead(undefined), codes: ['CONSENT_MISSING', 'CONSENT_BASIS_MISSING'] },
    { name: 'no country, consent (near miss)', input: lead(undefined, VALID), codes: [] },
    { name: 'AU, nothing recorded', input: lead('AU'), codes: ['CONSENT_MISSING'] },
    { name: 'AU, consent (near miss)', input: lead('AU', VALID), codes: [] },
  ];
  for (const { name, input, codes } of cases) {
    it(`${name} → ${codes.join(', ') || 'pass'}`, async () => {
      const outcome = await run(input);
      expect(outcome.codes).toEqual(codes);
    });
  }

  it('says which reason a missing basis has', async () => {
    expect((await run(lead('GB'))).findings[0]?.data).toMatchObject({ reason: 'none', channels: 'email', regimes: 'GB' });
    expect((await run(lead('GB', { lawfulBasis: 'legitimate_interest' }))).findings[0]?.data).toMatchObject({ reason: 'lia_missing' });
  });

  it('records the subscriber type and where it came from', async () => {
    expect((await run(lead('GB', LI))).evidence).toMatchObject({ subscriberType: 'corporate', subscriberTypeFrom: 'work_domain' });
    expect((await run(lead('GB', LI, { email: EMAILS.free }))).evidence).toMatchObject({ subscriberType: 'individual', subscriberTypeFrom: 'free_mail' });
    expect((await run(lead('GB', { ...LI, subscriberType: 'individual' }))).evidence).toMatchObject({ subscriberTypeFrom: 'record' });
  });
});

describe('phone and SMS: TCPA, channels by motion', () => {
  const usPhone = '+1 415 555 2671';

  it('US outbound with a phone and no consent: CONSENT_MISSING for the phone only (email is CAN-SPAM opt-out)', async () => {
    const outcome = await run(lead('US', undefined, { phone: usPhone }), { motion: 'outbound' });
    expect(outcome.codes).toEqual(['CONSENT_MISSING']);
    expect(outcome.findings[0]?.data).toMatchObject({ channels: 'phone', regimes: 'US' });
    expect(outcome.evidence?.channels).toMatchObject({ email: { regime: 'US', basis: 'opt_out' }, phone: { regime: 'US', problem: 'missing' } });
  });

  it('US outbound with written consent for email and phone (near miss)', async () => {
    const outcome = await run(lead('US', { ...VALID, channels: ['email', 'phone'] }, { phone: usPhone }), { motion: 'outbound' });
    expect(outcome.codes).toEqual([]);
  });

  it('US inbound with a phone: only email is contacted, so no consent is needed (near miss)', async () => {
    const outcome = await run(lead('US', undefined, { phone: usPhone }), { motion: 'inbound' });
    expect(outcome.codes).toEqual([]);
    expect(Object.keys(outcome.evidence?.channels as object)).toEqual(['email']);
  });

  it('a consent covering SMS adds the SMS channel; a void one does not carry it', async () => {
    const withSms = await run(lead('US', { ...VALID, channels: ['email', 'sms'] }, { phone: usPhone }));
    expect(Object.keys(withSms.evidence?.channels as object)).toEqual(['email', 'sms']);
    expect(withSms.codes).toEqual([]);
    const preticked = await run(lead('US', { ...VALID, channels: ['email', 'sms'], renderedChecked: true, userInteracted: false }, { phone: usPhone }));
    // The SMS channel only the void consent claimed is stripped, not reported as missing (1.2.0).
    expect(preticked.codes).toEqual(['CONSENT_PRETICKED']);
    expect(Object.keys(preticked.evidence?.channels as object)).toEqual(['email']);
    expect(preticked.evidence?.strippedChannels).toEqual(['sms']);
  });

  it('GB outbound: live calls are opt-out (PECR reg. 21), email is corporate opt-out: one LI basis covers both', async () => {
    const phone = '+44 20 7946 0958';
    expect((await run(lead('GB', LI_CORPORATE, { phone }), { motion: 'outbound' })).codes).toEqual([]);
    const none = await run(lead('GB', undefined, { phone }), { motion: 'outbound' });
    expect(none.codes).toEqual(['CONSENT_BASIS_MISSING']);
    expect(none.findings[0]?.data).toMatchObject({ channels: 'email, phone' });
  });

  it('the channels option replaces the motion default; channels without a contact detail are dropped', async () => {
    const smsOnly = consentProvenance({ channels: ['sms'] });
    expect((await run(lead('US', undefined, { phone: usPhone }), {}, smsOnly)).codes).toEqual(['CONSENT_MISSING']);
    // No phone on the lead: there is nothing to text.
    expect((await run(lead('US'), {}, smsOnly)).codes).toEqual([]);
  });
});

describe('the stricter regime of the lead country and the phone country applies', () => {
  it('GB lead with a German phone: the German opt-in rule applies to email', async () => {
    const outcome = await run(lead('GB', LI, { phone: '+49 30 901820' }));
    expect(outcome.codes).toEqual(['CONSENT_MISSING']);
    expect(outcome.findings[0]?.data).toMatchObject({ regimes: 'DE' });
    expect(outcome.evidence?.jurisdiction).toMatchObject({ leadCountry: 'GB', phoneCountry: 'DE', regimes: ['GB', 'DE'] });
  });

  it('GB lead with a GB phone (near miss)', async () => {
    const outcome = await run(lead('GB', LI_CORPORATE, { phone: '+44 20 7946 0958' }));
    expect(outcome.codes).toEqual([]);
    expect(outcome.evidence?.jurisdiction).toMatchObject({ leadCountry: 'GB', phoneCountry: 'GB', regimes: ['GB'] });
  });

  it('US lead with a German phone: email needs consent after all', async () => {
    expect((await run(lead('US', undefined, { phone: '+49 30 901820' }))).codes).toEqual(['CONSENT_MISSING', 'CONSENT_BASIS_MISSING']);
  });
});

describe('CONSENT_IMPLIED_EXPIRED: relationships and their windows', () => {
  const relation = (relationship: Record<string, string>) => ({ lawfulBasis: 'existing_customer', relationship });

  it('CA (CASL): an inquiry 5 months ago implies consent, 7 months ago does not', async () => {
    expect((await run(lead('CA', relation({ lastInquiryAt: months(5) })))).codes).toEqual([]);
    const expired = await run(lead('CA', relation({ lastInquiryAt: months(7) })));
    expect(expired.codes).toEqual(['CONSENT_IMPLIED_EXPIRED']);
    expect(expired.findings[0]?.data).toMatchObject({ channels: 'email', regimes: 'CA', expiredAt: months(1) });
  });

  it('CA: a purchase 23 months ago implies consent, 25 months ago does not', async () => {
    expect((await run(lead('CA', relation({ lastPurchaseAt: months(23) })))).codes).toEqual([]);
    expect((await run(lead('CA', relation({ lastPurchaseAt: months(25) })))).codes).toEqual(['CONSENT_IMPLIED_EXPIRED']);
    // The later of the two windows counts.
    expect((await run(lead('CA', relation({ lastPurchaseAt: months(25), lastInquiryAt: months(2) })))).codes).toEqual([]);
  });

  it('CA: a longer policy window cannot extend the statutory one; elsewhere it does', async () => {
    const generous = consentProvenance({ relationshipWindow: { purchaseMonths: 36 } });
    expect((await run(lead('CA', relation({ lastPurchaseAt: months(25) })), {}, generous)).codes).toEqual(['CONSENT_IMPLIED_EXPIRED']);
    expect((await run(lead('DE', relation({ lastPurchaseAt: months(25) })), {}, generous)).codes).toEqual([]);
    expect((await run(lead('DE', relation({ lastPurchaseAt: months(25) })))).codes).toEqual(['CONSENT_IMPLIED_EXPIRED', 'CONSENT_BASIS_MISSING']);
  });

  it('GB corporate: a current customer relationship is a basis; a lapsed one is reported as expired', async () => {
    expect((await run(lead('GB', { ...relation({ lastPurchaseAt: months(3) }), subscriberType: 'corporate' }), { motion: 'expansion' })).codes).toEqual([]);
    expect((await run(lead('GB', relation({ lastPurchaseAt: months(3) })), { motion: 'expansion' })).codes).toEqual(['CONSENT_SUBSCRIBER_INFERRED']);
    expect((await run(lead('GB', relation({ lastPurchaseAt: months(30) })), { motion: 'expansion' })).codes).toEqual(['CONSENT_IMPLIED_EXPIRED']);
  });

  it('US phone (TCPA) and the strict default take no relationship in place of consent', async () => {
    const phone = '+1 415 555 2671';
    expect((await run(lead('US', relation({ lastPurchaseAt: months(1) }), { phone }), { motion: 'outbound' })).codes).toEqual(['CONSENT_MISSING']);
    expect((await run(lead('BR', relation({ lastPurchaseAt: months(1) })))).codes).toEqual(['CONSENT_MISSING', 'CONSENT_BASIS_MISSING']);
  });

  it('judges windows at context.receivedAt when the server gives it (batch replays), else at the clock', async () => {
    const lapsed = lead('CA', relation({ lastInquiryAt: months(7) }));
    expect((await run(lapsed, { context: { receivedAt: months(2) } })).codes).toEqual([]);
    expect((await run(lapsed, { context: { receivedAt: 'not a date' } })).codes).toEqual(['CONSENT_IMPLIED_EXPIRED']);
  });

  it('undated or garbled relationship dates count as no relationship', async () => {
    expect((await run(lead('CA', relation({ lastPurchaseAt: 'last year' })))).codes).toEqual(['CONSENT_MISSING']);
  });
});

describe('CONSENT_PRETICKED', () => {
  it('a box ticked at render, or never touched, is no consent', async () => {
    const prechecked = await run(lead('GB', { ...VALID, renderedChecked: true, userInteracted: false }, { email: EMAILS.free }));
    expect(prechecked.codes).toEqual(['CONSENT_PRETICKED', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING']);
    expect(prechecked.findings[0]?.data).toEqual({ reason: 'prechecked' });
    const untouched = await run(lead('DE', { ...VALID, userInteracted: false }));
    expect(untouched.codes).toEqual(['CONSENT_PRETICKED', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING']);
    expect(untouched.findings[0]?.data).toEqual({ reason: 'no_interaction' });
  });

  it('unticked at render and ticked by the person (near miss)', async () => {
    expect((await run(lead('DE', VALID))).codes).toEqual([]);
  });

  it('ticked at render, then unticked and ticked again by the person: their own act (near miss), noted in evidence', async () => {
    const reticked = await run(lead('DE', { ...VALID, renderedChecked: true, userInteracted: true }));
    expect(reticked.codes).toEqual([]);
    expect((reticked.evidence?.rules as Record<string, string>).rendered).toBe('prechecked');
  });

  it('a void consent leaves other bases to carry the lead (US email is opt-out)', async () => {
    expect((await run(lead('US', { ...VALID, renderedChecked: true, userInteracted: false }))).codes).toEqual(['CONSENT_PRETICKED']);
  });
});

describe('CONSENT_BUNDLED', () => {
  it('required to submit, or one box for marketing and the terms', async () => {
    const required = await run(lead('DE', { ...VALID, requiredToSubmit: true }));
    expect(required.codes).toEqual(['CONSENT_BUNDLED', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING']);
    expect(required.findings[0]?.data).toEqual({ reason: 'required_to_submit' });
    const withTerms = await run(lead('CA', { ...VALID, purposes: ['marketing', 'Terms of Service'] }));
    expect(withTerms.codes).toEqual(['CONSENT_BUNDLED', 'CONSENT_MISSING']);
    expect(withTerms.findings[0]?.data).toEqual({ reason: 'with_terms', purposes: 'terms_of_service' });
  });

  it('an optional box for several marketing purposes (near miss)', async () => {
    expect((await run(lead('DE', { ...VALID, purposes: ['marketing', 'product_updates', 'events'] }))).codes).toEqual([]);
  });
});

describe('CONSENT_RECORD_INCOMPLETE', () => {
  it('lists what is missing: when, how, what they were told', async () => {
    const { given, channels } = VALID;
    const outcome = await run(lead('US', { given, channels }));
    expect(outcome.codes).toEqual(['CONSENT_RECORD_INCOMPLETE']);
    expect(outcome.findings[0]?.data).toEqual({ missing: 'capturedAt, pageUrl, renderedChecked, userInteracted, text' });
  });

  it('a capture time in the future or not a date is as good as none', async () => {
    for (const capturedAt of ['2026-11-24T12:00:00Z', 'yesterday']) {
      const outcome = await run(lead('US', { ...VALID, capturedAt }));
      expect(outcome.codes).toEqual(['CONSENT_RECORD_INCOMPLETE']);
      expect(outcome.findings[0]?.data).toEqual({ missing: 'capturedAt' });
    }
  });

  it('who: a lead with neither email nor phone', async () => {
    const outcome = await run({ country: 'US', consent: VALID });
    expect(outcome.findings[0]).toMatchObject({ code: 'CONSENT_RECORD_INCOMPLETE', data: { missing: 'email_or_phone' } });
  });

  it('a complete record (near miss), and no record rule at all without a claimed consent', async () => {
    expect((await run(lead('US', VALID))).codes).toEqual([]);
    expect((await run(lead('US', { given: false }))).codes).toEqual([]);
  });
});

describe('CONSENT_TEXT_UNKNOWN (only with a registry)', () => {
  const registry = consentProvenance({
    texts: [
      { id: 'newsletter-v3', hash: HASH.toUpperCase(), validFrom: '2026-06-01T00:00:00Z' },
      { id: 'newsletter-v2', hash: OTHER_HASH, validFrom: '2025-01-01T00:00:00Z', validTo: '2026-06-01T00:00:00Z' },
    ],
  });
  const reason = async (consent: Record<string, unknown>) => {
    const outcome = await run(lead('US', consent), {}, registry);
    return outcome.findings.find((finding) => finding.code === 'CONSENT_TEXT_UNKNOWN')?.data?.reason;
  };

  it('unknown id, hash mismatch, missing hash, unknown hash, not in force at capture', async () => {
    expect(await reason({ ...VALID, textId: 'newsletter-v9' })).toBe('unknown_id');
    expect(await reason({ ...VALID, textHash: OTHER_HASH })).toBe('hash_mismatch');
    expect(await reason({ ...VALID, textHash: undefined })).toBe('hash_missing');
    expect(await reason({ ...VALID, textId: undefined, textHash: 'c'.repeat(64) })).toBe('unknown_hash');
    expect(await reason({ ...VALID, capturedAt: '2026-05-31T23:59:59Z' })).toBe('not_in_force');
    expect(await reason({ ...VALID, textId: 'newsletter-v2', textHash: OTHER_HASH })).toBe('not_in_force');
  });

  it('a registered text in force at capture (near miss), by id and hash or by hash alone', async () => {
    expect((await run(lead('US', VALID), {}, registry)).codes).toEqual([]);
    expect((await run(lead('US', { ...VALID, textId: undefined }), {}, registry)).codes).toEqual([]);
    expect((await run(lead('US', { ...VALID, textId: 'newsletter-v2', textHash: OTHER_HASH, capturedAt: '2026-05-01T00:00:00Z' }), {}, registry)).codes).toEqual([]);
  });

  it('without a registry the rule does not run, and the evidence says so', async () => {
    const outcome = await run(lead('US', { ...VALID, textId: 'newsletter-v9' }));
    expect(outcome.codes).toEqual([]);
    expect((outcome.evidence?.rules as Record<string, string>).text).toMatch(/^not configured/);
    expect(((await run(lead('US', VALID), {}, registry)).evidence?.rules as Record<string, string>).text).toBe('ran');
  });
});

describe('CONSENT_PARTNER_NOT_NAMED', () => {
  const partnerCheck = consentProvenance({ collectedByPartner: true });

  it('partner consent that does not name the buyer is no consent for us: with no channel left, CONSENT_PARTNER_NO_CHANNEL', async () => {
    const outcome = await run(lead('GB', { ...VALID, partner: { name: 'LeadCo', namesBuyer: false } }, { email: EMAILS.free }));
    expect(outcome.codes).toEqual(['CONSENT_PARTNER_NOT_NAMED', 'CONSENT_PARTNER_NO_CHANNEL', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING']);
    expect(outcome.findings[0]?.data).toEqual({ partner: 'LeadCo', channelsLeft: '' });
    expect(outcome.findings[1]?.data).toEqual({ partner: 'LeadCo', channels: 'email', regimes: 'GB' });
  });

  it('a partner motion requires the naming even when the record says nothing about the partner', async () => {
    // US email is CAN-SPAM opt-out: the lead is stripped to it, no NO_CHANNEL (CP-14).
    const outcome = await run(lead('US', VALID), {}, partnerCheck);
    expect(outcome.codes).toEqual(['CONSENT_PARTNER_NOT_NAMED']);
    expect(outcome.findings[0]?.data).toEqual({ partner: null, channelsLeft: 'email' });
  });

  it('strips to the channels the regime allows on opt-out: US email stays, the SMS and call the consent asked for go', async () => {
    const phone = '+1 415 555 2671';
    const outcome = await run(lead('US', { ...VALID, channels: ['email', 'sms', 'phone'], partner: { name: 'LeadCo', namesBuyer: false } }, { phone }), {}, partnerCheck);
    expect(outcome.codes).toEqual(['CONSENT_PARTNER_NOT_NAMED']);
    expect(outcome.findings[0]?.data).toEqual({ partner: 'LeadCo', channelsLeft: 'email', stripped: 'sms, phone' });
    expect(outcome.evidence?.strippedChannels).toEqual(['sms', 'phone']);
    // Near miss: the same consent naming the buyer carries all three channels.
    const named = await run(lead('US', { ...VALID, channels: ['email', 'sms', 'phone'], partner: { name: 'LeadCo', namesBuyer: true } }, { phone }), {}, partnerCheck);
    expect(named.codes).toEqual([]);
    expect(Object.keys(named.evidence?.channels as object)).toEqual(['email', 'sms', 'phone']);
  });

  it('a UK corporate subscriber with an LIA keeps email (opt-out); a DE lead keeps nothing', async () => {
    const notNamed = { ...VALID, ...LI_CORPORATE, partner: { name: 'LeadCo', namesBuyer: false } };
    expect((await run(lead('GB', notNamed), {}, partnerCheck)).codes).toEqual(['CONSENT_PARTNER_NOT_NAMED']);
    expect((await run(lead('DE', notNamed), {}, partnerCheck)).codes).toEqual(['CONSENT_PARTNER_NOT_NAMED', 'CONSENT_PARTNER_NO_CHANNEL', 'CONSENT_MISSING']);
  });

  it('consent that names the buyer (near miss), and first-party consent outside the partner motion (near miss)', async () => {
    expect((await run(lead('DE', { ...VALID, partner: { name: 'LeadCo', namesBuyer: true } }), {}, partnerCheck)).codes).toEqual([]);
    expect((await run(lead('DE', VALID))).codes).toEqual([]);
  });
});

describe('CONSENT_PARTNER_STALE: partner consent older than 180 days at delivery', () => {
  const partnerCheck = consentProvenance({ collectedByPartner: true });
  const named = (capturedAt: string) => ({ ...VALID, capturedAt, partner: { name: 'LeadCo', namesBuyer: true } });
  const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

  it('181 days old is stale; 180 days is not (near miss)', async () => {
    const stale = await run(lead('US', named(daysBefore(181))), {}, partnerCheck);
    expect(stale.codes).toEqual(['CONSENT_PARTNER_STALE']);
    expect(stale.findings[0]?.data).toEqual({ partner: 'LeadCo', ageDays: 181, maxAgeDays: 180 });
    expect((await run(lead('US', named(daysBefore(180))), {}, partnerCheck)).codes).toEqual([]);
  });

  it("is judged on the consent's date, not the lead's capture date", async () => {
    const freshLeadOldConsent = lead('US', named(daysBefore(200)), { source: { capturedAt: daysBefore(1) } });
    expect((await run(freshLeadOldConsent, {}, partnerCheck)).codes).toEqual(['CONSENT_PARTNER_STALE']);
    const oldLeadFreshConsent = lead('US', named(daysBefore(1)), { source: { capturedAt: daysBefore(400) } });
    expect((await run(oldLeadFreshConsent, {}, partnerCheck)).codes).toEqual([]);
  });

  it('is measured to delivery (context.receivedAt in a replay), takes its own window, and leaves first-party consent alone', async () => {
    const old = lead('US', named(daysBefore(200)));
    expect((await run(old, { context: { receivedAt: daysBefore(60) } }, partnerCheck)).codes).toEqual([]);
    expect((await run(old, {}, consentProvenance({ collectedByPartner: true, partnerConsentMaxAgeDays: 365 }))).codes).toEqual([]);
    expect((await run(lead('US', { ...VALID, capturedAt: daysBefore(400) }))).codes).toEqual([]);
  });
});

describe('CONSENT_SOURCE_UNDISCLOSED: data not collected from the person must name its source (GDPR Art. 14(2)(f))', () => {
  const listCheck = consentProvenance({ fromThirdParty: true });

  it('a list record under the GDPR with no source named', async () => {
    const outcome = await run(lead('DE', LI), { motion: 'outbound' }, listCheck);
    expect(outcome.codes).toEqual(['CONSENT_SOURCE_UNDISCLOSED', 'CONSENT_MISSING']);
    expect(outcome.findings[0]).toMatchObject({ field: 'source', data: { regimes: 'DE' } });
    expect((await run(lead('GB', LI_CORPORATE, { source: { utm_source: 'zoominfo' } }), {}, listCheck)).codes).toEqual(['CONSENT_SOURCE_UNDISCLOSED']);
  });

  it('a named data source, a partner name or a partner id (near misses)', async () => {
    expect((await run(lead('GB', LI_CORPORATE, { source: { dataSource: 'Cognism list 2026-11' } }), {}, listCheck)).codes).toEqual([]);
    expect((await run(lead('GB', LI_CORPORATE, { source: { partnerId: 'acme-reseller' } }), {}, listCheck)).codes).toEqual([]);
    const partnerConsent = { ...VALID, partner: { name: 'LeadCo', namesBuyer: true } };
    expect((await run(lead('GB', partnerConsent), {}, consentProvenance({ collectedByPartner: true }))).codes).toEqual([]);
  });

  it('outside the GDPR, or collected from the person, the rule does not run (near misses)', async () => {
    const us = await run(lead('US'), {}, listCheck);
    expect(us.codes).toEqual([]);
    expect((us.evidence?.rules as Record<string, string>).dataSource).toBe('skipped: the GDPR does not apply');
    const own = await run(lead('GB', LI_CORPORATE));
    expect(own.codes).toEqual([]);
    expect((own.evidence?.rules as Record<string, string>).dataSource).toBe('skipped: collected from the person');
  });
});

describe('CONSENT_SUBSCRIBER_INFERRED (CP-06: a UK work domain may be a sole trader)', () => {
  it('reported only where the inference let a channel through', async () => {
    const inferred = await run(lead('GB', LI));
    expect(inferred.codes).toEqual(['CONSENT_SUBSCRIBER_INFERRED']);
    expect(inferred.findings[0]?.data).toEqual({ from: 'work_domain', channels: 'email', regimes: 'GB' });
    expect(inferred.evidence).toMatchObject({ subscriberType: 'corporate', subscriberTypeFrom: 'work_domain' });
    // Near misses: recorded; failing anyway (no basis); carried by consent; a free-mail address.
    expect((await run(lead('GB', LI_CORPORATE))).codes).toEqual([]);
    expect((await run(lead('GB'))).codes).toEqual(['CONSENT_BASIS_MISSING']);
    expect((await run(lead('GB', VALID))).codes).toEqual([]);
    expect((await run(lead('GB', LI, { email: EMAILS.free }))).codes).toEqual(['CONSENT_MISSING']);
  });

  it('a recorded "unknown" is inferred like no record', async () => {
    expect((await run(lead('GB', { ...LI, subscriberType: 'unknown' }))).codes).toEqual(['CONSENT_SUBSCRIBER_INFERRED']);
  });
});

describe('CONSENT_GPC_OPTOUT (only where the motion shares data)', () => {
  const sharing = consentProvenance({ sharesData: true });

  it('a GPC signal on a lead that will be shared', async () => {
    const outcome = await run(lead('US'), { context: { gpc: true } }, sharing);
    expect(outcome.codes).toEqual(['CONSENT_GPC_OPTOUT']);
  });

  it('no signal (near miss); a signal where nothing is shared is recorded, not reported (near miss)', async () => {
    expect((await run(lead('US'), { context: { gpc: false } }, sharing)).codes).toEqual([]);
    const firstParty = await run(lead('US'), { context: { gpc: true } });
    expect(firstParty.codes).toEqual([]);
    expect(firstParty.evidence).toMatchObject({ gpc: true });
    expect((firstParty.evidence?.rules as Record<string, string>).gpc).toMatch(/^skipped/);
  });
});

describe('CONSENT_SUPPRESSED (store, by digest)', () => {
  const suppressing = consentProvenance({ suppression: true });

  it('an email or phone on the list, however it is written', async () => {
    const store = memoryStore();
    const imported = await suppress(store, { emails: [' Jane.Doe@ACME-robotics.com'], phones: ['+44 20 7946 0958', 'not a phone'] });
    expect(imported).toEqual({ added: 2, skipped: 1 });
    const byEmail = await run(lead('US'), { store }, suppressing);
    expect(byEmail.codes).toEqual(['CONSENT_SUPPRESSED']);
    expect(byEmail.findings[0]?.data).toEqual({ matched: 'email' });
    // A national number in the lead's country is the same E.164 number.
    const byPhone = await run({ email: 'someone@else.example', country: 'GB', phone: '020 7946 0958', consent: LI_CORPORATE }, { store }, suppressing);
    expect(byPhone.codes).toEqual(['CONSENT_SUPPRESSED']);
    expect(byPhone.findings[0]?.data).toEqual({ matched: 'phone' });
  });

  it('another person, or a list imported with another salt (near miss)', async () => {
    const store = memoryStore();
    await suppress(store, { emails: ['someone@else.example'] });
    expect((await run(lead('US'), { store }, suppressing)).codes).toEqual([]);
    const salted = memoryStore();
    await suppress(salted, { emails: [EMAILS.work] }, 'tenant-a');
    expect((await run(lead('US'), { store: salted }, suppressing)).codes).toEqual([]);
    expect((await run(lead('US'), { store: salted }, consentProvenance({ suppression: true, suppressionSalt: 'tenant-a' }))).codes).toEqual(['CONSENT_SUPPRESSED']);
  });

  it('digests are stable and normalised; raw values never reach the store', async () => {
    expect(suppressionDigest('email', ' Jane.Doe@Example.com ')).toBe(suppressionDigest('email', 'jane.doe@example.com'));
    expect(suppressionDigest('phone', '+44 20 7946 0958')).toBe(suppressionDigest('phone', '+442079460958'));
    expect(suppressionDigest('email', 'jane.doe@example.com')).toMatch(/^[0-9a-f]{64}$/);
    expect(suppressionDigest('email', 'jane.doe@example.com', 's')).not.toBe(suppressionDigest('email', 'jane.doe@example.com'));
    expect(suppressionDigest('email', 'no-at-sign')).toBeUndefined();
    expect(suppressionDigest('phone', '12')).toBeUndefined();

    const seen: string[] = [];
    const inner = memoryStore();
    const spy: LeadStore = {
      ...inner,
      has: (list, digest) => (seen.push(list, digest), inner.has(list, digest)),
      add: (list, ...digests) => (seen.push(list, ...digests), inner.add(list, ...digests)),
    };
    await suppress(spy, { emails: [EMAILS.work], phones: ['+44 20 7946 0958'] });
    const outcome = await run(lead('GB', LI_CORPORATE, { phone: '+44 20 7946 0958' }), { store: spy }, suppressing);
    expect(outcome.codes).toEqual(['CONSENT_SUPPRESSED']);
    expect(outcome.findings[0]?.data).toEqual({ matched: 'email, phone' });
    expect(seen.filter((value) => value !== SUPPRESSION_LIST).every((value) => /^[0-9a-f]{64}$/.test(value))).toBe(true);
    const shown = JSON.stringify([outcome.findings, outcome.evidence]);
    expect(shown).not.toContain('jane.doe');
    expect(shown).not.toContain('7946');
  });

  it('without a store the rule cannot run: the evidence says so, nothing fails', async () => {
    const outcome = await run(lead('US'), {}, suppressing);
    expect(outcome.codes).toEqual([]);
    expect((outcome.evidence?.rules as Record<string, string>).suppression).toBe('skipped: no store configured');
    expect(((await run(lead('US'))).evidence?.rules as Record<string, string>).suppression).toBe('not configured');
  });

  it('a store that fails makes the check fail (SYSTEM_CHECK_FAILED → review), never a pass', async () => {
    const broken: LeadStore = { ...memoryStore(), has: async () => { throw new Error('store down'); } };
    await expect(run(lead('US'), { store: broken }, suppressing)).rejects.toThrow('store down');
    const gate = createGate({ motion: 'inbound', store: broken, checks: [suppressing], now: () => NOW });
    const verdict = await gate.validate(lead('US'));
    expect(verdict.reasons.map((reason) => [reason.code, reason.check])).toEqual([['SYSTEM_CHECK_FAILED', 'consent']]);
    expect(verdict.decision).toBe('review');
  });
});

describe('consent: robustness and shape', () => {
  it('fields of the wrong type count as absent, never as consent, and never throw', async () => {
    const garbled = { given: 'true', channels: 'email', capturedAt: 42, partner: 'LeadCo', relationship: [1, 2], receipt: 7, lawfulBasis: 'whatever', liaRef: 5 };
    const outcome = await run(lead('DE', garbled));
    expect(outcome.codes).toEqual(['CONSENT_MISSING', 'CONSENT_BASIS_MISSING']);
    for (const bad of [null, 'yes', 42, [VALID], { given: true, channels: [null, 7, 'EMAIL', 'fax'] }]) {
      const result = await run({ email: EMAILS.work, country: 'DE', consent: bad });
      expect(result.status).toBeDefined();
    }
    // Channels are matched case-insensitively; unknown ones are dropped.
    expect((await run(lead('DE', { ...VALID, channels: ['EMAIL', 'fax'] }))).codes).toEqual([]);
  });

  it('is synchronous unless a receipt secret or suppression is configured', () => {
    const lead0 = { email: EMAILS.work, country: 'GB', consent: VALID } as Parameters<typeof check.run>[0];
    expect(check.async).toBe(false);
    expect(check.run(lead0, syncContext())).not.toBeInstanceOf(Promise);
    expect(consentProvenance({ suppression: true }).async).toBe(true);
    expect(consentProvenance({ receiptSecret: 'a-secret-of-sixteen-chars' }).async).toBe(true);
    expect(check.runsIn).toBe('anywhere');
    expect(check.dimension).toBe('compliance');
    expect(check.id).toBe('consent');
  });

  it('a bad option throws a LeadGateError naming it', () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ channels: ['fax'] }, 'channels'],
      [{ channels: [] }, 'channels'],
      [{ texts: [{ id: 'a', hash: 'not-a-sha256' }] }, 'texts'],
      [{ texts: [{ id: 'a', hash: HASH, validFrom: 'soon' }] }, 'texts'],
      [{ receiptSecret: 'short' }, 'receiptSecret'],
      [{ sharesData: 'yes' }, 'sharesData'],
      [{ relationshipWindow: { purchaseMonths: 0 } }, 'relationshipWindow.purchaseMonths'],
      [{ recieptSecret: 'typo-typo-typo-typo' }, 'recieptSecret'],
    ];
    for (const [options, option] of bad) {
      let error: unknown;
      try {
        consentProvenance(options as never);
      } catch (caught) {
        error = caught;
      }
      expect(isLeadGateError(error), JSON.stringify(options)).toBe(true);
      expect((error as { option: string }).option.startsWith(option), JSON.stringify(options)).toBe(true);
    }
  });

  it('evidence holds no email or phone', async () => {
    const outcome = await run(lead('GB', VALID, { phone: '+44 20 7946 0958' }), { motion: 'outbound' });
    const shown = JSON.stringify(outcome);
    expect(shown).not.toContain('jane.doe');
    expect(shown).not.toContain('7946');
    expect(outcome.evidence?.rules).toMatchObject({ basis: 'ran', record: 'ran', receipt: 'not configured', suppression: 'not configured' });
  });
});

describe('the configured rules through every preset (preset options plus the server-side ones)', () => {
  const SECRET = 'consent-preset-test-secret-0001';
  const gateFor = async (motion: MotionName, extra: ConsentProvenanceOptions) => {
    const store = memoryStore();
    await suppress(store, { emails: ['suppressed@acme-robotics.com'] });
    const options = { ...(motions[motion].checks.consent as ConsentProvenanceOptions), ...extra };
    return createGate({ motion, store, now: () => NOW, checks: [consentProvenance(options)] });
  };
  // A US lead with a complete consent that names the buyer: nothing else to report in any motion.
  const base = { email: EMAILS.work, country: 'US', consent: { ...VALID, partner: { name: 'LeadCo', namesBuyer: true } } };
  const expected: Record<string, Record<MotionName, string>> = {
    CONSENT_SUPPRESSED: { inbound: 'reject', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'reject' },
    CONSENT_TEXT_UNKNOWN: { inbound: 'review', abm: 'review', outbound: 'review', partner: 'review', expansion: 'review' },
    CONSENT_RECEIPT_INVALID: { inbound: 'review', abm: 'review', outbound: 'review', partner: 'reject', expansion: 'review' },
  };

  for (const motion of MOTION_NAMES) {
    it(`${motion}: suppressed → ${expected.CONSENT_SUPPRESSED![motion]}, unregistered text → ${expected.CONSENT_TEXT_UNKNOWN![motion]}, bad receipt → ${expected.CONSENT_RECEIPT_INVALID![motion]}`, async () => {
      const gate = await gateFor(motion, { suppression: true, texts: [{ id: 'newsletter-v3', hash: HASH }], receiptSecret: SECRET });
      const codesOf = async (input: unknown) => (await gate.validate(input)).reasons.filter((reason) => reason.check === 'consent');

      // Near miss: the same lead, signed, registered and not suppressed, passes.
      const receipt = await signReceipt(base, { secret: SECRET, now: () => NOW });
      const good = { ...base, consent: { ...base.consent, receipt } };
      expect(await codesOf(good)).toEqual([]);

      const suppressed = await codesOf({ ...good, email: 'suppressed@acme-robotics.com' });
      // Another email also breaks the receipt: both are reported.
      expect(suppressed.map((reason) => [reason.code, reason.action])).toEqual(
        expect.arrayContaining([['CONSENT_SUPPRESSED', expected.CONSENT_SUPPRESSED![motion]]]),
      );
      const unknownText = await codesOf({ ...base, consent: { ...base.consent, textId: 'newsletter-v9' } });
      expect(unknownText.map((reason) => [reason.code, reason.action])).toEqual([['CONSENT_TEXT_UNKNOWN', expected.CONSENT_TEXT_UNKNOWN![motion]]]);
      // The second-to-last character carries six real bits of the signature.
      const tampered = receipt.slice(0, -2) + (receipt.at(-2) === 'A' ? 'B' : 'A') + receipt.slice(-1);
      const forged = await codesOf({ ...base, consent: { ...base.consent, receipt: tampered } });
      expect(forged.map((reason) => [reason.code, reason.action])).toEqual([['CONSENT_RECEIPT_INVALID', expected.CONSENT_RECEIPT_INVALID![motion]]]);
    });
  }
});
