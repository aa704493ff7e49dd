// Builds test/fixtures/email-typos.labelled.json (issue 17): provider typos labelled with
// the domain meant, and real domains that look like typos, labelled with no correction.
// Deterministic: the same lists give the same file. Run: node scripts/generate-email-typos.mjs
//
// Typos: the slips people make typing a provider's domain, per the classes in the
// spell-checking literature (Damerau 1964: one insert, delete, replace or swap covers about
// 80% of misspellings) and the ones issue 17 saw missed: each neighbour swap, each dropped
// letter (the first one included), each doubled letter, the key next door on a QWERTY
// keyboard, TLD slips (.con, .cm, .c, .comm, .com.co) and a wrong TLD on a distinctive
// name (gmail.net), two swaps (htomali), a swap plus a slip (yhao), plus misspellings seen
// in the wild: the email-providers list records what people mistyped (gamil.com, gmai.com).
//
// Real domains: every domain on the free-mail and disposable lists within two edits of a
// provider (real providers in their own right, such as hotmail.gr, mail.com, y7mail.com),
// the providers themselves, and company domains that resemble a provider.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const readJson = (path) => JSON.parse(readFileSync(fileURLToPath(new URL(`../node_modules/${path}`, import.meta.url)), 'utf8'));
const providers = readJson('email-providers/all.json');
const disposable = readJson('disposable-email-domains-js/dist/dict/disposable_email_blocklist.json');

const OUT = fileURLToPath(new URL('../test/fixtures/email-typos.labelled.json', import.meta.url));

