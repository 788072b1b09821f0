import { ACTIVITY_KIND_NAMES, ACTIVITY_KINDS, type ActivityKind } from '@shared/activity-kinds.ts';
import { formatDate } from '@shared/format.ts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { useUrlFilters } from '../hooks/useUrlFilters.ts';
import { ActivityFormModal } from './ActivityFormModal.tsx';
import { SupervisionList } from './SupervisionList.tsx';
import { DateRangeFilter } from '../../ui/components/DateRangeFilter.tsx';

const MEETINGS = 'chain_meeting,coordination_meeting';
const isKind = (value: string): value is ActivityKind =>
  (ACTIVITY_KINDS as readonly string[]).includes(value);

/** Visits, meetings and decisions, filtered by kind and date (kept in the address). */
export function ActivitiesTab({
  chainCode,
  regionCode,
}: {
  chainCode: string;
  regionCode: string;
}) {
  const { t, locale } = useI18n();
  const canWrite = useCan('leader:write');
  const filters = useUrlFilters();
  const [recording, setRecording] = useState(false);
  const kinds = (filters.get('kind') ?? '').split(',').filter(isKind);
  const from = filters.get('from');
  const to = filters.get('to');
  // The API filters on one kind; "meetings" (two kinds) is filtered here.
  const activities = useApiQuery(
    apiGet('/leader/activities', {
      params: {
        query: {
          chain: chainCode,
          region: regionCode,
          pageSize: 500,
          ...(kinds.length === 1 ? { kind: kinds[0] } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
        },
      },
    }),
  );
  const rows = (activities.data?.items ?? []).filter(
    (a) => kinds.length === 0 || kinds.includes(a.kind),
  );
  const kindName = (kind: ActivityKind) => localName(ACTIVITY_KIND_NAMES[kind], locale);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <Space wrap>
          <Select
            style={{ width: 180 }}
            value={kinds.join(',')}
            onChange={(kind: string) => filters.set({ kind })}
            data-testid="activity-kind"
            options={[
              { value: '', label: t('leader.kind.all') },
              { value: 'visit', label: kindName('visit') },
              { value: MEETINGS, label: t('leader.kind.meetings') },
              { value: 'chain_meeting', label: kindName('chain_meeting') },
              { value: 'coordination_meeting', label: kindName('coordination_meeting') },
              { value: 'decision', label: kindName('decision') },
            ]}
          />
          <DateRangeFilter
            label={t('leader.dates')}
            from={from}
            to={to}
            onChange={(range) => filters.set(range)}
            testId="activities-dates"
          />
          {(kinds.length > 0 || from || to) && (
            <Button
              onClick={() => filters.set({ kind: undefined, from: undefined, to: undefined })}
            >
              {t('common.reset')}
            </Button>
          )}
        </Space>
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRecording(true)}
            data-testid="activity-new"
          >
            {t('leader.activity.new')}
          </Button>
        )}
      </div>
      {activities.error && <ApiErrorAlert error={activities.error} onRetry={activities.reload} />}
      <Table
        rowKey="id"
        size="small"
        loading={activities.loading}
        dataSource={rows}
        data-testid="activity-table"
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{
          rowExpandable: (a) => a.summary !== null || a.supervisionItems.length > 0,
          expandedRowRender: (a) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {a.summary && <DataText>{a.summary}</DataText>}
              {a.supervisionItems.length > 0 && <SupervisionList items={a.supervisionItems} />}
            </Space>
          ),
        }}
        columns={[
          {
            key: 'heldOn',
            title: t('leader.activity.heldOn'),
            width: 120,
            render: (_, a) => formatDate(a.heldOn, locale),
          },
          {
            key: 'kind',
            title: t('leader.activity.kind'),
            width: 120,
            render: (_, a) => <Tag>{localName(a.kindName, locale)}</Tag>,
          },
          {
            key: 'title',
            title: t('leader.activity.title'),
            width: 260,
            render: (_, a) => (
              <Typography.Text strong data-testid="activity-title">
                <DataText>{a.title}</DataText>
              </Typography.Text>
            ),
          },
          {
            key: 'people',
            title: t('leader.activity.people'),
            ellipsis: true,
            render: (_, a) => <DataText>{a.people.join('、')}</DataText>,
          },
          {
            key: 'enterprises',
            title: t('leader.activity.enterprises'),
            render: (_, a) => <DataText>{a.enterprises.map((e) => e.name).join('、')}</DataText>,
          },
          {
            key: 'nodes',
            title: t('leader.activity.nodes'),
            render: (_, a) => a.nodes.map((n) => localName(n.name, locale)).join('、'),
          },
          {
            key: 'followUps',
            title: t('leader.activity.followUps'),
            width: 110,
            align: 'right',
            render: (_, a) => a.supervisionItems.length || '',
          },
        ]}
      />
      <ActivityFormModal
        open={recording}
        chainCode={chainCode}
        regionCode={regionCode}
        onClose={() => setRecording(false)}
        onSaved={() => {
          setRecording(false);
          activities.reload();
        }}
      />
    </Space>
  );
}
