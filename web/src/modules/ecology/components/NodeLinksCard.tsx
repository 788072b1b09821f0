import type { NodeLinks } from '@shared/api/links.ts';
import { formatNumber } from '@shared/format.ts';
import { Card, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';

type Flow = NodeLinks['flows'][number];

/** Where one node's firms buy and sell along the chain: supply links by the partner's node. */
export function NodeLinksCard({
  chainCode,
  regionCode,
}: {
  chainCode: string;
  regionCode: string;
}) {
  const { t, locale } = useI18n();
  const { chain } = useChain();
  const nodes = (chain?.stages ?? []).flatMap((s) => s.nodes);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const nodeCode = picked ?? nodes[0]?.code;
  const view = useApiQuery(
    nodeCode
      ? apiGet('/chains/{code}/nodes/{node}/links', {
          params: { path: { code: chainCode, node: nodeCode }, query: { region: regionCode } },
        })
      : null,
  );
  return (
    <Card
      title={t('ecology.nodeView')}
      extra={
        <Select
          value={nodeCode}
          onChange={setPicked}
          style={{ minWidth: 220 }}
          options={nodes.map((n) => ({ value: n.code, label: localName(n.name, locale) }))}
          data-testid="node-links-node"
        />
      }
      data-testid="node-links"
    >
      {view.error && <ApiErrorAlert error={view.error} onRetry={view.reload} />}
      <Table<Flow>
        rowKey={(f) => `${f.direction}:${f.node?.code ?? ''}`}
        dataSource={view.data?.flows ?? []}
        loading={!view.error && !view.data}
        pagination={false}
        size="small"
        columns={[
          {
            title: t('ecology.direction'),
            key: 'direction',
            render: (_, f) => t(`ecology.direction.${f.direction}`),
          },
          {
            title: t('ecology.partnerNode'),
            key: 'node',
            render: (_, f) => (f.node ? localName(f.node.name, locale) : t('ecology.unplaced')),
          },
          {
            title: t('ecology.links'),
            key: 'links',
            align: 'right',
            render: (_, f) => formatNumber(f.links),
          },
          {
            title: t('ecology.local'),
            key: 'local',
            align: 'right',
            render: (_, f) => formatNumber(f.local),
          },
          {
            title: t('ecology.onFlow'),
            key: 'flow',
            render: (_, f) =>
              f.onChainFlow ? (
                <Tag color="blue">{t('ecology.onFlow.yes')}</Tag>
              ) : (
                <Tag>{t('ecology.onFlow.no')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
