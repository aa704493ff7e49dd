// Company-name normalisation shared by the checks that compare names: the role check
// (does the enriched employer equal the typed company?) and the group check (which
// account is this lead's?). LeanData's matching normalises legal suffixes ("Inc.",
// "LLC") before comparing names (https://leandatahelp.zendesk.com/hc/en-us/articles/360022809673);
// this module does the same for the legal forms of the countries leads come from.

// Legal-form words that say nothing about which company it is. Dotted spellings are
// joined first ("S.p.A." → "spa", "B.V." → "bv"), so only the bare letters are listed.
const LEGAL_FORMS = new Set([
  // English-speaking countries
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'cos', 'llc', 'llp', 'lp', 'lllp', 'pllc', 'ltd', 'limited',
  'plc', 'pty', 'pte', 'pvt', 'private', 'public',
  // German-speaking countries
  'gmbh', 'ag', 'kg', 'kgaa', 'ohg', 'gbr', 'ug', 'ev', 'eg', 'mbh', 'haftungsbeschrankt',
  // European forms
  'se', 'sa', 'sas', 'sasu', 'sarl', 'eurl', 'sca', 'scs', 'snc', 'srl', 'srls', 'spa', 'sapa', 'sl', 'slu', 'sau', 'sal',
  'bv', 'nv', 'vof', 'cv', 'bvba', 'sprl', 'ab', 'publ', 'as', 'asa', 'aps', 'oy', 'oyj', 'hf', 'ehf', 'kft', 'zrt', 'nyrt',
  'sro', 'doo', 'dd', 'ad', 'ood', 'eood', 'oao', 'ooo', 'zao', 'pao', 'ltda', 'lda', 'sgps', 'ike', 'ae', 'epe',
  // Asia-Pacific
  'kk', 'yk', 'bhd', 'sdn', 'tbk', 'pt', 'jsc',
  // Group and holding words: "Acme Group" and "Acme Holdings" are the Acme a lead means.
  'group', 'holding', 'holdings',
]);

// Legal forms of several words, as tokens after normalisation (longest first).
const MULTI_WORD_FORMS: readonly (readonly string[])[] = [
  ['sa', 'de', 'cv'], ['s', 'de', 'rl'], ['s', 'de', 'rl', 'de', 'cv'], ['sp', 'z', 'oo'], ['spolka', 'z', 'oo'],
  ['sa', 'rl'], ['s', 'a', 'r', 'l'], ['sp', 'k'], ['sp', 'j'], ['s', 'r', 'o'], ['a', 's'], ['k', 'k'],
  ['and', 'co'], ['und', 'co'], ['et', 'cie'],
].sort((a, b) => b.length - a.length);

// Words a name may start with that do not tell companies apart ("The Acme Company").
const LEADING_ARTICLES = new Set(['the']);

// Conjunctions written instead of "&": one company is "Procter & Gamble", "Procter and
// Gamble" and, in German filings, "Procter und Gamble".
const CONJUNCTIONS = new Set(['and', 'und', 'et']);

// Letters NFKD does not decompose into a base letter plus a mark.
const FOLDED_LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' };

// A token of short dotted segments: "S.p.A.", "B.V.", "o.o.", "Inc.", "Co." — an
// abbreviation whose dots are part of the spelling, not word breaks.
const DOTTED_ABBREVIATION = /^(?:\p{L}{1,3}\.)+\p{L}{0,3}$/u;

/**
 * A company name reduced to what identifies it: diacritics folded, lower case, "&" /
 * "und" / "et" written "and", punctuation removed, a leading "the" and trailing legal
 * forms (Inc, Incorporated, Ltd, LLC, GmbH, AG, SAS, SA, BV, NV, S.p.A., plc, Pty Ltd,
 * GmbH & Co. KG, sp. z o.o., …) dropped. Returns `''` for a name with no letters or digits.
 *
 * @example
 * companyKey('ACME, Incorporated')   // 'acme'
 * companyKey('Acme Analytics GmbH')  // 'acme analytics'
 * companyKey('Müller & Söhne GmbH & Co. KG') // 'muller and sohne'
 */
export function companyKey(name: string): string {
  const words = tokens(name);
  if (words.length > 1 && LEADING_ARTICLES.has(words[0]!)) words.shift();
  stripLegalForms(words);
  return words.join(' ');
}

