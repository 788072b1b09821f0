import { IndustryTypeTag } from './IndustryTypeTag.tsx';
import { formatNumber, formatRatio, formatShare } from '@shared/format.ts';
import type { LqTableView } from '@shared/api/statistics.ts';
import { Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

type LqRow = LqTableView['items'][number];

const byNumber =
  (pick: (row: LqRow) => number | null) =>
  (a: LqRow, b: LqRow): number =>
    (pick(a) ?? -Infinity) - (pick(b) ?? -Infinity);

/** Location quotients, one row per region × industry, sortable by every figure. */
export function LqTable({ rows, loading }: { rows: LqRow[]; loading: boolean }) {
  const { t } = useI18n();
  return (
    <Table<LqRow>
      rowKey={(row) => `${row.regionCode}/${row.industryCode}`}
      size="small"
      loading={loading}
      dataSource={rows}
      data-testid="lq-table"
      scroll={{ x: 960 }}
      pagination={{
        defaultPageSize: 20,
        showSizeChanger: true,
        showTotal: (total) => t('analysis.rows', { total }),
      }}
      columns={[
        {
          key: 'region',
          title: t('analysis.region'),
          sorter: (a, b) => a.regionCode.localeCompare(b.regionCode),
          render: (_, row) => row.regionName ?? row.regionCode,
        },
        {
          key: 'industry',
          title: t('analysis.industry'),
          sorter: (a, b) => a.industryCode.localeCompare(b.industryCode),
          render: (_, row) => (
            <span data-testid="lq-industry-code" data-code={row.industryCode}>
              {row.industryName ?? row.industryCode}{' '}
              {row.industryName && (
                <Typography.Text type="secondary">{row.industryCode}</Typography.Text>
              )}
              {row.industryType && <IndustryTypeTag type={row.industryType} />}
            </span>
          ),
        },
        {
          key: 'value',
          title: t('analysis.value'),
          align: 'right',
          sorter: byNumber((row) => row.value),
          render: (_, row) => formatNumber(row.value),
        },
        {
          key: 'lq',
          title: t('analysis.lq'),
          align: 'right',
          defaultSortOrder: 'descend',
          sorter: byNumber((row) => row.lq),
          render: (_, row) => (
            <strong
              data-testid="lq-value"
              style={{ color: (row.lq ?? 0) >= 1 ? '#1668dc' : undefined }}
            >
              {formatRatio(row.lq)}
            </strong>
          ),
        },
        {
          key: 'regionShare',
          title: t('analysis.regionShare'),
          align: 'right',
          sorter: byNumber((row) => row.regionShare),
          render: (_, row) => formatShare(row.regionShare),
        },
        {
          key: 'nationalShare',
          title: t('analysis.nationalShare'),
          align: 'right',
          sorter: byNumber((row) => row.nationalShare),
          render: (_, row) => formatShare(row.nationalShare),
        },
        {
          key: 'strong',
          title: t('analysis.strongColumn'),
          filters: [
            { text: t('analysis.strong'), value: 'strong' },
            { text: t('analysis.strong10'), value: 'strong10' },
          ],
          onFilter: (value, row) => (value === 'strong' ? row.strong : row.strong10),
          render: (_, row) => (
            <>
              {row.strong && <Tag color="green">{t('analysis.strong')}</Tag>}
              {row.strong10 && <Tag color="gold">{t('analysis.strong10')}</Tag>}
            </>
          ),
        },
      ]}
    />
  );
}
