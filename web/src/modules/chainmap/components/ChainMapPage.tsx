import { DataText, Phrase } from '../../i18n/components/Phrase.tsx';
import { Alert, Button, Card, Select, Skeleton, Space, Typography } from 'antd';
import type { ChainMasterNetwork } from '@shared/api/links.ts';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useChainAnalysis } from '../../chains/hooks/useChainAnalysis.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { STATUS_COLORS } from '../utils/statusColors.ts';
import { masterNetworkByNode } from '../utils/masterNetworkByNode.ts';
import { ChainMasterNetworkPicker } from './ChainMasterNetworkPicker.tsx';
import { NodeDrawer } from './NodeDrawer.tsx';
import { regionSelectOptions } from '../../chains/utils/regionOptions.ts';

const ChainMapGraph = lazy(() =>
  import('./ChainMapGraph.tsx').then((m) => ({ default: m.ChainMapGraph })),
);

/**
 * 产业链图谱: the chain's stages and nodes with their status, and a drawer for each node; of the
 * latest year with figures, or of `?year=` (the scorecard's links), said above the map.
 */
export function ChainMapPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || undefined;
  const { cities, setRegion, unresolved, analysis } = useChainAnalysis(year);
  const latest = () =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('year');
        return next;
      },
      { replace: true },
    );
  const [selected, setSelected] = useState<string | null>(null);
  const [masterId, setMasterId] = useState<number | null>(null);
  const [network, setNetwork] = useState<ChainMasterNetwork | null>(null);
  const marked = useMemo(
    () =>
      network
        ? { masterNode: network.master.node?.code ?? null, byNode: masterNetworkByNode(network) }
        : null,
    [network],
  );
  if (unresolved) return <Alert type="info" showIcon message={t('cockpit.noRegion')} />;
  const yearNote = year !== undefined && (
    <Alert
      type="info"
      showIcon
      data-testid="chain-map-year"
      message={t('chainMap.yearShown', { year })}
      action={
        <Button size="small" onClick={latest} data-testid="chain-map-latest">
          {t('chainMap.latestYear')}
        </Button>
      }
      style={{ marginBottom: 12 }}
    />
  );
  if (analysis.error) {
    return (
      <>
        {yearNote}
        <ApiErrorAlert error={analysis.error} onRetry={analysis.reload} />
      </>
    );
  }
  const data = analysis.data;
  if (!data) return <PageSpinner />;
  const rows = Math.max(
    ...data.stages.map((s) => data.nodes.filter((n) => n.stageCode === s.code).length),
  );

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
            options={regionSelectOptions(cities, data.region, locale)}
            style={{ minWidth: 140 }}
            showSearch
            optionFilterProp="search"
            aria-label={t('cockpit.region')}
            labelRender={(p) => <DataText>{p.label}</DataText>}
          />
          <ChainMasterNetworkPicker
            chainCode={data.chain.code}
            regionCode={data.region.code}
            masterId={masterId}
            onMaster={setMasterId}
            onNetwork={setNetwork}
          />
        </Space>
      </div>
      {yearNote}
      {network && marked && (
        <Typography.Paragraph
          type="secondary"
          data-testid="chain-map-network"
          data-nodes={[...marked.byNode.keys()].join(' ')}
        >
          <Phrase
            text={t('ecoForms.networkSummary', {
              partners: network.partners.length,
              nodes: marked.byNode.size,
              local: network.partners.filter((p) => p.local).length,
              elsewhere: network.partners.filter((p) => !p.local).length,
            })}
            slots={{ master: <DataText>{network.master.name}</DataText> }}
          />
        </Typography.Paragraph>
      )}
      <Card styles={{ body: { padding: 12 } }}>
        <Suspense fallback={<Skeleton active paragraph={{ rows: 12 }} />}>
          <ChainMapGraph
            analysis={data}
            height={Math.max(480, rows * 60 + 120)}
            onSelect={setSelected}
            network={marked}
          />
        </Suspense>
      </Card>
      <NodeDrawer analysis={data} code={selected} onClose={() => setSelected(null)} />
    </>
  );
}
