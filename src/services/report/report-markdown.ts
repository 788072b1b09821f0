import type { ReportData } from './report-data.ts';

/** A table cell: pipes escaped and line breaks flattened so the row stays one row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(headers: string[], rows: string[][], rightAligned: number[] = []): string {
  const rule = headers.map((_, i) => (rightAligned.includes(i) ? '---:' : '---'));
  return [headers, rule, ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}

function bullets(items: string[], empty: string): string {
  return items.length === 0 ? empty : items.map((item) => `- ${item}`).join('\n');
}

/** The briefing as Markdown: the same sections and figures as the HTML, without charts. */
export function renderReportMarkdown(report: ReportData): string {
  const l = report.labels;
  const c = l.columns;
  // The chain leader reads names; node codes stay in the JSON form of the report.
  const gap = (g: { name: string; reasons: string }) => `**${g.name}**: ${g.reasons}`;
  return [
    `# ${report.title}`,
    '',
    `_${report.subtitle}_`,
    '',
    `## ${l.headline}`,
    '',
    table(
      ['', '', ''],
      report.headline.map((f) => [f.label, `**${f.value}**`, f.note]),
    ),
    '',
    `## ${l.targets}`,
    '',
    bullets(report.targets, l.none),
    '',
    `## ${l.chainMap}`,
    '',
    table(
      [
        c.stage,
        c.node,
        c.enterprises,
        c.output,
        c.share,
        c.growth,
        c.lq,
        c.hhi,
        c.status,
        c.reasons,
      ],
      report.nodes.map((n) => [
        n.stage,
        n.name,
        n.enterprises,
        n.output,
        n.share,
        n.growth,
        n.lq,
        n.hhi,
        n.statusLabel,
        n.reasons,
      ]),
      [2, 3, 4, 5, 6, 7],
    ),
    '',
    `## ${l.gaps}`,
    '',
    `### ${l.missing}`,
    '',
    bullets(report.missing.map(gap), l.none),
    '',
    `### ${l.weak}`,
    '',
    bullets(report.weak.map(gap), l.none),
    '',
    `### ${l.extension}`,
    '',
    bullets(
      report.extension.map((x) => `**${x.name}**: ${x.reason}`),
      l.none,
    ),
    '',
    `## ${l.top}`,
    '',
    table(
      [c.rank, c.name, c.node, c.output, c.growth, c.chainMaster],
      report.topEnterprises.map((t) => [
        String(t.rank),
        t.name,
        t.node,
        t.output,
        t.growth,
        t.chainMaster ? '★' : '',
      ]),
      [0, 3, 4],
    ),
    '',
    `## ${l.changes}`,
    '',
    bullets(report.changes, l.none),
    '',
    ...problemsMarkdown(report),
    `## ${l.method}`,
    '',
    bullets(report.method, l.none),
    '',
  ].join('\n');
}

/** The section on enterprise problems and 督办 items, when the briefing has it. */
function problemsMarkdown(report: ReportData): string[] {
  const p = report.problems;
  if (!p) return [];
  const l = report.labels;
  const pc = l.problemsColumns;
  return [
    `## ${l.problems}`,
    '',
    table(
      ['', '', ''],
      p.figures.map((f) => [f.label, `**${f.value}**`, f.note]),
    ),
    '',
    `### ${l.problemsNodes}`,
    '',
    p.nodes.length === 0
      ? l.none
      : table(
          [pc.node, pc.open, pc.overdue, pc.received],
          p.nodes.map((n) => [n.name, n.open, n.overdue, n.received]),
          [1, 2, 3],
        ),
    '',
    `### ${l.problemsSupervision}`,
    '',
    table(
      ['', '', ''],
      p.supervision.map((f) => [f.label, `**${f.value}**`, f.note]),
    ),
    '',
    `_${l.problemsNote}_`,
    '',
  ];
}
