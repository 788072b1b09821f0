import { BarChart, LineChart } from 'echarts/charts';
import type { RoadToTarget } from '@shared/api/attract.ts';
import { PROJECT_STAGES } from '@shared/project-stages.ts';
import { useMemo } from 'react';
import { EChart } from '../../charts/components/EChart.tsx';
import { echarts } from '../../charts/utils/echarts.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

// Each chart registers its own series type: a page loads only the ECharts code it draws.
echarts.use([BarChart, LineChart]);

const STAGE_COLORS = ['#d3adf7', '#adc6ff', '#87e8de', '#95de64', '#ffd666'];

/** By year: actual (or its baseline) plus the weighted pipeline by stage, stacked, and the target. */
export function RoadChart({ road }: { road: RoadToTarget }) {
  const { t, locale } = useI18n();
  const option = useMemo(() => {
    // The chain's money in the unit of formatYuan's large amounts: 亿元, or bn yuan in English.
    const unit =
      locale === 'en' ? { divisor: 1e9, label: 'bn yuan' } : { divisor: 1e8, label: '亿元' };
    const inYi = (yuan: number | null) =>
      yuan === null ? null : Math.round((yuan / unit.divisor) * 10) / 10;
    const years = road.years.map((y) => String(y.year));
    const target = road.years.find((y) => y.targetYuan !== null)?.targetYuan ?? null;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', name: unit.label },
      series: [
        {
          name: t('invest.road.actual'),
          type: 'bar',
          stack: 'output',
          itemStyle: { color: '#5b8ff9' },
          data: road.years.map((y) => inYi(y.baselineYuan)),
        },
        ...PROJECT_STAGES.map((stage, i) => ({
          name: t(`invest.stage.${stage}`),
          type: 'bar',
          stack: 'output',
          itemStyle: { color: STAGE_COLORS[i] },
          data: road.years.map((y) => inYi(y.pipelineByStage[stage])),
        })),
        {
          name: t('invest.road.target'),
          type: 'line',
          symbolSize: 10,
          itemStyle: { color: '#f5222d' },
          data: road.years.map((y) => inYi(y.targetYuan)),
          markLine:
            target === null
              ? undefined
              : {
                  symbol: 'none',
                  lineStyle: { type: 'dashed', color: '#f5222d' },
                  label: { formatter: `${t('invest.road.target')} ${inYi(target)}` },
                  data: [{ yAxis: inYi(target) }],
                },
        },
      ],
    };
  }, [road, t, locale]);
  return <EChart option={option} height={360} testId="road-chart" />;
}
