import type { ChainOverview } from '@shared/api/overview.ts';
import { formatNumber, formatPercent, formatYuan } from '@shared/format.ts';
import { Alert, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { chainPagePath } from '../../chains/utils/chainPath.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { langOf } from '../../i18n/utils/langOf.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { regionSelectOptions } from '../../chains/utils/regionOptions.ts';

/** Nulls sort last whichever way the column is sorted (antd flips the comparison). */
const byNumber =
  (value: (item: ChainOverview) => number | null | undefined) =>
  (a: ChainOverview, b: ChainOverview) =>
    (value(a) ?? -Infinity) - (value(b) ?? -Infinity);

/** 市级总览: every chain of the region on one page; a row opens that chain's cockpit. */
export function OverviewPage() {
  const { t, locale } = useI18n();
  const lang = langOf(locale);
  const navigate = useNavigate();
  const homeRegion = useHomeRegion();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? homeRegion;
  const overview = useApiQuery(
    region ? apiGet('/regions/{code}/overview', { params: { path: { code: region } } }) : null,
  );
  const province = region.slice(0, 2);
  const cities = useApiQuery(
    province ? apiGet('/regions', { params: { query: { parent: province } } }) : null,
  );
  const open = (code: string) =>
    void navigate(chainPagePath(code, `/?region=${encodeURIComponent(region)}`));

  const columns: ColumnsType<ChainOverview> = [
    {
      key: 'chain',
      title: t('overview.chain'),
      render: (_, item) => (
        <Typography.Link
          onClick={() => open(item.chain.code)}
          data-testid={`overview-open-${item.chain.code}`}
          style={{ whiteSpace: 'nowrap' }}
        >
          {localName(item.chain.name, locale)}
        </Typography.Link>
      ),
      sorter: (a, b) => (a.chain.code < b.chain.code ? -1 : a.chain.code > b.chain.code ? 1 : 0),
    },
    {
      key: 'leader',
      title: t('overview.leader'),
      render: (_, item) =>
        item.leader ? (
          <DataText>
            {item.leader.name}
            {item.leader.title ? ` · ${item.leader.title}` : ''}
          </DataText>
        ) : (
          <Typography.Text type="secondary">{t('overview.noLeader')}</Typography.Text>
        ),
    },
    {
      key: 'output',
      title: t('overview.output'),
      align: 'right',
      render: (_, item) => formatYuan(item.outputYuan, lang),
      sorter: byNumber((item) => item.outputYuan),
      defaultSortOrder: 'descend',
    },
    {
      key: 'target',
      title: t('overview.target'),
      align: 'right',
      render: (_, item) =>
        item.target ? `${formatYuan(item.target.valueYuan, lang)} (${item.target.year})` : '—',
      sorter: byNumber((item) => item.target?.valueYuan),
    },
    {
      key: 'progress',
      title: t('overview.progress'),
      align: 'right',
      render: (_, item) => formatPercent(item.target?.progress ?? null),
      sorter: byNumber((item) => item.target?.progress),
    },
    {
      key: 'requiredGrowth',
      title: t('overview.requiredGrowth'),
      align: 'right',
      render: (_, item) => formatPercent(item.target?.requiredGrowth ?? null, 1),
      sorter: byNumber((item) => item.target?.requiredGrowth),
    },
    {
      key: 'nodes',
      title: t('overview.nodes'),
      align: 'right',
      render: (_, item) =>
        `${item.statusCounts.strong} / ${item.statusCounts.weak} / ${item.statusCounts.missing}`,
      sorter: byNumber((item) => item.statusCounts.missing),
    },
    {
      key: 'completeness',
      title: t('overview.completeness'),
      align: 'right',
      render: (_, item) => formatPercent(item.completeness),
      sorter: byNumber((item) => item.completeness),
    },
    {
      key: 'chainMasters',
      title: t('overview.chainMasters'),
      align: 'right',
      render: (_, item) => formatNumber(item.chainMasters),
      sorter: byNumber((item) => item.chainMasters),
    },
    {
      key: 'projects',
      title: t('overview.projects'),
      align: 'right',
      render: (_, item) => formatNumber(item.projects.active),
      sorter: byNumber((item) => item.projects.active),
    },
    {
      key: 'problems',
      title: t('overview.problems'),
      align: 'right',
      render: (_, item) => `${item.problems.open} / ${item.problems.overdue}`,
      sorter: byNumber((item) => item.problems.overdue),
    },
  ];

  return (
    <>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('overview.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('overview.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          <Select
            value={region}
            onChange={(code: string) => setParams({ region: code }, { replace: true })}
            options={regionSelectOptions(cities.data?.items ?? [], undefined, locale)}
            style={{ minWidth: 140 }}
            showSearch
            optionFilterProp="search"
            aria-label={t('overview.region')}
            labelRender={(p) => <DataText>{p.label ?? region}</DataText>}
            data-testid="overview-region"
          />
        </Space>
      </div>
      {overview.error ? (
        <ApiErrorAlert error={overview.error} onRetry={overview.reload} />
      ) : !overview.data ? (
        <PageSpinner />
      ) : overview.data.items.length === 0 ? (
        <Alert type="info" showIcon message={t('overview.empty')} />
      ) : (
        <Table
          rowKey={(item) => item.chain.code}
          columns={columns}
          dataSource={overview.data.items}
          pagination={false}
          size="middle"
          scroll={{ x: true }}
          onRow={(item) => ({ onDoubleClick: () => open(item.chain.code) })}
          data-testid="overview-table"
        />
      )}
    </>
  );
}
