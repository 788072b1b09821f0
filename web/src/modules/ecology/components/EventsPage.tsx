import type { EventSummary } from '@shared/api/events.ts';
import { formatDate } from '@shared/format.ts';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useChainCode } from '../../chains/hooks/useChainCode.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { EventDrawer } from './EventDrawer.tsx';
import { EventFormModal } from './EventFormModal.tsx';

/** 活动: the chain's events, newest first; the office records them and what came of them. */
export function EventsPage() {
  const { t, locale } = useI18n();
  const chainCode = useChainCode();
  const canWrite = useCan('event:write');
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const list = useApiQuery(
    chainCode
      ? apiGet('/chains/{code}/events', {
          params: { path: { code: chainCode }, query: { pageSize: 500 } },
        })
      : null,
  );
  if (!chainCode) return <Alert type="info" showIcon message={t('cockpit.noRegion')} />;
  return (
    <div data-testid="events-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 0 }}>
            {t('event.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('event.subtitle')}</Typography.Text>
        </div>
        {canWrite && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="event-add">
            {t('event.add')}
          </Button>
        )}
      </Space>
      {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
      <Table<EventSummary>
        size="small"
        rowKey="id"
        style={{ marginTop: 12 }}
        loading={list.loading && !list.data}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="events-table"
        onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('event.heldOn'),
            dataIndex: 'heldOn',
            width: 120,
            render: (value: string) => formatDate(value, locale),
          },
          {
            title: t('event.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (_, row) => <Tag>{t(`event.kind.${row.kind}`)}</Tag>,
          },
          {
            title: t('event.name'),
            dataIndex: 'title',
            render: (_, row) => <DataText>{row.title}</DataText>,
          },
          {
            title: t('event.place'),
            dataIndex: 'place',
            render: (_, row) => <DataText>{row.place ?? ''}</DataText>,
          },
          { title: t('event.participants'), dataIndex: 'participantCount', width: 90 },
          { title: t('event.signedProjects'), dataIndex: 'signedProjects', width: 90 },
        ]}
      />
      <EventFormModal
        open={creating}
        chainCode={chainCode}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          list.reload();
          setOpen(id);
        }}
      />
      <EventDrawer
        chainCode={chainCode}
        eventId={open}
        onClose={() => setOpen(null)}
        onChanged={list.reload}
      />
    </div>
  );
}
