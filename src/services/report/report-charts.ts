import type { EChartsOption } from 'echarts';
import type { ReportData } from './report-data.ts';

// Charts as inline SVG, drawn by ECharts' server-side renderer: no script, font or image is
// fetched when the briefing is opened or printed.

export interface ReportCharts {
  trend: string;
  nodes: string;
  lq: string;
}

const FONT =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
export const STATUS_COLOURS = { strong: '#2e7d32', weak: '#ef8f00', missing: '#c62828' } as const;

async function renderSvg(option: EChartsOption, width: number, height: number): Promise<string> {
  // ECharts is large: load it only when a briefing is drawn, not at every CLI start.
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The briefing's three charts: chain output against its target, output and LQ by node. */
export async function renderReportCharts(report: ReportData): Promise<ReportCharts> {
  const { analysis: a, labels, lang } = report;
  const unit = lang === 'zh' ? 1e8 : 1e9;
  const money = (value: number | null) =>
    value === null ? null : Math.round((value / unit) * 10) / 10;
  const chainTarget = a.targets.find((t) => t.nodeCode === null && t.year > a.year) ?? null;
  const years = a.totals.series.map((s) => s.year);
  const allYears = chainTarget
    ? [...years, ...Array.from({ length: chainTarget.year - a.year }, (_, i) => a.year + i + 1)]
    : years;
  const actual = allYears.map((y) =>
    money(a.totals.series.find((s) => s.year === y)?.outputYuan ?? null),
  );
  const trendLine = allYears.map((y) => {
    if (!chainTarget || chainTarget.trendGrowth === null) return null;
    if (y < a.year) return null;
    return money(a.totals.outputYuan * (1 + chainTarget.trendGrowth) ** (y - a.year));
  });
  const targetPoint = allYears.map((y) =>
    chainTarget && y === chainTarget.year ? money(chainTarget.valueYuan) : null,
  );
  const trend = await renderSvg(
    {
      title: { text: labels.chartTrend, left: 'center', textStyle: { fontSize: 14 } },
      legend: { bottom: 0, data: [labels.actual, labels.trend, labels.target] },
      grid: { left: 60, right: 20, top: 40, bottom: 50 },
      xAxis: { type: 'category', data: allYears.map(String) },
      yAxis: { type: 'value', name: labels.yi },
      series: [
        { name: labels.actual, type: 'bar', data: actual, itemStyle: { color: '#1565c0' } },
        {
          name: labels.trend,
          type: 'line',
          data: trendLine,
          connectNulls: false,
          lineStyle: { type: 'dashed', color: '#6d4c41' },
          itemStyle: { color: '#6d4c41' },
        },
        {
          name: labels.target,
          type: 'scatter',
          data: targetPoint,
          symbol: 'diamond',
          symbolSize: 14,
          itemStyle: { color: '#c62828' },
          label: { show: true, position: 'top', formatter: '{c}' },
        },
      ],
    },
    640,
    300,
  );
  // Horizontal bars read top to bottom in template order.
  const nodesTopDown = [...a.nodes].reverse();
  const names = nodesTopDown.map((n) => n.name[lang]);
  const barHeight = Math.max(320, 24 * nodesTopDown.length + 60);
  const coloured = (value: number | null, status: keyof typeof STATUS_COLOURS) => ({
    value,
    itemStyle: { color: STATUS_COLOURS[status] },
  });
  const nodes = await renderSvg(
    {
      title: { text: labels.chartNodes, left: 'center', textStyle: { fontSize: 14 } },
      grid: { left: lang === 'zh' ? 130 : 240, right: 50, top: 36, bottom: 24 },
      xAxis: { type: 'value', name: labels.yi },
      yAxis: { type: 'category', data: names, axisLabel: { fontSize: 11 } },
      series: [
        {
          type: 'bar',
          data: nodesTopDown.map((n) => coloured(money(n.outputYuan) ?? 0, n.status)),
          label: { show: true, position: 'right', fontSize: 10 },
        },
      ],
    },
    640,
    barHeight,
  );
  const lq = await renderSvg(
    {
      title: { text: labels.chartLq, left: 'center', textStyle: { fontSize: 14 } },
      grid: { left: lang === 'zh' ? 130 : 240, right: 50, top: 36, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: names, axisLabel: { fontSize: 11 } },
      series: [
        {
          type: 'bar',
          data: nodesTopDown.map((n) =>
            coloured(n.lq === null ? 0 : Math.round(n.lq * 100) / 100, n.status),
          ),
          label: { show: true, position: 'right', fontSize: 10 },
          markLine: {
            symbol: 'none',
            data: [{ xAxis: a.method.thresholds.lqWeakBelow }],
            lineStyle: { color: '#555', type: 'dashed' },
            label: { formatter: 'LQ = {c}' },
          },
        },
      ],
    },
    640,
    barHeight,
  );
  return { trend, nodes, lq };
}
