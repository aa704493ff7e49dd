import type { AuditReport } from './audit-report.js';

/** Options for {@link renderTerminalReport}. */
export interface TerminalReportOptions {
  /** ANSI colours. The CLI turns them off for `NO_COLOR` and when stdout is not a terminal. */
  color: boolean;
  /** Codes listed. Default 10. */
  topCodes?: number;
}

const DECISION_COLOR = { accept: '32', review: '33', reject: '31' } as const;

/**
 * The audit summary for a terminal: decisions with percentages and bars, the top codes,
 * checks by dimension, decisions by source, and malformed rows with their lines.
 */
export function renderTerminalReport(report: AuditReport, options: TerminalReportOptions): string {
  const paint = (code: string, text: string) => (options.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const bold = (text: string) => paint('1', text);
  const dim = (text: string) => paint('2', text);
  const number = (value: number) => value.toLocaleString('en-US');
  const out: string[] = [];

  out.push(`${bold('leadgate audit')} ${report.input.file} · motion ${report.motion} (policy ${report.policy.version})`);
  out.push(dim(`${number(report.rows.total)} rows: ${number(report.rows.audited)} audited, ${number(report.rows.malformed)} malformed · ${number(report.run.rowsPerSecond)} rows/s on ${report.run.workers} thread${report.run.workers === 1 ? '' : 's'}${report.run.statefulChecks.length > 0 ? ` (stateful: ${report.run.statefulChecks.join(', ')})` : ''}${report.run.dns ? ' · DNS on' : ''}`));
  out.push('');
  out.push(bold('Decisions'));
  for (const decision of ['accept', 'review', 'reject'] as const) {
    const share = report.decisions[decision];
    const bar = '█'.repeat(Math.round(share.percent / 4)).padEnd(25, '·');
    out.push(`  ${paint(DECISION_COLOR[decision], decision.padEnd(7))} ${number(share.count).padStart(10)}  ${formatPercent(share.percent).padStart(6)}  ${paint(DECISION_COLOR[decision], bar)}`);
  }

  const top = report.codes.slice(0, options.topCodes ?? 10);
  if (top.length > 0) {
    out.push('');
    out.push(bold('Top codes') + dim('  (leads · share · action)'));
    const width = Math.max(...top.map((row) => row.code.length));
    for (const row of top) {
      const example = row.examples.find((item) => item.value !== undefined);
      out.push(`  ${row.code.padEnd(width)} ${number(row.leads).padStart(9)}  ${formatPercent(row.percent).padStart(6)}  ${row.action.padEnd(6)}${example ? dim(`  e.g. line ${example.line}${example.column === undefined ? '' : `, ${example.column}`}: ${example.value}`) : ''}`);
    }
    if (report.codes.length > top.length) out.push(dim(`  … ${report.codes.length - top.length} more codes in --format json or the HTML report`));
  }

  if (report.dimensions.length > 0) {
    out.push('');
    out.push(bold('By dimension') + dim('  (leads with findings · mean score; per check pass / fail / error)'));
    for (const dimension of report.dimensions) {
      const score = dimension.meanScore === null ? '' : `  score ${dimension.meanScore}`;
      out.push(`  ${dimension.dimension.padEnd(11)} ${number(dimension.leadsWithFindings).padStart(9)}  ${formatPercent(dimension.percent).padStart(6)}${score}`);
      for (const check of report.checks.filter((item) => item.dimension === dimension.dimension)) {
        out.push(dim(`    ${check.check.padEnd(9)} ${number(check.pass)} / ${number(check.fail)} / ${number(check.error)}`));
      }
    }
  }

  const extraScores = Object.entries(report.scores).filter(([key]) => !['compliance', 'truth', 'value'].includes(key));
  if (extraScores.length > 0 || report.mql) {
    out.push('');
    out.push(bold('Scores'));
    for (const [key, score] of extraScores) out.push(`  ${key.padEnd(11)} mean ${score.mean} over ${number(score.leads)} leads`);
    if (report.mql) out.push(`  MQL         ${number(report.mql.yes)} yes, ${number(report.mql.no)} no`);
  }

  if (report.bySource) {
    out.push('');
    out.push(bold(`By source`) + dim(`  (${report.bySource.column}: leads · accept / review / reject · rejected)`));
    const width = Math.min(28, Math.max(...report.bySource.sources.map((row) => row.source.length)));
    for (const row of report.bySource.sources) {
      out.push(`  ${truncate(row.source, width).padEnd(width)} ${number(row.leads).padStart(9)}  ${number(row.accept)} / ${number(row.review)} / ${number(row.reject)}  ${formatPercent(row.rejectPercent)}`);
    }
  }

  if (report.malformed.count > 0) {
    out.push('');
    const reasons = Object.entries(report.malformed.byReason).map(([reason, count]) => `${reason} ${number(count)}`).join(', ');
    out.push(`${paint('31', 'Malformed rows')} ${number(report.malformed.count)} (${reasons})`);
    const shown = report.malformed.rows.slice(0, 5);
    for (const row of shown) out.push(dim(`  line ${row.line}: ${row.reason}${row.detail ? ` (${row.detail})` : ''}`));
    if (report.malformed.count > shown.length) out.push(dim(`  … the first ${report.malformed.rows.length} are listed in --format json`));
  }

  if (report.input.unusedColumns.length > 0) {
    out.push('');
    out.push(dim(`Columns not used: ${report.input.unusedColumns.join(', ')} (map one with --map field="Column")`));
  }
  return `${out.join('\n')}\n`;
}

function formatPercent(value: number): string {
  return `${value.toFixed(1)}%`;
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
