import { GaugeChart } from 'echarts/charts';
import { useMemo } from 'react';
import { EChart } from '../../charts/components/EChart.tsx';
import { echarts } from '../../charts/utils/echarts.ts';

// Each chart registers its own series type: a page loads only the ECharts code it draws.
echarts.use([GaugeChart]);

/** Progress towards the target (actual / target) as a gauge from 0 to 100%. */
export function TargetGauge({
  progress,
  label,
  dark,
  height,
}: {
  progress: number | null;
  label: string;
  dark: boolean;
  height: number | string;
}) {
  const option = useMemo(() => {
    const percent = progress === null ? 0 : Math.round(progress * 1000) / 10;
    const text = dark ? '#e6f0ff' : '#1f1f1f';
    return {
      series: [
        {
          type: 'gauge',
          min: 0,
          max: 100,
          // The scale's labels outside the arc and every 25%: inside, the 0 and 100 labels ran
          // into the figure when the card is narrow.
          startAngle: 205,
          endAngle: -25,
          splitNumber: 4,
          radius: '80%',
          center: ['50%', '60%'],
          progress: { show: true, width: 16, itemStyle: { color: '#1668dc' } },
          axisLine: {
            lineStyle: {
              width: 16,
              color: [[1, dark ? 'rgba(255,255,255,0.12)' : '#e6ebf2']],
            },
          },
          axisTick: { show: false },
          splitLine: {
            length: 8,
            distance: 4,
            lineStyle: { width: 2, color: dark ? '#5b6b82' : '#bfc8d6' },
          },
          axisLabel: { distance: -36, color: dark ? '#9fb3cc' : '#8c8c8c', fontSize: 11 },
          pointer: { width: 5, itemStyle: { color: dark ? '#69b1ff' : '#1668dc' } },
          anchor: { show: true, size: 12, itemStyle: { color: dark ? '#69b1ff' : '#1668dc' } },
          title: { offsetCenter: [0, '62%'], color: dark ? '#9fb3cc' : '#595959', fontSize: 13 },
          detail: {
            valueAnimation: true,
            offsetCenter: [0, '32%'],
            formatter: progress === null ? '—' : '{value}%',
            color: text,
            fontSize: 26,
            fontWeight: 600,
          },
          data: [{ value: percent, name: label }],
        },
      ],
    };
  }, [progress, label, dark]);
  return <EChart option={option} height={height} testId="target-gauge" />;
}
