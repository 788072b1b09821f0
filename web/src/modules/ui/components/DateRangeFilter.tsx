import { Input, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

/**
 * A list's date filter: its label, then two date fields (受理日期 [起] 至 [止]). The fields are the
 * browser's own (its calendar, in the reader's locale); the label says which date they filter on,
 * which the fields alone cannot (they show only the browser's date pattern).
 */
export function DateRangeFilter({
  label,
  from,
  to,
  onChange,
  testId,
}: {
  label: string;
  from: string | undefined;
  to: string | undefined;
  /** Either end as typed (empty: undefined); the other end unchanged. */
  onChange: (range: { from?: string | undefined; to?: string | undefined }) => void;
  /** Test ids: `<testId>` on the group, `<testId>-from` and `<testId>-to` on the fields. */
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    // Wraps on a narrow screen (a phone) rather than pushing the page wider than it.
    <Space size={4} wrap data-testid={testId}>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Typography.Text>
      <Input
        type="date"
        aria-label={t('common.dateRange.from', { what: label })}
        title={t('common.dateRange.from', { what: label })}
        value={from ?? ''}
        onChange={(e) => onChange({ from: e.target.value || undefined })}
        style={{ width: 150 }}
        data-testid={testId && `${testId}-from`}
      />
      <Typography.Text type="secondary">{t('common.dateRange.between')}</Typography.Text>
      <Input
        type="date"
        aria-label={t('common.dateRange.to', { what: label })}
        title={t('common.dateRange.to', { what: label })}
        value={to ?? ''}
        onChange={(e) => onChange({ to: e.target.value || undefined })}
        style={{ width: 150 }}
        data-testid={testId && `${testId}-to`}
      />
    </Space>
  );
}
