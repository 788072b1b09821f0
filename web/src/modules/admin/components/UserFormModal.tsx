import type { User } from '@shared/api/users.ts';
import { ROLES, type Role } from '@shared/permissions.ts';
import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
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
  disabled?: boolean;
}

const CHAIN_BOUND: readonly Role[] = [
  'office',
  'chain_leader',
  'analyst',
  'viewer',
  'department',
  'park',
];

/** The role and what binds it (department, park, enterprise, chains), as create and edit send them. */
function roleFields(v: FormValues) {
  return {
    role: v.role,
    displayName: v.displayName?.trim() || null,
    departmentId: v.role === 'department' ? (v.departmentId ?? null) : null,
    parkId: v.role === 'park' ? (v.parkId ?? null) : null,
    enterpriseId: v.role === 'firm' ? (v.enterpriseId ?? null) : null,
    chainCodes: CHAIN_BOUND.includes(v.role) && v.chainCodes?.length ? v.chainCodes : null,
  };
}
/**
 * Creates a user with a role and its scope (department, park, enterprise or chains), or edits one
 * (`user`): role and scope, name, disabled (which ends its sessions), and a new password if given.
 */
export function UserFormModal({
  open,
  user = null,
  onClose,
  onSaved,
}: {
  open: boolean;
  user?: User | null;
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

  useEffect(() => {
    if (!open || !user) return;
    form.setFieldsValue({
      username: user.username,
      displayName: user.displayName ?? '',
      role: user.role,
      ...(user.departmentId !== null && { departmentId: user.departmentId }),
      ...(user.parkId !== null && { parkId: user.parkId }),
      ...(user.enterpriseId !== null && { enterpriseId: user.enterpriseId }),
      chainCodes: user.chainCodes ?? [],
      disabled: user.disabled,
      oneTime: true,
    });
  }, [open, user, form]);

  const update = async (id: number, v: FormValues) => {
    const saved = await action.run(async () => {
      const changed = await api.PATCH('/users/{id}', {
        params: { path: { id } },
        body: {
          ...roleFields(v),
          disabled: v.disabled ?? false,
        },
      });
      if (v.password) {
        await api.POST('/users/{id}/password', {
          params: { path: { id } },
          body: { password: v.password, oneTime: v.oneTime ?? true },
        });
      }
      return changed;
    });
    if (saved) onSaved();
  };

  const save = async (v: FormValues) => {
    if (user) return update(user.id, v);
    const saved = await action.run(() =>
      api.POST('/users', {
        body: {
          username: v.username.trim(),
          password: v.password,
          ...roleFields(v),
          oneTime: v.oneTime ?? true,
        },
      }),
    );
    if (saved) onSaved();
  };

  return (
    <Modal
      open={open}
      title={user ? `${t('admin.users.edit')} ${user.username}` : t('admin.users.new')}
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
          <Input autoComplete="off" disabled={user !== null} data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('admin.users.displayName')}>
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={user ? t('admin.users.newPassword') : t('admin.users.password')}
          rules={[{ required: user === null, min: 10 }]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <Form.Item name="oneTime" valuePropName="checked">
          <Checkbox>{t('admin.users.oneTime')}</Checkbox>
        </Form.Item>
        {user && (
          <Form.Item name="disabled" valuePropName="checked" extra={t('admin.users.disableHelp')}>
            <Checkbox data-testid="user-disabled">{t('admin.users.disableUser')}</Checkbox>
          </Form.Item>
        )}
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
