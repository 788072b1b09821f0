import { BarChart, LineChart } from 'echarts/charts';
import type { ShiftShareTableView } from '@shared/api/statistics.ts';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from '../../charts/components/EChart.tsx';
import { echarts } from '../../charts/utils/echarts.ts';
import { shortIndustryName } from '../utils/shortIndustryName.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

// Each chart registers its own series type: a page loads only the ECharts code it draws.
echarts.use([BarChart, LineChart]);

type ShiftRow = ShiftShareTableView['items'][number];

/** How many industries the chart shows: the largest changes either way. */
const MOST = 25;
const PARTS = [
  { key: 'nationalShare', color: '#1668dc' },
  { key: 'industryMix', color: '#faad14' },
  { key: 'regionalShare', color: '#389e0d' },
] as const;

/** The three parts of each industry's change as stacked bars, the change itself as a dot. */
export function ShiftShareChart({ rows }: { rows: ShiftRow[] }) {
  const { t } = useI18n();
  const option = useMemo<EChartsCoreOption>(() => {
    const shown = [...rows].sort((a, b) => Math.abs(b.change) - Math.abs(a.change)).slice(0, MOST);
    const round = (value: number) => Math.round(value * 10) / 10;
    return {
      grid: { left: 64, right: 24, top: 40, bottom: 72 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        // The class name where the standard or the file gives one; the code in the tooltip.
        data: shown.map((row) => shortIndustryName(row)),
        axisLabel: { rotate: 60, interval: 0 },
      },
      yAxis: { type: 'value' },
      series: [
        ...PARTS.map((part) => ({
          name: t(`analysis.part.${part.key}`),
          type: 'bar',
          stack: 'parts',
          itemStyle: { color: part.color },
          data: shown.map((row) => round(row[part.key])),
        })),
        {
          name: t('analysis.part.change'),
          type: 'line',
          symbol: 'diamond',
          symbolSize: 10,
          lineStyle: { opacity: 0 },
          itemStyle: { color: '#262626' },
          data: shown.map((row) => round(row.change)),
        },
      ],
    };
  }, [rows, t]);
  return <EChart option={option} height={360} testId="shift-share-chart" />;
}
