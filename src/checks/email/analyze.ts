// The CommonJS build of the single function, with its `.js` extension: the only
// specifier that loads under Node ESM, Node CJS and bundlers alike. `validator/es/lib/…`
// has no `"type": "module"` and extension-less internal imports, so Node cannot load it
// outside a bundler. Importing the one file keeps the rest of validator out of bundles.
import isEmail from 'validator/lib/isEmail.js';
import { recentResults } from '../recent-results.js';
import { toAsciiDomain } from './ascii-domain.js';
import { isDisposableDomain, isFreeDomain, isRoleLocalPart } from './lists.js';
import { suggestDomain, suggestMissingDots } from './typo.js';

/** What {@link analyzeEmail} found out about one address, without any I/O. */
export interface EmailAnalysis {
  /** The address passes the "deliverable-looking" syntax policy (see {@link analyzeEmail}). */
  valid: boolean;
  /** Trimmed, with the domain in lower case (the local part keeps its case: RFC 5321 §2.4). */
  normalized: string;
  /** Everything before the last `@`. */
  local: string;
  /** Everything after the last `@`, lower case (empty when there is no `@`). */
  domain: string;
  /**
   * The address is to be treated as disposable: the domain or a parent of it is on the
   * disposable list and is not a typo of a big provider. A typo-squatting domain
   * (`gmial.com`) is on the list because it swallows mail meant for gmail.com, but the
   * person typing it made a slip and needs the suggestion, not "disposable addresses are
   * not accepted": for it, `disposable` is false, `listedDisposable` true and
   * `suggestion` set (issue 18).
   */
  disposable: boolean;
  /** The domain or a parent of it is on the disposable list, typo or not: evidence, not a finding. */
  listedDisposable: boolean;
  /** The domain is a free or consumer mailbox provider. Never true with `disposable`. */
  free: boolean;
  /** The local part names a function (`info`, `sales`, `noreply`), not a person. */
  role: boolean;
  /** The whole corrected address when the domain looks misspelt: `jane@gmial.com` → `jane@gmail.com`. */
  suggestion?: string;
}

// RFC 5321 §4.5.3.1.3: a path is at most 256 octets including the angle brackets.
const MAX_ADDRESS_LENGTH = 254;

