import type { DistrictFigures } from '@shared/api/maps.ts';
import { TreemapChart } from 'echarts/charts';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from '../../charts/components/EChart.tsx';
import { echarts } from '../../charts/utils/echarts.ts';
import { escapeHtml } from '../../charts/utils/escapeHtml.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { nameIn } from '../../i18n/utils/localName.ts';

echarts.use([TreemapChart]);

type District = DistrictFigures['districts'][number];

/** Without uploaded boundaries: each district a rectangle sized and coloured by its figure. */
export function DistrictTreemap({
  districts,
  value,
  colours,
  valueText,
}: {
  districts: District[];
  value: (district: District) => number;
  colours: Map<string, string>;
  valueText: (district: District) => string;
}) {
  const { locale } = useI18n();
  const option = useMemo<EChartsCoreOption>(() => {
    const shown = districts.filter((d) => value(d) > 0);
    return {
      tooltip: {
        formatter: (params: { dataIndex: number; data?: { code?: string } }) => {
          const district = districts.find((d) => d.code === params.data?.code);
          if (!district) return '';
          const name = nameIn(district.name, district.nameEn, locale);
          return `${escapeHtml(name)}<br/>${escapeHtml(valueText(district))}`;
        },
      },
      series: [
        {
          type: 'treemap',
          roam: false,
          nodeClick: false,
          breadcrumb: { show: false },
          width: '100%',
          height: '100%',
          label: {
            show: true,
            formatter: (params: { data?: { label?: string } }) => params.data?.label ?? '',
            // Readable on the darkest step as on the lightest.
            color: '#ffffff',
            textShadowColor: 'rgba(0, 0, 0, 0.6)',
            textShadowBlur: 3,
          },
          data: shown.map((d) => ({
            name: d.code,
            code: d.code,
            label: `${nameIn(d.name, d.nameEn, locale)}\n${valueText(d)}`,
            value: value(d),
            itemStyle: { color: colours.get(d.code), borderColor: '#ffffff', borderWidth: 2 },
          })),
        },
      ],
    };
  }, [districts, value, colours, valueText, locale]);
  return <EChart option={option} height={420} testId="district-treemap" />;
}
