import { BarChart } from 'echarts/charts';
import type { ParkDetail } from '@shared/api/parks.ts';
import { Empty } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../charts/components/EChart.tsx';
import { echarts } from '../../charts/utils/echarts.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';

// Each chart registers its own series type: a page loads only the ECharts code it draws.
echarts.use([BarChart]);

/** How many of a park's tenants sit on each chain node (by their primary node). */
export function TenantsByNodeChart({ byNode }: { byNode: ParkDetail['tenantsByNode'] }) {
  const { t, locale } = useI18n();
  const option = useMemo(() => {
    const rows = [...byNode].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: rows.map((n) => (n.nodeName ? localName(n.nodeName, locale) : t('parks.offChain'))),
      },
      series: [
        {
          name: t('parks.tenants'),
          type: 'bar',
          data: rows.map((n) => n.count),
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [byNode, t, locale]);
  if (byNode.length === 0) return <Empty description={t('parks.noTenants')} />;
  return (
    <EChart
      option={option}
      height={Math.max(200, byNode.length * 28 + 24)}
      testId="tenants-by-node"
    />
  );
}
