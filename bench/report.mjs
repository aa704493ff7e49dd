// Formatting of results for the terminal: one summary table, then the diagnostic sides
// of each benchmark relative to its baseline.

function ns(value) {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} µs` : value >= 1000 ? `${(value / 1000).toFixed(2)} µs` : `${value.toFixed(0)} ns`;
}

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows
    .map((row, index) => {
      const line = row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ');
      return index === 0 ? `${line}\n${widths.map((width) => '-'.repeat(width)).join('  ')}` : line;
    })
    .join('\n');
}

/** The headline figure of a result as its goal is stated: a ratio, or an overhead in %. */
export function headline(result) {
  if (result.goals?.seniority) return `seniority ${result.goals.seniority.pct}%, function ${result.goals.function.pct}%`;
  return result.overheadPct !== undefined ? `+${result.overheadPct}%` : `${result.ratio}x`;
}

export function goalLimit(result) {
  if (result.goals?.seniority) return `>= ${result.goals.seniority.min}% / >= ${result.goals.function.min}%`;
  return result.goalMaxOverheadPct !== undefined ? `< +${result.goalMaxOverheadPct}%` : `<= ${result.goalMaxRatio}x`;
}

/** The summary: per benchmark, subject and baseline medians, the ratio and the goal. */
export function summaryTable(results) {
  const rows = [['benchmark', 'subject', 'median', 'baseline', 'median', 'result', 'goal', 'met']];
  for (const [name, result] of Object.entries(results)) {
    rows.push([
      name,
      result.subject,
      ns(result.sides[result.subject].medianNsPerOp),
      result.baseline ?? '-',
      result.baseline ? ns(result.sides[result.baseline].medianNsPerOp) : '-',
      headline(result),
      goalLimit(result),
      result.met ? 'yes' : 'NO',
    ]);
  }
  return table(rows);
}

/** Every side of a benchmark (main and diagnostic), with ops/s, spread and ratio to the baseline. */
export function sidesTable(result) {
  const sections = [];
  const block = (label, sides, baseline) => {
    const rows = [['side', 'median/op', 'ops/s', 'spread', baseline ? `x ${baseline}` : '']];
    for (const [name, side] of Object.entries(sides)) {
      rows.push([name, ns(side.medianNsPerOp), side.opsPerSec.toLocaleString('en-US'), `${side.spreadPct}%`, baseline ? (side.medianNsPerOp / sides[baseline].medianNsPerOp).toFixed(2) : '']);
    }
    sections.push(`${label}\n${table(rows)}`);
  };
  block(`main (${result.leadCount.toLocaleString('en-US')} ${result.titleCount ? 'titles parsed per pass' : 'leads'}, ${result.rounds} rounds)`, result.sides, result.baseline);
  if (result.diagnostic) {
    block(`diagnostic (${result.diagnostic.leads.toLocaleString('en-US')} leads)`, result.diagnostic.sides, result.diagnostic.baseline);
  }
  return sections.join('\n\n');
}

/** The role benchmark's accuracy: per language, then the most frequent mistakes per field. */
export function roleTable(result) {
  const rows = [['language', 'titles', 'seniority', 'function']];
  rows.push(['all', result.accuracy.overall.titles, `${result.accuracy.overall.seniority.pct}%`, `${result.accuracy.overall.function.pct}%`]);
  for (const [language, acc] of Object.entries(result.accuracy.byLanguage)) rows.push([language, acc.titles, `${acc.seniority.pct}%`, `${acc.function.pct}%`]);
  const lines = [table(rows), '', `${result.titlesPerSec.toLocaleString('en-US')} titles/s`];
  for (const field of ['seniority', 'function']) {
    lines.push('', `top ${field} mistakes (expected → got):`);
    for (const pair of result.confusion[field]) lines.push(`  ${String(pair.count).padStart(3)}  ${pair.expected} → ${pair.got}   e.g. ${pair.examples.slice(0, 3).join('; ')}`);
  }
  return lines.join('\n');
}
