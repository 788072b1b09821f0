import { PROBLEM_STAGES } from '@shared/problem-stages.ts';
import { Button, Input, Select, Space, Switch, Typography } from 'antd';
import { NodeTreeSelect } from '../../chains/components/NodeTreeSelect.tsx';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName, nameIn } from '../../i18n/utils/localName.ts';
import type { ProblemFilters } from '../hooks/useProblemFilters.ts';
import type { ProblemLookups } from '../hooks/useProblemLookups.ts';
import { stageName } from '../utils/problemNames.ts';
import { DateRangeFilter } from '../../ui/components/DateRangeFilter.tsx';

/** The list's filters: stage, category, department, node, overdue, text and the receipt dates. */
export function ProblemFilterBar({
  filters,
  lookups,
}: {
  filters: ProblemFilters;
  lookups: ProblemLookups;
}) {
  const { t, locale } = useI18n();
  const { get, set } = filters;
  return (
    <Space wrap size="small" data-testid="problem-filters">
      <Input.Search
        // Uncontrolled while typing; a new address (clear filters, a link) starts it afresh.
        key={get('q') ?? ''}
        allowClear
        defaultValue={get('q')}
        placeholder={t('problems.filter.text')}
        onSearch={(q) => set({ q: q.trim() || undefined })}
        style={{ width: 220 }}
        data-testid="filter-q"
      />
      <Select
        allowClear
        placeholder={t('problems.filter.stage')}
        value={get('stage')}
        onChange={(stage?: string) => set({ stage })}
        options={PROBLEM_STAGES.map((stage) => ({ value: stage, label: stageName(stage, locale) }))}
        style={{ width: 120 }}
        data-testid="filter-stage"
      />
      <Select
        allowClear
        placeholder={t('problems.filter.category')}
        value={get('category')}
        onChange={(category?: string) => set({ category })}
        options={lookups.categories.map((c) => ({
          value: c.code,
          label: localName(c.name, locale),
        }))}
        style={{ width: 140 }}
        data-testid="filter-category"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="title"
        placeholder={t('problems.filter.department')}
        value={get('department')}
        onChange={(department?: string) => set({ department })}
        options={lookups.departments.map((d) => ({
          value: String(d.id),
          title: nameIn(d.name, d.nameEn, locale),
          label: <DataText>{nameIn(d.name, d.nameEn, locale)}</DataText>,
        }))}
        popupMatchSelectWidth={260}
        style={{ width: 180 }}
        data-testid="filter-department"
      />
      <NodeTreeSelect
        value={get('node')}
        onChange={(node) => set({ node })}
        placeholder={t('problems.filter.node')}
        testId="filter-node"
      />
      <DateRangeFilter
        label={t('problems.filter.received')}
        from={get('receivedFrom')}
        to={get('receivedTo')}
        onChange={(range) =>
          set('from' in range ? { receivedFrom: range.from } : { receivedTo: range.to })
        }
        testId="filter-received"
      />
      {/* A label: clicking the words toggles the switch too. */}
      <label className="filter-switch">
        <Switch
          size="small"
          checked={get('overdue') === 'true'}
          onChange={(on) => set({ overdue: on ? 'true' : undefined })}
          data-testid="filter-overdue"
        />
        <Typography.Text>{t('problems.filter.overdue')}</Typography.Text>
      </label>
      <Button onClick={filters.reset}>{t('common.reset')}</Button>
    </Space>
  );
}
