/**
 * `parseTitle`: a deterministic, language-aware B2B job-title parser that runs in the
 * browser. Pipeline: ../shared/research/value_truth.md §2.1 (normalise → split multi-role
 * titles → expand abbreviations → seniority ladder → function rules → authority tier →
 * junk / non-workforce screen). The keyword data lives in `lexicon.ts`.
 */
import { recentResults } from '../recent-results.js';
import { isJunkTitle } from './junk.js';
import {
  ABBREVIATIONS,
  AMBIGUOUS_TOKENS,
  DEPARTMENT_ONLY,
  FALLBACK_FUNCTION_RULES,
  FUNCTION_RULES,
  LANGUAGE_MARKERS,
  NON_WORKFORCE_RULES,
  SENIORITY_RULES,
} from './lexicon.js';
import { foldTitle, MAX_TITLE_INPUT, normalizeTitle } from './normalize-title.js';
import {
  seniorityRank,
  type Authority,
  type JobFunction,
  type NonWorkforce,
  type ParsedTitle,
  type ParseTitleOptions,
  type Seniority,
  type TitleLanguage,
} from './taxonomy.js';

// Everything compiled once, at module load.
const SENIORITY = SENIORITY_RULES.map(([s, v]) => [new RegExp(s), v] as const);
const FUNCTIONS = FUNCTION_RULES.map(([s, f, sub]) => [new RegExp(s), f, sub] as const);
const FALLBACK_FUNCTIONS = FALLBACK_FUNCTION_RULES.map(([s, f]) => [new RegExp(s), f] as const);
const NON_WORKFORCE = NON_WORKFORCE_RULES.map(([s, v]) => [new RegExp(s), v] as const);
const DEPARTMENT_ONLY_RE = new RegExp(DEPARTMENT_ONLY);
const LANGUAGES = LANGUAGE_MARKERS.map(([s, v]) => [new RegExp(s), v] as const);

// §2.1 step 2: split multi-role titles on & / , + ; and " - " (turned into "/" by foldTitle),
// and on "and" in the seven languages.
const PART_SEPARATOR = /\s*[&/,+;]\s*|\s(?:and|und|et|y|e|en)\s/;
// "Assistant to the CEO", "Assistentin der Geschäftsführung": the assistant is the role.
const ASSISTANT_TO = /\b((?:executive |personal )?(?:assist\w*|asistente|secretar\w*|sekretar\w*|secretaire|segretari[oa]))\s(?:to|of|der|des|de|du|del|della|di|van)\b.*$/;

const AUTHORITY: Readonly<Record<Seniority, Authority>> = {
  owner: 'decision_maker', founder: 'decision_maker', c_suite: 'decision_maker', partner: 'decision_maker', vp: 'decision_maker',
  head: 'leader_influencer', director: 'leader_influencer', manager: 'manager',
  senior: 'individual', entry: 'individual', intern: 'none', unknown: 'none',
};
/** §2.6 size adjustment: in firms of ≤ 50 people, manager/head/director move up one tier. */
const SMALL_FIRM = 50;
const PROMOTE: Partial<Record<Authority, Authority>> = { manager: 'leader_influencer', leader_influencer: 'decision_maker' };

interface Part {
  seniority: Seniority;
  fn: JobFunction;
  sub: string | undefined;
  fallback: JobFunction;
  ambiguous: boolean;
}

function expand(part: string): { text: string; ambiguous: boolean } {
  let ambiguous = false;
  const words = part.split(' ');
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const long = ABBREVIATIONS.get(word);
    if (long === undefined) continue;
    if (AMBIGUOUS_TOKENS.has(word)) ambiguous = true;
    words[i] = long;
  }
  return { text: words.join(' '), ambiguous };
}

function classify(raw: string): Part {
  const { text: expanded, ambiguous } = expand(raw);
  const text = expanded.replace(ASSISTANT_TO, '$1');
  let seniority: Seniority = 'unknown';
  for (const [re, value] of SENIORITY) if (re.test(text)) { seniority = value; break; }
  let fn: JobFunction = 'unknown';
  let sub: string | undefined;
  for (const [re, value, subFunction] of FUNCTIONS) if (re.test(text)) { fn = value; sub = subFunction; break; }
  let fallback: JobFunction = 'unknown';
  if (fn === 'unknown') for (const [re, value] of FALLBACK_FUNCTIONS) if (re.test(text)) { fallback = value; break; }
  return { seniority, fn, sub, fallback, ambiguous };
}

function authorityOf(seniority: Seniority, employees: number | undefined): Authority {
  const base = AUTHORITY[seniority];
  if (typeof employees !== 'number' || !Number.isFinite(employees) || employees < 0) return base;
  // ≥ 1,001 employees: a director stays leader_influencer (§2.6), which is already the base tier.
  if (employees <= SMALL_FIRM) return PROMOTE[base] ?? base;
  return base;
}

