/**
 * Title normalisation (../shared/research/value_truth.md §2.1 step 1): NFKC, lower case,
 * emoji and symbols out, whitespace collapsed, company/location suffix cut. Then a
 * second, matching-only form: accents folded, parentheticals and gender markers
 * ("(m/w/d)") removed, acronyms' dots dropped ("V.P." → "vp").
 */

/** Longer input is cut before any work: titles are short, and §2.2 A3 fails > 128 chars anyway. */
export const MAX_TITLE_INPUT = 256;

const SYMBOLS = /[^\p{L}\p{N}\p{M}\s&/,.\-–—'’|@+()#:;_]+/gu;
// The same set for ASCII text, without the cost of a Unicode-aware regex (most titles).
const ASCII_SYMBOLS = /[^a-z0-9\s&/,.\-'|@+()#:;_]+/g;
const SPACES = /\s+/g;
const NON_ASCII = /[^\x00-\x7f]/;
// §2.1 step 1: cut noise after `|`, `@`, ` at `, `chez`, `bei` (and their NL/IT kin).
// " - " is not cut: "Vice President - Sales" needs its tail; it splits instead (parse-title.ts).
const SUFFIX = /\s*[|@]|\s(?:at|chez|bei|bij|presso)\s/u;
const MARKS = /\p{M}+/gu;
const LIGATURES = /[ßœæø]/g;
const LIGATURE_FOLDS: Readonly<Record<string, string>> = { ß: 'ss', œ: 'oe', æ: 'ae', ø: 'o' };
const PARENS = /\([^)]*\)?|\[[^\]]*\]?/g;
const GENDER = /\b[mwfdhx]\s*\/\s*[mwfdhx](?:\s*\/\s*[mwfdhx])?\b/g;
const ACRONYM_DOTS = /\b(?:[a-z]\.){2,}/g;
const DOTS = /\./g;
const R_AND_D = /\br\s*&\s*d\b/g;
const M_AND_A = /\bm\s*&\s*a\b/g;
const FP_AND_A = /\bfp\s*&\s*a\b/g;
const SPACED_DASH = /\s[-–—]+\s/g;
const PUNCT = /[-–—_'’:;#()]+/g;

/**
 * The display form: NFKC, lower case, symbols and emoji removed, suffix cut, trimmed.
 * A non-string is treated as ''.
 */
export function normalizeTitle(raw: unknown): string {
  const text = typeof raw === 'string' ? raw.slice(0, MAX_TITLE_INPUT) : '';
  const lower = text.toLowerCase();
  const symbolFree = NON_ASCII.test(lower)
    ? lower.normalize('NFKC').toLowerCase().replace(SYMBOLS, ' ')
    : lower.replace(ASCII_SYMBOLS, ' ');
  const clean = symbolFree.replace(SPACES, ' ').trim();
  const cut = SUFFIX.exec(clean);
  if (cut === null) return clean;
  const head = clean.slice(0, cut.index).trim();
  // "@ Acme" alone: keep what there is rather than return nothing.
  return head === '' ? clean : head;
}

/** The matching form of a normalised title: accents folded, noise removed, punctuation spaced. */
export function foldTitle(normalized: string): string {
  const ascii = NON_ASCII.test(normalized)
    ? normalized.normalize('NFD').replace(MARKS, '').replace(LIGATURES, (c) => LIGATURE_FOLDS[c] ?? c)
    : normalized;
  let text = ascii;
  // Each step runs only when its trigger character is present: this is the hot path.
  if (text.includes('(') || text.includes('[')) text = text.replace(PARENS, ' ');
  if (text.includes('/')) text = text.replace(GENDER, ' ');
  if (text.includes('&')) {
    text = text.replace(R_AND_D, ' research development ').replace(M_AND_A, ' mergers acquisitions ').replace(FP_AND_A, ' fpa ');
  }
  if (text.includes('.')) text = text.replace(ACRONYM_DOTS, (m) => m.replace(DOTS, '')).replace(DOTS, ' ');
  return text.replace(SPACED_DASH, ' / ').replace(PUNCT, ' ').replace(SPACES, ' ').trim();
}
