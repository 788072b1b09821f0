import { Table } from 'antd';
import { rowReasonText } from '../../i18n/utils/errorMessages.ts';
import type { ReasonParams } from '@shared/row-reasons.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

export interface StatsRowError {
  row: number;
  column: string;
  value: string;
  reason: string;
  code?: string;
  params?: ReasonParams;
}

/** The rows of a refused statistics file and why each was refused. */
export function StatsRowErrors({ errors }: { errors: StatsRowError[] }) {
  const { t, locale } = useI18n();
  return (
    <Table<StatsRowError>
      rowKey={(e) => `${e.row}/${e.column}`}
      size="small"
      dataSource={errors}
      data-testid="stats-errors"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { key: 'row', title: t('analysis.error.row'), dataIndex: 'row', width: 80 },
        { key: 'column', title: t('analysis.error.column'), dataIndex: 'column', width: 160 },
        { key: 'value', title: t('analysis.error.value'), dataIndex: 'value', width: 160 },
        {
          key: 'reason',
          title: t('analysis.error.reason'),
          render: (_, e) => <span data-content="ui">{rowReasonText(e, locale)}</span>,
        },
      ]}
    />
  );
}