// The providers most typos are made towards (by share of consumer mailboxes), each with the
// TLD slips of its suffix.
const PROVIDERS = [
  'gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com', 'aol.com', 'live.com', 'msn.com', 'googlemail.com',
  'hotmail.co.uk', 'yahoo.co.uk', 'btinternet.com', 'comcast.net', 'sbcglobal.net', 'verizon.net', 'gmx.de', 'web.de',
  't-online.de', 'orange.fr', 'wanadoo.fr', 'laposte.net', 'libero.it', 'protonmail.com', 'ymail.com', 'yandex.ru', 'mail.ru',
];
const DISTINCTIVE = new Set(['gmail', 'googlemail', 'hotmail', 'outlook', 'icloud', 'yahoo', 'aol', 'protonmail', 'btinternet', 'sbcglobal', 'libero', 'ymail']);
const SUFFIX_SLIPS = {
  com: ['con', 'cm', 'co', 'om', 'cmo', 'comm', 'c', 'vom', 'xom', 'cpm', 'coom', 'ocm', 'com.co', 'comcom'],
  net: ['ne', 'nte', 'nett', 'nrt', 'met', 'ner', 'et'],
  de: ['dr', 'dee', 'd', 'fe'],
  fr: ['fe', 'frr', 'f', 'ft'],
  it: ['iy', 'itt', 'ut'],
  ru: ['rt', 'ruu', 'r'],
  'co.uk': ['co.uj', 'co.k', 'co.ik', 'co.uk.uk', 'co.ukk'],
};
const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** The key to the right on a QWERTY keyboard (or to the left at the row's end). */
function neighbour(letter) {
  for (const row of KEYBOARD) {
    const at = row.indexOf(letter);
    if (at !== -1) return row[at + 1] ?? row[at - 1];
  }
  return undefined;
}

function labelTypos(label) {
  const out = new Set();
  for (let i = 0; i < label.length - 1; i++) out.add(label.slice(0, i) + label[i + 1] + label[i] + label.slice(i + 2));
  for (let i = 0; i < label.length; i++) out.add(label.slice(0, i) + label.slice(i + 1));
  for (let i = 0; i < label.length; i++) out.add(label.slice(0, i + 1) + label[i] + label.slice(i + 1));
  for (let i = 1; i < label.length; i++) {
    const key = neighbour(label[i]);
    if (key) out.add(label.slice(0, i) + key + label.slice(i + 1));
  }
  out.delete(label);
  return [...out].filter((typo) => typo.length >= 2 && /^[a-z0-9]/.test(typo) && !typo.endsWith('-'));
}

const typos = new Map();
for (const domain of PROVIDERS) {
  const dot = domain.indexOf('.');
  const label = domain.slice(0, dot);
  const suffix = domain.slice(dot + 1);
  for (const typo of labelTypos(label)) typos.set(`${typo}.${suffix}`, domain);
  for (const slip of SUFFIX_SLIPS[suffix] ?? []) typos.set(`${label}.${slip}`, domain);
  if (DISTINCTIVE.has(label) && suffix === 'com') for (const tld of ['net', 'org', 'de']) typos.set(`${label}.${tld}`, domain);
}
// Two slips in one name, and one in each part, as issue 17 and mailcheck's tests report them.
for (const [typo, domain] of [
  ['htomali.com', 'hotmail.com'], ['yhao.com', 'yahoo.com'], ['gmaill.con', 'gmail.com'], ['gnail.con', 'gmail.com'], ['homail.con', 'hotmail.com'],
  ['hotmai.con', 'hotmail.com'], ['yahooo.cmo', 'yahoo.com'], ['outlok.con', 'outlook.com'], ['iclod.com', 'icloud.com'], ['gmial.con', 'gmail.com'],
  ['ohtmail.com', 'hotmail.com'], ['gamil.con', 'gmail.com'], ['hotmial.co.uk', 'hotmail.co.uk'], ['yaoho.com', 'yahoo.com'], ['outloook.com', 'outlook.com'],
]) typos.set(typo, domain);

const PROVIDER_SET = new Set(PROVIDERS);
const listed = new Set([...providers, ...disposable]);
// The misspellings the lists carry as if they were providers (src/checks/email/typo.ts, LISTED_TYPO_DOMAINS).
const LISTED_TYPOS = new Set(['gmial.com', 'hotmial.com', 'hotmai.com', 'gamil.com', 'gmai.com', 'gmal.com', 'gmail.co', 'gmail.om', 'gmail.com.com', 'homail.com', 'hotmail.cm', 'hotmail.con', 'hotmails.com', 'yaho.com', 'yahoo.om']);
for (const typo of LISTED_TYPOS) typos.set(typo, typos.get(typo) ?? `${typo.split('.')[0].replace(/^(gamil|gmai|gmal|gmial)$/, 'gmail').replace(/^(homail|hotmails|hotmial|hotmai)$/, 'hotmail').replace(/^yaho$/, 'yahoo')}.com`);

// Real domains that look like typos: never to be "corrected".
const COMPANY_LOOKALIKES = [
  'acme.com', 'hotmart.com', 'cloud.com', 'verizon.com', 'comcast.com', 'att.com', 'cox.com', 'web.com', 'orange.com', 'free.com',
  'hive.com', 'zoro.com', 'hey.com', 'ail.com', 'gmai.ru', 'mai.ru', 'gmx.at', 'gmx.ch', 'yandex.com', 'mail.com', 'me.org',
  'salesforce.com', 'hubspot.com', 'outlook-partners.com', 'gmaps.com', 'yahoo-inc.com', 'aon.net', 'aon.com',
  'olx.com', 'ola.com', 'msc.com', 'msi.com', 'mac.org', 'live.de', 'live.fr', 'liveperson.com', 'iclouds.dev', 'gumroad.com',
  'gitlab.com', 'github.com', 'google.com', 'yelp.com', 'hotels.com', 'holtmail.de', 'outbrain.com', 'outlet.com', 'webex.com',
  'orange.es', 'orange.pl', 'oracle.com', 'zillow.com', 'zoom.us', 'zoho.eu', 'proton.ch', 'gmc.com', 'gm.com', 'gap.com',
  'ibm.com', 'sap.com', 'bt.com', 'ee.co.uk', 'sky.com', 'tesco.com', 'virgin.com', 'laposte.fr', 'lapost.com', 'libera.chat',
  'mail.de', 'email.de', 'comcast.org', 'verizonwireless.com', 'att.net.au', 'coxautoinc.com',
  'freenet.de', 'telekom.de', 'aol.de', 'aol.fr', 'laposte.fr', 'wanadoo.nl', 'gmxnet.com', 'webde.com', 'tonline.com', 'wanadoo.nl', 'volvo.com', 'visa.com', 'ups.com', 'dhl.com',
];
const real = new Set([...PROVIDERS, ...COMPANY_LOOKALIKES]);
for (const domain of listed) {
  if (LISTED_TYPOS.has(domain) || typeof domain !== 'string') continue;
  const label = domain.slice(0, domain.indexOf('.'));
  // Within two edits of a provider's name, or a provider's name under another suffix.
  if (PROVIDERS.some((provider) => { const name = provider.slice(0, provider.indexOf('.')); return label === name || (Math.abs(label.length - name.length) <= 2 && osa(label, name) <= 2); })) real.add(domain);
}
// A generated typo that is a real domain is no typo.
for (const domain of real) typos.delete(domain);
for (const domain of [...typos.keys()]) if (PROVIDER_SET.has(domain) || (listed.has(domain) && !LISTED_TYPOS.has(domain))) typos.delete(domain);

const file = {
  about: 'Provider-domain typos (typo → the domain meant) and real domains that look like typos (no correction). Generated by scripts/generate-email-typos.mjs; see bench/README.md "Email typos".',
  typos: [...typos].sort(([a], [b]) => a.localeCompare(b)).map(([typo, meant]) => ({ typo, meant })),
  real: [...real].sort(),
};
writeFileSync(OUT, `${JSON.stringify(file, null, 1)}\n`);
console.log(`${file.typos.length} typos, ${file.real.length} real domains → ${OUT}`);

function osa(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
