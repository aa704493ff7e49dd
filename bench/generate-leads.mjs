// Deterministic lead generator for the benchmarks. The same seed gives the same leads on
// every machine, so two runs (or two people) time the same inputs. The mix is meant to
// look like a real inbound form stream: mostly work addresses and direct lines, with the
// free-mail, disposable, role, typo and broken entries a form actually receives.

/** Default number of leads the benchmarks run on (the issue asks for 100,000). */
export const LEAD_COUNT = 100_000;
/** Default seed; change it to check a result does not hinge on one particular sample. */
export const SEED = 0x1ead6a7e;

/**
 * mulberry32: a tiny, fast 32-bit PRNG. Statistically fine for picking test data and
 * fully deterministic, unlike Math.random.
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  const digits = (count) => {
    let out = '';
    for (let i = 0; i < count; i++) out += String(Math.floor(next() * 10));
    return out;
  };
  /** Picks a key of `weights` ({ key: weight }) with probability proportional to its weight. */
  const weighted = (weights) => {
    const entries = Object.entries(weights);
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1][0];
  };
  return { next, int, pick, digits, weighted };
}

const FIRST_NAMES = [
  'jane', 'john', 'maria', 'lukas', 'sophie', 'ahmed', 'wei', 'priya', 'olivia', 'mateo', 'emma', 'noah',
  'chloe', 'hiroshi', 'fatima', 'lars', 'ines', 'giulia', 'pieter', 'amelie', 'ravi', 'ana', 'tom', 'zoe',
  'björn', 'josé', 'søren', 'léa',
];
const LAST_NAMES = [
  'doe', 'smith', 'müller', 'schmidt', 'garcia', 'rossi', 'dubois', 'jansen', 'kowalski', 'nakamura', 'patel',
  'silva', 'johnson', 'brown', 'martin', 'bernard', 'fischer', 'weber', 'lopez', 'chen', 'kim', 'nguyen',
  'o-brien', 'van-dijk',
];
const COMPANY_WORDS = [
  'acme', 'nordwind', 'bluepeak', 'helio', 'quantix', 'brightlane', 'ironbark', 'vantage', 'kestrel', 'lumen',
  'orbital', 'pinecrest', 'redshift', 'solace', 'tessera', 'umbra', 'verdant', 'westgate', 'zephyr', 'alder',
  'cobalt', 'driftwood', 'ember', 'fathom', 'granite', 'harbor', 'juniper', 'keystone', 'larkspur', 'meridian',
];
const COMPANY_SUFFIXES = ['', '-labs', '-systems', '-group', 'soft', '-tech', '-analytics', 'works', '-consulting', ''];
const COMPANY_TLDS = ['com', 'com', 'com', 'io', 'de', 'co.uk', 'fr', 'nl', 'es', 'it', 'com.au', 'ca', 'ch', 'co', 'net', 'ai'];
const FREE_DOMAINS = [
  'gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com',
  'gmx.de', 'web.de', 't-online.de', 'orange.fr', 'free.fr', 'libero.it', 'yahoo.co.uk', 'hotmail.co.uk',
  'protonmail.com', 'mail.ru', 'qq.com', 'yandex.ru',
];
const DISPOSABLE_DOMAINS = [
  'mailinator.com', 'guerrillamail.com', 'yopmail.com', '10minutemail.com', 'temp-mail.org', 'trashmail.com',
  'sharklasers.com', 'getnada.com', 'dispostable.com', 'maildrop.cc', 'throwawaymail.com', 'mailnesia.com',
  'inbox.mailinator.com',
];
const ROLE_LOCALS = ['info', 'sales', 'support', 'admin', 'contact', 'marketing', 'noreply', 'hello', 'office', 'billing', 'hr', 'sales+emea'];
// Misspellings of big providers, as people type them (some are typo-squatting catch-alls).
const TYPO_DOMAINS = [
  'gmial.com', 'gmai.com', 'gamil.com', 'gmail.con', 'gmail.co', 'gmaill.com', 'hotmial.com', 'hotmai.com',
  'yaho.com', 'yahoo.cmo', 'outlok.com', 'outloo.com', 'icloud.cm', 'hotmail.cm', 'yahooo.com', 'gnail.com',
];
const INVALID_EMAILS = [
  (l) => l, // no @
  (l) => `${l}@`,
  (l, d) => `@${d}`,
  (l, d) => `${l}..x@${d}`,
  (l, d) => `${l} x@${d}`,
  (l) => `${l}@localhost`,
  (l, d) => `${l}@@${d}`,
  (l) => `${l}@gmailcom`,
  (l) => `${l}@gmail,com`,
  (l, d) => `"${l}"@${d}`,
  (l, d) => `${l}(work)@${d}`,
  (l) => `${l}@[192.0.2.1]`,
  (l, d) => `.${l}@${d}`,
  (l, d) => `${l}@${d}.`,
  (l, d) => `${l}@-${d}`,
  () => 'n/a',
];

