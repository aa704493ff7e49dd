import type { AuditReport } from './audit-report.js';

const COLORS = { accept: '#2f7d4f', review: '#b7791f', reject: '#c0392b', pass: '#2f7d4f', fail: '#c0392b', error: '#8a8f98' } as const;
const DECISIONS = ['accept', 'review', 'reject'] as const;

/**
 * The audit as one self-contained HTML page for people: inline CSS and inline SVG
 * charts, no scripts, no external assets, so it opens offline and can be mailed.
 * Every figure carries a `data-metric` attribute naming where it comes from in the JSON
 * report (`decisions.reject.count`, `codes.EMAIL_TYPO.leads`, …), so a test (or a
 * script) can read the page back and compare.
 */
export function renderHtmlReport(report: AuditReport): string {
  const sections = [
    summarySection(report),
    codesSection(report),
    dimensionsSection(report),
    report.bySource ? sourcesSection(report) : '',
    report.malformed.count > 0 ? malformedSection(report) : '',
  ].filter(Boolean);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>leadgate audit · ${escape(report.input.file)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>Lead audit <span class="file">${escape(report.input.file)}</span></h1>
<p class="meta">Motion <b>${escape(report.motion)}</b> (policy ${escape(report.policy.version)}) · ${metric('rows.total', report.rows.total)} rows, ${metric('rows.audited', report.rows.audited)} audited, ${metric('rows.malformed', report.rows.malformed)} malformed · personal data ${report.run.personalData}</p>
</header>
${sections.join('\n')}
<footer>Made by <code>leadgate audit</code>. Codes and what they mean: <code>leadgate codes</code> or docs/codes.md.</footer>
</main>
</body>
</html>
`;
}

function summarySection(report: AuditReport): string {
  const cards = DECISIONS.map((decision) => `<div class="card ${decision}"><div class="label">${decision}</div><div class="big">${metric(`decisions.${decision}.count`, report.decisions[decision].count)}</div><div>${metric(`decisions.${decision}.percent`, report.decisions[decision].percent, '%')}</div></div>`).join('');
  const total = Math.max(1, report.rows.audited);
  let x = 0;
  const segments = DECISIONS.map((decision) => {
    const width = (report.decisions[decision].count / total) * 100;
    const rect = width > 0 ? `<rect x="${x.toFixed(3)}%" y="0" width="${width.toFixed(3)}%" height="28" fill="${COLORS[decision]}"><title>${decision}: ${report.decisions[decision].count}</title></rect>` : '';
    x += width;
    return rect;
  }).join('');
  return `<section>
<h2>Decisions</h2>
<div class="cards">${cards}</div>
<svg class="stack" role="img" aria-label="Share of leads per decision" width="100%" height="28">${segments}</svg>
</section>`;
}

function codesSection(report: AuditReport): string {
  if (report.codes.length === 0) return '<section><h2>Codes</h2><p>No lead had a finding.</p></section>';
  const top = report.codes.slice(0, 15);
  const max = Math.max(...top.map((row) => row.leads));
  const rowHeight = 22;
  const bars = top.map((row, index) => {
    // Bars start at 38% and end by 92%, leaving room on the right for the count label.
    const width = (row.leads / max) * 54;
    const y = index * rowHeight;
    return `<text x="0" y="${y + 15}" class="axis">${escape(row.code)}</text><rect x="38%" y="${y + 4}" width="${width.toFixed(3)}%" height="14" fill="${COLORS[row.action === 'reject' ? 'reject' : row.action === 'review' ? 'review' : 'error']}"/><text x="${(38 + width + 1).toFixed(3)}%" y="${y + 15}" class="value">${row.leads}</text>`;
  }).join('');
  const table = report.codes.map((row) => `<tr><td><code>${escape(row.code)}</code></td><td>${escape(row.check)}</td><td class="${escape(row.action)}">${escape(row.action)}</td><td class="num">${metric(`codes.${row.code}.leads`, row.leads)}</td><td class="num">${metric(`codes.${row.code}.percent`, row.percent, '%')}</td><td class="examples">${row.examples.map((example) => `line ${example.line}${example.column === undefined ? '' : `, ${escape(example.column)}`}${example.value === undefined ? '' : `: ${escape(example.value)}`}`).join('<br>')}</td></tr>`).join('\n');
  return `<section>
<h2>Top codes</h2>
<svg role="img" aria-label="Leads per code" width="100%" height="${top.length * rowHeight}">${bars}</svg>
<table><thead><tr><th>code</th><th>check</th><th>action</th><th class="num">leads</th><th class="num">share</th><th>first lines</th></tr></thead>
<tbody>
${table}
</tbody></table>
</section>`;
}

function dimensionsSection(report: AuditReport): string {
  const rowHeight = 26;
  const bars = report.checks.map((check, index) => {
    const total = Math.max(1, check.pass + check.fail + check.error);
    const y = index * rowHeight;
    let x = 22;
    const parts = (['pass', 'fail', 'error'] as const).map((status) => {
      const width = (check[status] / total) * 76;
      const rect = width > 0 ? `<rect x="${x.toFixed(3)}%" y="${y + 4}" width="${width.toFixed(3)}%" height="16" fill="${COLORS[status]}"><title>${status}: ${check[status]}</title></rect>` : '';
      x += width;
      return rect;
    }).join('');
    return `<text x="0" y="${y + 17}" class="axis">${escape(check.dimension)} · ${escape(check.check)}</text>${parts}`;
  }).join('');
  const dimensions = report.dimensions.map((dimension) => `<tr><td>${escape(dimension.dimension)}</td><td>${dimension.checks.map(escape).join(', ')}</td><td class="num">${metric(`dimensions.${dimension.dimension}.leadsWithFindings`, dimension.leadsWithFindings)}</td><td class="num">${metric(`dimensions.${dimension.dimension}.percent`, dimension.percent, '%')}</td><td class="num">${dimension.meanScore === null ? '–' : metric(`dimensions.${dimension.dimension}.meanScore`, dimension.meanScore)}</td></tr>`).join('\n');
  const checks = report.checks.map((check) => `<tr><td>${escape(check.check)}</td><td>${escape(check.dimension)}</td><td class="num">${metric(`checks.${check.check}.pass`, check.pass)}</td><td class="num">${metric(`checks.${check.check}.fail`, check.fail)}</td><td class="num">${metric(`checks.${check.check}.error`, check.error)}</td></tr>`).join('\n');
  const extra = Object.entries(report.scores).filter(([key]) => !['compliance', 'truth', 'value'].includes(key))
    .map(([key, score]) => `<p>Mean ${escape(key)} score: ${metric(`scores.${key}.mean`, score.mean)} over ${metric(`scores.${key}.leads`, score.leads)} leads.</p>`).join('');
  const mql = report.mql ? `<p>Marketing-qualified: ${metric('mql.yes', report.mql.yes)} yes, ${metric('mql.no', report.mql.no)} no.</p>` : '';
  return `<section>
<h2>Dimensions and checks</h2>
<p class="legend"><span class="swatch pass"></span>pass <span class="swatch fail"></span>fail <span class="swatch error"></span>could not finish</p>
<svg role="img" aria-label="Pass, fail and error per check" width="100%" height="${report.checks.length * rowHeight}">${bars}</svg>
<table><thead><tr><th>dimension</th><th>checks</th><th class="num">leads with findings</th><th class="num">share</th><th class="num">mean score</th></tr></thead><tbody>
${dimensions}
</tbody></table>
<table><thead><tr><th>check</th><th>dimension</th><th class="num">pass</th><th class="num">fail</th><th class="num">error</th></tr></thead><tbody>
${checks}
</tbody></table>
${extra}${mql}
</section>`;
}

function sourcesSection(report: AuditReport): string {
  const sources = report.bySource!.sources;
  const rowHeight = 24;
  const bars = sources.map((row, index) => {
    const y = index * rowHeight;
    let x = 30;
    const total = Math.max(1, row.leads);
    const parts = DECISIONS.map((decision) => {
      const width = (row[decision] / total) * 68;
      const rect = width > 0 ? `<rect x="${x.toFixed(3)}%" y="${y + 4}" width="${width.toFixed(3)}%" height="15" fill="${COLORS[decision]}"><title>${decision}: ${row[decision]}</title></rect>` : '';
      x += width;
      return rect;
    }).join('');
    return `<text x="0" y="${y + 16}" class="axis">${escape(row.source.slice(0, 40))}</text>${parts}`;
  }).join('');
  const table = sources.map((row, index) => `<tr data-source="${escape(row.source)}"><td>${escape(row.source)}</td><td class="num">${metric(`bySource.${index}.leads`, row.leads)}</td><td class="num">${metric(`bySource.${index}.accept`, row.accept)}</td><td class="num">${metric(`bySource.${index}.review`, row.review)}</td><td class="num">${metric(`bySource.${index}.reject`, row.reject)}</td><td class="num">${metric(`bySource.${index}.rejectPercent`, row.rejectPercent, '%')}</td></tr>`).join('\n');
  return `<section>
<h2>By source <span class="file">${escape(report.bySource!.column)}</span></h2>
<p class="legend"><span class="swatch accept"></span>accept <span class="swatch review"></span>review <span class="swatch reject"></span>reject</p>
<svg role="img" aria-label="Decisions per source" width="100%" height="${sources.length * rowHeight}">${bars}</svg>
<table><thead><tr><th>source</th><th class="num">leads</th><th class="num">accept</th><th class="num">review</th><th class="num">reject</th><th class="num">rejected</th></tr></thead><tbody>
${table}
</tbody></table>
</section>`;
}

function malformedSection(report: AuditReport): string {
  const reasons = Object.entries(report.malformed.byReason).map(([reason, count]) => `<li>${escape(reason)}: ${metric(`malformed.byReason.${reason}`, count ?? 0)}</li>`).join('');
  const rows = report.malformed.rows.map((row) => `<tr><td class="num">${row.line}</td><td>${escape(row.reason)}</td><td>${escape(row.detail ?? '')}</td></tr>`).join('\n');
  return `<section>
<h2>Malformed rows: ${metric('malformed.count', report.malformed.count)}</h2>
<p>These rows could not be read and were not audited. The first ${report.malformed.rows.length} by line:</p>
<ul>${reasons}</ul>
<table><thead><tr><th class="num">line</th><th>reason</th><th>detail</th></tr></thead><tbody>
${rows}
</tbody></table>
</section>`;
}

/** A figure with the JSON path it came from; `unit` is shown after it. */
function metric(path: string, value: number, unit = ''): string {
  const text = unit === '%' ? value.toFixed(1) : value.toLocaleString('en-US');
  return `<span data-metric="${escape(path)}" data-value="${value}">${text}${unit}</span>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
:root{color-scheme:light;--ink:#1d2230;--muted:#5d6474;--line:#e3e6ec;--bg:#fafbfc}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:980px;margin:0 auto;padding:32px 24px 48px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:0 0 12px}
.file{font-weight:400;color:var(--muted);font-size:.8em}
.meta,.legend,footer{color:var(--muted)}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:20px 24px;margin:20px 0}
.cards{display:flex;gap:12px;margin-bottom:14px}
.card{flex:1;border-radius:6px;padding:12px 16px;color:#fff}
.card .label{text-transform:uppercase;font-size:12px;letter-spacing:.06em;opacity:.9}
.card .big{font-size:28px;font-weight:650;font-variant-numeric:tabular-nums}
.card.accept{background:${COLORS.accept}}.card.review{background:${COLORS.review}}.card.reject{background:${COLORS.reject}}
svg{display:block;margin:8px 0 16px}
svg.stack{border-radius:4px;overflow:hidden}
svg text{font-size:12px;fill:var(--ink)}
svg .value{fill:var(--muted)}
table{width:100%;border-collapse:collapse;margin:8px 0 16px;font-size:14px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.reject{color:${COLORS.reject}}td.review{color:${COLORS.review}}td.flag,td.ignore{color:var(--muted)}
.examples{color:var(--muted);font-size:13px}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px}
.swatch.pass,.swatch.accept{background:${COLORS.accept}}.swatch.fail,.swatch.reject{background:${COLORS.reject}}.swatch.review{background:${COLORS.review}}.swatch.error{background:${COLORS.error}}
code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace}
`;

// The closed-loop report (loop-report-html.ts) looks like this one.
export { escape as escapeHtml, STYLE as REPORT_STYLE };
