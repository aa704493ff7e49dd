#!/usr/bin/env node
// Generates examples/audit/leads.csv: a synthetic lead list of the kind a marketing team
// buys or exports, mixing good leads with the failure modes leadgate's checks catch.
// Deterministic: the same seed gives the same bytes. Our own synthetic data, no real
// people: companies are invented and live under the reserved `.example` TLD (RFC 2606),
// phone numbers come from ranges regulators reserve for fiction where one exists
// (Ofcom 020 7946 0xxx, NANP 555-01xx, ARCEP 01 99 00 xx xx), names are random
// combinations of common given names and surnames, and the mail-provider domains
// (gmail.com, mailinator.com, …) appear only with invented local parts.
//
//   node examples/audit/generate.mjs                  # writes examples/audit/leads.csv (2,400 rows)
//   node examples/audit/generate.mjs --rows 1000000 --out /tmp/leads.csv --seed 7
//
// bench/audit.mjs imports `leadRows` to make its 1,000,000-row file the same way.
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SEED = 0x1ead5;
export const DEFAULT_ROWS = 2400;

export const HEADER = [
  'Lead ID', 'First Name', 'Last Name', 'Email', 'Job Title', 'Company', 'Website', 'Phone', 'Country',
  'Industry', 'Employees', 'Lead Source', 'utm_source', 'utm_medium', 'utm_campaign',
  'Consent', 'Consent Date', 'Consent Text ID', 'Consent Page URL', 'Consent Pre-ticked', 'Consent Clicked',
  'Lawful Basis', 'LIA Reference', 'Created Date',
];

/** mulberry32: a small seeded PRNG (public domain), enough for test data. Shared by the demo's other generators. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Maria', 'Tom', 'Priya', 'Lukas', 'Sofia', 'James', 'Amara', 'Chen', 'Elena', 'Noah', 'Fatima', 'Oliver', 'Ines', 'Mateo', 'Hannah', 'Kenji', 'Aisha', 'Lars', 'Chloé', 'Diego', 'Emma', 'Raj', 'Zoe', 'Jonas'];
const LAST = ['Keller', 'Baker', 'Sharma', 'Novak', 'Rossi', 'Walsh', 'Okafor', 'Wang', 'Petrova', 'Dubois', 'Haddad', 'Jensen', 'Costa', 'García', 'Schmidt', 'Tanaka', 'Mensah', 'Berg', 'Martin', 'López', 'Evans', 'Iyer', 'Fischer', 'Moreau'];
const PREFIX = ['North', 'Blue', 'Silver', 'Bright', 'Iron', 'Cedar', 'Harbor', 'Summit', 'Lumen', 'Quarry', 'Maple', 'Orbit', 'Tidal', 'Granite', 'Velvet', 'Falcon'];
const STEM = ['wind', 'field', 'stone', 'line', 'path', 'bridge', 'works', 'gate', 'point', 'crest', 'forge', 'wave'];
const KIND = ['Logistics', 'Software', 'Analytics', 'Manufacturing', 'Health', 'Energy', 'Retail', 'Finance', 'Robotics', 'Foods'];
const SUFFIX = ['GmbH', 'Ltd', 'Inc.', 'SAS', 'BV', 'AG', '', '', ''];
const INDUSTRY = { Logistics: 'Transportation', Software: 'Software', Analytics: 'Software', Manufacturing: 'Manufacturing', Health: 'Healthcare', Energy: 'Energy', Retail: 'Retail', Finance: 'Financial Services', Robotics: 'Manufacturing', Foods: 'Food & Beverage' };
const GOOD_TITLES = ['Head of Procurement', 'VP Marketing', 'Marketing Manager', 'Chief Financial Officer', 'Director of Operations', 'Senior Data Engineer', 'Head of IT', 'Sales Director', 'CTO', 'Demand Generation Manager', 'Leiterin Einkauf', 'Directeur Commercial', 'Product Manager', 'IT Manager', 'Operations Manager', 'Chief Executive Officer', 'Finance Director', 'Revenue Operations Lead'];
const JUNK_TITLES = ['asdf', 'test', 'xxx', '.', 'n/a', 'qwerty', '123'];
const STUDENT_TITLES = ['Student', 'Intern', 'Marketing Intern', 'Werkstudent', 'PhD Student', 'Retired'];
const FREE = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'web.de', 'gmx.de', 'orange.fr'];
const DISPOSABLE = ['mailinator.com', 'yopmail.com', 'guerrillamail.com', '10minutemail.com', 'trashmail.com'];
const TYPOS = ['gmial.com', 'gmail.con', 'outlok.com', 'hotmial.com', 'yahooo.com'];
const ROLES = ['info', 'sales', 'contact', 'admin', 'marketing', 'office'];
const SOURCES = [
  ['Webinar', 'linkedin', 'paid-social', 'q3-webinar'],
  ['Website form', 'google', 'cpc', 'brand-search'],
  ['Content download', 'newsletter', 'email', 'ebook-2024'],
  ['Trade show', 'event', 'offline', 'expo-berlin'],
  ['Purchased list', '', '', ''],
  ['Partner referral', 'partner-portal', 'referral', 'partner-q3'],
];
const SOURCE_QUALITY = { 'Purchased list': 0.6, 'Trade show': 0.8, 'Partner referral': 0.9 };

// Where each source's consent was captured, and the id of the text it showed. The seller,
// Brightlane, is as invented as its leads. A trade-show badge scan is recorded by the
// scanner app (the page is its consent screen) or keyed in from a paper form, which
// keeps only that consent was given and when.
const CONSENT_CAPTURE = {
  Webinar: ['https://www.brightlane.example/webinars/q3-register', 'webinar-v2'],
  'Website form': ['https://www.brightlane.example/demo', 'demo-request-v1'],
  'Content download': ['https://www.brightlane.example/ebooks/2024-guide', 'newsletter-v3'],
  'Trade show': ['https://scan.brightlane.example/expo-berlin', 'event-badge-v1'],
  'Partner referral': ['https://partners.brightlane.example/refer', 'partner-referral-v1'],
};
// The reference of the legitimate-interest assessment a list vendor's campaign was run under.
const LIA_REFERENCE = 'LIA-2024-03';
// Comprehensively sanctioned jurisdictions (src/data/sanctioned-countries.ts): a bought
// "global" list carries a few; the ICP check rejects them in every motion.
const SANCTIONED = ['IR', 'CU', 'KP'];

/**
 * Phone numbers from ranges set aside for fiction, handed out without repeats: a repeated
 * number is the same person to the source check's duplicate rule. Each range is walked in
 * a scattered order (serial × a prime, modulo the range's size); a range used up starts over,
 * which only files of hundreds of thousands of rows reach.
 */
