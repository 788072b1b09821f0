import { LineChart } from 'echarts/charts';
import type { ChainAnalysis, TargetProgress } from '@shared/api/analysis.ts';
import { formatYuan } from '@shared/format.ts';
import { useMemo } from 'react';
import { EChart } from '../../charts/components/EChart.tsx';
import { echarts } from '../../charts/utils/echarts.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { langOf } from '../../i18n/utils/langOf.ts';

// Each chart registers its own series type: a page loads only the ECharts code it draws.
echarts.use([LineChart]);

const YI = 1e8;

/**
 * The chain's output by year, the target as a line, and the path the needed growth rate takes
 * from the latest actual to the target year. Values in 亿元 (Chinese) or billion yuan (English).
 */
export function OutputTrendChart({
  series,
  target,
  dark,
  height,
}: {
  series: ChainAnalysis['totals']['series'];
  target: TargetProgress | undefined;
  dark: boolean;
  height: number | string;
}) {
  const { t, locale } = useI18n();
  const option = useMemo(() => {
    const lang = langOf(locale);
    const unit = lang === 'en' ? 1e9 : YI;
    const last = series.at(-1);
    const endYear = Math.max(last?.year ?? 0, target?.year ?? 0);
    const firstYear = series[0]?.year ?? endYear;
    const years: number[] = [];
    for (let y = firstYear; y <= endYear; y++) years.push(y);
    const actual = new Map(series.map((s) => [s.year, s.outputYuan]));
    const growth = target?.requiredGrowth ?? null;
    const needed = years.map((y) =>
      last && growth !== null && y >= last.year
        ? last.outputYuan * (1 + growth) ** (y - last.year)
        : null,
    );
    const scaled = (v: number | null | undefined) =>
      v === null || v === undefined ? null : Math.round((v / unit) * 10) / 10;
    const muted = dark ? '#9fb3cc' : '#8c8c8c';
    return {
      color: ['#1668dc', '#fa8c16'],
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) => (v === null ? '—' : formatYuan(v * unit, lang)),
      },
      legend: { top: 0, textStyle: { color: dark ? '#e6f0ff' : '#262626' } },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: years.map(String),
        axisLabel: { color: muted },
        axisLine: { lineStyle: { color: dark ? '#3a4a63' : '#d9d9d9' } },
      },
      yAxis: {
        type: 'value',
        name: lang === 'en' ? 'bn yuan' : '亿元',
        nameTextStyle: { color: muted },
        axisLabel: { color: muted },
        splitLine: { lineStyle: { color: dark ? 'rgba(255,255,255,0.08)' : '#f0f0f0' } },
      },
      series: [
        {
          name: t('cockpit.actual'),
          type: 'line',
          data: years.map((y) => scaled(actual.get(y))),
          symbolSize: 7,
          lineStyle: { width: 3 },
          areaStyle: { opacity: dark ? 0.18 : 0.08 },
          markLine: target
            ? {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#f5222d', type: 'solid', width: 2 },
                label: {
                  formatter: `${t('cockpit.target')} ${formatYuan(target.valueYuan, lang)}`,
                  position: 'insideEndTop',
                  color: dark ? '#ff7875' : '#cf1322',
                },
                data: [{ yAxis: scaled(target.valueYuan) }],
              }
            : undefined,
        },
        {
          name: t('cockpit.neededPath'),
          type: 'line',
          data: needed.map(scaled),
          lineStyle: { type: 'dashed', width: 2 },
          symbol: 'emptyCircle',
          symbolSize: 6,
        },
      ],
    };
  }, [series, target, dark, t, locale]);
  return <EChart option={option} height={height} testId="output-trend" />;
}