// Phone shapes per country: a national trunk prefix, the international calling code, and
// number patterns as (national significant prefix, random digits to append). Prefixes are
// real ranges (mobile, big-city fixed line, toll-free, premium-rate, shared-cost), so most
// numbers are valid and typed; random tails mean a few are not, as in real data.
const PHONE_PLANS = {
  DE: { cc: '49', trunk: '0', direct: [['151', 8], ['160', 7], ['176', 8], ['30', 8], ['89', 7], ['40', 8]], premium: [['9001', 6], ['9005', 6]], shared: [['1802', 6]], tollFree: [['800', 7]] },
  GB: { cc: '44', trunk: '0', direct: [['7912', 6], ['7400', 6], ['75', 8], ['207', 7], ['203', 7], ['161', 7], ['1214', 6]], premium: [['909', 7]], shared: [['845', 7]], tollFree: [['800', 7]] },
  US: { cc: '1', trunk: '', direct: [['2127', 6], ['4154', 6], ['6502', 6], ['3128', 6], ['6176', 6], ['2063', 6]], premium: [['9002', 6]], tollFree: [['8002', 6], ['8883', 6]] },
  CA: { cc: '1', trunk: '', direct: [['4162', 6], ['6043', 6], ['5148', 6]], tollFree: [['8664', 6]] },
  FR: { cc: '33', trunk: '0', direct: [['61', 7], ['75', 7], ['1', 8], ['14', 7]], premium: [['89', 7]], tollFree: [['800', 6]] },
  NL: { cc: '31', trunk: '0', direct: [['61', 7], ['62', 7], ['20', 7], ['10', 7]], premium: [['909', 4]], tollFree: [['800', 4]] },
  ES: { cc: '34', trunk: '', direct: [['6', 8], ['91', 7], ['93', 7]], premium: [['803', 6]], tollFree: [['900', 6]] },
  IT: { cc: '39', trunk: '', direct: [['347', 7], ['333', 7], ['06', 8], ['02', 8]], premium: [['899', 6]], tollFree: [['800', 6]] },
  CH: { cc: '41', trunk: '0', direct: [['79', 7], ['44', 7], ['22', 7]], premium: [['900', 6]], tollFree: [['800', 6]] },
  AU: { cc: '61', trunk: '0', direct: [['41', 7], ['2', 8], ['3', 8]], premium: [['1900', 6]], tollFree: [['1800', 6]] },
  IN: { cc: '91', trunk: '0', direct: [['98', 8], ['99', 8], ['222', 7], ['804', 7]], tollFree: [['1800', 7]] },
  BR: { cc: '55', trunk: '0', direct: [['119', 8], ['2199', 7], ['113', 7]], premium: [['900', 7]] },
  JP: { cc: '81', trunk: '0', direct: [['90', 8], ['80', 8], ['3', 8], ['6', 8]], premium: [['990', 6]], tollFree: [['120', 6]] },
  SE: { cc: '46', trunk: '0', direct: [['70', 7], ['8', 7]], premium: [['9002', 5]] },
  PL: { cc: '48', trunk: '', direct: [['50', 7], ['22', 7]], premium: [['701', 6]] },
};
// How often leads come from each country (weights, not percentages).
const COUNTRY_WEIGHTS = { US: 24, DE: 14, GB: 13, FR: 8, NL: 5, ES: 5, IT: 5, CA: 5, AU: 4, CH: 3, IN: 5, BR: 3, JP: 3, SE: 2, PL: 1 };

