#!/usr/bin/env node
// Regenerates the compact domain and role lists in src/data/ from devDependencies
// already in node_modules. No network: a list changes only when a pinned package is
// upgraded, so a build is reproducible from the lockfile (the research notes, §4:
// "pin list versions at build time"). Run with `npm run data`.
//
// The output is deterministic apart from the date in the header; set SOURCE_DATE_EPOCH
// (seconds, the reproducible-builds convention) to pin that as well.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { domainToASCII, fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const outDir = join(root, 'src', 'data');

// Domains that the free-mail source lists but that are companies whose staff use the
// domain for work, or that are not mail providers at all. Each one cost a B2B form a
// real lead in some list (research notes §1.5: HubSpot-derived lists and
// company-email-validator flag Fortune-500 domains). Kept here, not in src/, so the
// shipped list is already clean and the reason stays next to the rule.
const B2B_ALLOWLIST = new Map([
  ['att.com', 'AT&T corporate domain (Fortune 500); consumer mail is att.net'],
  ['verizon.com', 'Verizon corporate domain (Fortune 500); consumer mail was verizon.net'],
  ['dell.com', 'Dell Technologies corporate domain (Fortune 500), not a mailbox provider'],
  ['starbucks.com', 'Starbucks corporate domain (Fortune 500), flagged by HubSpot-derived lists'],
  ['frontier.com', 'Frontier Communications corporate domain (Fortune 500); flagged by every list checked'],
  ['facebook.com', 'Meta staff domain; facebook.com mailboxes for users were shut down in 2014'],
  ['name.com', 'Name.com, a domain registrar (a company), not a mail provider'],
  ['clerk.com', 'Clerk, a software company (company-email-validator PR #14 asks to remove it too)'],
  ['example.com', 'reserved by RFC 2606 for documentation, not a mail provider'],
  ['example.org', 'reserved by RFC 2606 for documentation, not a mail provider'],
  ['example.net', 'reserved by RFC 2606 for documentation, not a mail provider'],
  ['go.com', 'Disney web portal domain; its free mail service closed in 2001'],
]);

// A lower-case ASCII host name: LDH labels (RFC 1123 §2.1) separated by dots, at least two labels.
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;
// A role local part as the role list writes it (no quoting, no `@`).
const LOCAL_PART = /^[a-z0-9._-]+$/;

const generatedOn = generationDate();

const disposableSource = packageInfo('disposable-email-domains-js');
const freeSource = packageInfo('email-providers');
const roleSource = packageInfo('role-based-email-addresses');

const disposable = clean(
  readJson(join(disposableSource.dir, 'dist', 'dict', 'disposable_email_blocklist.json')),
  toAsciiDomain,
  'disposable-email-domains-js',
);

const disposableSet = new Set(disposable);
const providers = clean(readJson(join(freeSource.dir, 'all.json')), toAsciiDomain, 'email-providers');
// Entries the current source lacks stay in the allowlist: other free lists carry them
// (research notes §1.5), and a later email-providers release may add them.
const notListed = [...B2B_ALLOWLIST.keys()].filter((domain) => !providers.includes(domain));
if (notListed.length > 0) console.warn(`note: allowlist entries not in email-providers ${freeSource.version} (kept as a guard): ${notListed.join(', ')}`);
// Disposable wins over free: a throwaway domain must be blocked, not just flagged.
const free = providers.filter((domain) => !disposableSet.has(domain) && !B2B_ALLOWLIST.has(domain));

const roleLocals = clean(require('role-based-email-addresses'), (entry) => {
  const local = String(entry).trim().toLowerCase();
  return LOCAL_PART.test(local) ? local : undefined;
}, 'role-based-email-addresses');

