import { formatYuan } from '@shared/format.ts';
import { PlusOutlined } from '@ant-design/icons';
import type { Candidate } from '@shared/api/attract.ts';
import { App, Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { RegionSearchSelect } from '../../ui/components/RegionSearchSelect.tsx';
import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { NodeTreeSelect } from '../../chains/components/NodeTreeSelect.tsx';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { useAction } from '../../ui/hooks/useAction.ts';
import { CandidateReasons } from './CandidateReasons.tsx';
import { HomeCitiesCard } from './HomeCitiesCard.tsx';
import { useChainPath } from '../../chains/hooks/useChainPath.ts';
import { regionPathText } from '@shared/region-path.ts';

/** 招商目标: enterprises elsewhere that would fill the region's missing and weak nodes, ranked. */
export function CandidatesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { chain } = useChain();
  const chainPath = useChainPath();
  const canWrite = useCan('project:write');
  const action = useAction();
  const [searchParams] = useSearchParams();
  const [node, setNode] = useState<string | undefined>(searchParams.get('node') ?? undefined);
  const homeRegion = useHomeRegion();
  const [region, setRegion] = useState(homeRegion);
  const [top, setTop] = useState(10);
  const [added, setAdded] = useState<Map<number, number>>(new Map());
  const query = useApiQuery(
    chain && /^\d{2,12}$/.test(region)
      ? apiGet('/chains/{code}/candidates', {
          params: { path: { code: chain.code }, query: { region, top, node: node || undefined } },
        })
      : null,
  );

  const addToPipeline = async (candidate: Candidate) => {
    if (!chain) return;
    const project = await action.run(() =>
      api.POST('/projects', {
        body: {
          chainCode: chain.code,
          regionCode: region,
          enterpriseId: candidate.enterpriseId,
          nodeCode: candidate.nodeCode,
        },
      }),
    );
    if (!project) return;
    setAdded((previous) => new Map(previous).set(candidate.enterpriseId, project.id));
    void message.success(t('invest.candidates.added', { name: project.name }));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('invest.candidates.title')}</Typography.Title>
          <Typography.Text type="secondary">
            {query.data
              ? t('invest.candidates.summary', {
                  count: query.data.total,
                  nodes: query.data.nodes.length,
                  excluded: query.data.excludedInPipeline,
                })
              : t('invest.candidates.hint')}
          </Typography.Text>
        </div>
      </div>
      <Card size="small">
        <Space wrap>
          <NodeTreeSelect
            value={node}
            onChange={setNode}
            placeholder={t('invest.candidates.nodesToFill')}
            stagesSelectable={false}
            testId="candidate-node"
          />
          <RegionSearchSelect value={region} onChange={setRegion} testId="candidate-region" />
          <InputNumber
            prefix={t('invest.candidates.top')}
            min={1}
            max={500}
            value={top}
            onChange={(value) => setTop(value ?? 10)}
            style={{ width: 160 }}
          />
        </Space>
        {query.data && !node && (
          <div style={{ marginTop: 8 }}>
            {query.data.nodes.map((n) => (
              <Tag key={n.code} color={n.status === 'missing' ? 'red' : 'orange'}>
                {localName(n.name, locale)} · {t(`invest.nodeStatus.${n.status}`)}
              </Tag>
            ))}
          </div>
        )}
      </Card>
      {query.error && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
      {query.data && <HomeCitiesCard candidates={query.data.items} />}
      <Table<Candidate>
        rowKey={(c) => `${c.nodeCode}-${c.enterpriseId}`}
        size="small"
        loading={query.loading}
        dataSource={query.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="candidate-table"
        expandable={{ expandedRowRender: (c) => <CandidateReasons candidate={c} /> }}
        columns={[
          { key: 'rank', title: '#', dataIndex: 'rank', width: 48 },
          {
            key: 'name',
            title: t('invest.name'),
            render: (_, c) => <span data-testid="candidate-name">{c.name}</span>,
          },
          {
            key: 'region',
            title: t('invest.region'),
            // 省·市·区: the district alone does not say where a firm is.
            render: (_, c) => (
              <span data-region={c.regionCode} data-content="data">
                {c.regionPath.length > 0
                  ? regionPathText(c.regionPath.map((step) => step.name))
                  : (c.regionName ?? c.regionCode)}
              </span>
            ),
          },
          { key: 'node', title: t('invest.node'), render: (_, c) => localName(c.nodeName, locale) },
          {
            key: 'output',
            title: t('invest.candidates.output'),
            align: 'right',
            render: (_, c) => formatYuan(c.latestOutputYuan, locale),
          },
          {
            key: 'score',
            title: t('invest.candidates.score'),
            align: 'right',
            width: 80,
            render: (_, c) => <Typography.Text strong>{c.score.toFixed(1)}</Typography.Text>,
          },
          {
            key: 'why',
            title: t('invest.candidates.why'),
            render: (_, c) => (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
                {c.reasons.map((r) => localName(r, locale)).join('；')}
              </Typography.Text>
            ),
          },
          ...(canWrite
            ? [
                {
                  key: 'action',
                  title: '',
                  width: 150,
                  render: (_: unknown, c: Candidate) => {
                    const projectId = added.get(c.enterpriseId);
                    return projectId ? (
                      <Link to={chainPath(`/investment/projects?open=${projectId}`)}>
                        {t('invest.candidates.inPipeline')}
                      </Link>
                    ) : (
                      <Button
                        size="small"
                        icon={<PlusOutlined />}
                        disabled={action.busy}
                        onClick={() => void addToPipeline(c)}
                        data-testid="add-to-pipeline"
                      >
                        {t('invest.candidates.add')}
                      </Button>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