// Policy: "deliverable-looking" (research notes §1.4). validator accepts these
// RFC 5322 forms, but no lead types them into a form and many mail systems refuse
// them, so a form must not take them: quoted local parts (`"a b"@x.com`), comments
// (`jane(work)@x.com`), IP literals (`jane@[192.0.2.1]`), and whitespace or invisible
// characters (zero-width space and U+FFFD pass validator.isEmail: validator.js #940).
const REFUSED = /["()[\]\\\s\p{Cc}\p{Cf}\p{Z}\uFFFD]/u;

const IS_EMAIL_OPTIONS = {
  require_tld: true,
  // Never true: the script-tag build replaces validator's isIP with a stub on that basis.
  allow_ip_domain: false,
  allow_display_name: false,
  // Internationalised local parts (RFC 6531) are real and deliverable at large providers.
  allow_utf8_local_part: true,
} as const;

/**
 * Looks at an email address without any I/O: syntax, disposable / free provider / role
 * account, and a correction for a misspelt provider domain. Pure and synchronous, so it
 * runs in the browser on every keystroke.
 *
 * Syntax policy, "deliverable-looking": one `@`; a local part validator.js accepts
 * (letters including Unicode, digits, `!#$%&'*+-/=?^_\`{|}~`, single dots between);
 * a domain with a TLD, Unicode (IDN) allowed; at most 254 characters. Refused although
 * RFC 5322 allows them: quoted local parts, comments, IP literals, whitespace and
 * invisible characters.
 *
 * @example
 * analyzeEmail('Jane@OUTLOK.com')
 * // { valid: true, normalized: 'Jane@outlok.com', local: 'Jane', domain: 'outlok.com',
 * //   disposable: false, listedDisposable: false, free: false, role: false, suggestion: 'Jane@outlook.com' }
 */
export function analyzeEmail(email: string): EmailAnalysis {
  if (typeof email !== 'string') return analyze('');
  // A copy: the caller may change its analysis without changing the next caller's.
  return { ...recentAnalyses(email, () => analyzeSafely(email)) };
}

/**
 * Never throws, for any string (issue 17): validator's isEmail throws `URIError` on a
 * lone surrogate (`\ud800@example.com`, through encodeURI in isByteLength), so text that
 * is not well-formed UTF-16 is refused before it gets there, and anything else a
 * dependency throws is an address that does not look deliverable.
 */
function analyzeSafely(email: string): EmailAnalysis {
  if (!isWellFormedText(email)) return unjudged(email);
  try {
    return analyze(email);
  } catch {
    return unjudged(email);
  }
}

/** The address split into its parts, with every verdict still false: where each analysis starts. */
function unjudged(email: string): EmailAnalysis {
  const text = email.trim();
  const at = text.lastIndexOf('@');
  const local = at < 0 ? text : text.slice(0, at);
  const domain = at < 0 ? '' : text.slice(at + 1).toLowerCase();
  const normalized = at < 0 ? text : `${local}@${domain}`;
  return { valid: false, normalized, local, domain, disposable: false, listedDisposable: false, free: false, role: false };
}

function isWellFormedText(text: string): boolean {
  // String.prototype.isWellFormed: Node 20, and browsers since 2023. Where it is missing,
  // the try/catch around analyze catches validator's URIError instead.
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return typeof native === 'function' ? native.call(text) : true;
}

const recentAnalyses = recentResults<EmailAnalysis>();

function analyze(email: string): EmailAnalysis {
  const analysis = unjudged(email);
  const { normalized, local, domain } = analysis;

  const asciiDomain = looksDeliverable(normalized, local) ? toAsciiDomain(domain) : undefined;
  if (asciiDomain === undefined) {
    const repaired = normalized.includes('@') ? repairAddress(local, domain) : undefined;
    if (repaired !== undefined) analysis.suggestion = repaired;
    return analysis;
  }

  analysis.valid = true;
  analysis.listedDisposable = isDisposableDomain(asciiDomain);
  analysis.role = isRoleLocalPart(local);
  // suggestDomain decides which listed domains are misspellings. A typo takes precedence
  // over the list: gmial.com is a disposable typo-squat, and the person who typed it
  // must read "Did you mean gmail.com?" (issue 18). The membership stays as evidence.
  const corrected = suggestDomain(asciiDomain);
  if (corrected !== undefined) analysis.suggestion = `${local}@${corrected}`;
  analysis.disposable = analysis.listedDisposable && corrected === undefined;
  analysis.free = !analysis.listedDisposable && isFreeDomain(asciiDomain);
  return analysis;
}

/**
 * A fix for an address that fails the syntax policy only by an obvious slip: a
 * provider domain whose dots went missing (`jane@gmailcom`) or whose TLD was cut short
 * (`jane@gmail.c`), or dots at the ends of the
 * local part or doubled inside it (`john.@gmail.com`, `.john@acme.com`, `jo..hn@x.com`),
 * with the domain's typo fixed too. `undefined` when the repaired address still fails.
 */
function repairAddress(local: string, domain: string): string | undefined {
  const fixedLocal = local.replace(/\.{2,}/g, '.').replace(/^\.+|\.+$/g, '');
  // A provider domain cut short of a valid TLD (gmail.c) is a typo suggestDomain knows; a
  // repaired or suggested domain is a provider's own, so it needs no second look.
  const fixedDomain = suggestMissingDots(domain) ?? suggestDomain(domain) ?? domain;
  if (fixedLocal === local && fixedDomain === domain) return undefined;
  if (fixedLocal === '' || !looksDeliverable(`${fixedLocal}@${fixedDomain}`, fixedLocal)) return undefined;
  return `${fixedLocal}@${fixedDomain}`;
}

function looksDeliverable(address: string, local: string): boolean {
  if (address.length > MAX_ADDRESS_LENGTH || address.length === 0) return false;
  // A second `@` can only be legal inside a quoted local part, which the policy refuses.
  if (local.includes('@') || REFUSED.test(address)) return false;
  return isEmail(address, IS_EMAIL_OPTIONS);
}