write('disposable-domains.ts', 'DISPOSABLE_DOMAINS', disposable, {
  title: 'Disposable (throwaway) email domains: an address at one of these, or at a subdomain of one, is a burner.',
  source: `npm disposable-email-domains-js ${disposableSource.version} (weekly mirror, https://github.com/mziyut/disposable-email-domains-js)`,
  upstream: 'https://github.com/disposable-email-domains/disposable-email-domains (disposable_email_blocklist.conf)',
  licence: disposableSource.license,
});

write('free-domains.ts', 'FREE_DOMAINS', free, {
  title: 'Free / consumer mailbox providers (gmail.com, web.de, …): a real person, but not a work address.',
  source: `npm email-providers ${freeSource.version} (all.json)`,
  upstream: 'https://github.com/derhuerst/email-providers',
  licence: freeSource.license,
  notes: [
    `minus every domain in the disposable list (${providers.filter((domain) => disposableSet.has(domain)).length} removed): those are blocked, not just flagged`,
    `minus a B2B allowlist kept in scripts/generate-data.mjs: ${[...B2B_ALLOWLIST.keys()].join(', ')}`,
  ],
});

write('role-locals.ts', 'ROLE_LOCAL_PARTS', roleLocals, {
  title: 'Role-account local parts (info, sales, noreply, …): a mailbox for a function, not a person.',
  source: `npm role-based-email-addresses ${roleSource.version}`,
  upstream: 'https://github.com/mixmaxhq/role-based-email-addresses',
  licence: roleSource.license,
});

// Short lists for the script-tag build (dist/leadgate.global.js, issue 8): the full
// lists are ~83 KB gzip together, three times the browser budget, so the page carries
// only the services a visitor is most likely to type and the server, which runs the
// full lists, stays authoritative. Every entry must be in the full list generated
// above (the same pinned package), so the browser never knows more than the server.
// Chosen by hand from the best-known temporary-mail services and the largest free
// providers; the pinned packages carry no usage counts to rank by.
const POPULAR_DISPOSABLE = [
  '10minutemail.com', '10minutemail.net', '1secmail.com', '1secmail.net', '1secmail.org', '20minutemail.com',
  'crazymailing.com', 'discard.email', 'dispostable.com', 'dropmail.me', 'emailfake.com', 'emailondeck.com',
  'emltmp.com', 'fakeinbox.com', 'fakemail.net', 'getairmail.com', 'getnada.com', 'grr.la', 'guerrillamail.biz', 'guerrillamail.com',
  'guerrillamail.de', 'guerrillamail.info', 'guerrillamail.net', 'guerrillamail.org', 'guerrillamailblock.com', 'harakirimail.com',
  'inboxkitten.com', 'incognitomail.org', 'jetable.org', 'maildrop.cc', 'mailcatch.com', 'mailforspam.com', 'mailinator.com',
  'mailinator.net', 'mailinator2.com', 'mailnesia.com', 'mailpoof.com', 'mintemail.com', 'moakt.com', 'mohmal.com', 'mytemp.email',
  'mytrashmail.com', 'nada.email', 'pokemail.net', 'sharklasers.com', 'spam4.me', 'spambox.us', 'tempail.com',
  'tempinbox.com', 'tempmailo.com', 'temp-mail.org', 'tempr.email', 'throwawaymail.com',
  'tmpmail.net', 'tmpmail.org', 'trashmail.com', 'trashmail.de', 'trashmail.net', 'yopmail.com', 'yopmail.fr', 'yopmail.net',
];
const POPULAR_FREE = [
  '126.com', '163.com', 'aol.com', 'btinternet.com', 'comcast.net', 'free.fr', 'gmail.com', 'gmx.at', 'gmx.com', 'gmx.de',
  'gmx.net', 'googlemail.com', 'hotmail.co.uk', 'hotmail.com', 'hotmail.de', 'hotmail.es', 'hotmail.fr', 'hotmail.it', 'icloud.com',
  'laposte.net', 'libero.it', 'live.com', 'live.de', 'live.fr', 'mac.com', 'mail.com', 'mail.ru', 'me.com', 'msn.com', 'orange.fr',
  'outlook.com', 'outlook.de', 'outlook.fr', 'proton.me', 'protonmail.com', 'qq.com', 'rediffmail.com', 'sbcglobal.net', 'sfr.fr',
  't-online.de', 'uol.com.br', 'web.de', 'wanadoo.fr', 'yahoo.co.uk', 'yahoo.com', 'yahoo.de', 'yahoo.es', 'yahoo.fr', 'yahoo.it',
  'yandex.com', 'yandex.ru', 'ymail.com', 'zoho.com',
];
const COMMON_ROLE_LOCALS = [
  'abuse', 'accounting', 'accounts', 'admin', 'administrator', 'billing', 'careers', 'compliance', 'contact', 'customerservice',
  'dev', 'donotreply', 'email', 'enquiries', 'enquiry', 'events', 'feedback', 'finance', 'general', 'hello', 'help', 'hostmaster',
  'hr', 'info', 'inquiries', 'invoice', 'invoices', 'it', 'jobs', 'legal', 'mail', 'mailer-daemon', 'marketing', 'media', 'news',
  'newsletter', 'no-reply', 'noreply', 'office', 'orders', 'partners', 'payments', 'postmaster', 'press', 'privacy', 'procurement',
  'purchasing', 'reception', 'recruiting', 'recruitment', 'sales', 'security', 'service', 'shop', 'store', 'support', 'team',
  'training', 'webmaster',
];

