import type { DistrictFigures } from '@shared/api/maps.ts';
import { MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from '../../charts/components/EChart.tsx';
import { echarts } from '../../charts/utils/echarts.ts';
import { escapeHtml } from '../../charts/utils/escapeHtml.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { nameIn } from '../../i18n/utils/localName.ts';

// The geographic map draws only what the office uploaded (registerMap with its GeoJSON): the
// app carries no boundaries of its own.
echarts.use([GeoComponent, MapChart, ScatterChart]);

type District = DistrictFigures['districts'][number];

/** The region's districts coloured by `valueText`'s figure, parks as points at their district. */
export function DistrictMapChart({
  figures,
  geojson,
  colours,
  valueText,
}: {
  figures: DistrictFigures;
  /** The uploaded FeatureCollection, each feature's `properties.code` a district code. */
  geojson: object;
  colours: Map<string, string>;
  valueText: (district: District) => string;
}) {
  const { t, locale } = useI18n();
  const mapName = `chainlead-${figures.region.code}-${figures.boundaries?.uploadedAt ?? ''}`;
  const option = useMemo<EChartsCoreOption>(() => {
    // Registered under a name that changes with each upload, so a new upload is drawn anew.
    echarts.registerMap(mapName, geojson as Parameters<typeof echarts.registerMap>[1]);
    const byCode = new Map(figures.districts.map((d) => [d.code, d]));
    const nameOf = (code: string) => {
      const district = byCode.get(code);
      return district ? nameIn(district.name, district.nameEn, locale) : code;
    };
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params: { componentType: string; name: string; data?: { park?: string } }) => {
          if (params.data?.park) return escapeHtml(params.data.park);
          const district = byCode.get(params.name);
          if (!district) return escapeHtml(params.name);
          return `${escapeHtml(nameOf(district.code))}<br/>${escapeHtml(valueText(district))}`;
        },
      },
      geo: {
        map: mapName,
        nameProperty: 'code',
        roam: true,
        label: {
          show: true,
          formatter: (params: { name: string }) => nameOf(params.name),
          color: '#1f1f1f',
          // Readable on the darkest step as on the lightest.
          textBorderColor: '#ffffff',
          textBorderWidth: 2,
        },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd666' } },
        regions: figures.districts.map((d) => ({
          name: d.code,
          itemStyle: { areaColor: colours.get(d.code) },
        })),
        tooltip: { show: true },
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          name: t('map.parks'),
          symbol: 'pin',
          symbolSize: 22,
          itemStyle: { color: '#fa8c16' },
          data: figures.parks
            .filter((p) => p.point !== null)
            .map((p) => ({
              name: String(p.id),
              value: p.point,
              park: nameIn(p.name, p.nameEn, locale),
            })),
        },
      ],
    };
  }, [mapName, geojson, figures, colours, valueText, locale, t]);
  return <EChart option={option} height={520} testId="district-map" />;
}
