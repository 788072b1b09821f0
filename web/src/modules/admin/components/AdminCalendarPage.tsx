import type { SetCalendarYearResponse } from '@shared/api/calendar.ts';
import { formatDate, formatDateTime } from '@shared/format.ts';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { holidayName } from '../utils/holidayName.ts';
import { calendarDaysText } from '../utils/parseCalendarDays.ts';
import { CalendarYearModal } from './CalendarYearModal.tsx';

/** 工作日历: the years covered and their source; a year's holidays and worked weekend days. */
export function AdminCalendarPage() {
  const { t, locale } = useI18n();
  const [chosen, setChosen] = useState<number | null>(null);
  const overview = useApiQuery(apiGet('/calendar'));
  const years = overview.data?.years ?? [];
  const year = chosen ?? years.at(-1)?.year ?? null;
  const detail = useApiQuery(
    year !== null ? apiGet('/calendar', { params: { query: { year } } }) : null,
  );
  const [editing, setEditing] = useState<number | null>(null);
  const [result, setResult] = useState<SetCalendarYearResponse | null>(null);
  const next = (years.at(-1)?.year ?? new Date().getFullYear()) + 1;
  const editedSource = years.find((y) => y.year === editing)?.source ?? '';
  const initial = useMemo(
    () =>
      editing !== null && editing === year && detail.data
        ? { source: editedSource, days: calendarDaysText(detail.data.days) }
        : { source: '', days: '' },
    [editing, year, detail.data, editedSource],
  );

  if (overview.error) return <ApiErrorAlert error={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <PageSpinner />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <Typography.Title level={3}>{t('admin.calendar.title')}</Typography.Title>
        <Button icon={<PlusOutlined />} onClick={() => setEditing(next)} data-testid="calendar-add">
          {t('admin.calendar.add', { year: next })}
        </Button>
      </div>
      {result && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setResult(null)}
          data-testid="calendar-result"
          message={t('admin.calendar.saved', {
            year: result.year,
            days: result.days,
            moved: result.problemsMoved,
            recounted: result.problemsRecounted,
          })}
        />
      )}
      <Card size="small" title={t('admin.calendar.years')}>
        <Table
          rowKey="year"
          size="small"
          pagination={{ pageSize: 5, hideOnSinglePage: true, size: 'small' }}
          dataSource={[...years].reverse()}
          data-testid="calendar-years"
          rowClassName={(y) => (y.year === year ? 'ant-table-row-selected' : '')}
          onRow={(y) => ({ onClick: () => setChosen(y.year), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'year', title: t('admin.calendar.year'), dataIndex: 'year', width: 90 },
            {
              key: 'source',
              title: t('admin.calendar.source'),
              render: (_, y) => <DataText>{y.source}</DataText>,
            },
            {
              key: 'updated',
              title: t('admin.calendar.updated'),
              width: 170,
              render: (_, y) => formatDateTime(y.updatedAt, locale),
            },
          ]}
        />
      </Card>
      {year !== null && (
        <Card
          size="small"
          title={t('admin.calendar.yearDays', { year })}
          extra={
            <Button onClick={() => setEditing(year)} data-testid="calendar-edit">
              {t('admin.calendar.edit', { year })}
            </Button>
          }
        >
          {detail.error && <ApiErrorAlert error={detail.error} />}
          <Table
            rowKey="day"
            size="small"
            loading={detail.loading}
            dataSource={detail.data?.days ?? []}
            pagination={{ pageSize: 40, hideOnSinglePage: true }}
            data-testid="calendar-days-table"
            columns={[
              {
                key: 'day',
                title: t('admin.calendar.day'),
                width: 140,
                render: (_, d) => formatDate(d.day, locale),
              },
              {
                key: 'kind',
                title: t('admin.calendar.kind'),
                width: 140,
                render: (_, d) =>
                  d.kind === 'holiday' ? (
                    <Tag color="red">{t('admin.calendar.holiday')}</Tag>
                  ) : (
                    <Tag color="blue">{t('admin.calendar.workday')}</Tag>
                  ),
              },
              {
                key: 'name',
                title: t('admin.calendar.name'),
                render: (_, d) => <DataText>{holidayName(d.name ?? '', locale)}</DataText>,
              },
            ]}
          />
        </Card>
      )}
      <CalendarYearModal
        year={editing}
        initial={initial}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          setResult(saved);
          setChosen(saved.year);
          overview.reload();
          detail.reload();
        }}
      />
    </Space>
  );
}
