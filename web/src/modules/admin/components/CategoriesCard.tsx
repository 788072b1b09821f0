import type { ProblemCategory } from '@shared/api/problems.ts';
import { Card, InputNumber, Switch, Table } from 'antd';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { useAction } from '../../ui/hooks/useAction.ts';

/** Problem categories with their SLA in working days (problem:manage). */
export function CategoriesCard() {
  const { t, locale } = useI18n();
  const categories = useApiQuery(apiGet('/problem-categories'));
  const action = useAction();
  const change = async (
    category: ProblemCategory,
    body: { slaWorkingDays?: number; active?: boolean },
  ) => {
    const saved = await action.run(() =>
      api.PATCH('/problem-categories/{code}', { params: { path: { code: category.code } }, body }),
    );
    if (saved) categories.reload();
  };
  return (
    <Card size="small" title={t('admin.categories.title')}>
      {categories.error && <ApiErrorAlert error={categories.error} />}
      <Table<ProblemCategory>
        rowKey="code"
        size="small"
        loading={categories.loading}
        dataSource={categories.data?.items ?? []}
        pagination={false}
        data-testid="category-table"
        columns={[
          {
            key: 'name',
            title: t('admin.categories.name'),
            render: (_, c) => localName(c.name, locale),
          },
          {
            key: 'sla',
            title: t('admin.categories.sla'),
            width: 170,
            render: (_, c) => (
              <InputNumber
                key={`${c.code}-${c.slaWorkingDays}`}
                size="small"
                min={1}
                max={250}
                defaultValue={c.slaWorkingDays}
                disabled={action.busy}
                onBlur={(e) => {
                  const days = Number(e.target.value);
                  if (Number.isInteger(days) && days !== c.slaWorkingDays)
                    void change(c, { slaWorkingDays: days });
                }}
                addonAfter={t('admin.categories.days')}
                data-testid={`sla-${c.code}`}
              />
            ),
          },
          {
            key: 'active',
            title: t('admin.active'),
            width: 90,
            render: (_, c) => (
              <Switch
                size="small"
                checked={c.active}
                onChange={(active) => void change(c, { active })}
                aria-label={t('admin.active')}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
