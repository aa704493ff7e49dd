/**
 * Placeholder and keyboard-mash screen for a job-title field
 * (../shared/research/value_truth.md §2.4, sub-rules A2/A3 in §2.2).
 */
import { PLACEHOLDERS } from './lexicon.js';

const EMAIL = /[^\s@]+@[^\s@]+\.\p{L}{2,}/u;
const URL = /\bhttps?:\/\/|\bwww\.|^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|io|co|ai|app|dev|de|fr|es|it|nl|pt|uk|eu|biz|info)$/u;
// `normalized` has no symbols left but punctuation; placeholders are ASCII.
const NOT_WORD = /[^a-z0-9\s\u0080-\uffff]+/g;
const SPACES = /\s+/g;
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
const REPEAT = /(\S)\1{3,}/;
const LATIN_WORD = /^[a-z]+$/;
const VOWEL = /[aeiouy]/;
// Runs of 5 keys along a QWERTY row, forwards and backwards ("asdfg", "poiuy"). Five, not
// four, keeps "property" ("erty") safe; "asdf", "qwer", "zxcv" are exact placeholders instead (lexicon.ts).
const MASH_RUN = 5;
const ROW_RUNS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
  .flatMap((row) => [row, [...row].reverse().join('')])
  .flatMap((row) => Array.from({ length: row.length - MASH_RUN + 1 }, (_, i) => row.slice(i, i + MASH_RUN)));
const MASH = new RegExp(ROW_RUNS.join('|'));

/**
 * Whether a title is junk: a placeholder, a keyboard mash, an email address or URL, no
 * letters, fewer than two letters, or mostly digits. `raw` is the lower-cased title
 * before the company suffix was cut (an email hides behind `@`); `normalized` after.
 * Owner, founder, consultant, freelancer are never junk (§2.4): no rule here matches them.
 */
export function isJunkTitle(raw: string, normalized: string): boolean {
  if (raw.includes('@') && EMAIL.test(raw)) return true;
  if (raw.includes('.') && (URL.test(raw) || URL.test(normalized))) return true;
  const bare = normalized.replace(NOT_WORD, '').replace(SPACES, ' ').trim();
  if (PLACEHOLDERS.has(bare)) return true;
  let letters = 0;
  let digits = 0;
  for (const char of normalized) {
    const code = char.charCodeAt(0);
    if (code >= 97 && code <= 122) letters++;
    else if (code >= 48 && code <= 57) digits++;
    else if (code > 127) {
      if (LETTER.test(char)) letters++;
      else if (DIGIT.test(char)) digits++;
    }
  }
  if (letters < 2) return true;
  if (digits * 2 > letters + digits) return true;
  if (REPEAT.test(normalized) || MASH.test(bare)) return true;
  for (const word of bare.split(' ')) {
    if (word.length > 4 && LATIN_WORD.test(word) && !VOWEL.test(word)) return true;
  }
  return false;
}
