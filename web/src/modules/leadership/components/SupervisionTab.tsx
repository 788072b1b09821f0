import { SUPERVISION_FILTER_STATES } from '@shared/activity-kinds.ts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { nameIn } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { useDepartments } from '../hooks/useDepartments.ts';
import { useUrlFilters } from '../hooks/useUrlFilters.ts';
import { SupervisionFormModal } from './SupervisionFormModal.tsx';
import { SupervisionList } from './SupervisionList.tsx';
import { DateRangeFilter } from '../../ui/components/DateRangeFilter.tsx';

type FilterState = (typeof SUPERVISION_FILTER_STATES)[number];
const isState = (value: string | undefined): value is FilterState =>
  (SUPERVISION_FILTER_STATES as readonly string[]).includes(value ?? '');

/** 督办 items by state (open, done, overdue), owner department and deadline range. */
export function SupervisionTab({
  chainCode,
  regionCode,
}: {
  chainCode: string;
  regionCode: string;
}) {
  const { t, locale } = useI18n();
  const canAssign = useCan('leader:write');
  const filters = useUrlFilters();
  const departments = useDepartments();
  const [assigning, setAssigning] = useState(false);
  const requested = filters.get('state');
  const state = isState(requested) ? requested : undefined;
  const departmentId = Number(filters.get('department')) || undefined;
  const dueFrom = filters.get('dueFrom');
  const dueTo = filters.get('dueTo');
  const items = useApiQuery(
    apiGet('/supervision', {
      params: {
        query: {
          chain: chainCode,
          region: regionCode,
          pageSize: 500,
          ...(state ? { state } : {}),
          ...(departmentId ? { departmentId } : {}),
          ...(dueFrom ? { dueFrom } : {}),
          ...(dueTo ? { dueTo } : {}),
        },
      },
    }),
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <Space wrap>
          <Segmented
            value={state ?? 'all'}
            onChange={(value) => filters.set({ state: value === 'all' ? undefined : value })}
            data-testid="supervision-state"
            options={[
              { value: 'all', label: t('leader.kind.all') },
              { value: 'open', label: t('leader.state.open') },
              { value: 'overdue', label: t('leader.state.overdue') },
              { value: 'done', label: t('leader.state.done') },
            ]}
          />
          <Select
            allowClear
            style={{ width: 240 }}
            placeholder={t('leader.supervision.owner')}
            value={departmentId}
            onChange={(id?: number) => filters.set({ department: id ? String(id) : undefined })}
            options={departments.map((d) => ({
              value: d.id,
              label: nameIn(d.name, d.nameEn, locale),
            }))}
          />
          <DateRangeFilter
            label={t('leader.dueDates')}
            from={dueFrom}
            to={dueTo}
            onChange={(range) =>
              filters.set('from' in range ? { dueFrom: range.from } : { dueTo: range.to })
            }
            testId="supervision-due"
          />
        </Space>
        {canAssign && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAssigning(true)}
            data-testid="supervision-new"
          >
            {t('leader.supervision.new')}
          </Button>
        )}
      </div>
      {items.error && <ApiErrorAlert error={items.error} onRetry={items.reload} />}
      <SupervisionList items={items.data?.items ?? []} loading={items.loading} />
      <SupervisionFormModal
        open={assigning}
        chainCode={chainCode}
        regionCode={regionCode}
        onClose={() => setAssigning(false)}
        onSaved={() => {
          setAssigning(false);
          items.reload();
        }}
      />
    </Space>
  );
}
