import type { AuditPage } from '@shared/api/audit.ts';
import { formatDateTime } from '@shared/format.ts';
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { auditActionName, auditEntityLabel, auditEntityName } from '../utils/auditNames.ts';
import { DateRangeFilter } from '../../ui/components/DateRangeFilter.tsx';

interface Filter {
  user?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

const PAGE_SIZE = 20;

/** An entry as the page shows it (the generated type has before and after optional). */
type AuditRow = Omit<AuditPage['items'][number], 'before' | 'after'> & {
  before?: unknown;
  after?: unknown;
};

/** Fields that name the entity: kept in a change's view even when they did not change. */
const NAMING_KEYS = new Set(['id', 'code', 'name', 'username']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What a change did: of two objects, only the fields that differ (and those that say which entity);
 * anything else as it is.
 */
function changedPart(value: unknown, other: unknown): unknown {
  if (!isRecord(value) || !isRecord(other)) return value;
  const keys = Object.keys(value).filter(
    (key) => NAMING_KEYS.has(key) || JSON.stringify(value[key]) !== JSON.stringify(other[key]),
  );
  return Object.fromEntries(keys.map((key) => [key, value[key]]));
}

/** Before or after, as indented JSON; nothing for null. */
function Snapshot({ value, testId }: { value: unknown; testId: string }) {
  if (value === null || value === undefined) return null;
  return (
    <pre
      className="audit-snapshot"
      data-testid={testId}
      style={{ margin: 0, maxWidth: 420, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
    >
      <DataText>{JSON.stringify(value, null, 1)}</DataText>
    </pre>
  );
}

/** 审计日志: who did what to which entity, with before and after; filter by user, entity, days. */
export function AdminAuditPage() {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<Filter>({});
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const query = useApiQuery(
    apiGet('/audit', { params: { query: { ...filter, page, pageSize: PAGE_SIZE } } }),
  );
  const edit = (patch: Filter) => setDraft((d) => ({ ...d, ...patch }));
  const search = () => {
    const clean = Object.fromEntries(
      Object.entries(draft).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
    ) as Filter;
    setFilter(clean);
    setPage(1);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <Typography.Title level={3}>{t('admin.audit.title')}</Typography.Title>
      </div>
      <Space wrap>
        <Input
          placeholder={t('admin.audit.user')}
          value={draft.user ?? ''}
          onChange={(e) => edit({ user: e.target.value })}
          onPressEnter={search}
          style={{ width: 160 }}
          data-testid="audit-user"
        />
        <Select
          allowClear
          placeholder={t('admin.audit.entity')}
          value={draft.entity}
          onChange={(entity?: string) => edit({ entity })}
          options={(query.data?.entityTypes ?? []).map((e) => ({
            value: e,
            label: auditEntityName(e, locale),
          }))}
          style={{ width: 180 }}
          data-testid="audit-entity"
        />
        <Input
          placeholder={t('admin.audit.entityId')}
          value={draft.entityId ?? ''}
          onChange={(e) => edit({ entityId: e.target.value })}
          onPressEnter={search}
          style={{ width: 120 }}
        />
        <DateRangeFilter
          label={t('admin.audit.dates')}
          from={draft.from}
          to={draft.to}
          onChange={(range) => edit(range)}
          testId="audit"
        />
        <Button type="primary" onClick={search} data-testid="audit-search">
          {t('admin.audit.search')}
        </Button>
      </Space>
      {query.error && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
      <Table<AuditRow>
        rowKey="id"
        size="small"
        loading={query.loading}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 1000 }}
        data-testid="audit-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: query.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            key: 'at',
            title: t('admin.audit.at'),
            width: 150,
            render: (_, e) => formatDateTime(e.at, locale),
          },
          { key: 'user', title: t('admin.audit.user'), dataIndex: 'actorName', width: 120 },
          {
            key: 'action',
            title: t('admin.audit.action'),
            width: 170,
            render: (_, e) => <span title={e.action}>{auditActionName(e.action, locale)}</span>,
          },
          {
            key: 'entity',
            title: t('admin.audit.entity'),
            width: 140,
            render: (_, e) => {
              const label = auditEntityLabel(e, locale);
              return (
                <span data-testid="audit-entity-cell">
                  {auditEntityName(e.entityType, locale)}
                  {e.entityId === null ? '' : ` #${e.entityId}`}
                  {label === null ? null : (
                    <div style={{ color: 'rgba(0,0,0,0.65)' }}>
                      <DataText>{label}</DataText>
                    </div>
                  )}
                </span>
              );
            },
          },
          {
            key: 'before',
            title: t('admin.audit.before'),
            render: (_, e) => (
              <Snapshot value={changedPart(e.before, e.after)} testId="audit-before" />
            ),
          },
          {
            key: 'after',
            title: t('admin.audit.after'),
            render: (_, e) => (
              <Snapshot value={changedPart(e.after, e.before)} testId="audit-after" />
            ),
          },
        ]}
      />
    </Space>
  );
}
