import type { User } from '@shared/api/users.ts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { FirmAccountsUpload } from './FirmAccountsUpload.tsx';
import { UserFormModal } from './UserFormModal.tsx';

/** 用户: every user with role and scope; create one (user:manage); 企业账号 in bulk. */
export function AdminUsersPage() {
  const { t, locale } = useI18n();
  const canManage = useCan('user:manage');
  const canFirm = useCan('firm-account:create');
  const users = useApiQuery(canManage ? apiGet('/users') : null);
  const chains = useApiQuery(apiGet('/chains'));
  const parks = useApiQuery(canManage ? apiGet('/parks') : null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const chainName = (code: string) => {
    const chain = chains.data?.items.find((c) => c.code === code);
    return chain ? localName(chain.name, locale) : code;
  };
  const scope = (u: User) => {
    const parts: string[] = [];
    if (u.departmentName) parts.push(u.departmentName);
    if (u.enterpriseName) parts.push(u.enterpriseName);
    if (u.parkId !== null) {
      const park = parks.data?.items.find((p) => p.id === u.parkId);
      if (park) parts.push(park.name);
    }
    return parts;
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <Typography.Title level={3}>{t('admin.users.title')}</Typography.Title>
        <Space wrap>
          {canFirm && <FirmAccountsUpload onCreated={users.reload} />}
          {canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="user-new"
            >
              {t('admin.users.new')}
            </Button>
          )}
        </Space>
      </div>
      {!canManage && canFirm && (
        <Typography.Paragraph type="secondary" data-testid="users-firm-only">
          {t('admin.users.firmOnly')}
        </Typography.Paragraph>
      )}
      {users.error && <ApiErrorAlert error={users.error} onRetry={users.reload} />}
      {canManage && (
        <Table<User>
          rowKey="id"
          size="small"
          loading={users.loading}
          dataSource={users.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 800 }}
          data-testid="user-table"
          columns={[
            { key: 'username', title: t('admin.users.username'), dataIndex: 'username' },
            {
              key: 'displayName',
              title: t('admin.users.displayName'),
              render: (_, u) => <DataText>{u.displayName ?? ''}</DataText>,
            },
            { key: 'role', title: t('admin.users.role'), render: (_, u) => t(`role.${u.role}`) },
            {
              key: 'scope',
              title: t('admin.users.scope'),
              render: (_, u) => <DataText>{scope(u).join('、')}</DataText>,
            },
            {
              key: 'chains',
              title: t('admin.users.chains'),
              render: (_, u) =>
                u.chainCodes === null
                  ? t('admin.users.allChains')
                  : u.chainCodes.map(chainName).join('、'),
            },
            {
              key: 'state',
              title: t('admin.users.state'),
              width: 130,
              render: (_, u) => (
                <Space size={4}>
                  {u.disabled ? (
                    <Tag>{t('admin.users.disabled')}</Tag>
                  ) : (
                    <Tag color="green">{t('admin.users.active')}</Tag>
                  )}
                  {u.mustChangePassword && <Tag color="orange">{t('admin.users.oneTimeTag')}</Tag>}
                </Space>
              ),
            },
            {
              key: 'edit',
              width: 80,
              render: (_, u) => (
                <Button
                  size="small"
                  onClick={() => setEditing(u)}
                  data-testid={`user-edit-${u.username}`}
                >
                  {t('admin.users.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <UserFormModal
        open={creating || editing !== null}
        user={editing}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
        onSaved={() => {
          setCreating(false);
          setEditing(null);
          users.reload();
        }}
      />
    </Space>
  );
}
