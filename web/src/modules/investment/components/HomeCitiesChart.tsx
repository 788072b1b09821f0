import { BarChart } from 'echarts/charts';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from '../../charts/components/EChart.tsx';
import { echarts } from '../../charts/utils/echarts.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import type { HomeCity } from '../utils/homeCities.ts';

echarts.use([BarChart]);

/** The most frequent home cities, bars longest first. */
const MOST = 15;

/** Candidates by home city: a bar per city, its province in the tooltip. */
export function HomeCitiesChart({ cities }: { cities: HomeCity[] }) {
  const { t } = useI18n();
  const option = useMemo<EChartsCoreOption>(() => {
    const shown = cities.slice(0, MOST).reverse();
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: shown.map((c) => c.city) },
      series: [
        {
          type: 'bar',
          name: t('invest.homeCities.count'),
          data: shown.map((c) => c.count),
          itemStyle: { color: '#2f54eb' },
        },
      ],
    };
  }, [cities, t]);
  return (
    <EChart
      option={option}
      height={Math.max(160, Math.min(cities.length, MOST) * 26 + 24)}
      testId="home-cities-chart"
    />
  );
}
