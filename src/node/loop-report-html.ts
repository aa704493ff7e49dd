import type { Funnel, LoopReport } from '../outcomes/loop-report.js';
import type { Rate } from '../outcomes/wilson.js';
import { formatRate } from './loop-report-terminal.js';
import { escapeHtml as escape, REPORT_STYLE } from './report-html.js';

const STEPS = ['leads', 'mql', 'sal', 'sql', 'won'] as const;

/**
 * The closed-loop report as one self-contained HTML page, like the audit report: inline
 * CSS and SVG, no scripts. Figures carry `data-metric` (their path in the JSON report).
 */
export function renderLoopHtml(report: LoopReport): string {
  const sections = [
    funnelSection(report),
    groupsSection('By capture decision', 'byDecision', report.byDecision),
    groupsSection('By motion', 'byMotion', report.byMotion),
    groupsSection('By policy version', 'byPolicy', report.byPolicy),
    groupsSection('By source', 'bySource', report.bySource),
    responseSection(report),
    rejectionsSection(report),
    codesSection(report),
    policySection(report),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>leadgate closed loop</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<main>
<header>
<h1>Closed loop <span class="file">capture decisions joined with sales outcomes</span></h1>
<p class="meta">${metric('input.decisions', report.input.decisions)} leads · ${metric('input.outcomeLeads', report.input.outcomeLeads)} with outcomes · ${metric('input.outcomesForUnknownLeads', report.input.outcomesForUnknownLeads)} outcome leads not in the log · rates need ${report.options.minCount} leads and show 95% intervals</p>
</header>
${sections.join('\n')}
<footer>Made by <code>leadgate outcomes report</code>. Sales reason codes: docs/codes.md#sales-outcomes.</footer>
</main>
</body>
</html>
`;
}

function funnelSection(report: LoopReport): string {
  const funnel = report.funnel;
  const max = Math.max(1, funnel.leads);
  const bars = STEPS.map((step, index) => {
    const width = (funnel[step] / max) * 100;
    const y = index * 30;
    return `<rect x="0" y="${y}" width="${width.toFixed(3)}%" height="22" fill="#2f5d9f"><title>${step}: ${funnel[step]}</title></rect><text x="4" y="${y + 16}" fill="#fff">${step.toUpperCase()} ${funnel[step]}</text>`;
  }).join('');
  return `<section>
<h2>Funnel</h2>
<svg role="img" aria-label="Leads at each funnel step" width="100%" height="${STEPS.length * 30}">${bars}</svg>
${ratesTable([['all leads', funnel]], 'funnel')}
</section>`;
}

function groupsSection(title: string, path: string, groups: Record<string, Funnel>): string {
  const rows = Object.entries(groups);
  if (rows.length === 0) return '';
  return `<section>
<h2>${escape(title)}</h2>
${ratesTable(rows, path)}
</section>`;
}

function ratesTable(rows: [string, Funnel][], path: string): string {
  const body = rows.map(([key, funnel]) => {
    const base = path === 'funnel' ? 'funnel' : `${path}.${key}`;
    return `<tr><td>${escape(key)}</td>${STEPS.map((step) => `<td class="num">${metric(`${base}.${step}`, funnel[step])}</td>`).join('')}<td>${rateCell(funnel.rates.mqlToSql)}</td><td>${rateCell(funnel.rates.sqlToWon)}</td></tr>`;
  }).join('');
  return `<table><thead><tr><th></th>${STEPS.map((step) => `<th class="num">${step}</th>`).join('')}<th>MQL → SQL</th><th>SQL → won</th></tr></thead><tbody>${body}</tbody></table>`;
}

function rateCell(value: Rate): string {
  if ('tooFew' in value) return `<span class="examples">too few leads (${value.n})</span>`;
  // The interval as a bar on a 0–100% scale, the point as a tick.
  const bar = `<svg width="120" height="10" role="img" aria-label="${escape(formatRate(value))}"><rect x="0" y="4" width="120" height="2" fill="#e3e6ec"></rect><rect x="${(value.low * 120).toFixed(1)}" y="2" width="${Math.max(1, (value.high - value.low) * 120).toFixed(1)}" height="6" fill="#9bb3d6"></rect><rect x="${(value.rate * 120 - 1).toFixed(1)}" y="0" width="2" height="10" fill="#2f5d9f"></rect></svg>`;
  return `${escape(formatRate(value))}${bar}`;
}

function responseSection(report: LoopReport): string {
  const time = report.responseTime;
  const hours = (value: number | null) => (value === null ? '–' : `${value.toFixed(1)} h`);
  return `<section>
<h2>Response time</h2>
<p>From the capture decision to the first sales touch, SLA ${report.options.slaHours} h: median <b>${hours(time.medianHours)}</b>, p90 <b>${hours(time.p90Hours)}</b> over ${metric('responseTime.touched', time.touched)} touched leads. Over the SLA: ${escape(formatRate(time.overSla))}. MQLs never touched: ${escape(formatRate(time.mqlsNeverTouched))}.</p>
</section>`;
}

function rejectionsSection(report: LoopReport): string {
  const rejections = report.salesRejections;
  const u = rejections.unserviceable;
  const rows = rejections.byReason.map((row) => `<tr><td><code>${escape(row.code)}</code></td><td>${escape(row.label)}</td><td>${row.dimension}</td><td class="num">${metric(`salesRejections.byReason.${row.code}`, row.count)}</td></tr>`).join('');
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  return `<section>
<h2>Sales rejections</h2>
<p>Unserviceable: <b>${pct(u.total)}</b> of ${u.leads} leads, ${pct(u.stoppedAtCapture)} stopped at the form plus ${pct(u.rejectedBySalesTruthOrCompliance)} rejected by sales for a truth or compliance reason.</p>
<table><thead><tr><th>reason</th><th></th><th>dimension</th><th class="num">leads</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}

function codesSection(report: LoopReport): string {
  const rows = report.codes.map((row) => `<tr><td><code>${escape(row.code)}</code></td><td class="${row.action}">${row.action}</td><td>${rateCell(row.with)}</td><td>${rateCell(row.without)}</td><td class="num">${row.lift === null ? '–' : row.lift.toFixed(2)}</td><td class="num">${row.salesRejectedSameDimension}</td></tr>`).join('');
  return `<section>
<h2>Capture codes against outcomes</h2>
<p class="legend">MQL → SQL of leads that carried the code and of those that did not. A lift near 1 says the code costs pipeline without predicting a loss; well under 1, it predicts one.</p>
<table><thead><tr><th>code</th><th>action</th><th>with</th><th>without</th><th class="num">lift</th><th class="num">sales-rejected, same dimension</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}

function policySection(report: LoopReport): string {
  const rows = report.policies.map((policy) => `<tr><td><code>${escape(policy.policy)}</code></td><td class="num">${policy.leads}</td><td>${escape(policy.firstAt)}</td><td>${escape(policy.lastAt)}</td></tr>`).join('');
  const changes = report.policyChanges.map((change) => `<li>${escape(change.at)}: <code>${escape(change.from)}</code> → <code>${escape(change.to)}</code></li>`).join('');
  return `<section>
<h2>Policy</h2>
<table><thead><tr><th>policy</th><th class="num">leads</th><th>first</th><th>last</th></tr></thead><tbody>${rows}</tbody></table>
${changes ? `<p>The definition changed inside the period:</p><ul>${changes}</ul>` : '<p>No change of policy in the period.</p>'}
</section>`;
}

function metric(path: string, value: number): string {
  return `<span data-metric="${escape(path)}" data-value="${value}">${value.toLocaleString('en-US')}</span>`;
}
