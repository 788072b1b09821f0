import { formatDate, formatYuan } from '@shared/format.ts';
import type { EnterpriseSummary } from '@shared/api/enterprises.ts';
import type { EnterpriseSort } from '@shared/enterprise-values.ts';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import { useOtherChainsText } from '../../chains/hooks/useOtherChainsText.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import type { EnterpriseListState } from '../utils/EnterpriseListState.ts';
import { TagList } from './TagList.tsx';

const SORTABLE: Record<string, EnterpriseSort> = {
  name: 'name',
  region: 'region',
  foundedOn: 'foundedOn',
  latestOutput: 'latestOutput',
};

/** A page of enterprises; paging and sorting are done by the server over the whole registry. */
export function EnterpriseTable({
  items,
  total,
  loading,
  state,
  update,
}: {
  items: EnterpriseSummary[];
  total: number;
  loading: boolean;
  state: EnterpriseListState;
  update: (change: Partial<EnterpriseListState>) => void;
}) {
  const { t, locale } = useI18n();
  // A firm without a node on the chain in view may sit on another.
  const otherChainsText = useOtherChainsText();
  const sortOrder = (key: EnterpriseSort) =>
    state.sort === key ? (state.order === 'asc' ? 'ascend' : 'descend') : null;

  const columns: ColumnsType<EnterpriseSummary> = [
    {
      key: 'name',
      title: t('enterprise.name'),
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (_, e) => (
        <Link to={`/enterprises/${e.id}`}>{locale === 'en' && e.nameEn ? e.nameEn : e.name}</Link>
      ),
    },
    {
      key: 'region',
      title: t('enterprise.region'),
      sorter: true,
      sortOrder: sortOrder('region'),
      width: 130,
      render: (_, e) => e.place ?? e.regionName ?? e.regionCode,
    },
    {
      key: 'node',
      title: t('enterprise.primaryNode'),
      width: 190,
      render: (_, e) => {
        if (e.primaryNode) return localName(e.primaryNode.name, locale);
        return (
          <Typography.Text type="secondary" data-testid="other-chain">
            {otherChainsText(e.chains)}
          </Typography.Text>
        );
      },
    },
    {
      key: 'tags',
      title: t('enterprise.tags'),
      width: 240,
      render: (_, e) => <TagList tags={e.tags} />,
    },
    {
      key: 'foundedOn',
      title: t('enterprise.foundedOn'),
      dataIndex: 'foundedOn',
      sorter: true,
      sortOrder: sortOrder('foundedOn'),
      width: 120,
      render: (_, e) => formatDate(e.foundedOn, locale),
    },
    {
      key: 'latestOutput',
      title: t('enterprise.latestOutput'),
      sorter: true,
      sortOrder: sortOrder('latestOutput'),
      align: 'right',
      width: 150,
      render: (_, e) => (
        <span title={e.latestYear ? String(e.latestYear) : undefined}>
          {formatYuan(e.latestOutputYuan, locale)}
        </span>
      ),
    },
  ];

  return (
    <Table<EnterpriseSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      data-testid="enterprise-table"
      pagination={{
        current: state.page,
        pageSize: state.pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (n) => t('enterprises.total', { n }),
      }}
      onChange={(pagination, _filters, sorter) => {
        const single: SorterResult<EnterpriseSummary> | undefined = Array.isArray(sorter)
          ? sorter[0]
          : sorter;
        const sort = single?.order ? SORTABLE[String(single.columnKey)] : undefined;
        update({
          page: pagination.current ?? 1,
          pageSize: pagination.pageSize ?? state.pageSize,
          sort: sort ?? 'name',
          order: sort && single?.order === 'descend' ? 'desc' : 'asc',
        });
      }}
    />
  );
}
