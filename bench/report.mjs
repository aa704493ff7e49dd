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
  return result.overheadPct !== undefined ? `+${result.overheadPct}%` : `${result.ratio}x`;
}

export function goalLimit(result) {
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
      result.baseline,
      ns(result.sides[result.baseline].medianNsPerOp),
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
    const rows = [['side', 'median/op', 'ops/s', 'spread', `x ${baseline}`]];
    for (const [name, side] of Object.entries(sides)) {
      rows.push([name, ns(side.medianNsPerOp), side.opsPerSec.toLocaleString('en-US'), `${side.spreadPct}%`, (side.medianNsPerOp / sides[baseline].medianNsPerOp).toFixed(2)]);
    }
    sections.push(`${label}\n${table(rows)}`);
  };
  block(`main (${result.leadCount.toLocaleString('en-US')} leads, ${result.rounds} rounds)`, result.sides, result.baseline);
  if (result.diagnostic) {
    block(`diagnostic (${result.diagnostic.leads.toLocaleString('en-US')} leads)`, result.diagnostic.sides, result.diagnostic.baseline);
  }
  return sections.join('\n\n');
}
