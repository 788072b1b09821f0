import type { ReportCharts } from './report-charts.ts';
import { STATUS_COLOURS } from './report-charts.ts';
import type { ReportData } from './report-data.ts';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Everything inline: the file opens offline, mails as one attachment and prints on A4.
const STYLE = `
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --accent: #1565c0; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 980px; padding: 24px; color: var(--ink);
  font: 14px/1.55 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 15px; margin: 16px 0 6px; }
.subtitle { color: var(--muted); margin: 0 0 16px; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10px; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.figure .label { color: var(--muted); font-size: 12px; }
.figure .value { font-size: 20px; font-weight: 600; }
.figure .note { font-size: 12px; color: var(--muted); }
table { width: 100%; border-collapse: collapse; font-size: 12.5px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
.status { display: inline-block; min-width: 2.6em; text-align: center; border-radius: 3px; color: #fff;
  padding: 0 4px; font-size: 12px; }
.status.strong { background: ${STATUS_COLOURS.strong}; }
.status.weak { background: ${STATUS_COLOURS.weak}; }
.status.missing { background: ${STATUS_COLOURS.missing}; }
ul { margin: 4px 0; padding-left: 20px; }
.chart { margin: 8px 0; text-align: center; }
.chart svg { max-width: 100%; height: auto; }
.method { color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  .figure, tr, .chart, li { break-inside: avoid; }
  .chart-block { break-before: page; }
  a { color: inherit; text-decoration: none; }
}`;

function list(items: string[], empty: string): string {
  if (items.length === 0) return `<p>${escapeHtml(empty)}</p>`;
  return `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

function figureCards(figures: { label: string; value: string; note: string }[]): string {
  const e = escapeHtml;
  return figures
    .map(
      (f) =>
        `<div class="figure"><div class="label">${e(f.label)}</div><div class="value">${e(f.value)}</div><div class="note">${e(f.note)}</div></div>`,
    )
    .join('\n');
}

/** The section on enterprise problems and 督办 items, when the briefing has it. */
function problemsHtml(report: ReportData): string {
  const p = report.problems;
  if (!p) return '';
  const l = report.labels;
  const pc = l.problemsColumns;
  const e = escapeHtml;
  const rows = p.nodes
    .map(
      (n) =>
        `<tr><td>${e(n.name)}</td><td class="num">${e(n.open)}</td><td class="num">${e(n.overdue)}</td><td class="num">${e(n.received)}</td></tr>`,
    )
    .join('\n');
  return `<section class="problems">
<h2>${e(l.problems)}</h2>
<div class="figures">
${figureCards(p.figures)}
</div>
<h3>${e(l.problemsNodes)}</h3>
${
  p.nodes.length === 0
    ? `<p>${e(l.none)}</p>`
    : `<table>
<thead><tr><th>${e(pc.node)}</th><th class="num">${e(pc.open)}</th><th class="num">${e(pc.overdue)}</th><th class="num">${e(pc.received)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}
<h3>${e(l.problemsSupervision)}</h3>
<div class="figures">
${figureCards(p.supervision)}
</div>
<p class="method">${e(l.problemsNote)}</p>
</section>`;
}

/** The briefing as one self-contained HTML document (inline CSS and SVG, no external resource). */
export function renderReportHtml(report: ReportData, charts: ReportCharts): string {
  const l = report.labels;
  const c = l.columns;
  const e = escapeHtml;
  const figures = report.headline
    .map(
      (f) =>
        `<div class="figure"><div class="label">${e(f.label)}</div><div class="value">${e(f.value)}</div><div class="note">${e(f.note)}</div></div>`,
    )
    .join('\n');
  const nodeRows = report.nodes
    .map(
      (n) =>
        `<tr><td class="nowrap">${e(n.stage)}</td><td>${e(n.name)}</td>` +
        `<td class="num">${e(n.enterprises)}</td><td class="num">${e(n.output)}</td><td class="num">${e(n.share)}</td>` +
        `<td class="num">${e(n.growth)}</td><td class="num">${e(n.lq)}</td><td class="num">${e(n.hhi)}</td>` +
        `<td><span class="status ${n.status}">${e(n.statusLabel)}</span></td><td>${e(n.reasons)}</td></tr>`,
    )
    .join('\n');
  const topRows = report.topEnterprises
    .map(
      (t) =>
        `<tr><td class="num">${t.rank}</td><td>${e(t.name)}</td><td>${e(t.node)}</td><td class="num">${e(t.output)}</td>` +
        `<td class="num">${e(t.growth)}</td><td>${t.chainMaster ? '★' : ''}</td></tr>`,
    )
    .join('\n');
  const colon = report.lang === 'zh' ? '：' : ': ';
  // The chain leader reads names; node codes stay in the JSON form of the report.
  const gap = (g: { name: string; reasons: string }) =>
    `<strong>${e(g.name)}</strong>${colon}${e(g.reasons)}`;
  return `<!doctype html>
<html lang="${report.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${e(report.title)}</h1>
<p class="subtitle">${e(report.subtitle)}</p>
</header>
<section>
<h2>${e(l.headline)}</h2>
<div class="figures">
${figures}
</div>
</section>
<section>
<h2>${e(l.targets)}</h2>
${list(report.targets.map(e), l.none)}
<div class="chart">${charts.trend}</div>
</section>
<section>
<h2>${e(l.chainMap)}</h2>
<table>
<thead><tr><th>${e(c.stage)}</th><th>${e(c.node)}</th><th class="num">${e(c.enterprises)}</th><th class="num">${e(c.output)}</th><th class="num">${e(c.share)}</th><th class="num">${e(c.growth)}</th><th class="num">${e(c.lq)}</th><th class="num">${e(c.hhi)}</th><th>${e(c.status)}</th><th>${e(c.reasons)}</th></tr></thead>
<tbody>
${nodeRows}
</tbody>
</table>
</section>
<section>
<h2>${e(l.gaps)}</h2>
<h3>${e(l.missing)}</h3>
${list(report.missing.map(gap), l.none)}
<h3>${e(l.weak)}</h3>
${list(report.weak.map(gap), l.none)}
<h3>${e(l.extension)}</h3>
${list(
  report.extension.map((x) => `<strong>${e(x.name)}</strong>${colon}${e(x.reason)}`),
  l.none,
)}
</section>
<section>
<h2>${e(l.top)}</h2>
<table>
<thead><tr><th class="num">${e(c.rank)}</th><th>${e(c.name)}</th><th>${e(c.node)}</th><th class="num">${e(c.output)}</th><th class="num">${e(c.growth)}</th><th>${e(c.chainMaster)}</th></tr></thead>
<tbody>
${topRows}
</tbody>
</table>
</section>
<section>
<h2>${e(l.changes)}</h2>
${list(report.changes.map(e), l.none)}
</section>
${problemsHtml(report)}
<section class="chart-block">
<h2>${e(l.charts)}</h2>
<div class="chart">${charts.nodes}</div>
<div class="chart">${charts.lq}</div>
</section>
<section class="method">
<h2>${e(l.method)}</h2>
${list(report.method.map(e), l.none)}
</section>
</body>
</html>
`;
}
