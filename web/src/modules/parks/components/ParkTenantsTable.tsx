import type { ParkDetail } from '@shared/api/parks.ts';
import { Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useOtherChainsText } from '../../chains/hooks/useOtherChainsText.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';

type Tenant = ParkDetail['tenants'][number];

/**
 * A park's tenants with the node each counts on on the chain in view; a tenant on other chains
 * only names them (非本链 · …), one on none reads 未归入产业链.
 */
export function ParkTenantsTable({ tenants }: { tenants: Tenant[] }) {
  const { t, locale } = useI18n();
  const { nodeByCode } = useChain();
  const otherChainsText = useOtherChainsText();
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
            const node = tenant.nodeCodes.map((code) => nodeByCode.get(code)).find(Boolean);
            if (node) return localName(node.name, locale);
            const chains = [...new Set(tenant.nodeCodes.map((code) => code.split('.')[0] ?? code))];
            return (
              <Typography.Text type="secondary" data-testid="other-chain">
                {otherChainsText(chains)}
              </Typography.Text>
            );
          },
        },
      ]}
    />
  );
}