/**
 * Splits a digit string into groups for display (`151 23456789`), the way people type
 * numbers into forms.
 */
function grouped(random, prefix, tail) {
  const style = random.int(0, 3);
  if (style === 0) return `${prefix}${tail}`;
  if (style === 1) return `${prefix} ${tail}`;
  if (style === 2) return `${prefix} ${tail.slice(0, Math.ceil(tail.length / 2))} ${tail.slice(Math.ceil(tail.length / 2))}`;
  return `${prefix}-${tail.slice(0, 3)}-${tail.slice(3)}`;
}

function formatPhone(random, plan, country, [prefix, length]) {
  const tail = random.digits(length);
  const format = random.weighted({ international: 45, national: 40, internationalZeros: 5, nanpParens: country === 'US' || country === 'CA' ? 10 : 0 });
  if (format === 'nanpParens') return `(${prefix}) ${tail.slice(0, 3)}-${tail.slice(3)}`;
  if (format === 'national') return grouped(random, `${plan.trunk}${prefix}`, tail);
  if (format === 'internationalZeros' && plan.cc !== '1') return grouped(random, `00${plan.cc} ${prefix}`, tail);
  return grouped(random, `+${plan.cc} ${prefix}`, tail);
}

/** A phone number for a lead from `country`, plus what kind of number it was meant to be. */
function makePhone(random, country) {
  const kind = random.weighted({ direct: 78, tollFree: 4, premium: 3, shared: 2, foreign: 4, invalid: 9 });
  const plan = PHONE_PLANS[country];
  if (kind === 'foreign') {
    // A valid number from another country (roaming, an HQ line): a country mismatch.
    const other = random.pick(Object.keys(PHONE_PLANS).filter((c) => PHONE_PLANS[c].cc !== plan.cc));
    const otherPlan = PHONE_PLANS[other];
    const tail = random.digits(otherPlan.direct[0][1]);
    return { phone: `+${otherPlan.cc} ${otherPlan.direct[0][0]} ${tail}`, kind };
  }
  if (kind === 'invalid') {
    const shape = random.int(0, 5);
    const [prefix, length] = random.pick(plan.direct);
    if (shape === 0) return { phone: `+${plan.cc} ${prefix} ${random.digits(Math.max(1, length - 3))}`, kind }; // too short
    if (shape === 1) return { phone: `+${plan.cc} ${prefix} ${random.digits(length + 4)}`, kind }; // too long
    if (shape === 2) return { phone: random.digits(random.int(3, 6)), kind };
    if (shape === 3) return { phone: random.pick(['n/a', 'none', 'call me', 'tbd', '-', '0000000000', '1234567890']), kind };
    if (shape === 4) return { phone: `+${random.digits(3)} ${random.digits(random.int(6, 9))}`, kind };
    return { phone: `+${plan.cc} 0${random.digits(length)}`, kind };
  }
  const ranges = plan[kind] ?? plan.direct;
  return { phone: formatPhone(random, plan, country, random.pick(ranges)), kind: plan[kind] ? kind : 'direct' };
}

function companyDomain(random) {
  return `${random.pick(COMPANY_WORDS)}${random.pick(COMPANY_SUFFIXES)}.${random.pick(COMPANY_TLDS)}`;
}

