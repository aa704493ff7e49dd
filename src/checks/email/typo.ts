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
  'gamil.com', 'gmai.com', 'gmal.com', 'gmail.co', 'gmail.om', 'gmail.com.com', 'homail.com', 'hotmail.cm', 'hotmail.con',
  'hotmails.com', 'yaho.com', 'yahoo.om',
]);

/**
 * Provider names whose name under another TLD is no company's mail domain either, so a
 * wrong TLD on them is a typo (`gmail.net`, `outlook.net`, `aol.net` → `.com`). Short or
 * common names are left out on purpose: `verizon.com`, `comcast.com`, `att.com`,
 * `cox.com`, `orange.com`, `web.com` and `free.com` are the companies' own staff mail,
 * `laposte.fr` La Poste's, and `gmx.at`, `yandex.com`, `mail.com`, `live.de`, `wanadoo.nl`
 * real providers.
 */
const DISTINCTIVE_NAMES = new Set([
  'gmail', 'googlemail', 'hotmail', 'outlook', 'icloud', 'yahoo', 'ymail', 'aol', 'protonmail',
  'btinternet', 'sbcglobal', 'bellsouth', 'libero', 'virgilio', 'rambler', 'rediffmail',
]);

/**
 * Real domains one typo from a provider that neither list knows: the lists cover
 * providers, not companies. A suggestion must never "correct" them.
 */
const KNOWN_LIVE_DOMAINS = new Set([
  'cloud.com', // Cloud Software Group (Citrix), not icloud.com
  // Regional domains of providers that the free list misses.
  'icloud.com.cn', 'aol.de', 'aol.fr', 'googlemail.co.uk',
]);

// Label edits below this length are as likely a different name as a typo (hive.com →
// live.com, zoro.com → zoho.com, mai.ru → mail.ru): short labels get only TLD fixes and
// the one label slip that keeps them recognisable, a dropped first letter (ol.com).
const MIN_LABEL_FOR_LABEL_EDITS = 5;
// Weighted edits (see typoCost): one insert, delete or replace, plus one swap of two
// neighbours; or up to three swaps. Two replaced letters are not a typo but another word:
// hotmart.com (a Brazilian company) is two replacements from hotmail.com.
const MAX_LABEL_COST = 1.5;
// Each letter added or dropped costs a whole edit, so a label within MAX_LABEL_COST is
// at most one letter longer or shorter than the name (a dropped first letter included).
const MAX_LABEL_LENGTH_GAP = 1;
// No target is longer than this plus a few edits; longer input cannot be a typo of one.
const MAX_INPUT_LENGTH = 40;
// TLDs one keystroke from .com/.net that are real, so `gmial.co` may be a real domain
// under Colombia's TLD, not a typo of gmail.com twice over. Any two-letter TLD counts as
// real (most are ccTLDs).
const REAL_LONG_TLDS = new Set(['com', 'net', 'org', 'edu', 'gov', 'int', 'mil', 'biz', 'info', 'pro', 'cam', 'new', 'bet', 'pet', 'art', 'app', 'dev', 'nyc', 'ceo', 'cat']);

interface Target {
  domain: string;
  /** `gmail` for gmail.com, `yahoo` for yahoo.co.uk. */
  label: string;
  /** `com`, `co.uk`: everything after the label. */
  suffix: string;
  /** Index in TYPO_TARGETS: of two equally close spellings of one provider, the first (its main domain) wins. */
  order: number;
}

let byLabelLength: Map<number, Target[]> | undefined;
let targetSet: ReadonlySet<string> | undefined;

// By label length: every rule below needs the typed label within one letter of the
// provider's, so most targets are never looked at (this runs on every address).
function targetsByLabelLength(): Map<number, Target[]> {
  if (!byLabelLength) {
    byLabelLength = new Map();
    TYPO_TARGETS.forEach((domain, order) => {
      const dot = domain.indexOf('.');
      const target = { domain, label: domain.slice(0, dot), suffix: domain.slice(dot + 1), order };
      const bucket = byLabelLength!.get(dot) ?? [];
      bucket.push(target);
      byLabelLength!.set(dot, bucket);
    });
  }
  return byLabelLength;
}

/**
 * A correction for a misspelt mail-provider domain, or `undefined`.
 *
 * Built from the domain's parts (issue 17): the label before the first dot against the
 * providers' names, and the rest against each provider's real suffix.
 * - Label exact, suffix mistyped: `gmail.con`, `gmail.cm`, `gmail.c`, `gmail.comm`,
 *   `gmail.com.co`, `gmx.dr`. A wholly different TLD is a typo only on a distinctive name
 *   (`gmail.net`, `aol.net`; never `verizon.com` or `web.com`, see DISTINCTIVE_NAMES).
 * - Label mistyped, suffix right: a label of 5 or more letters within a weighted edit
 *   distance of 1.5 ({@link typoCost}: a swap of neighbours costs 0.5, so `htomali` and
 *   `yhao` qualify and `hotmart` does not), keeping the first letter (or swapping the
 *   first two); or any name with its first letter dropped (`ahoo.com`, `otmail.com`,
 *   `ol.com`). With one plain edit in the label, a mistyped suffix that is no real TLD is
 *   fixed too (`gnail.con`).
 * Suggests only when exactly one provider is closest, towards {@link TYPO_TARGETS} only,
 * and never for a domain that is live in its own right: a target, a known free or
 * disposable provider (`hey.com`, `hotmail.gr`; except {@link LISTED_TYPO_DOMAINS}), or a
 * known company or regional provider domain (`cloud.com`, `outlook.de`).
 *
 * @param domain lower-case domain, e.g. `gmial.com`.
 * @example
 * suggestDomain('gmial.com')  // 'gmail.com'
 * suggestDomain('gmail.net')  // 'gmail.com'
 * suggestDomain('ahoo.com')   // 'yahoo.com'
 * suggestDomain('acme.com')   // undefined (not me.com)
 */
