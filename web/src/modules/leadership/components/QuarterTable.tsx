import type { Scorecard } from '@shared/api/leadership.ts';
import { formatNumber } from '@shared/format.ts';
import { Table } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import type { MessageKey } from '../../i18n/utils/messagesZh.ts';

type Quarter = Scorecard['quarters'][number];
const COLUMNS: { key: Exclude<keyof Quarter, 'q'>; label: MessageKey }[] = [
  { key: 'problemsReceived', label: 'scorecard.problemsReceived' },
  { key: 'problemsClosed', label: 'scorecard.problemsClosed' },
  { key: 'visits', label: 'scorecard.visits' },
  { key: 'meetings', label: 'scorecard.meetings' },
  { key: 'supervisionDone', label: 'scorecard.supervisionDone' },
  { key: 'projectsSigned', label: 'scorecard.projectsSigned' },
];

/** The dated counts by calendar quarter, with the year's total. */
export function QuarterTable({ quarters }: { quarters: Quarter[] }) {
  const { t } = useI18n();
  const total = (key: Exclude<keyof Quarter, 'q'>) => quarters.reduce((sum, q) => sum + q[key], 0);
  return (
    <Table
      rowKey="q"
      size="small"
      pagination={false}
      scroll={{ x: 560 }}
      data-testid="scorecard-quarters"
      dataSource={quarters}
      columns={[
        {
          key: 'q',
          title: t('scorecard.quarter'),
          fixed: 'left',
          render: (_, q) => t('scorecard.q', { q: q.q }),
        },
        ...COLUMNS.map((column) => ({
          key: column.key,
          title: t(column.label),
          align: 'right' as const,
          render: (_: unknown, q: Quarter) => formatNumber(q[column.key]),
        })),
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('scorecard.total')}</Table.Summary.Cell>
          {COLUMNS.map((column, i) => (
            <Table.Summary.Cell key={column.key} index={i + 1} align="right">
              {formatNumber(total(column.key))}
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
    />
  );
}
