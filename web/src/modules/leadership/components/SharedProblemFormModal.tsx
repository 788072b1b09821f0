import type { ProblemSummary } from '@shared/api/problems.ts';
import { formatDate } from '@shared/format.ts';
import { PROBLEM_STAGE_NAMES } from '@shared/problem-stages.ts';
import { Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { useAction } from '../../ui/hooks/useAction.ts';

interface FormValues {
  title: string;
  summary?: string;
}

/** Groups two or more problems of the chain, picked from a searchable list, as a 共性问题. */
export function SharedProblemFormModal({
  open,
  chainCode,
  regionCode,
  onClose,
  onSaved,
}: {
  open: boolean;
  chainCode: string;
  regionCode: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const action = useAction();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const problems = useApiQuery(
    open
      ? apiGet('/problems', {
          params: {
            query: { chain: chainCode, region: regionCode, pageSize: 100, ...(q ? { q } : {}) },
          },
        })
      : null,
  );

  const save = async (values: FormValues) => {
    const saved = await action.run(() =>
      api.POST('/shared-problems', {
        body: {
          problemIds: selected,
          title: values.title.trim(),
          summary: values.summary?.trim() || null,
        },
      }),
    );
    if (saved) onSaved();
  };

  return (
    <Modal
      open={open}
      title={t('leader.shared.new')}
      okText={t('leader.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      okButtonProps={{ disabled: selected.length < 2, 'data-testid': 'shared-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setSelected([]);
        setQ('');
      }}
      width={820}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          name="title"
          label={t('leader.shared.title')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input data-testid="shared-title" />
        </Form.Item>
        <Form.Item name="summary" label={t('leader.shared.summary')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      <Input.Search
        allowClear
        placeholder={t('leader.shared.search')}
        onSearch={setQ}
        style={{ marginBottom: 8 }}
      />
      <Typography.Text type="secondary">
        {t('leader.shared.selected', { count: selected.length })}
      </Typography.Text>
      <Table<ProblemSummary>
        rowKey="id"
        size="small"
        loading={problems.loading}
        dataSource={problems.data?.items ?? []}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        scroll={{ x: 700 }}
        data-testid="shared-problem-picker"
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(Number)),
          getCheckboxProps: (p) => ({ disabled: p.sharedProblemId !== null }),
        }}
        columns={[
          { key: 'ref', title: t('leader.shared.reference'), render: (_, p) => p.reference },
          {
            key: 'title',
            title: t('leader.shared.problem'),
            render: (_, p) => (
              <DataText>
                {p.title} · {p.enterprise.name}
              </DataText>
            ),
          },
          {
            key: 'node',
            title: t('leader.activity.nodes'),
            render: (_, p) => (p.node ? localName(p.node.name, locale) : ''),
          },
          {
            key: 'stage',
            title: t('leader.supervision.state'),
            render: (_, p) => <Tag>{localName(PROBLEM_STAGE_NAMES[p.stage], locale)}</Tag>,
          },
          {
            key: 'received',
            title: t('leader.shared.received'),
            render: (_, p) => formatDate(p.receivedAt, locale),
          },
        ]}
      />
    </Modal>
  );
}
