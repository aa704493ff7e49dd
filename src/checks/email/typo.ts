import { isDisposableDomain, isFreeDomain } from './lists.js';

/**
 * The only domains a suggestion may point to: large consumer providers where a typo
 * is far likelier than a real domain. Hand-kept and short on purpose. Generic
 * spell-checkers suggest towards hundreds of domains and so "correct" real companies
 * (mailcheck and @zootools: `acme.com → me.com`; mailcheck: `hey.com → sky.com`;
 * @zootools: `protonmail.ch → protonmail.com`; research notes §1.2 and §1.6).
 */
export const TYPO_TARGETS: readonly string[] = [
  // global
  'gmail.com', 'googlemail.com', 'yahoo.com', 'ymail.com', 'hotmail.com', 'outlook.com', 'live.com', 'msn.com',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'protonmail.com', 'proton.me', 'zoho.com', 'gmx.com',
  // United Kingdom
  'yahoo.co.uk', 'hotmail.co.uk', 'btinternet.com',
  // United States ISPs
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net',
  // Germany
  'gmx.de', 'gmx.net', 'web.de', 't-online.de',
  // France
  'orange.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'wanadoo.fr', 'hotmail.fr', 'yahoo.fr',
  // Italy
  'libero.it', 'virgilio.it',
  // Russia
  'yandex.ru', 'mail.ru', 'rambler.ru',
  // China, India, Brazil
  'qq.com', '163.com', '126.com', 'rediffmail.com', 'uol.com.br',
];

/**
 * Misspellings of {@link TYPO_TARGETS} that the free or disposable lists carry as if
 * they were providers. email-providers is built from addresses seen in the wild, so it
 * records what people mistyped (gmai.com, yaho.com); the disposable list holds
 * typo-squatting catch-alls (gmial.com, hotmial.com) that swallow mail meant for the
 * real provider. These still get a suggestion, although every other listed domain is
 * left alone (hotmail.gr, yahoo.gr, y7mail.com, uol.com.ar and mail.nu are real
 * providers one edit from a target). Reviewed against disposable-email-domains-js
 * 1.26.0 and email-providers 2.26.0; test/checks/email.test.ts fails when a list
 * upgrade brings a new listed domain within reach of a suggestion.
 */
export const LISTED_TYPO_DOMAINS: ReadonlySet<string> = new Set([
  // in the disposable list
  'gmial.com', 'hotmial.com', 'hotmai.com',
  // in the free list
  'gamil.com', 'gmai.com', 'gmal.com', 'gmail.co', 'gmail.om', 'homail.com', 'hotmail.cm', 'hotmail.con',
  'hotmails.com', 'yaho.com', 'yahoo.om',
]);

// One edit (Damerau: insert, delete, substitute, or swap two neighbours) covers the
// typos people make (gmial, gmai, gmail.con, yahoo.cmo). Two edits start reaching real
// companies: hotmart.com (a Brazilian company) is two edits from hotmail.com.
const MAX_EDITS = 1;
// A change to a label this short is as likely a different name as a typo
// (hive.com → live.com, zoro.com → zoho.com, mai.ru → mail.ru), so short labels only
// get suggestions for their TLD (gmx.dr → gmx.de). A floor of 4 is not enough: the
// 4-letter labels (live, zoho, mail, free) sit one letter from many company names.
const MIN_LABEL_FOR_LABEL_EDITS = 5;
// No target is longer than this plus MAX_EDITS; longer input cannot be one edit away.
const MAX_INPUT_LENGTH = 32;

interface Target {
  domain: string;
  /** `gmail.` for gmail.com, `yahoo.` for yahoo.co.uk: everything before the suffix. */
  labelWithDot: string;
  labelLength: number;
}

let byLength: Map<number, Target[]> | undefined;
let targetSet: ReadonlySet<string> | undefined;

// Bucketed by length, because an edit distance of at most MAX_EDITS implies a length
// difference of at most MAX_EDITS: most targets are never compared at all.
function targetsByLength(): Map<number, Target[]> {
  if (!byLength) {
    byLength = new Map();
    for (const domain of TYPO_TARGETS) {
      const label = domain.slice(0, domain.indexOf('.'));
      const bucket = byLength.get(domain.length) ?? [];
      bucket.push({ domain, labelWithDot: `${label}.`, labelLength: label.length });
      byLength.set(domain.length, bucket);
    }
  }
  return byLength;
}

