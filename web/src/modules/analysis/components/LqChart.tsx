import { formatNumber } from '@shared/format.ts';
import { BarChart } from 'echarts/charts';
import type { LqTableView } from '@shared/api/statistics.ts';
import { Empty } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from '../../charts/components/EChart.tsx';
import { echarts } from '../../charts/utils/echarts.ts';
import { escapeHtml } from '../../charts/utils/escapeHtml.ts';
import { shortIndustryName } from '../utils/shortIndustryName.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

// Each chart registers its own series type: a page loads only the ECharts code it draws.
echarts.use([BarChart]);

type LqRow = LqTableView['items'][number];

/** How many industries the chart shows: the highest quotients, the rest stay in the table. */
const MOST = 30;

/** One region's industries by location quotient, strong clusters in green, a line at LQ = 1. */
export function LqChart({ rows, region }: { rows: LqRow[]; region: string | undefined }) {
  const { t } = useI18n();
  const option = useMemo<EChartsCoreOption>(() => {
    const shown = rows
      .filter((row) => row.regionCode === region && row.lq !== null)
      .sort((a, b) => (b.lq ?? 0) - (a.lq ?? 0))
      .slice(0, MOST);
    return {
      grid: { left: 48, right: 56, top: 24, bottom: 72 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number }[]) => {
          const row = shown[params[0]?.dataIndex ?? -1];
          if (!row) return '';
          return [
            // Names come from uploaded files: escaped, or a name could carry script.
            escapeHtml(`${row.industryCode} ${row.industryName ?? ''}`),
            escapeHtml(`${t('analysis.lq')}: ${row.lq?.toFixed(2) ?? '—'}`),
            escapeHtml(`${t('analysis.value')}: ${formatNumber(row.value)}`),
          ].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        // The class name where the standard or the file gives one; the code in the tooltip.
        data: shown.map((row) => shortIndustryName(row)),
        axisLabel: { rotate: 60, interval: 0 },
      },
      yAxis: { type: 'value', name: 'LQ' },
      series: [
        {
          type: 'bar',
          data: shown.map((row) => ({
            value: Number(row.lq?.toFixed(3)),
            itemStyle: {
              color: row.strong ? '#389e0d' : (row.lq ?? 0) >= 1 ? '#1668dc' : '#bfbfbf',
            },
          })),
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#cf1322', type: 'dashed' },
            label: { formatter: 'LQ = 1' },
            data: [{ yAxis: 1 }],
          },
        },
      ],
    };
  }, [rows, region, t]);

  if (!region) return <Empty description={t('analysis.chooseRegionForChart')} />;
  return <EChart option={option} height={340} testId="lq-chart" />;
}
