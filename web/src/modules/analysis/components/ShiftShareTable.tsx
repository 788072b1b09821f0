import { formatNumber } from '@shared/format.ts';
import type { ShiftShareTableView, StatMeasure } from '@shared/api/statistics.ts';
import { Table, Typography } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

type ShiftRow = ShiftShareTableView['items'][number];
type ShiftTotal = ShiftShareTableView['totals'][number];

/** Signed, grouped, with one decimal: the parts are fractions of a job or a yuan. */
function signed(value: number): string {
  const text = formatNumber(value, 1);
  return Number(value.toFixed(1)) > 0 ? `+${text}` : text;
}

const PARTS = ['nationalShare', 'industryMix', 'regionalShare', 'change'] as const;

/** Shift-share per industry: base, end, and the change split into its three parts. */
export function ShiftShareTable({
  rows,
  total,
  loading,
  measure,
}: {
  rows: ShiftRow[];
  total: ShiftTotal | undefined;
  loading: boolean;
  measure: StatMeasure;
}) {
  const { t } = useI18n();
  // Employment is counted in jobs; output is in whatever unit the statistics were imported in.
  const unit = measure === 'employment' ? t('analysis.unit.jobs') : '';
  return (
    <Table<ShiftRow>
      rowKey="industryCode"
      size="small"
      loading={loading}
      dataSource={rows}
      data-testid="shift-share-table"
      scroll={{ x: 900 }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true }}
      columns={[
        {
          key: 'industry',
          title: t('analysis.industry'),
          sorter: (a, b) => a.industryCode.localeCompare(b.industryCode),
          render: (_, row) => `${row.industryCode} ${row.industryName ?? ''}`.trim(),
        },
        {
          key: 'base',
          title: `${t('analysis.base')}${unit}`,
          align: 'right',
          sorter: (a, b) => a.base - b.base,
          render: (_, row) => formatNumber(row.base),
        },
        {
          key: 'end',
          title: `${t('analysis.end')}${unit}`,
          align: 'right',
          sorter: (a, b) => a.end - b.end,
          render: (_, row) => formatNumber(row.end),
        },
        ...PARTS.map((part) => ({
          key: part,
          title: `${t(`analysis.part.${part}`)}${unit}`,
          align: 'right' as const,
          defaultSortOrder: part === 'change' ? ('descend' as const) : undefined,
          sorter: (a: ShiftRow, b: ShiftRow) => a[part] - b[part],
          render: (_: unknown, row: ShiftRow) => (
            <span data-testid={`ss-${part}`} data-value={row[part]}>
              {part === 'change' ? <strong>{signed(row[part])}</strong> : signed(row[part])}
            </span>
          ),
        })),
      ]}
      summary={() =>
        total && (
          <Table.Summary fixed>
            <Table.Summary.Row data-testid="shift-share-total">
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('analysis.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {formatNumber(total.base)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {formatNumber(total.end)}
              </Table.Summary.Cell>
              {PARTS.map((part, i) => (
                <Table.Summary.Cell key={part} index={3 + i} align="right">
                  <Typography.Text strong>{signed(total[part])}</Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )
      }
    />
  );
}
