import { DataText, Phrase } from '../../i18n/components/Phrase.tsx';
import { formatNumber } from '@shared/format.ts';
import { Alert, Card, Empty, Select, Space } from 'antd';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useLoadedStats } from '../hooks/useLoadedStats.ts';
import { useSearchState } from '../hooks/useSearchState.ts';
import { ShiftShareChart } from './ShiftShareChart.tsx';
import { ShiftShareTable } from './ShiftShareTable.tsx';
import { schemeName } from '../utils/schemeName.ts';

/** The region the page opens on: the founding case where it is loaded. */

/** 偏离-份额: a region's change between two years, per industry, split into three parts. */
export function ShiftSharePage() {
  const { t } = useI18n();
  const homeRegion = useHomeRegion();
  const loaded = useLoadedStats();
  const search = useSearchState();
  const scheme = search.get('scheme') ?? loaded.schemes[0];
  const years = loaded.yearsOf(scheme);
  const to = Number(search.get('to')) || years.at(-1);
  const from = Number(search.get('from')) || years[0];
  const regions = loaded.regionsOf(scheme);
  const region =
    search.get('region') ??
    (regions.find((r) => r.regionCode === homeRegion) ?? regions[0])?.regionCode;
  const measure = search.get('measure') === 'output' ? 'output' : 'employment';
  const ready =
    scheme !== undefined && from !== undefined && to !== undefined && region !== undefined;
  const result = useApiQuery(
    ready && from < to
      ? apiGet('/statistics/shift-share', {
          params: { query: { scheme, from, to, region: region || undefined, measure } },
        })
      : null,
  );

  if (loaded.query.error)
    return <ApiErrorAlert error={loaded.query.error} onRetry={loaded.query.reload} />;
  if (!loaded.query.data) return <PageSpinner />;
  if (!ready || years.length < 2) return <Empty description={t('analysis.needTwoYears')} />;

  const total = result.data?.totals[0];
  const yearOptions = years.map((y) => ({ value: y, label: String(y) }));
  return (
    <>
      <Space wrap className="filter-bar" data-testid="shift-share-filters">
        <Select
          value={scheme}
          style={{ width: 140 }}
          options={loaded.schemes.map((s) => ({
            value: s,
            label: <DataText>{schemeName(s)}</DataText>,
          }))}
          onChange={(next) =>
            search.set({ scheme: next, from: undefined, to: undefined, region: undefined })
          }
        />
        <Space>
          <Select
            value={from}
            style={{ width: 100 }}
            options={yearOptions}
            onChange={(y) => search.set({ from: y })}
            data-testid="ss-from"
          />
          →
          <Select
            value={to}
            style={{ width: 100 }}
            options={yearOptions}
            onChange={(y) => search.set({ to: y })}
            data-testid="ss-to"
          />
        </Space>
        <Select
          value={region}
          showSearch
          optionFilterProp="label"
          style={{ width: 180 }}
          options={regions.map((r) => ({
            value: r.regionCode,
            label: r.regionName ? `${r.regionName} ${r.regionCode}` : r.regionCode,
          }))}
          onChange={(next: string) => search.set({ region: next })}
          labelRender={(p) => <DataText>{p.label}</DataText>}
          data-testid="ss-region"
        />
        <Select
          value={measure}
          style={{ width: 130 }}
          options={(['employment', 'output'] as const).map((m) => ({
            value: m,
            label: t(`analysis.measure.${m}`),
          }))}
          onChange={(next) => search.set({ measure: next })}
        />
      </Space>
      {from >= to && <Alert type="warning" showIcon message={t('analysis.fromBeforeTo')} />}
      {result.error && <ApiErrorAlert error={result.error} onRetry={result.reload} />}
      {total && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="shift-share-identity"
          message={
            <Phrase
              text={t('analysis.identity', {
                from,
                to,
                change: formatNumber(total.change),
                national: formatNumber(total.nationalShare),
                mix: formatNumber(total.industryMix),
                regional: formatNumber(total.regionalShare),
              })}
              slots={{ region: <DataText>{total.regionName ?? total.regionCode}</DataText> }}
            />
          }
          description={t('analysis.identityNote')}
        />
      )}
      <Card title={t('analysis.shiftShareChart')} style={{ marginBottom: 16 }}>
        <ShiftShareChart rows={result.data?.items ?? []} />
      </Card>
      <Card title={t('analysis.shiftShareTable')}>
        <ShiftShareTable
          rows={result.data?.items ?? []}
          total={total}
          loading={result.loading}
          measure={measure}
        />
      </Card>
    </>
  );
}
