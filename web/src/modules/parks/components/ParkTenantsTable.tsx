import type { ParkDetail } from '@shared/api/parks.ts';
import { Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';

type Tenant = ParkDetail['tenants'][number];

/** A park's tenants with the chain node each mainly sits on. */
export function ParkTenantsTable({ tenants }: { tenants: Tenant[] }) {
  const { t, locale } = useI18n();
  const { nodeByCode } = useChain();
  return (
    <Table<Tenant>
      rowKey="id"
      size="small"
      dataSource={tenants}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        {
          key: 'name',
          title: t('enterprise.name'),
          render: (_, tenant) => <Link to={`/enterprises/${tenant.id}`}>{tenant.name}</Link>,
        },
        {
          key: 'node',
          title: t('enterprise.primaryNode'),
          render: (_, tenant) => {
            const node = tenant.nodeCode ? nodeByCode.get(tenant.nodeCode) : undefined;
            if (node) return localName(node.name, locale);
            return <Typography.Text type="secondary">{t('enterprise.offChain')}</Typography.Text>;
          },
        },
      ]}
    />
  );
}
