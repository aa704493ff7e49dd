import { describe, expect, it } from 'vitest';
import {
  buyingGroup,
  codes,
  createGate,
  emailValidity,
  memoryStore,
  icpFit,
  MOTION_NAMES,
  motions,
  sourceVerification,
  SYSTEM_CODES,
  type AccountInput,
  type Action,
  type Decision,
  type Gate,
  type LeadContext,
  type IcpProfile,
  type MotionName,
  type MxAnswer,
  type MxResolver,
  type Verdict,
} from '../../src/index.js';
import { signPartnerToken } from '../../src/server/index.js';

// Every preset's decision on the same leads, written out by hand. The table is NOT
// derived from the presets' action tables: a change to a preset must break this test,
// and whoever changes it must decide, lead by lead, that the new decision is right.
//
// The rules the table was checked against (the issue that introduced the motions):
// - disposable → reject everywhere; typo → reject everywhere; no MX → reject everywhere;
// - free provider → review for inbound, partner and expansion, reject for abm and outbound;
// - role account → review for inbound, partner and expansion, reject for abm and outbound;
// - outbound requires a phone: PHONE_MISSING / PHONE_INVALID / PHONE_TYPE_SUSPECT reject there.
// Source verification (issue 4):
// - honeypot, forged/invalid tokens, too fast, origin not allowed → reject everywhere;
// - partner: a partner id is required (a UTM never stands in for it) → reject without one;
// - velocity per email/phone → reject; per IP or company domain → review;
// - duplicates → review, except inbound and expansion (flag: our own returning contacts);
// - stale (captured too long ago) → review where a motion sets a maximum age (outbound 90 d, partner 30 d).
//
// The consent check (issue 4) runs in every motion. The base lead and the email and phone
// rows carry no consent object, which means (research compliance_source.md §1.5, §1.6):
// - GB with a work address: a corporate subscriber, so PECR allows mail and live calls, but
//   UK GDPR needs a recorded lawful basis: CONSENT_BASIS_MISSING. Inbound and expansion
//   note it (flag: the person asked, or is a customer); abm, outbound and partner reject it
//   (no LIA, no sequence; a partner lead without a basis is unusable).
// - GB with a free-mail, disposable or malformed address: an individual subscriber, so
//   email needs consent: CONSENT_MISSING (inbound flag, abm/outbound/expansion review,
//   partner reject). Outbound also calls, and the GB live call still needs the GDPR basis.
// - A DE lead (with a GB phone): Germany's opt-in is the stricter regime for both email
//   and phone: CONSENT_MISSING.
// - icp (issue 5): sanctioned country and competitor → reject everywhere; fit under 50 → review
//   (inbound, partner), under 70 → reject (outbound), flag (abm, expansion); no company or an
//   excluded industry → reject in abm; ICP_NOT_CUSTOMER → reject in expansion; existing
//   customer in a new-logo motion → review; low intent → flag; partner: no behavioural scoring.
// The checks were written apart and all run in every preset, so each row is about one subject:
// the rows for source, icp and group give their leads the consent (and the partner id) that
// keeps the other checks quiet; the consent rows and the base lead show the combined truth.

const WEBSITE = 'https://www.acme-robotics.com';
// Ofcom's range for drama (020 7946 0000–0999): a valid London fixed line that rings nowhere.
const DIRECT_PHONE = '+44 20 7946 0958';

/** The good lead with some fields replaced (a value of `undefined` removes the field). */
function lead(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    email: 'jane.doe@acme-robotics.com',
    website: WEBSITE,
    phone: DIRECT_PHONE,
    country: 'GB',
    company: 'Acme Robotics',
    title: 'Head of Operations',
    // The partner motion requires a partner id (source check); the other presets' checks ignore
    // it. The group check, which a gate adds, reads any lead with one as a partner lead.
    source: { partnerId: 'acme-reseller' },
  };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return base;
}

const US_PHONE = '+1 415 555 2671';
// The subscriber type recorded, as a CRM or list vendor gives it: inferred from the work
// domain it is CONSENT_SUBSCRIBER_INFERRED (research CP-06; its own rows below).
const LEGITIMATE_INTEREST = { lawfulBasis: 'legitimate_interest', liaRef: 'LIA-2026-07', subscriberType: 'corporate' };
/** A complete email consent record, as the lead's own form sends it. */
const FORM_CONSENT = {
  given: true,
  channels: ['email'],
  purposes: ['marketing'],
  textId: 'newsletter-v3',
  textHash: 'a'.repeat(64),
  renderedChecked: false,
  userInteracted: true,
  requiredToSubmit: false,
  // Yesterday: a partner motion reads a form consent as the partner's, and partner consent
  // older than 180 days is CONSENT_PARTNER_STALE (its own rows below).
  capturedAt: new Date(Date.now() - 86_400_000).toISOString(),
  pageUrl: 'https://www.acme-robotics.com/demo',
};
/**
 * Consent every motion accepts for any lead of the table, a free-mail (individual) GB
 * address included: a complete form consent for email and phone, collected on a partner's
 * form that names us as the buyer. Rows about another check give it to a lead whose
 * country or address needs opt-in, so that the row keeps testing its own subject.
 */
const CONSENT_FOR_EVERY_MOTION = {
  ...FORM_CONSENT,
  channels: ['email', 'phone'],
  partner: { name: 'LeadCo', namesBuyer: true, sharedAt: new Date(Date.now() - 43_200_000).toISOString() },
};
const deLead = (consent: Record<string, unknown>) => lead({ country: 'DE', phone: '+49 30 901820', consent });
const caLead = (relationship: Record<string, string>) =>
  lead({ country: 'CA', phone: '+1 416 979 1111', consent: { lawfulBasis: 'existing_customer', relationship } });
/** The gates run on the real clock, so relationship dates are relative to it. */
function monthsAgo(months: number): string {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString();
}

type Decisions = Record<MotionName, Decision>;

