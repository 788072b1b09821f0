import type { FigureHistory } from '@shared/api/enterprises.ts';
import type { FigureMeasure } from '@shared/figure-history.ts';
import { formatDateTime, formatNumber, formatYuan } from '@shared/format.ts';
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import type { MessageKey } from '../../i18n/utils/messagesZh.ts';

const MEASURE_LABEL: Record<FigureMeasure, MessageKey> = {
  revenueYuan: 'figure.revenue',
  outputYuan: 'figure.output',
  taxYuan: 'figure.tax',
  rdSpendYuan: 'figure.rdSpend',
  exportsYuan: 'figure.exports',
  employees: 'figure.employees',
};

/**
 * Figures that do not feed the analysis: overridden by a merge or a later import, or brought by
 * a row without USCC for a registered enterprise; each with where it came from. Hidden when none.
 */
export function FigureHistoryCard({ history }: { history: FigureHistory[] }) {
  const { t, locale } = useI18n();
  if (history.length === 0) return null;
  const figure = (row: FigureHistory, value: number | null) =>
    row.measure === 'employees' ? formatNumber(value) : formatYuan(value, locale);
  return (
    <Card title={t('figureHistory.title')} data-testid="figure-history">
      <Typography.Paragraph type="secondary">{t('figureHistory.about')}</Typography.Paragraph>
      <Table<FigureHistory>
        size="small"
        rowKey={(row) => `${row.year}-${row.measure}-${row.recordedAt}-${row.value}`}
        pagination={false}
        dataSource={history}
        columns={[
          { key: 'year', title: t('figureHistory.year'), dataIndex: 'year', width: 80 },
          {
            key: 'measure',
            title: t('figureHistory.measure'),
            render: (_, row) => t(MEASURE_LABEL[row.measure]),
          },
          {
            key: 'value',
            title: t('figureHistory.value'),
            align: 'right',
            render: (_, row) => figure(row, row.value),
          },
          {
            key: 'kept',
            title: t('figureHistory.kept'),
            align: 'right',
            render: (_, row) => figure(row, row.keptValue),
          },
          {
            key: 'reason',
            title: t('figureHistory.reason'),
            render: (_, row) => t(`figureHistory.reason.${row.reason}`),
          },
          {
            key: 'source',
            title: t('figureHistory.source'),
            render: (_, row) => (
              <>
                {row.mergedEnterprise && (
                  <div>
                    <Link to={`/enterprises/${row.mergedEnterprise.id}`}>
                      <DataText>{row.mergedEnterprise.name}</DataText>
                    </Link>{' '}
                    #{row.mergedEnterprise.id}
                  </div>
                )}
                <DataText>
                  {[
                    row.source.fileName ?? row.source.name,
                    row.source.row === null ? null : t('figureHistory.row', { n: row.source.row }),
                    row.source.importId === null ? null : `#${row.source.importId}`,
                    row.source.at === null ? null : formatDateTime(row.source.at, locale),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </DataText>
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
