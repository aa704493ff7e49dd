import type { Funnel, LoopReport } from '../outcomes/loop-report.js';
import type { Rate } from '../outcomes/wilson.js';

/** A rate as the terminal shows it: "18.2% [15.1–21.8] 91/500", or "too few leads (12)". */
export function formatRate(value: Rate): string {
  if ('tooFew' in value) return `too few leads (${value.n})`;
  return `${pct(value.rate)} [${pct(value.low, false)}–${pct(value.high, false)}] ${value.successes}/${value.n}`;
}

/** The closed-loop report for a terminal: funnel, groups, response time, rejections, codes, policy changes. */
export function renderLoopTerminal(report: LoopReport, options: { topCodes?: number } = {}): string {
  const { input } = report;
  const lines: string[] = [
    `leadgate outcomes report · ${input.decisions.toLocaleString('en')} leads joined with ${input.outcomeLeads.toLocaleString('en')} leads' outcomes`,
    `  ${input.outcomesForUnknownLeads} outcome leads not in the log · ${input.duplicateDecisions} repeated decisions · ${input.invalidDecisions} unreadable log lines · ${input.invalidOutcomes} invalid outcomes`,
    '',
    'Funnel  (leads · MQL → SAL → SQL → won; rates with 95% intervals)',
    funnelLine('all leads', report.funnel),
  ];
  for (const [title, groups] of [['By capture decision', report.byDecision], ['By motion', report.byMotion], ['By policy', report.byPolicy], ['By source', report.bySource]] as const) {
    lines.push('', title);
    for (const [key, funnel] of Object.entries(groups).slice(0, 12)) lines.push(funnelLine(key, funnel));
  }
  const time = report.responseTime;
  lines.push(
    '',
    `Response time  (capture → first sales touch; SLA ${report.options.slaHours} h)`,
    `  median ${hours(time.medianHours)} · p90 ${hours(time.p90Hours)} · over SLA ${formatRate(time.overSla)} · MQLs never touched ${formatRate(time.mqlsNeverTouched)}`,
  );
  const rejections = report.salesRejections;
  const u = rejections.unserviceable;
  lines.push(
    '',
    `Sales rejections  (${rejections.total}; by dimension: ${Object.entries(rejections.byDimension).map(([dimension, count]) => `${dimension} ${count}`).join(', ') || 'none'})`,
    ...rejections.byReason.slice(0, 8).map((row) => `  ${row.code.padEnd(28)} ${String(row.count).padStart(6)}  ${row.dimension}`),
    `  Unserviceable: ${pct(u.total)} of ${u.leads} leads = ${pct(u.stoppedAtCapture)} stopped at capture + ${pct(u.rejectedBySalesTruthOrCompliance)} rejected by sales for truth or compliance`,
    '',
    'Capture codes  (MQL → SQL with the code vs without; lift)',
  );
  for (const row of report.codes.slice(0, options.topCodes ?? 12)) {
    lines.push(`  ${row.code.padEnd(28)} ${row.action.padEnd(6)} with ${formatRate(row.with)} · without ${formatRate(row.without)} · lift ${row.lift === null ? '–' : row.lift.toFixed(2)}`);
  }
  lines.push('', 'Policy');
  for (const policy of report.policies) lines.push(`  ${policy.policy.padEnd(32)} ${policy.leads} leads, ${policy.firstAt.slice(0, 10)} – ${policy.lastAt.slice(0, 10)}`);
  for (const change of report.policyChanges) lines.push(`  changed ${change.at.slice(0, 10)}: ${change.from} → ${change.to}`);
  if (report.policyChanges.length === 0) lines.push('  no change in the period');
  return `${lines.join('\n')}\n`;
}

function funnelLine(label: string, funnel: Funnel): string {
  const counts = `${funnel.leads} · ${funnel.mql} → ${funnel.sal} → ${funnel.sql} → ${funnel.won}`;
  return `  ${label.slice(0, 24).padEnd(24)} ${counts.padEnd(30)} MQL→SQL ${formatRate(funnel.rates.mqlToSql)} · SQL→won ${formatRate(funnel.rates.sqlToWon)}`;
}

function pct(value: number, sign = true): string {
  return `${(value * 100).toFixed(1)}${sign ? '%' : ''}`;
}

function hours(value: number | null): string {
  return value === null ? '–' : `${value.toFixed(1)} h`;
}
