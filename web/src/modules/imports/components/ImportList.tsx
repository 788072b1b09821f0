import { formatDateTime } from '@shared/format.ts';
import type { ImportView } from '@shared/api/imports.ts';
import { Table } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ImportStatusTag } from './ImportStatusTag.tsx';

/** Past imports, newest first; choosing one shows its summary. */
export function ImportList({
  items,
  loading,
  selected,
  onSelect,
}: {
  items: ImportView[];
  loading: boolean;
  selected: number | null;
  onSelect: (id: number) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Table<ImportView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: t('imports.none') }}
      rowClassName={(row) => (row.id === selected ? 'ant-table-row-selected' : '')}
      onRow={(row) => ({ onClick: () => onSelect(row.id), style: { cursor: 'pointer' } })}
      columns={[
        { key: 'id', title: '#', dataIndex: 'id', width: 70 },
        { key: 'file', title: t('imports.file'), dataIndex: 'fileName' },
        { key: 'source', title: t('imports.source'), dataIndex: 'source' },
        {
          key: 'status',
          title: t('imports.statusTitle'),
          width: 120,
          render: (_, row) => <ImportStatusTag status={row.status} />,
        },
        { key: 'rows', title: t('imports.rowsRead'), dataIndex: 'rowsRead', width: 100 },
        {
          key: 'rejected',
          title: t('imports.rowsRejected'),
          dataIndex: 'rowsRejected',
          width: 100,
        },
        { key: 'errors', title: t('imports.errorCount'), dataIndex: 'errorCount', width: 100 },
        { key: 'actor', title: t('imports.actor'), dataIndex: 'actorName', width: 120 },
        {
          key: 'started',
          title: t('imports.startedAt'),
          width: 180,
          render: (_, row) => formatDateTime(row.startedAt, locale),
        },
      ]}
    />
  );
}