interface Row {
  name: string;
  input: unknown;
  /** The codes the checks report, under every motion unless `codesIn` says otherwise. */
  codes: string[];
  codesIn?: Partial<Record<MotionName, string[]>>;
  decisions: Decisions;
  /** Request facts passed to the gate (e.g. the GPC signal). */
  context?: LeadContext;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

const all = (decision: Decision): Decisions => ({ inbound: decision, abm: decision, outbound: decision, partner: decision, expansion: decision });

const TABLE: Row[] = [
  {
    name: 'good work lead: email matches the website, valid direct phone',
    input: lead(),
    codes: ['CONSENT_BASIS_MISSING'],
    decisions: { inbound: 'accept', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'accept' },
  },
  {
    name: 'free-mail address (gmail.com)',
    input: lead({ email: 'jane.doe@gmail.com' }),
    codes: ['EMAIL_FREE_PROVIDER', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING'],
    decisions: { inbound: 'review', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'review' },
  },
  {
    name: 'role account (info@)',
    input: lead({ email: 'info@acme-robotics.com' }),
    codes: ['EMAIL_ROLE_ACCOUNT', 'CONSENT_BASIS_MISSING'],
    decisions: { inbound: 'review', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'review' },
  },
  {
    // gmial.com is also a typo-squatting catch-all on the disposable list: the typo takes
    // precedence (1.1.0), and the address is as personal as gmail's.
    name: 'typo of a provider that is also disposable (gmial.com)',
    input: lead({ email: 'jane.doe@gmial.com' }),
    codes: ['EMAIL_TYPO', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING'],
    decisions: all('reject'),
  },
  {
    // outlok.com was meant to be outlook.com: a personal mailbox, so an individual subscriber (1.1.0).
    name: 'typo of a provider (outlok.com)',
    input: lead({ email: 'jane.doe@outlok.com' }),
    codes: ['EMAIL_TYPO', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING'],
    decisions: all('reject'),
  },
  {
    name: 'disposable address (mailinator.com)',
    input: lead({ email: 'jane.doe@mailinator.com' }),
    codes: ['EMAIL_DISPOSABLE', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING'],
    decisions: all('reject'),
  },
  {
    name: 'bad syntax (two @)',
    input: lead({ email: 'jane.doe@@acme-robotics.com' }),
    codes: ['EMAIL_SYNTAX', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING'],
    decisions: all('reject'),
  },
  {
    name: 'email domain unrelated to the website',
    input: lead({ email: 'jane.doe@globex-industries.com' }),
    codes: ['EMAIL_DOMAIN_MISMATCH', 'CONSENT_BASIS_MISSING'],
    decisions: { inbound: 'review', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'accept' },
  },
  {
    name: 'no phone',
    input: lead({ phone: undefined }),
    codes: ['CONSENT_BASIS_MISSING'],
    codesIn: { outbound: ['PHONE_MISSING', 'CONSENT_BASIS_MISSING'] },
    decisions: { inbound: 'accept', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'accept' },
  },
  {
    name: 'phone that is not a number',
    input: lead({ phone: '12345' }),
    codes: ['PHONE_INVALID', 'CONSENT_BASIS_MISSING'],
    decisions: { inbound: 'review', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'accept' },
  },
  {
    name: 'premium-rate phone (+44 909, country GB)',
    input: lead({ phone: '+44 909 879 0000', country: 'GB' }),
    codes: ['PHONE_TYPE_SUSPECT', 'CONSENT_BASIS_MISSING'],
    decisions: { inbound: 'review', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'accept' },
  },
  {
    name: 'valid phone of another country than the lead declares (GB number, country DE)',
    input: lead({ country: 'DE' }),
    // No lawful basis under the GDPR either: the stricter regime never gets the softer decision (1.2.0).
    codes: ['PHONE_COUNTRY_MISMATCH', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING'],
    decisions: { inbound: 'accept', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'review' },
  },
  {
    name: 'toll-free phone (+44 808, country GB)',
    input: lead({ phone: '+44 808 157 0192', country: 'GB' }),
    codes: ['PHONE_TYPE_SUSPECT', 'CONSENT_BASIS_MISSING'],
    decisions: { inbound: 'review', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'accept' },
  },
  // Source rows (issue 4). Each lead records a lawful basis, so the consent check has nothing
  // to say and the row tests the source check alone (the base lead above shows what a missing
  // basis does).
  {
    name: 'honeypot filled (a bot)',
    input: lead({ source: { partnerId: 'acme-reseller', honeypot: 'https://cheap-pills.example' }, consent: LEGITIMATE_INTEREST }),
    codes: ['SOURCE_HONEYPOT'],
    decisions: all('reject'),
  },
  {
    name: 'no partner id, only a utm_source naming the partner',
    input: lead({ source: { utm_source: 'acme-reseller' }, consent: LEGITIMATE_INTEREST }),
    codes: [],
    // Outbound and partner leads are not collected from the person: a UTM names no data
    // source for the GDPR Art. 14(2)(f) notice (1.2.0).
    codesIn: { outbound: ['CONSENT_SOURCE_UNDISCLOSED'], partner: ['SOURCE_UNATTRIBUTED', 'CONSENT_SOURCE_UNDISCLOSED'] },
    decisions: { inbound: 'accept', abm: 'accept', outbound: 'reject', partner: 'reject', expansion: 'accept' },
  },
  {
    name: 'captured 120 days ago (an old list or partner batch)',
    input: lead({ source: { partnerId: 'acme-reseller', capturedAt: daysAgo(120) }, consent: LEGITIMATE_INTEREST }),
    codes: [],
    codesIn: { outbound: ['SOURCE_STALE'], partner: ['SOURCE_STALE'] },
    decisions: { inbound: 'accept', abm: 'accept', outbound: 'review', partner: 'review', expansion: 'accept' },
  },
  {
    name: 'captured 45 days ago: stale for partner leads only',
    input: lead({ source: { partnerId: 'acme-reseller', capturedAt: daysAgo(45) }, consent: LEGITIMATE_INTEREST }),
    codes: [],
    codesIn: { partner: ['SOURCE_STALE'] },
    decisions: { inbound: 'accept', abm: 'accept', outbound: 'accept', partner: 'review', expansion: 'accept' },
  },
  {
    name: 'captured 10 days ago (near miss: fresh everywhere)',
    input: lead({ source: { partnerId: 'acme-reseller', capturedAt: daysAgo(10) }, consent: LEGITIMATE_INTEREST }),
    codes: [],
    decisions: all('accept'),
  },
  {
    name: 'a string instead of a lead object',
    input: 'jane.doe@acme-robotics.com',
    codes: ['SYSTEM_INPUT_INVALID'],
    decisions: all('reject'),
  },

  // Consent rows (issue 4). DE leads carry a German phone, so outbound (which also calls)
  // needs consent for the phone too: an email-only consent leaves CONSENT_MISSING there.
  {
    name: 'consent: GB corporate, legitimate interest with an LIA reference',
    input: lead({ consent: LEGITIMATE_INTEREST }),
    codes: [],
    decisions: all('accept'),
  },
  {
    name: 'consent: GB corporate, legitimate interest without an LIA reference',
    input: lead({ consent: { lawfulBasis: 'legitimate_interest' } }),
    codes: ['CONSENT_BASIS_MISSING'],
    decisions: { inbound: 'accept', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'accept' },
  },
  {
    name: 'consent: no country, nothing recorded (strict default: opt-in)',
    input: lead({ country: undefined }),
    // The strict default applies the GDPR's lawful-basis layer as well (1.2.0).
    codes: ['CONSENT_MISSING', 'CONSENT_BASIS_MISSING'],
    decisions: { inbound: 'accept', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'review' },
  },
  {
    name: 'consent: US lead, nothing recorded (CAN-SPAM opt-out; calls need TCPA consent)',
    input: lead({ country: 'US', phone: US_PHONE }),
    codes: [],
    codesIn: { outbound: ['CONSENT_MISSING'] },
    decisions: { inbound: 'accept', abm: 'accept', outbound: 'review', partner: 'accept', expansion: 'accept' },
  },
  {
    name: 'consent: US lead, written consent for email and calls from its own form',
    input: lead({ country: 'US', phone: US_PHONE, consent: { ...FORM_CONSENT, channels: ['email', 'phone'] } }),
    codes: [],
    // A partner lead's consent must name the buyer; without it CAN-SPAM still allows the
    // email, and the call (which only the void consent asked for) is stripped: review (1.2.0, CP-14).
    codesIn: { partner: ['CONSENT_PARTNER_NOT_NAMED'] },
    decisions: { inbound: 'accept', abm: 'accept', outbound: 'accept', partner: 'review', expansion: 'accept' },
  },
  {
    name: 'consent: DE lead, complete email consent from its own form',
    input: deLead(FORM_CONSENT),
    codes: [],
    // Outbound: the consent is a lawful basis, so the German phone is CONSENT_MISSING only.
    // Partner: not naming us leaves no channel a German lead may get without consent.
    codesIn: {
      outbound: ['CONSENT_MISSING'],
      partner: ['CONSENT_PARTNER_NOT_NAMED', 'CONSENT_PARTNER_NO_CHANNEL', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING'],
    },
    decisions: { inbound: 'accept', abm: 'accept', outbound: 'review', partner: 'reject', expansion: 'accept' },
  },
  {
    name: 'consent: DE lead, partner consent that names the buyer',
    input: deLead({ ...FORM_CONSENT, partner: { name: 'LeadCo', namesBuyer: true, sharedAt: '2025-06-02T00:00:00Z' } }),
    codes: [],
    codesIn: { outbound: ['CONSENT_MISSING'] },
    decisions: { inbound: 'accept', abm: 'accept', outbound: 'review', partner: 'accept', expansion: 'accept' },
  },
  {
    name: 'consent: DE lead, partner consent that does not name the buyer',
    input: deLead({ ...FORM_CONSENT, partner: { name: 'LeadCo', namesBuyer: false } }),
    // German email needs consent: with the partner's set aside no channel is left (1.2.0, CP-14).
    codes: ['CONSENT_PARTNER_NOT_NAMED', 'CONSENT_PARTNER_NO_CHANNEL', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING'],
    decisions: all('reject'),
  },
  {
    name: 'consent: DE lead, box ticked when the form rendered and left so',
    input: deLead({ ...FORM_CONSENT, renderedChecked: true, userInteracted: false }),
    // Inbound strips the void consent and keeps the person (1.2.0, CP-01: flag); without it
    // there is no lawful basis, which abm and outbound reject.
    codes: ['CONSENT_PRETICKED', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING'],
    codesIn: { partner: ['CONSENT_PRETICKED', 'CONSENT_PARTNER_NOT_NAMED', 'CONSENT_PARTNER_NO_CHANNEL', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING'] },
    decisions: { inbound: 'accept', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'review' },
  },
  {
    name: 'consent: DE lead, the form could not be sent without the box',
    input: deLead({ ...FORM_CONSENT, requiredToSubmit: true }),
    codes: ['CONSENT_BUNDLED', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING'],
    codesIn: { partner: ['CONSENT_BUNDLED', 'CONSENT_PARTNER_NOT_NAMED', 'CONSENT_PARTNER_NO_CHANNEL', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING'] },
    decisions: { inbound: 'review', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'review' },
  },
  {
    name: 'consent: DE lead, record without capture time, page or text',
    input: deLead({ given: true, channels: ['email'], renderedChecked: false, userInteracted: true }),
    codes: ['CONSENT_RECORD_INCOMPLETE'],
    codesIn: {
      outbound: ['CONSENT_RECORD_INCOMPLETE', 'CONSENT_MISSING'],
      partner: ['CONSENT_RECORD_INCOMPLETE', 'CONSENT_PARTNER_NOT_NAMED', 'CONSENT_PARTNER_NO_CHANNEL', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING'],
    },
    decisions: { inbound: 'review', abm: 'review', outbound: 'review', partner: 'reject', expansion: 'review' },
  },
  {
    name: 'consent: CA customer who inquired 4 months ago (CASL implied consent)',
    input: caLead({ lastInquiryAt: monthsAgo(4) }),
    codes: [],
    codesIn: { outbound: ['CONSENT_MISSING'] },
    decisions: { inbound: 'accept', abm: 'accept', outbound: 'review', partner: 'accept', expansion: 'accept' },
  },
  {
    name: 'consent: CA customer who inquired 8 months ago (implied consent expired)',
    input: caLead({ lastInquiryAt: monthsAgo(8) }),
    codes: ['CONSENT_IMPLIED_EXPIRED'],
    codesIn: { outbound: ['CONSENT_IMPLIED_EXPIRED', 'CONSENT_MISSING'] },
    decisions: { inbound: 'accept', abm: 'review', outbound: 'review', partner: 'review', expansion: 'review' },
  },
  {
    name: 'consent: GPC signal (Sec-GPC: 1); only the partner motion shares leads',
    input: lead({ consent: LEGITIMATE_INTEREST }),
    context: { gpc: true },
    codes: [],
    codesIn: { partner: ['CONSENT_GPC_OPTOUT'] },
    decisions: { inbound: 'accept', abm: 'accept', outbound: 'accept', partner: 'reject', expansion: 'accept' },
  },
  // ICP fit (icp check, issue 5). The presets run the OPEN profile: no include lists, the
  // sanctioned countries excluded; the fit counts seniority and country. Fit floors: 50, and
  // 70 in outbound; ICP_FIT_LOW → review (inbound, partner), flag (abm, expansion), reject (outbound).
  // Each lead carries the consent its address and country need (a lawful basis for a GB work
  // address; opt-in consent for a free-mail address and for Iran, which has no regime of its
  // own), so the rows test the icp check alone.
  {
    name: 'free-mail address with no company name and no website: no account to route to',
    input: lead({ email: 'jane.doe@gmail.com', company: undefined, website: undefined, consent: CONSENT_FOR_EVERY_MOTION }),
    codes: ['EMAIL_FREE_PROVIDER', 'ICP_COMPANY_MISSING'],
    decisions: { inbound: 'review', abm: 'reject', outbound: 'reject', partner: 'review', expansion: 'review' },
  },
  {
    // The fit also loses the country's points: 53, under outbound's floor of 70.
    name: 'sanctioned country (IR), no phone',
    input: lead({ country: 'IR', phone: undefined, consent: CONSENT_FOR_EVERY_MOTION }),
    codes: ['ICP_GEO_EXCLUDED'],
    codesIn: { outbound: ['ICP_GEO_EXCLUDED', 'PHONE_MISSING'] },
    decisions: all('reject'),
  },
  {
    // The open profile scores seniority only (fit 37 here), so ICP_FIT_LOW is not reported:
    // the role check's floor per motion decides, and abm has none.
    name: 'intern: fit 37 on the open profile, judged by the role floors only',
    input: lead({ title: 'Marketing Intern', consent: LEGITIMATE_INTEREST }),
    codes: ['ROLE_SENIORITY_LOW'],
    codesIn: { abm: [] },
    decisions: { inbound: 'review', abm: 'accept', outbound: 'review', partner: 'review', expansion: 'review' },
  },
  {
    name: 'senior individual contributor: fit 57 on the open profile, below outbound\'s role floor only',
    input: lead({ title: 'Senior Software Engineer', consent: LEGITIMATE_INTEREST }),
    codes: [],
    codesIn: { outbound: ['ROLE_SENIORITY_LOW'] },
    decisions: { inbound: 'accept', abm: 'accept', outbound: 'review', partner: 'accept', expansion: 'accept' },
  },
  {
    // Informational everywhere; partner leads are not scored on behaviour at all.
    name: 'behaviour under the MQL threshold (one pricing-page view)',
    input: lead({ behaviour: [{ type: 'pricing_view', at: new Date().toISOString() }], consent: LEGITIMATE_INTEREST }),
    codes: ['ICP_INTENT_LOW'],
    codesIn: { partner: [] },
    decisions: all('accept'),
  },
];

const sorted = (list: readonly string[]) => [...list].sort();
const findingCodes = (verdict: Verdict) => sorted(verdict.results.flatMap((result) => result.findings.map((finding) => finding.code)));
const reasonCodes = (verdict: Verdict) => sorted(verdict.reasons.map((reason) => reason.code));

describe("every preset's decision on the same leads", () => {
  const gates = Object.fromEntries(MOTION_NAMES.map((motion) => [motion, createGate({ motion })])) as Record<MotionName, ReturnType<typeof createGate>>;

  it('covers every motion that ships as a preset', () => {
    expect(sorted(MOTION_NAMES)).toEqual(['abm', 'expansion', 'inbound', 'outbound', 'partner']);
    expect(sorted(Object.keys(motions))).toEqual(sorted(MOTION_NAMES));
  });

  for (const row of TABLE) {
    describe(row.name, () => {
      for (const motion of MOTION_NAMES) {
        it(`${motion} → ${row.decisions[motion]}`, async () => {
          const expectedCodes = sorted(row.codesIn?.[motion] ?? row.codes);
          const verdict = await gates[motion].validate(row.input, row.context);
          expect(findingCodes(verdict)).toEqual(expectedCodes);
          // No action these rows reach is `ignore`, so every finding is a reason.
          expect(reasonCodes(verdict)).toEqual(expectedCodes);
          expect(verdict.decision).toBe(row.decisions[motion]);
          expect(verdict.motion).toBe(motion);
          expect(verdict.policy).toEqual({ name: motion, version: motions[motion].version });

          // Without an MX resolver every built-in check but one is synchronous: the form sees
          // the same answer. The source check counts velocity and duplicates in the store, so
          // it is async and server-only (a browser can be bypassed): validateSync skips it.
          const sync = gates[motion].validateSync(row.input, row.context);
          const syncCodes = expectedCodes.filter((code) => !code.startsWith('SOURCE_'));
          expect(findingCodes(sync)).toEqual(syncCodes);
          if (syncCodes.length === expectedCodes.length) expect(sync.decision).toBe(row.decisions[motion]);
          expect(sync.skipped).toEqual(['source']);
        });
      }
    });
  }
});

describe('icp codes under each motion, with a profile', () => {
  // What a user gets with their own profile: `checks: [icpFit(profile)]` replaces the
  // preset's icp check, and the motion still decides floors, thresholds and actions.
  const PROFILE: IcpProfile = {
    industries: { exclude: ['92'] },
    employees: { min: 50, max: 5000 },
    revenue: { min: 1_000_000 },
    technologies: { required: ['salesforce'] },
    competitors: ['rival-robotics.com'],
  };
  // With a recorded lawful basis (GB work addresses), so the consent check leaves the icp codes alone.
  const fitting = (changes: Record<string, unknown> = {}) =>
    lead({ industry: '511210', employees: 300, revenue: 20_000_000, tech: ['Salesforce'], consent: LEGITIMATE_INTEREST, ...changes });
  const rows: Array<{ name: string; profile?: IcpProfile; input: Record<string, unknown>; codes: string[]; codesIn?: Partial<Record<MotionName, string[]>>; decisions: Decisions }> = [
    { name: 'fits the profile', input: fitting(), codes: [], decisions: all('accept') },
    {
      // The exclude list is a hard no (value_truth.md B2; 1.1.0: was review under inbound and partner).
      name: 'excluded industry (public administration, NAICS 92)',
      input: fitting({ industry: '921110' }),
      codes: ['ICP_INDUSTRY_EXCLUDED'],
      decisions: { inbound: 'reject', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'accept' },
    },
    {
      // Outside the include list is a judgement (B2), except for a cold list built to the profile.
      name: 'industry known but outside the include list (construction, NAICS 23)',
      profile: { ...PROFILE, industries: { include: ['5112', '54'], exclude: ['92'] } },
      input: fitting({ industry: '236220' }),
      codes: ['ICP_INDUSTRY_NOT_INCLUDED'],
      decisions: { inbound: 'review', abm: 'accept', outbound: 'reject', partner: 'review', expansion: 'accept' },
    },
    {
      // Outside the served regions is a review (B5), not the sanctions' reject.
      name: 'a country outside the served regions',
      profile: { ...PROFILE, countries: { include: ['DE', 'AT', 'CH'] } },
      input: fitting(),
      codes: ['ICP_GEO_NOT_SERVED'],
      decisions: all('review'),
    },
    {
      name: 'company too small (12 employees)',
      input: fitting({ employees: 12 }),
      codes: ['ICP_SIZE_OUT_OF_RANGE'],
      decisions: { inbound: 'review', abm: 'accept', outbound: 'reject', partner: 'review', expansion: 'accept' },
    },
    {
      name: 'revenue under the range',
      input: fitting({ revenue: 200_000 }),
      codes: ['ICP_REVENUE_OUT_OF_RANGE'],
      decisions: { inbound: 'review', abm: 'accept', outbound: 'review', partner: 'review', expansion: 'accept' },
    },
    {
      name: 'none of the required technologies',
      input: fitting({ tech: ['Pipedrive'] }),
      codes: ['ICP_TECH_MISMATCH'],
      decisions: { inbound: 'review', abm: 'accept', outbound: 'review', partner: 'review', expansion: 'accept' },
    },
    {
      name: 'a competitor\'s domain',
      input: fitting({ email: 'jane.doe@rival-robotics.com', website: 'rival-robotics.com' }),
      codes: ['ICP_COMPETITOR'],
      decisions: all('reject'),
    },
    {
      // Fit 40: industry, size and tech all miss.
      name: 'three misses at once: fit under every floor',
      input: fitting({ industry: '921110', employees: 12, tech: ['Pipedrive'] }),
      codes: ['ICP_FIT_LOW', 'ICP_INDUSTRY_EXCLUDED', 'ICP_SIZE_OUT_OF_RANGE', 'ICP_TECH_MISMATCH'],
      decisions: { inbound: 'reject', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'accept' },
    },
    {
      name: 'an existing customer',
      profile: { ...PROFILE, customers: ['acme-robotics.com'] },
      input: fitting(),
      codes: ['ICP_EXISTING_CUSTOMER'],
      codesIn: { expansion: [] },
      decisions: { inbound: 'review', abm: 'review', outbound: 'review', partner: 'review', expansion: 'accept' },
    },
    {
      name: 'not a customer',
      profile: { ...PROFILE, customers: ['globex.example'] },
      input: fitting(),
      codes: [],
      codesIn: { expansion: ['ICP_NOT_CUSTOMER'] },
      decisions: { inbound: 'accept', abm: 'accept', outbound: 'accept', partner: 'accept', expansion: 'reject' },
    },
  ];

  for (const row of rows) {
    describe(row.name, () => {
      for (const motion of MOTION_NAMES) {
        it(`${motion} → ${row.decisions[motion]}`, () => {
          const gate = createGate({ motion, checks: [icpFit(row.profile ?? PROFILE)] });
          const verdict = gate.validateSync(row.input);
          expect(findingCodes(verdict)).toEqual(sorted(row.codesIn?.[motion] ?? row.codes));
          expect(verdict.decision).toBe(row.decisions[motion]);
        });
      }
    });
  }
});

describe('EMAIL_NO_MX', () => {
  // What a resolver answers for a domain that takes no mail: "none" when it has neither
  // MX nor address records, "null-mx" when it publishes `MX 0 .` (RFC 7505).
  const answers: Record<string, MxAnswer> = {
    'no-mail.example': { accepts: false, via: 'none', hosts: [] },
    'null-mx.example': { accepts: false, via: 'null-mx', hosts: [] },
  };
  const asked: string[] = [];
  const resolveMx: MxResolver = async (domain) => {
    asked.push(domain);
    return answers[domain] ?? { accepts: true, via: 'mx', hosts: [`mx.${domain}`] };
  };
  const gateFor = (motion: MotionName) => createGate({ motion, checks: [emailValidity({ resolveMx })] });

  for (const motion of MOTION_NAMES) {
    it(`rejects a domain that takes no mail under ${motion}`, async () => {
      const gate = gateFor(motion);
      // The email check given in `checks` replaces the preset's, it is not run twice.
      expect(gate.checks.filter((check) => check.id === 'email')).toHaveLength(1);
      for (const domain of Object.keys(answers)) {
        asked.length = 0;
        // With a recorded lawful basis, so the consent check has nothing to say.
        const verdict = await gate.validate(lead({ email: `jane.doe@${domain}`, website: `https://${domain}`, consent: LEGITIMATE_INTEREST }));
        expect(asked).toEqual([domain]);
        expect(findingCodes(verdict)).toEqual(['EMAIL_NO_MX']);
        expect(verdict.decision).toBe('reject');
      }
    });

    it(`accepts the good lead when its domain takes mail under ${motion} (near miss)`, async () => {
      const verdict = await gateFor(motion).validate(lead({ consent: LEGITIMATE_INTEREST }));
      expect(findingCodes(verdict)).toEqual([]);
      expect(verdict.decision).toBe('accept');
    });
  }
});

describe('preset action tables', () => {
  const declared = new Set(codes().map((row) => row.code));
  // Check errors are decided by the preset's `onError`, which takes precedence over
  // its table; every other code must be listed explicitly.
  const ERROR_CODES = ['SYSTEM_CHECK_FAILED', 'SYSTEM_TIMEOUT'];

  it('the catalogue lists the system codes and the built-in checks\' codes', () => {
    for (const code of Object.keys(SYSTEM_CODES)) expect(declared.has(code), code).toBe(true);
    expect(declared.has('EMAIL_NO_MX')).toBe(true);
    expect(declared.has('PHONE_MISSING')).toBe(true);
  });

  for (const motion of MOTION_NAMES) {
    const preset = motions[motion];

    it(`${motion}: every key of its actions table is a declared code`, () => {
      const unknown = Object.keys(preset.actions).filter((code) => !declared.has(code));
      expect(unknown).toEqual([]);
    });

    it(`${motion}: every declared code has an explicit action (none falls back to defaultAction)`, () => {
      const missing = [...declared].filter((code) => !ERROR_CODES.includes(code) && !Object.hasOwn(preset.actions, code));
      expect(missing).toEqual([]);
      expect(preset.onError, 'onError is set explicitly').toBe('review');
      for (const code of ERROR_CODES) expect(preset.actions[code], `${code} is decided by onError`).toBeUndefined();
    });

    it(`${motion}: the catalogue's action for each code is the one in its table`, () => {
      for (const row of codes()) {
        const expected: Action | undefined = ERROR_CODES.includes(row.code) ? preset.onError : preset.actions[row.code];
        expect(row.actions[motion], row.code).toBe(expected);
      }
    });
  }
});

describe('presets are frozen', () => {
  // ES modules run in strict mode, so a write to a frozen object throws instead of being ignored.
  for (const motion of MOTION_NAMES) {
    it(`${motion}: its actions, checks and check options cannot be changed`, () => {
      const preset = motions[motion];
      const actions = preset.actions as Record<string, Action>;
      expect(Object.isFrozen(preset)).toBe(true);
      expect(Object.isFrozen(preset.actions)).toBe(true);
      expect(Object.isFrozen(preset.checks)).toBe(true);
      expect(() => {
        actions.EMAIL_FREE_PROVIDER = 'ignore';
      }).toThrow(TypeError);
      expect(() => {
        actions.SOMETHING_NEW = 'ignore';
      }).toThrow(TypeError);
      expect(() => {
        delete actions.EMAIL_DISPOSABLE;
      }).toThrow(TypeError);
      expect(() => {
        (preset as { version: string }).version = '9.9.9';
      }).toThrow(TypeError);
      for (const options of Object.values(preset.checks)) {
        expect(Object.isFrozen(options)).toBe(true);
        expect(() => {
          (options as Record<string, unknown>).required = false;
        }).toThrow(TypeError);
      }
      expect(actions.EMAIL_DISPOSABLE).toBe('reject');
    });
  }

  it('the motions table itself cannot be changed', () => {
    expect(Object.isFrozen(motions)).toBe(true);
    expect(() => {
      (motions as Record<string, unknown>).inbound = { ...motions.inbound, actions: {} };
    }).toThrow(TypeError);
  });

  it('the inbound table still reviews free-mail after the attempts above', async () => {
    expect(motions.inbound.actions.EMAIL_FREE_PROVIDER).toBe('review');
    const verdict = await createGate({ motion: 'inbound' }).validate(lead({ email: 'jane.doe@gmail.com' }));
    expect(verdict.decision).toBe('review');
  });
});

describe('overrides', () => {
  // With consent from the form: a free-mail address is an individual subscriber's (PECR),
  // and these tests are about the free-mail action alone.
  const freeMail = lead({ email: 'jane.doe@gmail.com', consent: FORM_CONSENT });

  it('changes the decision for the overridden code only', async () => {
    const gate = createGate({ motion: 'inbound', overrides: { EMAIL_FREE_PROVIDER: 'reject' } });
    expect(gate.actionFor('EMAIL_FREE_PROVIDER')).toBe('reject');
    expect(gate.actionFor('EMAIL_ROLE_ACCOUNT')).toBe('review');
    const verdict = await gate.validate(freeMail);
    expect(verdict.decision).toBe('reject');
    expect(verdict.reasons.map((reason) => [reason.code, reason.action])).toEqual([['EMAIL_FREE_PROVIDER', 'reject']]);
    expect((await gate.validate(lead({ email: 'info@acme-robotics.com' }))).decision).toBe('review');
  });

  it('can soften as well as harden', async () => {
    const gate = createGate({ motion: 'abm', overrides: { EMAIL_FREE_PROVIDER: 'flag' } });
    expect((await gate.validate(freeMail)).decision).toBe('accept');
  });

  it('marks the policy version with a +overrides. suffix', () => {
    const plain = createGate({ motion: 'inbound' });
    const overridden = createGate({ motion: 'inbound', overrides: { EMAIL_FREE_PROVIDER: 'reject' } });
    expect(plain.policy).toEqual({ name: 'inbound', version: motions.inbound.version });
    expect(overridden.policy.name).toBe('inbound');
    expect(overridden.policy.version.startsWith(`${motions.inbound.version}+overrides.`)).toBe(true);
    expect(overridden.policy.version).toMatch(/^\d+\.\d+\.\d+\+overrides\.[0-9a-f]+$/);
    // Same overrides, same version; different overrides, different version.
    expect(createGate({ motion: 'inbound', overrides: { EMAIL_FREE_PROVIDER: 'reject' } }).policy.version).toBe(overridden.policy.version);
    expect(createGate({ motion: 'inbound', overrides: { EMAIL_FREE_PROVIDER: 'flag' } }).policy.version).not.toBe(overridden.policy.version);
  });

  it('does not leak into the preset or into other gates', async () => {
    createGate({ motion: 'inbound', overrides: { EMAIL_FREE_PROVIDER: 'reject' } });
    expect(motions.inbound.actions.EMAIL_FREE_PROVIDER).toBe('review');
    const verdict = await createGate({ motion: 'inbound' }).validate(freeMail);
    expect(verdict.decision).toBe('review');
    expect(verdict.policy.version).toBe(motions.inbound.version);
  });
});

describe('consent rules to the letter (issue 14, preset version 1.2.0)', () => {
  const gates = Object.fromEntries(MOTION_NAMES.map((motion) => [motion, createGate({ motion })])) as Record<MotionName, Gate>;
  const decide = async (motion: MotionName, input: unknown) => {
    const verdict = await gates[motion].validate(input);
    return { decision: verdict.decision, consent: sorted(verdict.reasons.filter((reason) => reason.check === 'consent').map((reason) => `${reason.code}:${reason.action}`)) };
  };
  const LIA_ONLY = { lawfulBasis: 'legitimate_interest', liaRef: 'LIA-2026-07' };
  const dataSource = { partnerId: 'acme-reseller', dataSource: 'Cognism export 2026-11' };

  it('CP-14/CP-06: outbound in the EU without a lawful basis rejects, as a UK corporate lead does (was review)', async () => {
    expect(await decide('outbound', lead({ country: 'DE', phone: '+49 30 901820', source: dataSource }))).toEqual({
      decision: 'reject',
      consent: ['CONSENT_BASIS_MISSING:reject', 'CONSENT_MISSING:review'],
    });
    expect((await decide('outbound', lead({ source: dataSource }))).decision).toBe('reject');
    // Near miss: an LIA is a lawful basis but no consent for German email and calls: review, never accept.
    expect(await decide('outbound', lead({ country: 'DE', phone: '+49 30 901820', source: dataSource, consent: LIA_ONLY }))).toEqual({
      decision: 'review',
      consent: ['CONSENT_MISSING:review'],
    });
  });

  it('CP-14: partner consent not naming the buyer strips US leads to email (review) and rejects DE leads (no channel left)', async () => {
    const notNamed = { ...FORM_CONSENT, channels: ['email', 'phone'], partner: { name: 'LeadCo', namesBuyer: false } };
    expect(await decide('partner', lead({ country: 'US', phone: US_PHONE, consent: notNamed }))).toEqual({ decision: 'review', consent: ['CONSENT_PARTNER_NOT_NAMED:review'] });
    expect((await decide('partner', lead({ country: 'DE', phone: '+49 30 901820', consent: notNamed }))).consent).toContain('CONSENT_PARTNER_NO_CHANNEL:reject');
    // Near miss: naming the buyer.
    expect((await decide('partner', lead({ country: 'US', phone: US_PHONE, consent: { ...notNamed, partner: { name: 'LeadCo', namesBuyer: true } } }))).decision).toBe('accept');
  });

  it('CP-01: inbound strips a pre-ticked consent and keeps the lead (was reject); partner, which needs the consent, rejects', async () => {
    const preticked = { ...FORM_CONSENT, renderedChecked: true, userInteracted: false };
    expect(await decide('inbound', lead({ country: 'US', phone: US_PHONE, consent: preticked }))).toEqual({ decision: 'accept', consent: ['CONSENT_PRETICKED:flag'] });
    expect((await decide('partner', lead({ country: 'US', phone: US_PHONE, consent: { ...preticked, partner: { name: 'LeadCo', namesBuyer: true } } }))).decision).toBe('reject');
    // Near miss: re-ticked by the person is their own act, in every motion.
    expect((await decide('inbound', lead({ country: 'US', phone: US_PHONE, consent: { ...preticked, userInteracted: true } }))).decision).toBe('accept');
  });

  it('CP-06: a UK subscriber type inferred from a work domain is reviewed under outbound (was accept), noted under inbound', async () => {
    expect(await decide('outbound', lead({ consent: LIA_ONLY }))).toEqual({ decision: 'review', consent: ['CONSENT_SUBSCRIBER_INFERRED:review'] });
    expect(await decide('inbound', lead({ consent: LIA_ONLY }))).toEqual({ decision: 'accept', consent: ['CONSENT_SUBSCRIBER_INFERRED:flag'] });
    // Near miss: recorded as corporate.
    expect(await decide('outbound', lead({ consent: { ...LIA_ONLY, subscriberType: 'corporate' } }))).toEqual({ decision: 'accept', consent: [] });
  });

  it('CP-14 (GDPR Art. 14(2)(f)): an outbound list record under the GDPR that names no source rejects (was accept)', async () => {
    const record = { ...LIA_ONLY, subscriberType: 'corporate' };
    expect(await decide('outbound', lead({ source: { utm_source: 'list' }, consent: record }))).toEqual({ decision: 'reject', consent: ['CONSENT_SOURCE_UNDISCLOSED:reject'] });
    // Near misses: the source named; an inbound form fill, collected from the person.
    expect((await decide('outbound', lead({ source: { dataSource: 'Cognism export 2026-11' }, consent: record }))).decision).toBe('accept');
    expect((await decide('inbound', lead({ source: { utm_source: 'list' }, consent: record }))).decision).toBe('accept');
  });

  it('CP-14: partner consent captured more than 180 days before delivery is reviewed (was accept)', async () => {
    const named = (days: number) => ({ ...FORM_CONSENT, capturedAt: daysAgo(days), partner: { name: 'LeadCo', namesBuyer: true } });
    expect(await decide('partner', lead({ country: 'US', phone: US_PHONE, consent: named(200) }))).toEqual({ decision: 'review', consent: ['CONSENT_PARTNER_STALE:review'] });
    expect(await decide('partner', lead({ country: 'US', phone: US_PHONE, consent: named(100) }))).toEqual({ decision: 'accept', consent: [] });
  });
});

describe('source check: decisions that need the store or the deployment\'s secrets', () => {
  // Written out by hand like the table above. Each case runs on a fresh store and clock.
  // The real clock (to the minute), as in the table above: the consent records are dated
  // relative to it, and partner consent over 180 days old is stale.
  const START = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const gateWithStore = (motion: MotionName) => {
    let ms = START.getTime();
    const store = memoryStore({ now: () => ms });
    const gate = createGate({ motion, store, now: () => new Date(ms) });
    return { gate, tick: (by = 1000) => (ms += by) };
  };
  // Distinct valid London numbers (Ofcom drama range 020 7946 0000–0999).
  const phone = (i: number) => `+44 20 7946 0${String(100 + i).padStart(3, '0')}`;
  // The cases are about the source check: each lead records what the consent check needs (a
  // lawful basis for a GB work address, opt-in consent for a free-mail one), so it stays quiet.
  const consented = (changes: Record<string, unknown> = {}) => lead({ consent: LEGITIMATE_INTEREST, ...changes });

  const CASES: Array<{ name: string; run: (gate: Gate, tick: () => void) => Promise<Verdict>; codes: Partial<Record<MotionName, string[]>>; decisions: Decisions }> = [
    {
      name: 'the same person twice (second submission, Gmail dot variant)',
      run: async (gate, tick) => {
        await gate.validate(lead({ email: 'jane.doe@gmail.com', consent: CONSENT_FOR_EVERY_MOTION }));
        tick();
        return gate.validate(lead({ email: 'janedoe@gmail.com', phone: phone(1), consent: CONSENT_FOR_EVERY_MOTION }));
      },
      codes: { inbound: ['EMAIL_FREE_PROVIDER', 'SOURCE_DUPLICATE'], abm: ['EMAIL_FREE_PROVIDER', 'SOURCE_DUPLICATE'], outbound: ['EMAIL_FREE_PROVIDER', 'SOURCE_DUPLICATE'], partner: ['EMAIL_FREE_PROVIDER', 'SOURCE_DUPLICATE'], expansion: ['EMAIL_FREE_PROVIDER', 'SOURCE_DUPLICATE'] },
      decisions: { inbound: 'review', abm: 'reject', outbound: 'reject', partner: 'review', expansion: 'review' },
    },
    {
      name: 'the same work address twice',
      run: async (gate, tick) => {
        await gate.validate(consented());
        tick();
        return gate.validate(consented({ phone: phone(2) }));
      },
      codes: { inbound: ['SOURCE_DUPLICATE'], abm: ['SOURCE_DUPLICATE'], outbound: ['SOURCE_DUPLICATE'], partner: ['SOURCE_DUPLICATE'], expansion: ['SOURCE_DUPLICATE'] },
      decisions: { inbound: 'accept', abm: 'review', outbound: 'review', partner: 'review', expansion: 'accept' },
    },
    {
      name: 'the 6th submission for one email within an hour (a stuffing loop)',
      run: async (gate, tick) => {
        for (let i = 0; i < 5; i++) {
          await gate.validate(consented({ phone: phone(i) }), { ip: `192.0.2.${i + 1}` });
          tick();
        }
        return gate.validate(consented({ phone: phone(9) }), { ip: '192.0.2.99' });
      },
      codes: Object.fromEntries(MOTION_NAMES.map((m) => [m, ['SOURCE_DUPLICATE', 'SOURCE_VELOCITY']])),
      decisions: all('reject'),
    },
    {
      name: '21 different people from one IP within 10 minutes (an office, or a bot farm)',
      run: async (gate, tick) => {
        for (let i = 0; i < 20; i++) {
          await gate.validate(consented({ email: `person${i}@acme-robotics.com`, phone: phone(i) }), { ip: '203.0.113.7' });
          tick();
        }
        return gate.validate(consented({ email: 'person99@acme-robotics.com', phone: phone(99) }), { ip: '203.0.113.7' });
      },
      // Outbound lists come from one importer and partner feeds from the partner's servers: IP is not counted there.
      codes: { inbound: ['SOURCE_VELOCITY_SHARED'], abm: ['SOURCE_VELOCITY_SHARED'], outbound: [], partner: [], expansion: ['SOURCE_VELOCITY_SHARED'] },
      decisions: { inbound: 'review', abm: 'review', outbound: 'accept', partner: 'accept', expansion: 'review' },
    },
    {
      name: '20 different people from one IP within 10 minutes (near miss)',
      run: async (gate, tick) => {
        for (let i = 0; i < 19; i++) {
          await gate.validate(consented({ email: `person${i}@acme-robotics.com`, phone: phone(i) }), { ip: '203.0.113.7' });
          tick();
        }
        return gate.validate(consented({ email: 'person99@acme-robotics.com', phone: phone(99) }), { ip: '203.0.113.7' });
      },
      codes: {},
      decisions: all('accept'),
    },
    {
      name: '51 different people from one company domain within an hour',
      run: async (gate, tick) => {
        for (let i = 0; i < 50; i++) {
          await gate.validate(consented({ email: `person${i}@acme-robotics.com`, phone: phone(i) }));
          tick();
        }
        return gate.validate(consented({ email: 'person99@acme-robotics.com', phone: phone(99) }));
      },
      // A buying group (abm), a list (outbound) and a customer's staff (expansion) are many people at one domain by design.
      codes: { inbound: ['SOURCE_VELOCITY_SHARED'], abm: [], outbound: [], partner: ['SOURCE_VELOCITY_SHARED'], expansion: [] },
      decisions: { inbound: 'review', abm: 'accept', outbound: 'accept', partner: 'review', expansion: 'accept' },
    },
  ];

  for (const testCase of CASES) {
    describe(testCase.name, () => {
      for (const motion of MOTION_NAMES) {
        it(`${motion} → ${testCase.decisions[motion]}`, async () => {
          const { gate, tick } = gateWithStore(motion);
          const verdict = await testCase.run(gate, tick);
          expect(findingCodes(verdict)).toEqual(sorted(testCase.codes[motion] ?? []));
          expect(verdict.decision).toBe(testCase.decisions[motion]);
        });
      }
    });
  }

  it('partner motion with the deployment\'s partner secrets: a valid token accepts, a forged or replayed one rejects', async () => {
    const secret = 'acme-reseller-secret-0123456789abcdef';
    const store = memoryStore({ now: () => START.getTime() });
    const gate = createGate({
      motion: 'partner',
      store,
      now: () => START,
      checks: [sourceVerification({ ...motions.partner.checks.source, partners: { 'acme-reseller': { secret } } })],
    });
    const body = consented();
    const signedLead = consented({ source: { partnerId: 'acme-reseller', partnerToken: await signPartnerToken(body, { partnerId: 'acme-reseller', secret, timestamp: START }) } });
    const accepted = await gate.validate(signedLead);
    expect(findingCodes(accepted)).toEqual([]);
    expect(accepted.decision).toBe('accept');
    const replay = await gate.validate(signedLead);
    // A replay is not genuine, so it does not count as the person's second visit either.
    expect(findingCodes(replay)).toEqual(['SOURCE_TOKEN_INVALID']);
    expect(replay.decision).toBe('reject');
    const forged = await gate.validate({ ...signedLead, title: 'CEO' });
    expect(findingCodes(forged)).toEqual(['SOURCE_TOKEN_INVALID']);
    expect(forged.decision).toBe('reject');
    const unsigned = await gate.validate(consented({ email: 'john.roe@acme-robotics.com', phone: phone(5) }));
    expect(findingCodes(unsigned)).toEqual(['SOURCE_TOKEN_INVALID']);
    expect(unsigned.decision).toBe('reject');
  });

  it('the action of every source code under every motion, by hand', () => {
    const expected: Record<string, Decisions | Record<MotionName, Action>> = {
      SOURCE_HONEYPOT: { inbound: 'reject', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'reject' },
      SOURCE_TOKEN_INVALID: { inbound: 'reject', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'reject' },
      SOURCE_FORM_TOKEN_INVALID: { inbound: 'reject', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'reject' },
      SOURCE_TOO_FAST: { inbound: 'reject', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'reject' },
      SOURCE_ORIGIN_NOT_ALLOWED: { inbound: 'reject', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'reject' },
      SOURCE_UNAUTHENTICATED: { inbound: 'reject', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'reject' },
      SOURCE_VELOCITY: { inbound: 'reject', abm: 'reject', outbound: 'reject', partner: 'reject', expansion: 'reject' },
      SOURCE_VELOCITY_SHARED: { inbound: 'review', abm: 'review', outbound: 'review', partner: 'review', expansion: 'review' },
      SOURCE_DUPLICATE: { inbound: 'flag', abm: 'review', outbound: 'review', partner: 'review', expansion: 'flag' },
      SOURCE_STALE: { inbound: 'review', abm: 'review', outbound: 'review', partner: 'review', expansion: 'review' },
      SOURCE_UNATTRIBUTED: { inbound: 'review', abm: 'review', outbound: 'review', partner: 'reject', expansion: 'review' },
    };
    const declared = codes().filter((row) => row.check === 'source').map((row) => row.code);
    expect(sorted(declared)).toEqual(sorted(Object.keys(expected)));
    for (const [code, actions] of Object.entries(expected)) {
      for (const motion of MOTION_NAMES) expect(motions[motion].actions[code], `${motion} ${code}`).toBe(actions[motion]);
    }
  });
});

// The group check joins a gate only through `checks: [buyingGroup({ accounts })]` (an account
// store is not plain data), so its rows run on gates given one. Hand-written, as above.
// The rules checked against (issue 5): inbound treats group context as information; abm
// makes the account the unit (unmatched or non-target → reject, coverage → review); partner
// reviews ownership conflicts; expansion measures coverage against the customer's group.
describe('group codes: every preset\'s decision, with buyingGroup({ accounts })', () => {
  // Acme Robotics has a full buying group (a champion recorded on the CEO, for expansion).
  // It is owned by a rep and registered to acme-reseller, the partner every lead of the table
  // names (the partner motion's source check requires a partner id, and the group check reads
  // any lead with one as a partner lead): only a lead from another partner is a channel conflict.
  const accounts = (): AccountInput[] => [
    {
      id: 'acme', name: 'Acme Robotics Ltd', domains: ['acme-robotics.com'], country: 'GB', target: true, customer: true, owner: 'rep-1', partnerId: 'acme-reseller',
      contacts: [
        { title: 'CEO', roles: ['champion'] }, { title: 'CFO' }, { title: 'IT Director' }, { title: 'Buyer' }, { title: 'Operations Analyst' },
        { email: 'sam.lee@acme-robotics.com', title: 'Head of Operations' },
      ],
    },
    { id: 'globex', name: 'Globex', domains: ['globex-industries.com'], target: false, contacts: [{ title: 'CEO' }, { title: 'CFO' }, { title: 'IT Director' }, { title: 'Buyer' }, { title: 'Operations Analyst' }] },
    { id: 'initech', name: 'Initech', domains: ['initech.com'], target: true, customer: true },
    { id: 'twin-1', name: 'Twin Co', domains: ['twin-co.com'], target: true },
    { id: 'twin-2', name: 'Twin Co', domains: ['twin-co.com'], target: true },
  ];
  // With a recorded lawful basis (GB work addresses), so the consent check leaves the group codes alone.
  const at = (domain: string, changes: Record<string, unknown> = {}) =>
    lead({ email: `new.person@${domain}`, website: `https://www.${domain}`, company: undefined, consent: LEGITIMATE_INTEREST, ...changes });

  const GROUP_TABLE: Row[] = [
    {
      name: 'a new person at a target customer whose group is full',
      input: at('acme-robotics.com', { title: 'Head of Operations', email: 'pat.new@acme-robotics.com' }),
      codes: ['GROUP_ROLE_COVERED'],
      decisions: all('accept'),
    },
    {
      name: 'a company no account matches',
      input: at('umbrella-corp.com', { company: 'Umbrella Corp' }),
      codes: ['GROUP_ACCOUNT_UNMATCHED'],
      decisions: { inbound: 'accept', abm: 'reject', outbound: 'review', partner: 'accept', expansion: 'review' },
    },
    {
      name: 'an account not on the target list',
      input: at('globex-industries.com'),
      codes: ['GROUP_NOT_TARGET_ACCOUNT'],
      decisions: { inbound: 'accept', abm: 'reject', outbound: 'accept', partner: 'accept', expansion: 'accept' },
    },
    {
      name: 'the first person at a target account (thin group, nobody who can sign)',
      input: at('initech.com'),
      codes: ['GROUP_COVERAGE_LOW', 'GROUP_NO_DECISION_MAKER'],
      decisions: { inbound: 'accept', abm: 'review', outbound: 'accept', partner: 'accept', expansion: 'accept' },
    },
    {
      name: 'a person already in the group',
      input: at('acme-robotics.com', { email: 'sam.lee@acme-robotics.com' }),
      codes: ['GROUP_CONTACT_EXISTS'],
      decisions: { inbound: 'accept', abm: 'accept', outbound: 'review', partner: 'review', expansion: 'accept' },
    },
    {
      // The direct-sales flavour (an owned account registered to no partner) is in test/checks/group.test.ts.
      name: 'a partner lead on an account registered to another partner',
      input: at('acme-robotics.com', { source: { partnerId: 'p-9' } }),
      codes: ['GROUP_OWNERSHIP_CONFLICT', 'GROUP_ROLE_COVERED'],
      decisions: { inbound: 'accept', abm: 'review', outbound: 'review', partner: 'review', expansion: 'review' },
    },
    {
      name: 'a title no persona fits (a function, no level)',
      input: at('acme-robotics.com', { title: 'Marketing' }),
      codes: ['GROUP_ROLE_UNMAPPED'],
      decisions: { inbound: 'accept', abm: 'review', outbound: 'accept', partner: 'accept', expansion: 'accept' },
    },
    {
      name: 'two accounts no rule can tell apart',
      input: at('twin-co.com'),
      codes: ['GROUP_ACCOUNT_AMBIGUOUS'],
      decisions: { inbound: 'accept', abm: 'review', outbound: 'review', partner: 'review', expansion: 'review' },
    },
  ];

  for (const row of GROUP_TABLE) {
    describe(row.name, () => {
      for (const motion of MOTION_NAMES) {
        it(`${motion} → ${row.decisions[motion]}`, async () => {
          // A fresh store per run: the check records each lead it judges.
          const gate = createGate({ motion, checks: [buyingGroup({ accounts: accounts() })] });
          const verdict = await gate.validate(row.input);
          expect(findingCodes(verdict)).toEqual(sorted(row.codesIn?.[motion] ?? row.codes));
          // Reasons drop the findings a motion ignores; each one kept carries the preset's action.
          for (const reason of verdict.reasons) expect(reason.action).toBe(gate.actionFor(reason.code));
          expect(verdict.decision).toBe(row.decisions[motion]);
        });
      }
    });
  }
});