export function suggestDomain(domain: string): string | undefined {
  const input = domain.toLowerCase();
  if (input.length < 3 || input.length > MAX_INPUT_LENGTH) return undefined;
  targetSet ??= new Set(TYPO_TARGETS);
  if (targetSet.has(input)) return undefined;
  const dot = input.indexOf('.');
  if (dot <= 0 || dot === input.length - 1) return undefined;
  const label = input.slice(0, dot);
  const suffix = input.slice(dot + 1);

  let best: Target | undefined;
  let bestCost = Infinity;
  let tied = false;
  const buckets = targetsByLabelLength();
  for (let length = label.length - MAX_LABEL_LENGTH_GAP; length <= label.length + MAX_LABEL_LENGTH_GAP; length++) {
    for (const target of buckets.get(length) ?? []) {
      const cost = typoCostTo(label, suffix, target);
      if (cost === undefined || cost > bestCost) continue;
      if (cost < bestCost) {
        best = target;
        bestCost = cost;
        tied = false;
      } else {
        // Equally close to two domains (gmx.ne: gmx.de or gmx.net?): we do not know.
        tied = true;
      }
    }
  }
  if (best === undefined || tied) return undefined;
  // A live domain is no typo. Checked last because it builds the lists' Sets: most
  // domains never get this far.
  if (KNOWN_LIVE_DOMAINS.has(input)) return undefined;
  if (!LISTED_TYPO_DOMAINS.has(input) && (isFreeDomain(input) || isDisposableDomain(input))) return undefined;
  return best.domain;
}

/** The cost of reading `label.suffix` as a typo of `target`, or `undefined` when it is not one. */
function typoCostTo(label: string, suffix: string, target: Target): number | undefined {
  if (label === target.label) {
    if (suffix === target.suffix) return undefined;
    const suffixCost = suffixTypoCost(suffix, target.suffix, DISTINCTIVE_NAMES.has(label));
    if (suffixCost !== undefined) return suffixCost;
    // Another TLD altogether (gmail.net): a typo only for a name no one else mails from.
    // Of a provider's several domains (yahoo.com, yahoo.fr), the first, its main one.
    return DISTINCTIVE_NAMES.has(label) && /^[a-z]{2,6}(\.[a-z]{2,3})?$/.test(suffix) ? 2.5 + target.order * 1e-6 : undefined;
  }
  // A dropped first letter: the slip that keeps even a short name recognisable.
  if (label.length >= 2 && target.label.length === label.length + 1 && target.label.endsWith(label) && !/^\d+$/.test(target.label)) {
    return suffix === target.suffix ? 1 : undefined;
  }
  if (target.label.length < MIN_LABEL_FOR_LABEL_EDITS || Math.abs(label.length - target.label.length) > MAX_LABEL_LENGTH_GAP) return undefined;
  // Typos happen inside a word far more than at its start (cloud.com is not icloud.com);
  // a swap of the first two letters (ohtmail) is the exception.
  const keepsStart = label[0] === target.label[0] || (label[0] === target.label[1] && label[1] === target.label[0]);
  if (!keepsStart) return undefined;
  const labelCost = typoCost(label, target.label);
  if (labelCost > MAX_LABEL_COST) return undefined;
  if (suffix === target.suffix) return labelCost;
  // One slip in each part (gnail.con), when the typed TLD does not exist.
  const suffixCost = labelCost <= 1 && !isRealTld(suffix) ? suffixTypoCost(suffix, target.suffix, false) : undefined;
  return suffixCost === undefined ? undefined : labelCost + suffixCost;
}

/**
 * How far a typed suffix is from a provider's real one, when it is a typo of it: one
 * edit (`con`, `cmo`, `co`, `cm`), a cut (`c` for `com`, 1 + 0.5 per letter beyond
 * the first), or the real suffix typed again in part (`com.co`, `comcom`, `com.com`).
 * Anything else after the real suffix (`com.ar`, `com.pt`) is a regional domain, a
 * typo only on a distinctive name (`anyExtension`).
 */
function suffixTypoCost(typed: string, real: string, anyExtension: boolean): number | undefined {
  if (osaDistance(typed, real) <= 1) return 1;
  if (real.startsWith(typed)) return 1 + (real.length - typed.length - 1) * 0.5;
  if (typed.startsWith(real)) {
    const extra = typed.slice(real.length).replace(/^\./, '');
    if (anyExtension || (extra !== '' && real.startsWith(extra))) return 1;
  }
  return undefined;
}

function isRealTld(suffix: string): boolean {
  const tld = suffix.slice(suffix.lastIndexOf('.') + 1);
  return tld.length === 2 || REAL_LONG_TLDS.has(tld);
}

/**
 * Weighted optimal-string-alignment distance: insert, delete and replace cost 1, a swap
 * of two neighbours 0.5. Swaps are the commonest keyboard slip (gmial, htomali), and two
 * of them still spell the name; two replacements spell another word (hotmart).
 */
export function typoCost(a: string, b: string): number {
  return alignmentDistance(a, b, 0.5);
}

/**
 * Optimal-string-alignment distance: Levenshtein plus the swap of two adjacent
 * characters counted as one edit (restricted Damerau-Levenshtein). Swaps are the most
 * common keyboard typo (gmial, yahoo.cmo), so counting them as two would push real
 * typos past the threshold.
 */
export function osaDistance(a: string, b: string): number {
  return alignmentDistance(a, b, 1);
}

function alignmentDistance(a: string, b: string, swapCost: number): number {
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
        value = Math.min(value, beforePrevious[j - 2]! + swapCost);
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
