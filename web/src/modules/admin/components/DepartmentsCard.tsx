import type { Department } from '@shared/api/problems.ts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { useAction } from '../../ui/hooks/useAction.ts';

interface FormValues {
  name: string;
  nameEn?: string;
}

/** The departments problems and 督办 items go to: add, rename, deactivate (department:manage). */
export function DepartmentsCard() {
  const { t } = useI18n();
  const departments = useApiQuery(apiGet('/departments'));
  const action = useAction();
  const [form] = Form.useForm<FormValues>();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);

  const open = (department: Department | 'new') => {
    form.setFieldsValue(
      department === 'new'
        ? { name: '', nameEn: '' }
        : { name: department.name, nameEn: department.nameEn ?? '' },
    );
    setEditing(department);
  };
  const save = async (values: FormValues) => {
    const body = { name: values.name.trim(), nameEn: values.nameEn?.trim() || null };
    const saved = await action.run(() =>
      editing === 'new' || editing === null
        ? api.POST('/departments', { body })
        : api.PATCH('/departments/{id}', { params: { path: { id: editing.id } }, body }),
    );
    if (saved) {
      setEditing(null);
      departments.reload();
    }
  };
  const setActive = async (department: Department, active: boolean) => {
    const saved = await action.run(() =>
      api.PATCH('/departments/{id}', { params: { path: { id: department.id } }, body: { active } }),
    );
    if (saved) departments.reload();
  };

  return (
    <Card
      size="small"
      title={t('admin.departments.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => open('new')} data-testid="department-new">
          {t('admin.departments.new')}
        </Button>
      }
    >
      {departments.error && <ApiErrorAlert error={departments.error} />}
      <Table<Department>
        rowKey="id"
        size="small"
        loading={departments.loading}
        dataSource={departments.data?.items ?? []}
        pagination={false}
        scroll={{ x: 560 }}
        data-testid="department-table"
        columns={[
          {
            key: 'name',
            title: t('admin.departments.name'),
            render: (_, d) => <DataText>{d.name}</DataText>,
          },
          {
            key: 'nameEn',
            title: t('admin.departments.nameEn'),
            render: (_, d) => <DataText>{d.nameEn ?? ''}</DataText>,
          },
          {
            key: 'active',
            title: t('admin.active'),
            width: 110,
            render: (_, d) => (
              <Switch
                size="small"
                checked={d.active}
                onChange={(active) => void setActive(d, active)}
                aria-label={t('admin.active')}
              />
            ),
          },
          {
            key: 'edit',
            width: 90,
            render: (_, d) =>
              d.active ? (
                <Button type="link" size="small" onClick={() => open(d)}>
                  {t('admin.rename')}
                </Button>
              ) : (
                <Tag>{t('admin.inactive')}</Tag>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('admin.departments.new') : t('admin.rename')}
        okText={t('leader.save')}
        cancelText={t('common.cancel')}
        confirmLoading={action.busy}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        okButtonProps={{ 'data-testid': 'department-save' }}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Form.Item
            name="name"
            label={t('admin.departments.name')}
            rules={[{ required: true, whitespace: true, max: 100 }]}
          >
            <Input data-testid="department-name" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('admin.departments.nameEn')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