function phoneBook() {
  const serials = new Map();
  const next = (name, size) => {
    const serial = serials.get(name) ?? 0;
    serials.set(name, serial + 1);
    return (serial * 7919 + 13) % size;
  };
  const pad = (number, width) => String(number).padStart(width, '0');
  // Ofcom's drama ranges: 1,000 numbers each (https://www.ofcom.org.uk/phones-and-broadband/phone-numbers/numbers-for-drama).
  const GB_RANGES = ['020 7946 0', '0113 496 0', '0114 496 0', '0115 496 0', '0116 496 0', '0117 496 0', '0118 496 0', '0121 496 0', '0131 496 0', '0141 496 0', '0151 496 0', '0161 496 0', '0191 498 0'];
  // NANP: 555-0100 to 555-0199 is fictional in every area code.
  const US_AREAS = ['212', '415', '312', '617', '206', '303', '404', '512', '602', '713', '214', '305', '718', '917', '646', '202', '503', '612', '314', '216'];
  return {
    GB: () => { const n = next('GB', GB_RANGES.length * 1000); return `${GB_RANGES[Math.floor(n / 1000)]}${pad(n % 1000, 3)}`; },
    US: () => { const n = next('US', US_AREAS.length * 100); return `+1 (${US_AREAS[Math.floor(n / 100)]}) 555-01${pad(n % 100, 2)}`; },
    // ARCEP reserves 01 99 00 xx xx for fiction.
    FR: () => { const n = next('FR', 10_000); return `+33 1 99 00 ${pad(Math.floor(n / 100), 2)} ${pad(n % 100, 2)}`; },
    'DE-30': () => `+49 30 ${pad(next('DE-30', 10_000_000), 7)}`,
    'DE-89': () => `+49 89 ${pad(next('DE-89', 10_000_000), 7)}`,
    NL: () => { const n = next('NL', 10_000_000); return `+31 20 ${pad(Math.floor(n / 10_000), 3)} ${pad(n % 10_000, 4)}`; },
    // Numbers no lead should give: UK drama mobiles, US premium-rate and toll-free.
    mobileDrama: () => `+44 7700 900${pad(next('mobile', 1000), 3)}`,
    premium: () => `+1 900 555 01${pad(next('premium', 100), 2)}`,
    tollFree: () => `+1 800 555 01${pad(next('toll-free', 100), 2)}`,
  };
}

