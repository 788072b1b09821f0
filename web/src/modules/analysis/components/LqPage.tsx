import { DataText, Phrase } from '../../i18n/components/Phrase.tsx';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { useLoadedStats } from '../hooks/useLoadedStats.ts';
import { useSearchState } from '../hooks/useSearchState.ts';
import { downloadCsv } from '../utils/downloadCsv.ts';
import { LqChart } from './LqChart.tsx';
import { ALL_REGIONS, LqFilters, type LqChoice } from './LqFilters.tsx';
import { LqTable } from './LqTable.tsx';
import { StrengthTable } from './StrengthTable.tsx';
import { schemeName } from '../utils/schemeName.ts';

const CSV_HEADER = [
  'region_code',
  'region_name',
  'industry_code',
  'industry_name',
  'industry_type',
  'value',
  'lq',
  'region_share',
  'national_share',
  'strong',
  'strong10',
];

/**
 * The region the page shows: the address's; with none, the home region when the statistics hold
 * it (an office looks at its own city first); every region when asked for (ALL_REGIONS).
 */
function lqRegion(
  asked: string | undefined,
  regions: readonly { regionCode: string }[],
  home: string,
): string | undefined {
  if (asked === ALL_REGIONS) return undefined;
  if (asked) return asked;
  return regions.some((r) => r.regionCode === home) ? home : undefined;
}

/** 区位熵: location quotients of the loaded statistics, a region's chart, cluster strength. */
export function LqPage() {
  const { t } = useI18n();
  const home = useHomeRegion();
  const loaded = useLoadedStats();
  const search = useSearchState();
  const scheme = search.get('scheme') ?? loaded.schemes[0];
  const years = loaded.yearsOf(scheme);
  const year = Number(search.get('year')) || years.at(-1);
  const choice: LqChoice = {
    scheme,
    year,
    denominator: search.get('denominator') === 'same-type' ? 'same-type' : 'total',
    measure: search.get('measure') === 'output' ? 'output' : 'employment',
    region: lqRegion(search.get('region'), loaded.regionsOf(scheme), home),
    industry: search.get('industry'),
  };
  const industry = choice.industry;
  const ready = scheme !== undefined && year !== undefined;
  const common = ready ? { scheme, year, denominator: choice.denominator } : null;
  // The region narrows on the server; the industry choices come from that answer, so the
  // industry narrows here.
  const lq = useApiQuery(
    common
      ? apiGet('/statistics/lq', {
          params: {
            query: { ...common, measure: choice.measure, region: choice.region || undefined },
          },
        })
      : null,
  );
  const strength = useApiQuery(
    common ? apiGet('/statistics/strength', { params: { query: common } }) : null,
  );
  const all = useMemo(() => lq.data?.items ?? [], [lq.data]);
  const rows = industry ? all.filter((r) => r.industryCode === industry) : all;
  const seen = new Map<string, string | null>();
  for (const row of all)
    if (!seen.has(row.industryCode)) seen.set(row.industryCode, row.industryName);
  const industries = [...seen]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, name]) => ({ code, name }));

  if (loaded.query.error)
    return <ApiErrorAlert error={loaded.query.error} onRetry={loaded.query.reload} />;
  if (!loaded.query.data) return <PageSpinner />;
  if (!ready) return <Empty description={t('analysis.noStats')} />;

  const change = (next: Partial<LqChoice>) => search.set(next);
  const download = () =>
    downloadCsv(
      `lq-${scheme}-${year}-${choice.denominator}-${choice.measure}.csv`,
      CSV_HEADER,
      rows.map((r) => [
        r.regionCode,
        r.regionName,
        r.industryCode,
        r.industryName,
        r.industryType,
        r.value,
        r.lq,
        r.regionShare,
        r.nationalShare,
        r.strong,
        r.strong10,
      ]),
    );

  return (
    <>
      <LqFilters choice={choice} loaded={loaded} industries={industries} onChange={change} />
      {lq.error && <ApiErrorAlert error={lq.error} onRetry={lq.reload} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={14}>
          <Card
            title={
              <Phrase
                text={t('analysis.lqTable', { year })}
                slots={{ scheme: <DataText>{schemeName(scheme)}</DataText> }}
              />
            }
            extra={
              <Button
                icon={<DownloadOutlined />}
                onClick={download}
                disabled={rows.length === 0}
                data-testid="lq-csv"
              >
                {t('analysis.downloadCsv')}
              </Button>
            }
          >
            <LqTable rows={rows} loading={lq.loading} />
          </Card>
        </Col>
        <Col xs={24} xxl={10}>
          <Card title={t('analysis.lqChart')} style={{ marginBottom: 16 }}>
            <LqChart rows={all} region={choice.region} />
          </Card>
          <Card title={t('analysis.strengthTitle')}>
            {strength.error && <ApiErrorAlert error={strength.error} onRetry={strength.reload} />}
            <StrengthTable
              rows={strength.data?.items ?? []}
              loading={strength.loading}
              highlight={choice.region}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
