import type { ProblemList, ProblemSummary } from '@shared/api/problems.ts';
import { Table } from 'antd';
import { Link } from 'react-router-dom';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { satisfactionName } from '../utils/problemNames.ts';
import { DepartmentName } from './DepartmentName.tsx';
import { DueDate } from './DueDate.tsx';
import { StageTag } from './StageTag.tsx';

/** One page of problems: reference, title, enterprise, node, category, department, stage, due. */
export function ProblemTable({
  list,
  page,
  pageSize,
  loading,
  onPage,
}: {
  list: ProblemList;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Table<ProblemSummary>
      rowKey="id"
      size="middle"
      data-testid="problem-table"
      loading={loading}
      dataSource={list.items}
      locale={{ emptyText: t('problems.none') }}
      // The columns' widths add up to 1,100 px: the whole row fits a 1366-px screen beside the menu.
      scroll={{ x: 1100 }}
      onRow={(problem) => ({ 'data-problem-id': problem.id }) as object}
      pagination={{
        current: page,
        pageSize,
        total: list.total,
        showSizeChanger: false,
        onChange: onPage,
      }}
      columns={[
        {
          key: 'reference',
          title: t('problems.col.reference'),
          width: 100,
          fixed: 'left',
          render: (_, p) => (
            <Link to={`/problems/${p.id}`} data-testid="problem-link">
              <code>{p.reference}</code>
            </Link>
          ),
        },
        {
          key: 'title',
          title: t('problems.col.title'),
          width: 180,
          fixed: 'left',
          ellipsis: true,
          render: (_, p) => <Link to={`/problems/${p.id}`}>{p.title}</Link>,
        },
        {
          key: 'stage',
          title: t('problems.col.stage'),
          width: 90,
          render: (_, p) => <StageTag stage={p.stage} />,
        },
        {
          key: 'due',
          title: t('problems.col.due'),
          width: 120,
          render: (_, p) => <DueDate problem={p} />,
        },
        {
          key: 'enterprise',
          title: t('problems.col.enterprise'),
          width: 170,
          ellipsis: true,
          render: (_, p) => <DataText>{p.enterprise.name}</DataText>,
        },
        {
          key: 'department',
          title: t('problems.col.department'),
          width: 140,
          ellipsis: true,
          render: (_, p) => <DepartmentName department={p.department} />,
        },
        {
          key: 'category',
          title: t('problems.col.category'),
          width: 110,
          render: (_, p) => <span data-content="ui">{localName(p.category.name, locale)}</span>,
        },
        {
          key: 'node',
          title: t('problems.col.node'),
          width: 100,
          ellipsis: true,
          render: (_, p) => (
            <span data-content="ui">{p.node ? localName(p.node.name, locale) : '—'}</span>
          ),
        },
        {
          key: 'satisfaction',
          title: t('problems.col.satisfaction'),
          width: 90,
          render: (_, p) => (
            <span data-content="ui">
              {p.satisfaction ? satisfactionName(p.satisfaction, locale) : '—'}
            </span>
          ),
        },
      ]}
    />
  );
}
