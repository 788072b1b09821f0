import type { Expert } from '@shared/api/experts.ts';
import { Alert, Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { NodeTreeSelect } from '../../chains/components/NodeTreeSelect.tsx';
import { useChainCode } from '../../chains/hooks/useChainCode.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { ExpertFormModal } from './ExpertFormModal.tsx';

/** 专家库: the chain's experts, filtered by node or text, added and edited by the office. */
export function ExpertsPage() {
  const { t, locale } = useI18n();
  const chainCode = useChainCode();
  const canWrite = useCan('expert:write');
  const [params, setParams] = useSearchParams();
  const node = params.get('node') ?? undefined;
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Expert | 'new' | null>(null);
  const list = useApiQuery(
    chainCode
      ? apiGet('/chains/{code}/experts', {
          params: {
            path: { code: chainCode },
            query: { pageSize: 500, ...(node && { node }), ...(q && { q }) },
          },
        })
      : null,
  );
  if (!chainCode) return <Alert type="info" showIcon message={t('cockpit.noRegion')} />;
  return (
    <div data-testid="experts-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 0 }}>
            {t('expert.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('expert.subtitle')}</Typography.Text>
        </div>
        {canWrite && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="expert-add">
            {t('expert.add')}
          </Button>
        )}
      </Space>
      <Space style={{ margin: '12px 0' }} wrap>
        <NodeTreeSelect
          value={node}
          stagesSelectable={false}
          placeholder={t('expert.filterNode')}
          testId="expert-filter-node"
          onChange={(code) => setParams(code ? { node: code } : {})}
        />
        <Input.Search
          allowClear
          placeholder={t('expert.search')}
          onSearch={(value) => setQ(value.trim())}
          style={{ width: 240 }}
          data-testid="expert-search"
        />
      </Space>
      {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
      <Table<Expert>
        size="small"
        rowKey="id"
        loading={list.loading && !list.data}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="experts-table"
        columns={[
          {
            title: t('expert.name'),
            dataIndex: 'name',
            render: (_, row) => (
              <>
                <DataText>{row.name}</DataText>
                {row.demo && <Tag style={{ marginLeft: 6 }}>{t('expert.demo')}</Tag>}
              </>
            ),
          },
          {
            title: t('expert.fields'),
            dataIndex: 'fields',
            render: (_, row) => <DataText>{row.fields.join('、')}</DataText>,
          },
          {
            title: t('expert.nodes'),
            dataIndex: 'nodes',
            render: (_, row) =>
              row.nodes.map((n) => <Tag key={n.code}>{localName(n.name, locale)}</Tag>),
          },
          {
            title: t('expert.institution'),
            dataIndex: 'institution',
            render: (_, row) => <DataText>{row.institution ?? ''}</DataText>,
          },
          {
            title: t('expert.jobTitle'),
            dataIndex: 'title',
            width: 100,
            render: (_, row) => <DataText>{row.title ?? ''}</DataText>,
          },
          {
            title: t('expert.advice'),
            dataIndex: 'advice',
            render: (_, row) => (
              <DataText>
                {row.advice
                  .map((a) => a.enterprise?.name ?? a.project?.name ?? '')
                  .filter(Boolean)
                  .join('、')}
              </DataText>
            ),
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'edit',
                  width: 70,
                  render: (_: unknown, row: Expert) => (
                    <Button size="small" type="link" onClick={() => setEditing(row)}>
                      {t('expert.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ExpertFormModal
        open={editing !== null}
        chainCode={chainCode}
        expert={editing === 'new' ? null : editing}
        defaultNode={node}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </div>
  );
}
