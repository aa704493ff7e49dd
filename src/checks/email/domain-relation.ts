import { recentResults } from '../recent-results.js';
import { toAsciiDomain } from './ascii-domain.js';

// Second-level public suffixes under which companies register their names
// (`acme.co.uk`, not `co.uk`). An approximation of the Public Suffix List that covers
// the countries leads come from, without shipping the ~230 KB list to the browser.
// When a suffix is missing, the worst case is that two unrelated companies under it
// look related (`a.com.xx` and `b.com.xx`), which only suppresses a mismatch finding.
const SECOND_LEVEL_SUFFIXES = new Set([
  // United Kingdom
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'me.uk', 'ltd.uk', 'plc.uk', 'net.uk', 'nhs.uk', 'sch.uk', 'police.uk',
  // Oceania
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au', 'asn.au', 'id.au',
  'co.nz', 'net.nz', 'org.nz', 'govt.nz', 'ac.nz',
  // Asia
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp', 'gr.jp',
  'co.kr', 'or.kr', 'ac.kr', 'go.kr',
  'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'edu.cn', 'ac.cn',
  'com.hk', 'org.hk', 'edu.hk', 'gov.hk',
  'com.tw', 'org.tw', 'edu.tw', 'gov.tw',
  'com.sg', 'org.sg', 'edu.sg', 'gov.sg',
  'com.my', 'org.my', 'edu.my', 'gov.my',
  'co.in', 'net.in', 'org.in', 'firm.in', 'gen.in', 'ind.in', 'ac.in', 'edu.in', 'gov.in', 'res.in',
  'co.id', 'or.id', 'ac.id', 'go.id',
  'co.th', 'or.th', 'ac.th', 'go.th', 'in.th',
  'com.vn', 'com.ph', 'com.pk', 'com.bd', 'com.np', 'com.lk',
  'co.il', 'org.il', 'ac.il', 'gov.il',
  'com.tr', 'org.tr', 'gen.tr', 'edu.tr', 'gov.tr',
  'com.sa', 'com.qa', 'com.kw', 'com.bh', 'com.om', 'co.ae', 'ac.ae', 'gov.ae',
  // Americas
  'com.br', 'net.br', 'org.br', 'gov.br', 'edu.br',
  'com.mx', 'org.mx', 'gob.mx', 'edu.mx',
  'com.ar', 'org.ar', 'gob.ar', 'com.co', 'org.co', 'gov.co', 'com.pe', 'com.ve', 'com.ec',
  'com.uy', 'com.py', 'com.bo', 'com.gt', 'com.do', 'com.pr',
  // Africa
  'co.za', 'org.za', 'ac.za', 'gov.za', 'com.ng', 'com.eg', 'co.ke', 'or.ke', 'com.gh', 'co.tz', 'co.ug', 'co.zw', 'co.ma',
  // Europe
  'co.at', 'or.at', 'ac.at', 'gv.at', 'com.pl', 'net.pl', 'org.pl', 'com.ua', 'org.ua', 'com.gr', 'com.cy', 'com.mt',
  'co.hu', 'com.ro', 'com.es', 'com.pt', 'co.rs', 'com.hr', 'com.ru', 'org.ru',
]);

/** A registrable domain split in two: `acme.co.uk` → `{ label: 'acme', suffix: 'co.uk' }`. */
export interface RegistrableParts {
  /** The name the owner chose: `acme`. */
  label: string;
  /** The public suffix it is registered under: `com`, `de`, `co.uk`. */
  suffix: string;
}

/**
 * Splits a host into its registrable label and public suffix, using the last two
 * labels, or the last three when the second-to-last pair is a common second-level
 * suffix (`co.uk`, `com.au`, …). An approximation without the Public Suffix List.
 * Returns `undefined` for a host with a single label.
 *
 * @example
 * splitRegistrableDomain('mail.acme.co.uk') // { label: 'acme', suffix: 'co.uk' }
 */
export function splitRegistrableDomain(host: string): RegistrableParts | undefined {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length < 2 || labels.some((label) => label === '')) return undefined;
  const lastTwo = labels.slice(-2).join('.');
  if (labels.length >= 3 && SECOND_LEVEL_SUFFIXES.has(lastTwo)) {
    return { label: labels[labels.length - 3]!, suffix: lastTwo };
  }
  if (SECOND_LEVEL_SUFFIXES.has(lastTwo)) return undefined; // `co.uk` itself is no one's domain
  return { label: labels[labels.length - 2]!, suffix: labels[labels.length - 1]! };
}

/**
 * The domain a company registers, approximated without the Public Suffix List (see
 * {@link splitRegistrableDomain}): `mail.acme.com` → `acme.com`, `shop.acme.co.uk` →
 * `acme.co.uk`. Returns the host itself when it cannot be split.
 */
export function registrableDomain(host: string): string {
  const parts = splitRegistrableDomain(host);
  return parts ? `${parts.label}.${parts.suffix}` : host.toLowerCase().replace(/\.$/, '');
}

// A host name we can compare: dot-separated labels of letters (any script), digits and
// hyphens, at least two labels, the last one not all digits (that would be an IPv4 address).
const HOST = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?=[\p{L}\p{N}-]*\p{L})[\p{L}\p{N}-]{2,}$/u;

/**
 * The host of a website as a lead types it, ready to compare with an email domain:
 * scheme, credentials, port, path, query, fragment and a leading `www.` removed, lower
 * case. `https://www.Acme.com:443/about` → `acme.com`; `acme.com/de` → `acme.com`.
 * Returns `undefined` when nothing usable is left (an IP address, `localhost`, text
 * that is not a host name).
 */
export function websiteHost(website: string): string | undefined {
  // The email and icp checks (and the group check) read the same lead's website one after
  // the other: the second read is the last answer (about 1.5-2.6% of an audit worker, twice).
  return recentHosts(website, () => readHost(website));
}

const recentHosts = recentResults<string | undefined>(1);

function readHost(website: string): string | undefined {
  let rest = website.trim().toLowerCase();
  // Any scheme (`https://`, `http://`), or a scheme-relative `//`.
  rest = rest.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\/\//, '');
  rest = rest.split(/[/?#\\]/, 1)[0] ?? '';
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  rest = rest.replace(/:\d*$/, '').replace(/\.$/, '');
  // `www.` only: other prefixes (`shop.`, `eu.`) are real subdomains, and
  // domainsRelated() already accepts a subdomain of the email domain.
  if (rest.startsWith('www.')) rest = rest.slice(4);
  return rest.length <= 253 && HOST.test(rest) ? rest : undefined;
}

/**
 * Whether an email domain and a website host plausibly belong to the same
 * organisation: the same registrable domain (`mail.acme.com` / `acme.com`), one a
 * subdomain of the other, or the same registrable label under another public suffix
 * (`acme.de` / `acme.com`, `acme.co.uk` / `acme.com`: one company, one domain per
 * market). Compares the ASCII forms, so `bücher.de` and `xn--bcher-kva.de` match.
 *
 * @param emailDomain the part after `@`.
 * @param host a website host, as returned by {@link websiteHost}.
 */
export function domainsRelated(emailDomain: string, host: string): boolean {
  const a = toAsciiDomain(emailDomain.replace(/\.$/, ''));
  const b = toAsciiDomain(host.replace(/\.$/, ''));
  if (!a || !b) return false;
  if (a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`)) return true;
  const partsA = splitRegistrableDomain(a);
  const partsB = splitRegistrableDomain(b);
  if (!partsA || !partsB) return false;
  return partsA.label === partsB.label;
}