/** The words of a name: folded, lower case, dotted abbreviations joined, "&" as "and". */
function tokens(name: string): string[] {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðþłı]/g, (letter) => FOLDED_LETTERS[letter] ?? letter);
  const words: string[] = [];
  for (const raw of folded.replace(/&/g, ' and ').replace(/\+/g, ' and ').split(/[\s,;:/()]+/)) {
    // "S.p.A." is one word; "amazon.com" is two ("amazon", "com").
    const joined = DOTTED_ABBREVIATION.test(raw) ? raw.replace(/\./g, '') : raw;
    for (const part of joined.split(/[^\p{L}\p{N}]+/u)) {
      if (part === '') continue;
      words.push(CONJUNCTIONS.has(part) ? 'and' : part);
    }
  }
  return words;
}

/** Drops trailing legal forms in place, keeping at least one word. */
function stripLegalForms(words: string[]): void {
  for (;;) {
    if (words.length <= 1) return;
    const form = MULTI_WORD_FORMS.find((parts) => parts.length < words.length && endsWith(words, parts));
    if (form) {
      words.splice(words.length - form.length, form.length);
      continue;
    }
    const last = words[words.length - 1]!;
    // "Acme.com, Inc." → "acme com" → "acme": a web address is the company's name, not part of it.
    if (LEGAL_FORMS.has(last) || last === 'com') {
      words.pop();
      continue;
    }
    // "GmbH & Co. KG" leaves "gmbh and" after "co kg" goes: a conjunction between legal forms.
    if (last === 'and' && words.length > 2 && LEGAL_FORMS.has(words[words.length - 2]!)) {
      words.pop();
      continue;
    }
    return;
  }
}

function endsWith(words: readonly string[], suffix: readonly string[]): boolean {
  const offset = words.length - suffix.length;
  return suffix.every((part, i) => words[offset + i] === part);
}

/**
 * How alike two company names are, from 0 to 1, after {@link companyKey}: 1 for the
 * same key (spaces ignored, so "Price Waterhouse" = "PriceWaterhouse"), otherwise one
 * minus the Damerau-Levenshtein distance over the longer key. A whole-name measure on
 * purpose: "Acme" and "Acme Analytics" are two companies (0.29), while a one-letter
 * slip keeps a short name close ("Acme" / "Acne" 0.75), which is why the group check
 * never accepts a fuzzy name without a second agreeing signal.
 *
 * @example
 * companyNameSimilarity('Acme Inc.', 'ACME, Incorporated') // 1
 * companyNameSimilarity('Acme Inc.', 'Acne Corp')          // 0.75
 */
export function companyNameSimilarity(a: string, b: string): number {
  return companyKeySimilarity(companyKey(a), companyKey(b));
}

/**
 * {@link companyNameSimilarity} over two keys already made with {@link companyKey}, for
 * callers that compare one name with many (an account list keeps its keys).
 */
export function companyKeySimilarity(keyA: string, keyB: string): number {
  const x = keyA.replace(/ /g, '');
  const y = keyB.replace(/ /g, '');
  if (x === '' || y === '') return 0;
  if (x === y) return 1;
  return 1 - editDistance(x, y) / Math.max(x.length, y.length);
}

/**
 * Whether two compact keys (spaces removed) are at most `maxEdits` apart in the
 * distance {@link companyKeySimilarity} uses. Computes only a band of `2·maxEdits + 1`
 * cells a row and stops as soon as a row exceeds the bound: an index comparing one
 * name with thousands needs the yes/no, not the distance.
 */
export function withinEdits(a: string, b: string, maxEdits: number): boolean {
  if (Math.abs(a.length - b.length) > maxEdits) return false;
  if (a === b) return true;
  const width = b.length + 1;
  const big = maxEdits + 1;
  let previous2 = new Array<number>(width).fill(big);
  let previous = Array.from({ length: width }, (_, j) => (j <= maxEdits ? j : big));
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(width).fill(big);
    if (i <= maxEdits) current[0] = i;
    let rowMin = current[0]!;
    const from = Math.max(1, i - maxEdits);
    const to = Math.min(b.length, i + maxEdits);
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, previous2[j - 2]! + 1);
      current[j] = Math.min(best, big);
      if (current[j]! < rowMin) rowMin = current[j]!;
    }
    if (rowMin > maxEdits) return false;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]! <= maxEdits;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function editDistance(a: string, b: string): number {
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, previous2[j - 2]! + 1);
      current.push(best);
    }
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Whether two company names plausibly name the same employer: the same key, or one key
 * a word-prefix of the other ("Acme Robotics GmbH" / "Acme Robotics", "Acme" / "Acme
 * Robotics"). Lenient on purpose, for the role check: a person often shortens their
 * employer's name, so only names that share no leading words count as a change. Two
 * names with nothing to compare are not evidence of a change either.
 */
export function sameCompany(a: string, b: string): boolean {
  const x = companyKey(a);
  const y = companyKey(b);
  if (x === '' || y === '') return true; // nothing to compare: not evidence of a change
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}
