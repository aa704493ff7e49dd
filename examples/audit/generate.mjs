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
  'Consent', 'Consent Date', 'Consent Text ID', 'Lawful Basis', 'Created Date',
];

/** mulberry32: a small seeded PRNG (public domain), enough for test data. */
function prng(seed) {
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
const COUNTRIES = [
  // code, how the list writes it, a phone in a fiction range (or a plausible one) for that country
  ['GB', 'GB', (r) => `020 7946 0${digits(r, 3)}`],
  ['US', 'US', (r) => `+1 (${pick(r, ['212', '415', '312', '617'])}) 555-01${digits(r, 2)}`],
  ['FR', 'France', (r) => `+33 1 99 00 ${digits(r, 2)} ${digits(r, 2)}`],
  ['DE', 'Germany', (r) => `+49 30 ${digits(r, 7)}`],
  ['DE', 'DE', (r) => `+49 89 ${digits(r, 7)}`],
  ['NL', 'NL', (r) => `+31 20 ${digits(r, 3)} ${digits(r, 4)}`],
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

/**
 * Yields the CSV lines (header first) of `rows` leads. `kinds` counts what was made.
 * About 55% are clean leads; the rest carry one failure mode each (and some two).
 */
export function* leadRows({ rows = DEFAULT_ROWS, seed = DEFAULT_SEED, malformed = true, kinds = {} } = {}) {
  const random = prng(seed);
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
    const [countryCode, countryText, phoneFor] = pick(random, COUNTRIES);
    const [leadSource, utmSource, utmMedium, utmCampaign] = pick(random, SOURCES);
    let email = `${slug(first)}.${slug(last)}@${domain}`;
    let title = pick(random, GOOD_TITLES);
    let phone = phoneFor(random);
    let website = random() < 0.8 ? `https://www.${domain}` : domain;
    let country = random() < 0.95 ? countryText : '';
    const employees = pick(random, ['11-50', '51-200', '201-500', '1,200', '5000', '10,001+', '']);

    // Bought lists and badge scans carry more bad data than people who filled a form.
    const roll = random() * (SOURCE_QUALITY[leadSource] ?? 1);
    if (roll < 0.08) { count('free-mail'); email = `${slug(first)}${slug(last)}${Math.floor(random() * 90 + 10)}@${pick(random, FREE)}`; }
    else if (roll < 0.12) { count('disposable'); email = `${slug(first)}${digits(random, 3)}@${pick(random, DISPOSABLE)}`; }
    else if (roll < 0.15) { count('typo'); email = `${slug(first)}.${slug(last)}@${pick(random, TYPOS)}`; }
    else if (roll < 0.19) { count('role-account'); email = `${pick(random, ROLES)}@${domain}`; }
    else if (roll < 0.21) { count('bad-email'); email = pick(random, [`${slug(first)}.${slug(last)}@@${domain}`, `${slug(first)} ${slug(last)}@${domain}`, `${slug(first)}.${slug(last)}${domain}`]); }
    else if (roll < 0.22) { count('no-email'); email = ''; }
    else if (roll < 0.26) { count('bad-phone'); phone = pick(random, ['12345', 'n/a', '+44 7700 900123', '000000', '+1 900 555 0100', '+1 800 555 0199']); }
    else if (roll < 0.29) { count('junk-title'); title = pick(random, JUNK_TITLES); }
    else if (roll < 0.32) { count('student'); title = pick(random, STUDENT_TITLES); }
    else if (roll < 0.35) { count('domain-mismatch'); website = `https://www.${slug(pick(random, PREFIX))}-${slug(pick(random, KIND))}.example`; }
    else if (roll < 0.37) { count('no-title'); title = ''; }
    else count('clean');

    // Consent columns, for the consent check: purchased lists rarely carry any.
    const purchased = leadSource === 'Purchased list';
    const consentRoll = random();
    const consent = purchased ? (consentRoll < 0.7 ? '' : 'Yes') : consentRoll < 0.08 ? 'No' : consentRoll < 0.14 ? '' : 'Yes';
    const consentDate = consent === 'Yes' && random() < 0.9 ? isoDate(random) : '';
    const textId = consent === 'Yes' && !purchased ? pick(random, ['newsletter-v3', 'webinar-v2', 'demo-request-v1']) : '';
    const basis = consent === 'Yes' ? 'consent' : purchased ? pick(random, ['legitimate_interest', '']) : '';
    const created = isoDate(random, 2024);

    const row = [
      `L-${String(index).padStart(7, '0')}`, first, last, email, title, legal ? `${company} ${legal}` : company, website, phone, country,
      INDUSTRY[kind], employees, leadSource, utmSource, utmMedium, utmCampaign, consent, consentDate, textId, basis, created,
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