// The email check suggests a fix for a domain one edit from a big provider unless the
// domain is listed (hotmail.gr is a provider, not a typo of hotmail.fr). The short lists
// keep every listed domain within one edit of a provider, so the browser never
// "corrects" an address the server would take as it is.
const typoTargets = readFileSync(join(root, 'src', 'checks', 'email', 'typo.ts'), 'utf8')
  .match(/TYPO_TARGETS[^=]*=\s*\[([\s\S]*?)\];/)[1]
  .match(/'([^']+)'/g).map((quoted) => quoted.slice(1, -1));
const nearTypoTarget = (domain) => typoTargets.some((target) => target !== domain && withinOneEdit(domain, target));

writeShort('disposable-domains-short.ts', 'DISPOSABLE_DOMAINS', disposable, POPULAR_DISPOSABLE, nearTypoTarget, {
  title: 'Disposable email domains for the browser build: the best-known temporary-mail services, and every listed domain one edit from a mail provider.',
  of: 'src/data/disposable-domains.ts',
  source: `npm disposable-email-domains-js ${disposableSource.version} (weekly mirror, https://github.com/mziyut/disposable-email-domains-js)`,
  upstream: 'https://github.com/disposable-email-domains/disposable-email-domains (disposable_email_blocklist.conf)',
  licence: disposableSource.license,
});

writeShort('role-locals-short.ts', 'ROLE_LOCAL_PARTS', roleLocals, COMMON_ROLE_LOCALS, () => false, {
  title: 'Role-account local parts for the browser build: the shared mailboxes forms see most.',
  of: 'src/data/role-locals.ts',
  source: `npm role-based-email-addresses ${roleSource.version}`,
  upstream: 'https://github.com/mixmaxhq/role-based-email-addresses',
  licence: roleSource.license,
});

writeShort('free-domains-short.ts', 'FREE_DOMAINS', free, POPULAR_FREE, nearTypoTarget, {
  title: 'Free mailbox providers for the browser build: the largest providers, and every listed domain one edit from one of them.',
  of: 'src/data/free-domains.ts',
  source: `npm email-providers ${freeSource.version} (all.json)`,
  upstream: 'https://github.com/derhuerst/email-providers',
  licence: freeSource.license,
});

// ---------------------------------------------------------------------------

