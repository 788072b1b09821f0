import { PROBLEM_STAGES } from '@shared/problem-stages.ts';
import { formatDate } from '@shared/format.ts';
import { Button, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { NodeTreeSelect } from '../../chains/components/NodeTreeSelect.tsx';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName, nameIn } from '../../i18n/utils/localName.ts';
import type { ProblemFilters } from '../hooks/useProblemFilters.ts';
import type { ProblemLookups } from '../hooks/useProblemLookups.ts';
import { stageName } from '../utils/problemNames.ts';
import { DateRangeFilter } from '../../ui/components/DateRangeFilter.tsx';

/**
 * The list's filters: stage, category, department, node, overdue, text and the receipt dates; and
 * those only a link sets (the scorecard's: region, close and rating dates, returned left out),
 * each shown as a tag that removes it.
 */
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
      <LinkedFilterTags filters={filters} />
    </Space>
  );
}

/** The filters a link set that have no control of their own, each closable. */
function LinkedFilterTags({ filters }: { filters: ProblemFilters }) {
  const { t, locale } = useI18n();
  const { get, set } = filters;
  const range = (from: string | undefined, to: string | undefined) =>
    `${from ? formatDate(from, locale) : '…'} – ${to ? formatDate(to, locale) : '…'}`;
  const tags: { key: string; text: string; clear: Parameters<typeof set>[0] }[] = [];
  const region = get('region');
  if (region) {
    tags.push({
      key: 'region',
      text: t('problems.filter.region', { region }),
      clear: { region: undefined },
    });
  }
  for (const [name, label] of [
    ['closed', t('problems.filter.closed')],
    ['rated', t('problems.filter.rated')],
  ] as const) {
    const from = get(`${name}From`);
    const to = get(`${name}To`);
    if (from || to) {
      tags.push({
        key: name,
        text: `${label} ${range(from, to)}`,
        clear: { [`${name}From`]: undefined, [`${name}To`]: undefined },
      });
    }
  }
  if (get('returned') === 'false') {
    tags.push({
      key: 'returned',
      text: t('problems.filter.notReturned'),
      clear: { returned: undefined },
    });
  }
  if (tags.length === 0) return null;
  return (
    <Space size={4} wrap data-testid="filter-linked">
      {tags.map((tag) => (
        <Tag
          key={tag.key}
          closable
          color="blue"
          onClose={() => set(tag.clear)}
          data-testid={`filter-linked-${tag.key}`}
        >
          {tag.text}
        </Tag>
      ))}
    </Space>
  );
}
