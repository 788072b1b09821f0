import type { ChainLeadership } from '@shared/api/leadership.ts';
import { Button, Form, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { RegionCascader } from '../../ui/components/RegionCascader.tsx';
import { useAction } from '../../ui/hooks/useAction.ts';

interface Draft {
  leaderName: string;
  leaderTitle?: string;
  officeName?: string;
}

/** 链长与链办: who leads each chain in a region and its office; set, change or remove. */
export function AdminLeadersPage() {
  const { t, locale } = useI18n();
  const homeRegion = useHomeRegion();
  const [chosen, setChosen] = useState<string | null>(null);
  const region = chosen ?? homeRegion;
  const list = useApiQuery(apiGet('/leadership', { params: { query: { region } } }));
  const action = useAction();
  const [editing, setEditing] = useState<ChainLeadership | null>(null);
  const [form] = Form.useForm<Draft>();

  const save = async (values: Draft) => {
    if (!editing) return;
    const saved = await action.run(() =>
      api.PUT('/chains/{code}/leadership', {
        params: { path: { code: editing.chain.code }, query: { region } },
        body: {
          leader: { name: values.leaderName, title: values.leaderTitle || null },
          officeName: values.officeName || null,
        },
      }),
    );
    if (!saved) return;
    setEditing(null);
    list.reload();
  };
  const remove = async (code: string) => {
    const done = await action.run(() =>
      api.DELETE('/chains/{code}/leadership', {
        params: { path: { code }, query: { region } },
      }),
    );
    if (done !== null) list.reload();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('admin.leaders.title')}</Typography.Title>
      <RegionCascader
        value={region}
        onChange={(code) => setChosen(code ?? null)}
        allowClear={false}
        testId="leaders-region"
      />
      {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
      <Table<ChainLeadership>
        rowKey={(row) => row.chain.code}
        size="small"
        pagination={false}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="leaders-table"
        columns={[
          {
            key: 'chain',
            title: t('admin.leaders.chain'),
            render: (_, row) => localName(row.chain.name, locale),
          },
          {
            key: 'leader',
            title: t('admin.leaders.leader'),
            render: (_, row) =>
              row.leader
                ? `${row.leader.name}${row.leader.title ? `（${row.leader.title}）` : ''}`
                : '—',
          },
          {
            key: 'office',
            title: t('admin.leaders.office'),
            render: (_, row) => row.officeName ?? '—',
          },
          {
            key: 'actions',
            width: 200,
            render: (_, row) => (
              <Space>
                <Button
                  size="small"
                  data-testid={`leaders-edit-${row.chain.code}`}
                  onClick={() => {
                    form.setFieldsValue({
                      leaderName: row.leader?.name ?? '',
                      leaderTitle: row.leader?.title ?? '',
                      officeName: row.officeName ?? '',
                    });
                    setEditing(row);
                  }}
                >
                  {t('admin.leaders.edit')}
                </Button>
                {(row.leader || row.officeName) && (
                  <Popconfirm
                    title={t('admin.leaders.removeConfirm')}
                    onConfirm={() => void remove(row.chain.code)}
                  >
                    <Button size="small" danger data-testid={`leaders-remove-${row.chain.code}`}>
                      {t('admin.leaders.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Text type="secondary">
        {t('admin.leaders.general')}:{' '}
        {list.data?.items[0]?.generalLeader
          ? `${list.data.items[0].generalLeader.name}${list.data.items[0].generalLeader.title ? `（${list.data.items[0].generalLeader.title}）` : ''}`
          : '—'}
      </Typography.Text>
      <Modal
        open={editing !== null}
        title={editing ? localName(editing.chain.name, locale) : ''}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={action.busy}
        okButtonProps={{ 'data-testid': 'leaders-save' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Form.Item
            name="leaderName"
            label={t('admin.leaders.leader')}
            rules={[{ required: true, max: 100 }]}
          >
            <Input data-testid="leaders-name" />
          </Form.Item>
          <Form.Item
            name="leaderTitle"
            label={t('admin.leaders.title.post')}
            rules={[{ max: 100 }]}
          >
            <Input data-testid="leaders-post" />
          </Form.Item>
          <Form.Item name="officeName" label={t('admin.leaders.office')} rules={[{ max: 200 }]}>
            <Input data-testid="leaders-office" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