function packageInfo(name) {
  const manifestPath = require.resolve(`${name}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return { dir: dirname(manifestPath), version: manifest.version, license: manifest.license };
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * Lower-cases, normalises, de-duplicates and sorts. Entries the normaliser refuses
 * (email-providers 2.26.0 contains `ywoe@mailed.ro`) are dropped and counted, so a
 * broken upstream entry never reaches a Set lookup.
 */
function clean(entries, normalise, label) {
  if (!Array.isArray(entries)) throw new Error(`${label}: expected an array of strings`);
  const kept = new Set();
  const dropped = [];
  for (const entry of entries) {
    const value = typeof entry === 'string' ? normalise(entry) : undefined;
    if (value === undefined) dropped.push(entry);
    else kept.add(value);
  }
  if (dropped.length > 0) console.warn(`note: ${label}: dropped ${dropped.length} malformed entr${dropped.length === 1 ? 'y' : 'ies'}: ${dropped.slice(0, 5).map((e) => JSON.stringify(e)).join(', ')}`);
  // Code-unit order, not localeCompare: the same on every machine and locale.
  return [...kept].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** IDN entries (`müll.email`) become their ASCII form, which is what the check looks up. */
function toAsciiDomain(entry) {
  const trimmed = entry.trim().toLowerCase().replace(/\.$/, '');
  const ascii = /^[\x00-\x7f]*$/.test(trimmed) ? trimmed : domainToASCII(trimmed);
  return DOMAIN.test(ascii) ? ascii : undefined;
}

function generationDate() {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date = epoch ? new Date(Number(epoch) * 1000) : new Date();
  if (Number.isNaN(date.getTime())) throw new Error(`SOURCE_DATE_EPOCH is not a number of seconds: ${epoch}`);
  return date.toISOString().slice(0, 10);
}

function write(file, name, entries, meta) {
  for (const entry of entries) {
    // The list is emitted inside a template literal; make sure nothing can end or interpolate it.
    if (/[`$\\\n\r]/.test(entry)) throw new Error(`${file}: entry ${JSON.stringify(entry)} cannot be embedded`);
  }
  const header = [
    `// ${meta.title}`,
    '//',
    `// Source: ${meta.source}`,
    `// Upstream: ${meta.upstream}`,
    `// Licence: ${meta.licence}`,
    ...(meta.notes ?? []).map((note) => `// Filtered: ${note}`),
    `// Generated: ${generatedOn}`,
    `// Entries: ${entries.length}`,
    '//',
    '// generated by scripts/generate-data.mjs — do not edit',
  ];
  const body = [
    '',
    '/**',
    ` * ${entries.length} entries, sorted, lower-case, one per line. A single string literal`,
    ' * parses far faster than an array literal of the same size; the email check splits',
    ' * it into a Set the first time it needs one.',
    ' */',
    // One entry per line inside the literal keeps upgrades reviewable as a plain diff.
    `export const ${name} = \`${entries.join('\n')}\`;`,
    '',
  ];
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, file), [...header, ...body].join('\n'));
  console.log(`wrote src/data/${file}: ${entries.length} entries`);
}

/** Optimal-string-alignment distance ≤ 1 (insert, delete, substitute, or swap neighbours), as the email check counts typos. */
function withinOneEdit(a, b) {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Writes a browser short list: the chosen entries that are in the full list, plus the full list's entries `alsoKeep` selects. */
function writeShort(file, name, full, chosen, alsoKeep, meta) {
  const fullSet = new Set(full);
  const missing = chosen.filter((domain) => !fullSet.has(domain));
  if (missing.length > 0) console.warn(`note: ${file}: not in the full list, left out: ${missing.join(', ')}`);
  const entries = clean([...chosen.filter((domain) => fullSet.has(domain)), ...full.filter(alsoKeep)], (entry) => entry, file);
  write(file, name, entries, {
    title: meta.title,
    source: meta.source,
    upstream: meta.upstream,
    licence: meta.licence,
    notes: [`a subset of ${meta.of} (${full.length} entries) for dist/leadgate.global.js; the server keeps the full list`],
  });
}
