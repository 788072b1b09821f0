import { DataText, Phrase } from '../../i18n/components/Phrase.tsx';
import { Alert, Card, Select, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useChainAnalysis } from '../../chains/hooks/useChainAnalysis.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { STATUS_COLORS } from '../utils/statusColors.ts';
import { NodeDrawer } from './NodeDrawer.tsx';

const ChainMapGraph = lazy(() =>
  import('./ChainMapGraph.tsx').then((m) => ({ default: m.ChainMapGraph })),
);

/** 产业链图谱: the chain's stages and nodes with their status, and a drawer for each node. */
export function ChainMapPage() {
  const { t, locale } = useI18n();
  const { cities, setRegion, unresolved, analysis } = useChainAnalysis();
  const [selected, setSelected] = useState<string | null>(null);
  if (unresolved) return <Alert type="info" showIcon message={t('cockpit.noRegion')} />;
  if (analysis.error) return <ApiErrorAlert error={analysis.error} onRetry={analysis.reload} />;
  const data = analysis.data;
  if (!data) return <PageSpinner />;
  const rows = Math.max(
    ...data.stages.map((s) => data.nodes.filter((n) => n.stageCode === s.code).length),
  );
  const regionOptions = cities.some((c) => c.code === data.region.code)
    ? cities
    : [{ code: data.region.code, name: data.region.name }, ...cities];

  return (
    <>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('chainMap.title')}</Typography.Title>
          <Typography.Text type="secondary">
            <Phrase
              text={t('chainMap.subtitle', {
                chain: localName(data.chain.name, locale),
                year: data.year,
              })}
              slots={{ region: <DataText>{data.region.name}</DataText> }}
            />
          </Typography.Text>
        </div>
        <Space wrap>
          {(['strong', 'weak', 'missing'] as const).map((status) => (
            <span key={status} className="chain-map-legend">
              <span
                className={`chain-map-dot chain-map-dot-${status}`}
                style={{ borderColor: STATUS_COLORS[status] }}
              />
              {t(`cockpit.status.${status}`)} {data.statusCounts[status]}
            </span>
          ))}
          <Typography.Text type="secondary">{t('chainMap.legend')}</Typography.Text>
          <Select
            value={data.region.code}
            onChange={setRegion}
            options={regionOptions.map((c) => ({ value: c.code, label: c.name }))}
            style={{ minWidth: 140 }}
            showSearch
            optionFilterProp="label"
            aria-label={t('cockpit.region')}
            labelRender={(p) => <DataText>{p.label}</DataText>}
          />
        </Space>
      </div>
      <Card styles={{ body: { padding: 12 } }}>
        <Suspense fallback={<Skeleton active paragraph={{ rows: 12 }} />}>
          <ChainMapGraph
            analysis={data}
            height={Math.max(480, rows * 60 + 120)}
            onSelect={setSelected}
          />
        </Suspense>
      </Card>
      <NodeDrawer analysis={data} code={selected} onClose={() => setSelected(null)} />
    </>
  );
}
