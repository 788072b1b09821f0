import { ROLES, type Role } from '@shared/permissions.ts';
import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName, nameIn } from '../../i18n/utils/localName.ts';
import { useAction } from '../../ui/hooks/useAction.ts';

interface FormValues {
  username: string;
  password: string;
  displayName?: string;
  role: Role;
  departmentId?: number;
  parkId?: number;
  enterpriseId?: number;
  chainCodes?: string[];
  oneTime?: boolean;
}

const CHAIN_BOUND: readonly Role[] = [
  'office',
  'chain_leader',
  'analyst',
  'viewer',
  'department',
  'park',
];

/** Creates a user with a role and its scope: department, park, enterprise or chains. */
export function UserFormModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const role = Form.useWatch('role', form);
  const action = useAction();
  const departments = useApiQuery(open ? apiGet('/departments') : null);
  const parks = useApiQuery(open && role === 'park' ? apiGet('/parks') : null);
  const chains = useApiQuery(open ? apiGet('/chains') : null);

  const save = async (v: FormValues) => {
    const saved = await action.run(() =>
      api.POST('/users', {
        body: {
          username: v.username.trim(),
          password: v.password,
          role: v.role,
          displayName: v.displayName?.trim() || null,
          departmentId: v.role === 'department' ? (v.departmentId ?? null) : null,
          parkId: v.role === 'park' ? (v.parkId ?? null) : null,
          enterpriseId: v.role === 'firm' ? (v.enterpriseId ?? null) : null,
          chainCodes: CHAIN_BOUND.includes(v.role) && v.chainCodes?.length ? v.chainCodes : null,
          oneTime: v.oneTime ?? true,
        },
      }),
    );
    if (saved) onSaved();
  };

  return (
    <Modal
      open={open}
      title={t('admin.users.new')}
      okText={t('leader.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      okButtonProps={{ 'data-testid': 'user-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: 'viewer', oneTime: true }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="username"
          label={t('admin.users.username')}
          rules={[{ required: true, min: 2, max: 32 }]}
        >
          <Input autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('admin.users.displayName')}>
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('admin.users.password')}
          rules={[{ required: true, min: 10 }]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <Form.Item name="oneTime" valuePropName="checked">
          <Checkbox>{t('admin.users.oneTime')}</Checkbox>
        </Form.Item>
        <Form.Item name="role" label={t('admin.users.role')} rules={[{ required: true }]}>
          <Select
            data-testid="user-role"
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
        </Form.Item>
        {role === 'department' && (
          <Form.Item
            name="departmentId"
            label={t('admin.users.department')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch
              optionFilterProp="search"
              options={(departments.data?.items ?? [])
                .filter((d) => d.active)
                .map((d) => ({
                  value: d.id,
                  search: d.name,
                  label: <DataText>{nameIn(d.name, d.nameEn, locale)}</DataText>,
                }))}
            />
          </Form.Item>
        )}
        {role === 'park' && (
          <Form.Item name="parkId" label={t('admin.users.park')} rules={[{ required: true }]}>
            <Select
              options={(parks.data?.items ?? []).map((p) => ({
                value: p.id,
                label: <DataText>{nameIn(p.name, p.nameEn, locale)}</DataText>,
              }))}
            />
          </Form.Item>
        )}
        {role === 'firm' && (
          <Form.Item
            name="enterpriseId"
            label={t('admin.users.enterprise')}
            rules={[{ required: true }]}
          >
            <EnterpriseSelect />
          </Form.Item>
        )}
        {role !== undefined && CHAIN_BOUND.includes(role) && (
          <Form.Item
            name="chainCodes"
            label={t('admin.users.chains')}
            extra={t('admin.users.chainsHelp')}
          >
            <Select
              mode="multiple"
              allowClear
              options={(chains.data?.items ?? []).map((c) => ({
                value: c.code,
                label: localName(c.name, locale),
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** An enterprise picked by name: the registry searched as one types. */
function EnterpriseSelect({
  value,
  onChange,
}: {
  value?: number;
  onChange?: (id: number) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useApiQuery(
    q.trim().length >= 2
      ? apiGet('/enterprises', { params: { query: { q: q.trim(), pageSize: 20 } } })
      : null,
  );
  return (
    <Select
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={value}
      onChange={onChange}
      placeholder={t('leader.enterpriseSearch')}
      notFoundContent={t('leader.enterpriseSearch')}
      options={(found.data?.items ?? []).map((e) => ({
        value: e.id,
        label: <DataText>{e.name}</DataText>,
      }))}
    />
  );
}