function localPart(random, first, last) {
  const style = random.int(0, 5);
  if (style === 0) return `${first}.${last}`;
  if (style === 1) return `${first[0]}.${last}`;
  if (style === 2) return `${first}${last}`;
  if (style === 3) return first;
  if (style === 4) return `${first}.${last}${random.int(1, 99)}`;
  return `${first}_${last}`;
}

/** An email for a lead, plus what kind of address it was meant to be. */
function makeEmail(random, first, last, domain) {
  const kind = random.weighted({ work: 55, free: 20, disposable: 5, role: 7, typo: 5, invalid: 8 });
  const local = localPart(random, first, last);
  let email;
  if (kind === 'work') email = `${local}@${domain}`;
  else if (kind === 'free') email = `${local}@${random.pick(FREE_DOMAINS)}`;
  else if (kind === 'disposable') email = `${local}@${random.pick(DISPOSABLE_DOMAINS)}`;
  else if (kind === 'role') email = `${random.pick(ROLE_LOCALS)}@${domain}`;
  else if (kind === 'typo') email = `${local}@${random.pick(TYPO_DOMAINS)}`;
  else email = random.pick(INVALID_EMAILS)(local, domain);
  // What forms really send: some mixed case, a stray space, a capitalised name.
  const noise = random.next();
  if (noise < 0.05) email = email.toUpperCase();
  else if (noise < 0.12) email = email[0].toUpperCase() + email.slice(1);
  else if (noise < 0.15) email = ` ${email} `;
  return { email, kind };
}

const TITLES = ['CTO', 'Head of Marketing', 'VP Sales', 'Software Engineer', 'Procurement Manager', 'CEO', 'Student', 'Operations Lead', 'Director of IT', ''];
const CHANNELS = ['organic', 'paid-search', 'linkedin', 'webinar', 'partner', 'newsletter'];

/**
 * Generates `count` leads from `seed`. Each lead is what a form handler would receive:
 * email, phone, country (sometimes lower case or missing), name, company, website,
 * title and UTM attribution. `meta` records the intended kind of email and phone, so a
 * run can print the mix it timed.
 *
 * @returns {{ leads: object[], meta: { emailKind: string, phoneKind: string }[] }}
 */
export function generateLeads(count = LEAD_COUNT, seed = SEED) {
  const random = createRandom(seed);
  const leads = new Array(count);
  const meta = new Array(count);
  for (let i = 0; i < count; i++) {
    const country = random.weighted(COUNTRY_WEIGHTS);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const domain = companyDomain(random);
    const { email, kind: emailKind } = makeEmail(random, first, last, domain);
    const { phone, kind: phoneKind } = makePhone(random, country);
    const lead = {
      email,
      phone,
      firstName: first[0].toUpperCase() + first.slice(1),
      lastName: last[0].toUpperCase() + last.slice(1),
      company: domain.split('.')[0].replace(/-/g, ' '),
      title: random.pick(TITLES),
      source: { channel: random.pick(CHANNELS), utm_source: random.pick(['google', 'linkedin', 'bing', 'direct']), formId: `form-${random.int(1, 12)}` },
    };
    // Country as forms send it: usually ISO alpha-2, sometimes lower case, sometimes absent
    // (then a national phone number cannot be read).
    const countryRoll = random.next();
    if (countryRoll < 0.85) lead.country = country;
    else if (countryRoll < 0.93) lead.country = country.toLowerCase();
    // A website for most work leads; sometimes another company's (a mismatch).
    if (random.next() < 0.6) lead.website = random.next() < 0.9 ? `https://www.${domain}/` : `${companyDomain(random)}`;
    leads[i] = lead;
    meta[i] = { emailKind, phoneKind };
  }
  return { leads, meta };
}

/** Counts of each kind in `meta`, for printing the mix a run timed. */
export function describeMix(meta) {
  const email = {};
  const phone = {};
  for (const { emailKind, phoneKind } of meta) {
    email[emailKind] = (email[emailKind] ?? 0) + 1;
    phone[phoneKind] = (phone[phoneKind] ?? 0) + 1;
  }
  return { email, phone };
}
