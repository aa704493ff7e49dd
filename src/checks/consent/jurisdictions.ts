// The marketing-consent regimes the consent check applies, as data. Legal digest and
// sources: ../shared/research/compliance_source.md §1.1 (this is not legal advice; the
// rows marked "strict default" are where the research has no source, so the strictest
// model applies). Re-read the sources before each release (research §5).

/** The contact channels a lead can be marketed on. */
export type ContactChannel = 'email' | 'phone' | 'sms';

export const CONTACT_CHANNELS = ['email', 'phone', 'sms'] as const satisfies readonly ContactChannel[];

/**
 * How a channel may be used for marketing under a regime:
 * - `opt-in`: prior consent is needed (or the relationship exception, when `relationship` says so);
 * - `opt-out`: no prior consent, the person can object (CAN-SPAM, PECR live calls);
 * - `opt-out-corporate`: opt-out for corporate subscribers (work addresses), opt-in for
 *   individuals (sole traders, free-mail addresses): UK PECR reg. 22, French B2B email.
 */
export type ChannelModel = 'opt-in' | 'opt-out' | 'opt-out-corporate';

/** One channel's rule under one regime. */
export interface ChannelRule {
  model: ChannelModel;
  /**
   * Whether an existing relationship (a purchase or an inquiry inside a window) stands in
   * for consent: `statutory` when the law fixes the window (CASL: 2 years / 6 months),
   * `policy` when the law allows the exception but names no window (soft opt-in, the
   * check's `relationshipWindow` option applies), `false` when only express consent counts.
   */
  relationship: 'statutory' | 'policy' | false;
  /** The source of this rule. */
  source: string;
}

/** A consent regime: the countries it covers and a rule per channel. */
export interface ConsentRegime {
  /** Stable id, recorded in evidence: `EU`, `DE`, `GB`, `US`, `STRICT`, … */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 codes. The STRICT default lists none: it applies to every other country. */
  countries: readonly string[];
  /**
   * The GDPR (EU or UK) applies: whatever the channel allows, processing needs a recorded
   * lawful basis, and legitimate interest needs an assessment (Art. 6(1)(f), Recital 47).
   */
  gdpr: boolean;
  channels: Readonly<Record<ContactChannel, ChannelRule>>;
  /** Short notes for people reading the evidence or the docs. */
  notes?: string;
}

// EU/EEA member states without a row of their own get the EU row (opt-in for every channel,
// with the ePrivacy soft opt-in for email). Iceland, Liechtenstein and Norway apply the GDPR
// and ePrivacy through the EEA Agreement.
const EEA = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'IS', 'LI', 'NO',
] as const;

const FIELDFISHER = 'https://www.fieldfisher.com/en/insights/eu-e-marketing-requirements';
const STRICT_SOURCE = 'https://eur-lex.europa.eu/eli/reg/2016/679/oj';
const OPT_IN_STRICT: ChannelRule = { model: 'opt-in', relationship: false, source: STRICT_SOURCE };

/** Bump when a rule changes: the version is recorded in every verdict's evidence. */
export const JURISDICTIONS_VERSION = '2026-11-28';

/**
 * The regimes, most specific first. `regimeFor(country)` returns the first whose
 * `countries` contain the country, else {@link STRICT_REGIME}.
 */