const COUNTRIES = [
  // code, how the list writes it, its phone range in the phone book
  ['GB', 'GB', 'GB'],
  ['US', 'US', 'US'],
  ['FR', 'France', 'FR'],
  ['DE', 'Germany', 'DE-30'],
  ['DE', 'DE', 'DE-89'],
  ['NL', 'NL', 'NL'],
];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function digits(random, count) {
  let text = '';
  for (let i = 0; i < count; i++) text += Math.floor(random() * 10);
  return text;
}

function slug(text) {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '');
}

function csvCell(value) {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function isoDate(random, yearFrom = 2023) {
  const day = new Date(Date.UTC(yearFrom, 0, 1) + Math.floor(random() * 700) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** A time of day on `date` in office hours, as ISO 8601 UTC. */
function isoTime(random, date) {
  return `${date}T${String(8 + Math.floor(random() * 10)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00Z`;
}

/**
 * Yields the CSV lines (header first) of `rows` leads. `kinds` counts what was made.
 * About 55% are clean leads; the rest carry one failure mode each (and some two).
 */
export function* leadRows({ rows = DEFAULT_ROWS, seed = DEFAULT_SEED, malformed = true, kinds = {} } = {}) {
  const random = prng(seed);
  const phones = phoneBook();
  const recent = [];
  yield HEADER.join(',');
  for (let index = 1; index <= rows; index++) {
    const count = (kind) => (kinds[kind] = (kinds[kind] ?? 0) + 1);
    // A handful of broken export rows, as spreadsheets produce them.
    if (malformed && index % 600 === 300) {
      count('malformed');
      yield index % 1200 === 300 ? `${index},Broken,Row,"quoted"text,only five` : `${index},Too,Few,fields`;
      continue;
    }
    // Duplicates: a lead already in the list, submitted again (the same person, maybe re-cased).
    if (recent.length > 20 && random() < 0.04) {
      count('duplicate');
      const again = [...pick(random, recent)];
      again[0] = `L-${String(index).padStart(7, '0')}`;
      if (random() < 0.5) again[3] = again[3].toUpperCase();
      yield again.map(csvCell).join(',');
      continue;
    }
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const company = `${pick(random, PREFIX)}${pick(random, STEM)} ${pick(random, KIND)}`;
    const kind = company.split(' ')[1];
    const legal = pick(random, SUFFIX);
    const domain = `${slug(company.replace(' ', '-'))}.example`.replace(/^(.*?)(logistics|software|analytics|manufacturing|health|energy|retail|finance|robotics|foods)\.example$/, '$1-$2.example');
    const [, countryText, phoneRange] = pick(random, COUNTRIES);
    const [leadSource, utmSource, utmMedium, utmCampaign] = pick(random, SOURCES);
    let email = `${slug(first)}.${slug(last)}@${domain}`;
    let title = pick(random, GOOD_TITLES);
    let phone = phones[phoneRange]();
    let companyName = legal ? `${company} ${legal}` : company;
    let website = random() < 0.8 ? `https://www.${domain}` : domain;
    let country = random() < 0.95 ? countryText : '';
    const employees = pick(random, ['11-50', '51-200', '201-500', '1,200', '5000', '10,001+', '']);

    // Bought lists and badge scans carry more bad data than people who filled a form.
    const roll = random() * (SOURCE_QUALITY[leadSource] ?? 1);
    if (roll < 0.08) {
      count('free-mail');
      email = `${slug(first)}${slug(last)}${Math.floor(random() * 90 + 10)}@${pick(random, FREE)}`;
      // Half of the people who give a private address leave the optional company field empty,
      // so nothing names their employer (the ICP check's ICP_COMPANY_MISSING)
      // (and the website column, which the CRM fills from the company, stays empty too).
      if (random() < 0.5) { count('no-company'); companyName = ''; website = ''; }
    }
    else if (roll < 0.12) { count('disposable'); email = `${slug(first)}${digits(random, 3)}@${pick(random, DISPOSABLE)}`; }
    else if (roll < 0.15) { count('typo'); email = `${slug(first)}.${slug(last)}@${pick(random, TYPOS)}`; }
    else if (roll < 0.19) { count('role-account'); email = `${pick(random, ROLES)}@${domain}`; }
    else if (roll < 0.21) { count('bad-email'); email = pick(random, [`${slug(first)}.${slug(last)}@@${domain}`, `${slug(first)} ${slug(last)}@${domain}`, `${slug(first)}.${slug(last)}${domain}`]); }
    else if (roll < 0.22) { count('no-email'); email = ''; }
    else if (roll < 0.26) { count('bad-phone'); phone = pick(random, [() => '12345', () => 'n/a', phones.mobileDrama, () => '000000', phones.premium, phones.tollFree])(); }
    else if (roll < 0.29) { count('junk-title'); title = pick(random, JUNK_TITLES); }
    else if (roll < 0.32) { count('student'); title = pick(random, STUDENT_TITLES); }
    else if (roll < 0.35) { count('domain-mismatch'); website = `https://www.${slug(pick(random, PREFIX))}-${slug(pick(random, KIND))}.example`; }
    else if (roll < 0.37) { count('no-title'); title = ''; }
    else count('clean');

    const created = isoDate(random, 2024);
    // A bought "global" list reaches a few sanctioned jurisdictions (ICP_GEO_EXCLUDED).
    if (leadSource === 'Purchased list' && random() < 0.03) {
      count('sanctioned-country');
      country = pick(random, SANCTIONED);
      phone = '';
    }

    // Consent columns, for the consent check. A form records the whole act: when, on which
    // page, with which text, the box's state when the page rendered and that the person
    // clicked it (GDPR Art. 7(1)). What each source keeps differs, and so do the findings.
    let consent = '';
    let consentAt = '';
    let textId = '';
    let pageUrl = '';
    let preticked = '';
    let clicked = '';
    let basis = '';
    let lia = '';
    const consentRoll = random();
    const detailRoll = random();
    const capturedAt = isoTime(random, created);
    const complete = () => {
      [pageUrl, textId] = CONSENT_CAPTURE[leadSource];
      consentAt = capturedAt;
      preticked = 'No';
      clicked = 'Yes';
      basis = 'consent';
    };
    if (leadSource === 'Purchased list') {
      // A vendor list: mostly no consent, a legitimate-interest basis (with or without the
      // assessment's reference), or a bare "opted in" flag and date that proves nothing.
      if (consentRoll < 0.15) { count('consent-unproven'); consent = 'Yes'; consentAt = created; }
      else if (consentRoll < 0.65) { basis = 'legitimate_interest'; lia = LIA_REFERENCE; }
      else if (consentRoll < 0.8) { count('lia-missing'); basis = 'legitimate_interest'; }
      else count('no-basis');
    } else if (consentRoll < 0.12) {
      // The person left the optional box unticked: a lead, but not for marketing where consent is needed.
      count('consent-declined');
      consent = 'No';
      [pageUrl, textId] = CONSENT_CAPTURE[leadSource];
      preticked = 'No';
      clicked = 'No';
    } else {
      consent = 'Yes';
      complete();
      if (leadSource === 'Trade show' && detailRoll < 0.4) {
        // Keyed in from a paper form: that consent was given and when, not how.
        count('consent-unproven');
        pageUrl = '';
        preticked = '';
        clicked = '';
        consentAt = created;
      } else if (leadSource === 'Website form' && detailRoll < 0.06) {
        // An old landing page still renders its box ticked (CONSENT_PRETICKED).
        count('consent-preticked');
        preticked = 'Yes';
        clicked = 'No';
      }
    }

    const row = [
      `L-${String(index).padStart(7, '0')}`, first, last, email, title, companyName, website, phone, country,
      INDUSTRY[kind], employees, leadSource, utmSource, utmMedium, utmCampaign,
      consent, consentAt, textId, pageUrl, preticked, clicked, basis, lia, created,
    ];
    if (recent.length < 200) recent.push(row);
    else recent[Math.floor(random() * 200)] = row;
    yield row.map(csvCell).join(',');
  }
}

/** Writes the rows to `path` (CRLF line ends, as spreadsheet exports write them); resolves with the counts per kind. */
export async function writeLeadsCsv(path, options = {}) {
  const kinds = {};
  const out = createWriteStream(path);
  let buffer = '';
  for (const line of leadRows({ ...options, kinds })) {
    buffer += `${line}\r\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((resolve) => out.once('drain', resolve));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise((resolve, reject) => out.on('finish', resolve).on('error', reject));
  return kinds;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at === -1 ? fallback : args[at + 1];
  };
  const path = option('--out', fileURLToPath(new URL('./leads.csv', import.meta.url)));
  const rows = Number(option('--rows', DEFAULT_ROWS));
  const seed = Number(option('--seed', DEFAULT_SEED));
  const kinds = await writeLeadsCsv(path, { rows, seed });
  console.log(`wrote ${rows} rows to ${path} (seed ${seed}):`, kinds);
}
