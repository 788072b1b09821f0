import { BarChart } from 'echarts/charts';
import type { ParkSummary } from '@shared/api/parks.ts';
import { useMemo } from 'react';
import { EChart } from '../../charts/components/EChart.tsx';
import { echarts } from '../../charts/utils/echarts.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

// Each chart registers its own series type: a page loads only the ECharts code it draws.
echarts.use([BarChart]);

/** A park's space by kind: occupied and available m², stacked. */
export function SpaceByKindChart({
  spaceByKind,
  height = 200,
}: {
  spaceByKind: ParkSummary['spaceByKind'];
  height?: number;
}) {
  const { t } = useI18n();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: 'm²' },
      yAxis: {
        type: 'category',
        data: spaceByKind.map((k) => t(`space.${k.kind}`)),
      },
      series: [
        {
          name: t('parks.occupied'),
          type: 'bar',
          stack: 'area',
          data: spaceByKind.map((k) => k.occupiedM2),
        },
        {
          name: t('parks.available'),
          type: 'bar',
          stack: 'area',
          itemStyle: { color: '#b7eb8f' },
          data: spaceByKind.map((k) => k.areaM2 - k.occupiedM2),
        },
      ],
    }),
    [spaceByKind, t],
  );
  return <EChart option={option} height={height} testId="space-by-kind" />;
}
