import { formatNumber, formatPercent } from '@shared/format.ts';
import type { StrengthTableView } from '@shared/api/statistics.ts';
import { Table } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

type StrengthRow = StrengthTableView['items'][number];

/** Cluster strength by region: the share of traded employment in strong clusters. */
export function StrengthTable({
  rows,
  loading,
  highlight,
}: {
  rows: StrengthRow[];
  loading: boolean;
  highlight: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <Table<StrengthRow>
      rowKey="regionCode"
      size="small"
      loading={loading}
      dataSource={rows}
      data-testid="strength-table"
      rowClassName={(row) => (row.regionCode === highlight ? 'ant-table-row-selected' : '')}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        {
          key: 'rank',
          title: '#',
          width: 48,
          render: (_, _row, index) => index + 1,
        },
        {
          key: 'region',
          title: t('analysis.region'),
          render: (_, row) => row.regionName ?? row.regionCode,
        },
        {
          key: 'strength',
          title: t('analysis.strength'),
          align: 'right',
          sorter: (a, b) => (a.strength ?? -1) - (b.strength ?? -1),
          render: (_, row) => formatPercent(row.strength),
        },
        {
          key: 'strongClusters',
          title: t('analysis.strongClusters'),
          align: 'right',
          sorter: (a, b) => a.strongClusters - b.strongClusters,
          render: (_, row) => row.strongClusters,
        },
        {
          key: 'traded',
          title: t('analysis.tradedEmployment'),
          align: 'right',
          sorter: (a, b) => a.tradedEmployment - b.tradedEmployment,
          render: (_, row) => formatNumber(row.tradedEmployment),
        },
        {
          key: 'strength10',
          title: t('analysis.strength10'),
          align: 'right',
          sorter: (a, b) => (a.strength10 ?? -1) - (b.strength10 ?? -1),
          render: (_, row) => formatPercent(row.strength10),
        },
      ]}
    />
  );
}
