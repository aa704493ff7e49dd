// parseTitle on the hand-labelled title set (test/fixtures/titles.labelled.json, see
// titles.README.md there): accuracy of the seniority and function fields, overall and per
// language, the most frequent mistakes, and the parse speed. Unlike the other benchmarks
// it does not use the generated leads: the labelled titles are the input.
import { readFileSync } from 'node:fs';
import { parseTitle } from '../dist/index.js';
import { compare, round2 } from './timing.mjs';

export const title = 'parseTitle accuracy on the labelled title set, and parse speed';
export const goal = { minSeniorityPct: 90, minFunctionPct: 85, text: 'seniority accuracy >= 90% and function accuracy >= 85% on the labelled set' };
/** run-one.mjs skips generating leads for this benchmark. */
export const usesLeads = false;

/** Parses per timed pass: the set, repeated until at least this many. */
const MIN_PARSES_PER_PASS = 100_000;
const FIELDS = ['seniority', 'function'];

function pct(hits, total) {
  return total === 0 ? null : Math.round((hits / total) * 10_000) / 100;
}

function accuracyOf(rows) {
  const result = { titles: rows.length };
  for (const field of FIELDS) {
    const hits = rows.filter((row) => row.got[field] === row.expected[field]).length;
    result[field] = { correct: hits, pct: pct(hits, rows.length) };
  }
  return result;
}

function groupBy(rows, keyOf) {
  const groups = {};
  for (const row of rows) (groups[keyOf(row)] ??= []).push(row);
  return groups;
}

/** The most frequent (expected → got) pairs among the mistakes on one field. */
function confusion(rows, field, top = 10) {
  const pairs = new Map();
  for (const row of rows) {
    if (row.got[field] === row.expected[field]) continue;
    const key = `${row.expected[field]} → ${row.got[field]}`;
    const pair = pairs.get(key) ?? { expected: row.expected[field], got: row.got[field], count: 0, examples: [] };
    pair.count++;
    if (pair.examples.length < 5) pair.examples.push(row.title);
    pairs.set(key, pair);
  }
  return [...pairs.values()].sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)).slice(0, top);
}

/** @param {{ warmup: number, rounds: number }} input */
export async function run({ warmup, rounds }) {
  const set = JSON.parse(readFileSync(new URL('../test/fixtures/titles.labelled.json', import.meta.url), 'utf8'));

  // Accuracy, outside the timing. A throw counts as a miss on both fields.
  const rows = set.map((entry) => {
    let got;
    try {
      const parsed = parseTitle(entry.title);
      got = { seniority: parsed?.seniority ?? '(none)', function: parsed?.function ?? '(none)', junk: parsed?.junk, nonWorkforce: parsed?.nonWorkforce };
    } catch (error) {
      got = { seniority: '(threw)', function: '(threw)', error: String(error?.message ?? error) };
    }
    return { title: entry.title, language: entry.language, expected: { seniority: entry.seniority, function: entry.function }, got };
  });
  const overall = accuracyOf(rows);
  const byLanguage = Object.fromEntries(Object.entries(groupBy(rows, (row) => row.language)).map(([language, group]) => [language, accuracyOf(group)]));
  const bySeniority = Object.fromEntries(Object.entries(groupBy(rows, (row) => row.expected.seniority)).map(([seniority, group]) => [seniority, accuracyOf(group)]));
  const byFunction = Object.fromEntries(Object.entries(groupBy(rows, (row) => row.expected.function)).map(([fn, group]) => [fn, accuracyOf(group)]));
  const mistakes = rows
    .filter((row) => FIELDS.some((field) => row.got[field] !== row.expected[field]))
    .map((row) => ({ title: row.title, language: row.language, expected: row.expected, got: row.got }));
  const flagged = { junk: rows.filter((row) => row.got.junk).map((row) => row.title), nonWorkforce: rows.filter((row) => row.got.nonWorkforce).map((row) => row.title) };

  // Speed: one pass parses the whole set, repeated to at least MIN_PARSES_PER_PASS titles.
  const titles = set.map((entry) => entry.title);
  const repeats = Math.ceil(MIN_PARSES_PER_PASS / titles.length);
  const n = titles.length * repeats;
  const sides = [
    {
      name: 'parseTitle',
      pass() {
        let senior = 0;
        for (let r = 0; r < repeats; r++) {
          for (let i = 0; i < titles.length; i++) if (parseTitle(titles[i]).seniority !== 'unknown') senior++;
        }
        return senior;
      },
    },
  ];
  const stats = await compare(sides, { ops: n, warmup, rounds });

  const seniorityPct = overall.seniority.pct;
  const functionPct = overall.function.pct;
  return {
    title,
    subject: 'parseTitle',
    titleCount: titles.length,
    leadCount: n,
    method: {
      warmup: `${warmup} untimed passes`,
      rounds: `${rounds} timed passes, each parsing the ${titles.length} labelled titles ${repeats} times (${n} parses)`,
      statistic: 'median ns per title over the rounds (process.hrtime.bigint around each whole pass); global.gc() before every pass',
      accuracy: 'exact match of parseTitle(title).seniority and .function against the hand labels; each title counted once',
    },
    goal: goal.text,
    goalMinSeniorityPct: goal.minSeniorityPct,
    goalMinFunctionPct: goal.minFunctionPct,
    met: seniorityPct >= goal.minSeniorityPct && functionPct >= goal.minFunctionPct,
    goals: {
      seniority: { pct: seniorityPct, min: goal.minSeniorityPct, met: seniorityPct >= goal.minSeniorityPct },
      function: { pct: functionPct, min: goal.minFunctionPct, met: functionPct >= goal.minFunctionPct },
    },
    titlesPerSec: stats.parseTitle.opsPerSec,
    accuracy: { overall, byLanguage, bySeniority, byFunction },
    confusion: { seniority: confusion(rows, 'seniority'), function: confusion(rows, 'function') },
    flagged,
    mistakes,
    sides: { parseTitle: { ...stats.parseTitle, medianNsPerOp: round2(stats.parseTitle.medianNsPerOp) } },
  };
}
