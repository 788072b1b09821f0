import { formatDateTime, formatNumber, formatYuan } from '@shared/format.ts';
import type { DistrictFigures } from '@shared/api/maps.ts';
import { Alert, Card, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useChainRegion } from '../../chains/hooks/useChainRegion.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { districtColours, largestDistrictValue } from '../utils/districtColours.ts';
import { DistrictLegend } from './DistrictLegend.tsx';
import { DistrictTable } from './DistrictTable.tsx';
import { regionSelectOptions } from '../../chains/utils/regionOptions.ts';

const DistrictMapChart = lazy(() =>
  import('./DistrictMapChart.tsx').then((m) => ({ default: m.DistrictMapChart })),
);
const DistrictTreemap = lazy(() =>
  import('./DistrictTreemap.tsx').then((m) => ({ default: m.DistrictTreemap })),
);

type District = DistrictFigures['districts'][number];
type Metric = 'enterprises' | 'output';

/**
 * 区县分布: the chain's enterprises or output by district of the region, on the office's own
 * uploaded boundaries, or as a treemap without them; the same figures in a table below.
 */
export function DistrictMapPage() {
  const { t, locale } = useI18n();
  const { chainCode, regionCode, cities, setRegion, unresolved } = useChainRegion();
  const [params, setParams] = useSearchParams();
  const metric: Metric = params.get('metric') === 'output' ? 'output' : 'enterprises';
  // A district chosen elsewhere maps as its city.
  const region = regionCode && regionCode.length > 4 ? regionCode.slice(0, 4) : regionCode;
  const figures = useApiQuery(
    chainCode && region
      ? apiGet('/chains/{code}/districts', {
          params: { path: { code: chainCode }, query: { region } },
        })
      : null,
  );
  const data = figures.data;
  const geojson = useApiQuery(
    data?.boundaries
      ? apiGet('/regions/{code}/boundaries/geojson', {
          params: { path: { code: data.region.code } },
        })
      : null,
  );
  const value = useCallback(
    (d: District) => (metric === 'output' ? (d.outputYuan ?? 0) : d.enterprises),
    [metric],
  );
  const text = useCallback(
    (d: District, shown: Metric = metric) =>
      shown === 'output'
        ? d.outputYuan === null
          ? t('map.noOutput')
          : formatYuan(d.outputYuan, locale)
        : `${d.enterprises} ${t('map.enterprises')}`,
    [metric, t, locale],
  );
  const values = useMemo(
    () =>
      (data?.districts ?? []).map((d) => ({
        code: d.code,
        value: metric === 'output' ? d.outputYuan : d.enterprises,
      })),
    [data, metric],
  );
  const colours = useMemo(() => districtColours(values), [values]);
  const setMetric = (next: Metric) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('metric', next);
        return updated;
      },
      { replace: true },
    );

  if (unresolved) return <Alert type="info" showIcon message={t('cockpit.noRegion')} />;
  if (figures.error) return <ApiErrorAlert error={figures.error} onRetry={figures.reload} />;
  if (!data) return <PageSpinner />;

  return (
    <>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('map.title')}</Typography.Title>
          <Typography.Text type="secondary">
            {localName(data.chain.name, locale)} · {t('map.subtitle')}
          </Typography.Text>
        </div>
        <Space wrap>
          <Typography.Text type="secondary">{t('map.metric')}</Typography.Text>
          <Segmented<Metric>
            value={metric}
            onChange={setMetric}
            options={[
              { value: 'enterprises', label: t('map.metric.enterprises') },
              { value: 'output', label: t('map.metric.output') },
            ]}
            data-testid="map-metric"
          />
          <Select
            value={data.region.code}
            onChange={setRegion}
            options={regionSelectOptions(cities, data.region, locale)}
            style={{ minWidth: 140 }}
            showSearch
            optionFilterProp="search"
            aria-label={t('map.region')}
            labelRender={(p) => <DataText>{p.label}</DataText>}
          />
        </Space>
      </div>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card
          styles={{ body: { padding: 12 } }}
          data-testid="district-view"
          data-view={data.boundaries ? 'map' : 'treemap'}
          data-colours={JSON.stringify(Object.fromEntries(colours))}
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {data.boundaries
              ? t('map.mapNote', { date: formatDateTime(data.boundaries.uploadedAt, locale) })
              : t('map.treemapNote')}
          </Typography.Paragraph>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 10 }} />}>
            {data.boundaries ? (
              geojson.data ? (
                <DistrictMapChart
                  figures={data}
                  geojson={geojson.data}
                  colours={colours}
                  valueText={text}
                />
              ) : geojson.error ? (
                <ApiErrorAlert error={geojson.error} onRetry={geojson.reload} />
              ) : (
                <Skeleton active paragraph={{ rows: 10 }} />
              )
            ) : (
              <DistrictTreemap
                districts={data.districts}
                value={value}
                colours={colours}
                valueText={text}
              />
            )}
          </Suspense>
          <DistrictLegend
            max={largestDistrictValue(values)}
            format={(v) =>
              metric === 'output' ? formatYuan(v, locale) : formatNumber(Math.round(v))
            }
          />
        </Card>
        <Card>
          <DistrictTable figures={data} colours={colours} valueText={text} />
          {!data.boundaries && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('map.parksNote')}
            </Typography.Paragraph>
          )}
        </Card>
      </Space>
    </>
  );
}