/**
 * A correction for a misspelt mail-provider domain, or `undefined`.
 *
 * Suggests only towards {@link TYPO_TARGETS}, and only when the domain is one edit
 * (optimal-string-alignment distance) from exactly one target. It never suggests for a
 * target itself, for a domain that is a known free or disposable provider in its own
 * right (`hey.com`, `hotmail.gr`, `y7mail.com`; except the misspellings in
 * {@link LISTED_TYPO_DOMAINS}), or for any corporate domain that merely
 * resembles a short provider name: a label shorter than 5 characters (`me`, `gmx`,
 * `web`, `live`) may only have its TLD corrected, and a label edit must keep the
 * first letter (typos happen inside a word far more than at its start, and
 * `cloud.com` is not `icloud.com`).
 *
 * @param domain lower-case domain, e.g. `gmial.com`.
 * @example
 * suggestDomain('gmial.com')  // 'gmail.com'
 * suggestDomain('icloud.cm')  // 'icloud.com'
 * suggestDomain('acme.com')   // undefined (not me.com)
 */
export function suggestDomain(domain: string): string | undefined {
  const input = domain.toLowerCase();
  if (input.length < 3 || input.length > MAX_INPUT_LENGTH) return undefined;
  targetSet ??= new Set(TYPO_TARGETS);
  if (targetSet.has(input)) return undefined;

  const buckets = targetsByLength();
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (let length = input.length - MAX_EDITS; length <= input.length + MAX_EDITS; length++) {
    for (const target of buckets.get(length) ?? []) {
      // The cheap rule first: it rejects most targets before any distance is computed.
      if (!plausibleTypo(input, target)) continue;
      const distance = osaDistance(input, target.domain);
      if (distance > MAX_EDITS || distance > bestDistance) continue;
      if (distance < bestDistance) {
        best = target.domain;
        bestDistance = distance;
        tied = false;
      } else {
        tied = true;
      }
    }
  }
  // Two equally close targets (gmx.ne: gmx.de or gmx.net?) means we do not know; a
  // wrong suggestion costs more than none.
  if (best === undefined || tied) return undefined;
  // A listed domain is a provider in its own right, unless it is a known misspelling.
  // Checked last because it builds the lists' Sets: most domains never get this far.
  if (!LISTED_TYPO_DOMAINS.has(input) && (isFreeDomain(input) || isDisposableDomain(input))) return undefined;
  return best;
}

function plausibleTypo(input: string, target: Target): boolean {
  // The label and its dot are intact, so the edit is in the public suffix.
  if (input.startsWith(target.labelWithDot)) return true;
  return target.labelLength >= MIN_LABEL_FOR_LABEL_EDITS && input[0] === target.domain[0];
}

/**
 * Optimal-string-alignment distance: Levenshtein plus the swap of two adjacent
 * characters counted as one edit (restricted Damerau-Levenshtein). Swaps are the most
 * common keyboard typo (gmial, yahoo.cmo), so counting them as two would push real
 * typos past the threshold.
 */
export function osaDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows instead of a full matrix: row i needs rows i-1 and i-2 only.
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current[j] = value;
    }
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length]!;
}

let dotless: Map<string, string> | undefined;

/**
 * A correction for a provider domain whose dots went missing or became commas:
 * `gmailcom` → `gmail.com`, `gmail,com` → `gmail.com`, `yahoocouk` → `yahoo.co.uk`.
 * Such a domain fails the syntax check, so {@link suggestDomain} never sees it. Exact
 * matches only: with the dots gone there is no typo distance to trust.
 *
 * @param domain the malformed text after the `@`, lower case.
 */
export function suggestMissingDots(domain: string): string | undefined {
  dotless ??= new Map(TYPO_TARGETS.map((target) => [target.replace(/\./g, ''), target]));
  const target = dotless.get(domain.replace(/[.,;]/g, ''));
  return target !== undefined && target !== domain ? target : undefined;
}