function languageOf(folded: string): TitleLanguage {
  for (const [re, language] of LANGUAGES) if (re.test(folded)) return language;
  return 'en';
}

const UNKNOWN = { seniority: 'unknown', function: 'unknown', authority: 'none' } as const;

/**
 * Parse a free-text job title into seniority, function, authority tier and flags.
 * Pure, never throws: a non-string is treated as '', input is cut to 256 characters.
 * An empty or blank title is not junk (the check reports it as missing): all fields `unknown`.
 *
 * @example
 * parseTitle('Co-Founder & CEO')
 * // { normalized: 'co-founder & ceo', seniority: 'founder', function: 'general_management', authority: 'decision_maker', language: 'en' }
 * parseTitle('Leiter Einkauf', { employees: 30 })
 * // { seniority: 'head', function: 'purchasing', authority: 'decision_maker', language: 'de', ... }
 */
export function parseTitle(title: string, options?: ParseTitleOptions): ParsedTitle {
  // Only this much is read (a non-string is ''), so only this much is the key and kept.
  const read = typeof title === 'string' ? title.slice(0, MAX_TITLE_INPUT) : '';
  // A list repeats its titles ("CEO", "Marketing Manager"), and the role, icp and group
  // checks parse the same lead's title one after the other. Parsing is about 70 regex
  // scans whose code the other checks push out of the CPU caches (5.5 µs a title alone,
  // 17-19 µs inside the audit's gate: bench/README "seventh session"), so recent titles are
  // kept. The head count changes only whether a manager's tier is promoted (authorityOf),
  // so the key says whether it is.
  const parsed = recentTitles(authorityOf('manager', options?.employees) + read, () => parse(read, options));
  // A copy: the caller may change its result without changing the next caller's.
  return { ...parsed };
}

const recentTitles = recentResults<ParsedTitle>(256);

/** `title`: a string of at most MAX_TITLE_INPUT characters (parseTitle cuts it). */
function parse(title: string, options?: ParseTitleOptions): ParsedTitle {
  const lower = title.toLowerCase();
  const normalized = normalizeTitle(title);
  if (lower.trim() === '') return { normalized, ...UNKNOWN };
  // Only symbols or emoji ("?", "🚀"): something was typed, and it is not a title.
  if (normalized === '' || isJunkTitle(lower, normalized)) return { normalized, ...UNKNOWN, junk: true };

  const folded = foldTitle(normalized);
  const parts = folded.split(PART_SEPARATOR).filter((p) => p !== '').map(classify);
  // The most senior part first (stable), so the function comes from it when it has one.
  const ranked = parts
    .map((part, index) => ({ part, index }))
    .sort((a, b) => seniorityRank(a.part.seniority) - seniorityRank(b.part.seniority) || a.index - b.index)
    .map(({ part }) => part);

  const top = ranked[0];
  let seniority: Seniority = top?.seniority ?? 'unknown';
  const withFunction = ranked.find((p) => p.fn !== 'unknown');
  const withFallback = ranked.find((p) => p.fallback !== 'unknown');
  const fn: JobFunction = withFunction?.fn ?? withFallback?.fallback ?? 'unknown';
  // A named role with no seniority word ("Software Engineer", "Recruiter") is an
  // individual contributor at the first level: Apollo's `entry`, ZoomInfo's "Non
  // Manager" (§1.1, §6.1). "Senior", "Lead" or the Manager trap (§2.3) lift it to `senior`.
  if (seniority === 'unknown' && fn !== 'unknown' && !DEPARTMENT_ONLY_RE.test(folded)) seniority = 'entry';

  let nonWorkforce: NonWorkforce | undefined;
  for (const [re, value] of NON_WORKFORCE) {
    if (!re.test(folded)) continue;
    // A student who is an intern or Werkstudent is an intern (§2.4); retired/unemployed always win.
    if (value === 'student' && seniority === 'intern') break;
    nonWorkforce = value;
    break;
  }
  if (nonWorkforce !== undefined) seniority = 'unknown';

  const recognised = seniority !== 'unknown' || fn !== 'unknown' || nonWorkforce !== undefined;
  const result: ParsedTitle = {
    normalized,
    seniority,
    function: fn,
    authority: nonWorkforce === undefined ? authorityOf(seniority, options?.employees) : 'none',
  };
  const subFunction = withFunction?.sub;
  if (subFunction !== undefined) result.subFunction = subFunction;
  if ((top?.ambiguous === true && top.seniority !== 'unknown') || withFunction?.ambiguous === true) result.ambiguous = true;
  if (nonWorkforce !== undefined) result.nonWorkforce = nonWorkforce;
  if (recognised) result.language = languageOf(folded);
  return result;
}
