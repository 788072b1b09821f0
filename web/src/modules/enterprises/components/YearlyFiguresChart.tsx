import { moneyAxisUnit } from '@shared/format.ts';
import { BarChart, LineChart } from 'echarts/charts';
import type { EnterpriseYear } from '@shared/api/enterprises.ts';
import { Empty } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../charts/components/EChart.tsx';
import { echarts } from '../../charts/utils/echarts.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

// Each chart registers its own series type: a page loads only the ECharts code it draws.
echarts.use([BarChart, LineChart]);

/** Output, revenue and tax per year (bars, in 亿元/万元 or bn/m yuan) with employees (line, right axis). */
export function YearlyFiguresChart({ years }: { years: EnterpriseYear[] }) {
  const { t, locale } = useI18n();
  const option = useMemo(() => {
    // The axis unit follows the smallest bar (万元 for small firms), so no bar rounds to zero.
    const unit = moneyAxisUnit(
      years.flatMap((y) => [y.outputYuan, y.revenueYuan, y.taxYuan]),
      locale,
    );
    const money = (value: number | null) =>
      value === null ? null : Number((value / unit.divisor).toFixed(2));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 56, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
      yAxis: [
        { type: 'value', name: unit.label },
        { type: 'value', name: t('chart.people'), splitLine: { show: false } },
      ],
      series: [
        {
          name: t('figure.output'),
          type: 'bar',
          data: years.map((y) => money(y.outputYuan)),
        },
        {
          name: t('figure.revenue'),
          type: 'bar',
          data: years.map((y) => money(y.revenueYuan)),
        },
        { name: t('figure.tax'), type: 'bar', data: years.map((y) => money(y.taxYuan)) },
        {
          name: t('figure.employees'),
          type: 'line',
          yAxisIndex: 1,
          smooth: true,
          data: years.map((y) => y.employees),
        },
      ],
    };
  }, [years, t, locale]);

  if (years.length === 0) return <Empty description={t('enterprise.noFigures')} />;
  return <EChart option={option} height={300} testId="yearly-chart" />;
}