export const CONSENT_REGIMES: readonly ConsentRegime[] = [
  {
    id: 'DE',
    name: 'Germany (UWG §7, GDPR)',
    countries: ['DE'],
    gdpr: true,
    channels: {
      // UWG §7(2): email advertising needs prior express consent, B2B as well as B2C;
      // §7(3) existing-customer exception.
      email: { model: 'opt-in', relationship: 'policy', source: 'https://www.fedma.org/legalfacts/germany-lfp/marketing-germany-lfp/e-mail-b2b-b2c-opt-in/' },
      sms: { model: 'opt-in', relationship: 'policy', source: 'https://www.fedma.org/legalfacts/germany-lfp/marketing-germany-lfp/e-mail-b2b-b2c-opt-in/' },
      // B2B calls on "presumed consent" are a judgement the research did not cover: strict default.
      phone: OPT_IN_STRICT,
    },
    notes: 'Opt-in even for B2B email; existing customers may be mailed about similar products.',
  },
  {
    id: 'FR',
    name: 'France (CPCE L34-5, GDPR)',
    countries: ['FR'],
    gdpr: true,
    channels: {
      // B2B email is opt-out when it relates to the recipient's professional activity;
      // a personal (free-mail) address is an individual's: opt-in.
      email: { model: 'opt-out-corporate', relationship: 'policy', source: 'https://www.fedma.org/legalfacts/france-lfp/marketing-france-lfp/e-mail-b2b-b2c/' },
      sms: OPT_IN_STRICT,
      phone: OPT_IN_STRICT,
    },
    notes: 'B2B email opt-out when relevant to the recipient\'s profession; otherwise opt-in.',
  },
  {
    id: 'NL',
    name: 'Netherlands (Telecommunicatiewet 11.7, GDPR)',
    countries: ['NL'],
    gdpr: true,
    channels: {
      // Opt-in for corporate and individual subscribers alike, with an existing-customer exception.
      email: { model: 'opt-in', relationship: 'policy', source: 'https://www.fedma.org/legalfacts/nl-lfp/marketing-nl-lfp/e-mail-b2b-b2c-opt-in-4/' },
      sms: { model: 'opt-in', relationship: 'policy', source: 'https://www.fedma.org/legalfacts/nl-lfp/marketing-nl-lfp/e-mail-b2b-b2c-opt-in-4/' },
      phone: OPT_IN_STRICT,
    },
    notes: 'Opt-in for corporate and individual subscribers.',
  },
  {
    id: 'EU',
    name: 'EU/EEA (ePrivacy Directive Art. 13, GDPR)',
    countries: EEA,
    gdpr: true,
    channels: {
      // The ePrivacy Directive requires opt-in for individuals; B2B rules vary by member
      // state (Fieldfisher's table), so a country without a row gets opt-in for every
      // subscriber, with the Art. 13(2) soft opt-in for existing customers.
      email: { model: 'opt-in', relationship: 'policy', source: FIELDFISHER },
      sms: { model: 'opt-in', relationship: 'policy', source: FIELDFISHER },
      phone: { model: 'opt-in', relationship: false, source: FIELDFISHER },
    },
    notes: 'Opt-in unless a member-state row says otherwise.',
  },
  {
    id: 'GB',
    name: 'United Kingdom (PECR, UK GDPR)',
    countries: ['GB', 'GG', 'JE', 'IM'],
    gdpr: true,
    channels: {
      // PECR reg. 22 (email, SMS) protects individual subscribers only; corporate
      // subscribers (companies, LLPs, government) may be mailed without consent, but UK
      // GDPR still needs a lawful basis. Sole traders and partnerships are individuals.
      // Reg. 22(3) soft opt-in for existing customers.
      email: { model: 'opt-out-corporate', relationship: 'policy', source: 'https://ico.org.uk/for-organisations/direct-marketing/business-to-business-marketing/' },
      sms: { model: 'opt-out-corporate', relationship: 'policy', source: 'https://www.legislation.gov.uk/uksi/2003/2426/regulation/22' },
      // PECR reg. 21: live calls are allowed unless the number is on the TPS/CTPS or the
      // person objected (screen with the suppression list). Automated calls (reg. 19)
      // need consent and are not this channel.
      phone: { model: 'opt-out', relationship: false, source: 'https://www.legislation.gov.uk/uksi/2003/2426/regulation/21' },
    },
    notes: 'Corporate subscribers opt-out (with a lawful basis); sole traders and free-mail addresses are individuals: opt-in.',
  },
  {
    id: 'US',
    name: 'United States (CAN-SPAM, TCPA)',
    countries: ['US', 'PR', 'GU', 'VI', 'AS', 'MP'],
    gdpr: false,
    channels: {
      // CAN-SPAM: opt-out, no exception for B2B; honour opt-outs within 10 business days.
      email: { model: 'opt-out', relationship: false, source: 'https://www.ftc.gov/business-guidance/resources/can-spam-act-compliance-guide-business' },
      // TCPA: prior express written consent for autodialed or prerecorded telemarketing
      // and texts, B2B cell phones included (47 CFR 64.1200(a)(2), (f)(9)).
      phone: { model: 'opt-in', relationship: false, source: 'https://www.ecfr.gov/current/title-47/chapter-I/subchapter-B/part-64/subpart-L/section-64.1200' },
      sms: { model: 'opt-in', relationship: false, source: 'https://www.ecfr.gov/current/title-47/chapter-I/subchapter-B/part-64/subpart-L/section-64.1200' },
    },
    notes: 'Email opt-out; calls and texts need prior express written consent (TCPA).',
  },
  {
    id: 'CA',
    name: 'Canada (CASL)',
    countries: ['CA'],
    gdpr: false,
    channels: {
      // CASL: express consent, or implied by a purchase in the last 2 years or an inquiry
      // in the last 6 months (existing business relationship).
      email: { model: 'opt-in', relationship: 'statutory', source: 'https://crtc.gc.ca/eng/com500/guide.htm' },
      sms: { model: 'opt-in', relationship: 'statutory', source: 'https://crtc.gc.ca/eng/com500/guide.htm' },
      // Voice calls are outside CASL (National DNCL rules); not researched: strict default.
      phone: OPT_IN_STRICT,
    },
    notes: 'Express consent, or implied within 2 years of a purchase / 6 months of an inquiry.',
  },
  {
    id: 'AU',
    name: 'Australia (Spam Act 2003)',
    countries: ['AU'],
    gdpr: false,
    channels: {
      // Spam Act Sch. 2: express consent, or consent inferred from a business relationship.
      email: { model: 'opt-in', relationship: 'policy', source: 'http://classic.austlii.edu.au/au/legis/cth/consol_act/sa200366/sch2.html' },
      sms: { model: 'opt-in', relationship: 'policy', source: 'http://classic.austlii.edu.au/au/legis/cth/consol_act/sa200366/sch2.html' },
      // Do Not Call Register Act: not researched, strict default.
      phone: OPT_IN_STRICT,
    },
    notes: 'Express consent, or consent inferred from an existing business relationship.',
  },
];

/**
 * The regime for a country the table does not know, or a lead without one: opt-in for
 * every channel, express consent only (research §1.1: "When a country is missing from
 * the table, default to opt-in required").
 */
export const STRICT_REGIME: ConsentRegime = {
  id: 'STRICT',
  name: 'Strict default (unknown or missing country)',
  countries: [],
  gdpr: true,
  channels: { email: OPT_IN_STRICT, phone: OPT_IN_STRICT, sms: OPT_IN_STRICT },
  notes: 'Express opt-in consent for every channel.',
};

const BY_COUNTRY = new Map<string, ConsentRegime>();
for (const regime of CONSENT_REGIMES) for (const country of regime.countries) if (!BY_COUNTRY.has(country)) BY_COUNTRY.set(country, regime);

/** The regime of a country (ISO alpha-2, upper case); the strict default when unknown or missing. */
export function regimeFor(country: string | undefined): ConsentRegime {
  return (country && BY_COUNTRY.get(country)) || STRICT_REGIME;
}
