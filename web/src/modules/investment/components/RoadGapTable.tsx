import { formatYuan } from '@shared/format.ts';
import type { RoadToTarget } from '@shared/api/attract.ts';
import { Table, Tag } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';

type RoadNode = RoadToTarget['nodes'][number];

/** The gap left to fill at the target year, node by node, largest first. */
export function RoadGapTable({ nodes }: { nodes: RoadNode[] }) {
  const { t, locale } = useI18n();
  const sorted = [...nodes].sort(
    (a, b) => (b.shortfallYuan ?? -Infinity) - (a.shortfallYuan ?? -Infinity),
  );
  return (
    <Table<RoadNode>
      rowKey="code"
      size="small"
      dataSource={sorted}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      data-testid="road-gap-table"
      columns={[
        { key: 'node', title: t('invest.node'), render: (_, n) => localName(n.name, locale) },
        {
          key: 'status',
          title: t('invest.road.status'),
          render: (_, n) => (
            <Tag color={n.status === 'missing' ? 'red' : n.status === 'weak' ? 'orange' : 'green'}>
              {t(`invest.nodeStatus.${n.status}`)}
            </Tag>
          ),
        },
        {
          key: 'actual',
          title: t('invest.road.actual'),
          align: 'right',
          render: (_, n) => formatYuan(n.actualYuan, locale),
        },
        {
          key: 'pipeline',
          title: t('invest.road.pipeline'),
          align: 'right',
          render: (_, n) => formatYuan(n.pipelineYuan, locale),
        },
        {
          key: 'projected',
          title: t('invest.road.projected'),
          align: 'right',
          render: (_, n) => formatYuan(n.projectedYuan, locale),
        },
        {
          key: 'target',
          title: t('invest.road.target'),
          align: 'right',
          render: (_, n) => formatYuan(n.targetYuan, locale),
        },
        {
          key: 'shortfall',
          title: t('invest.road.shortfall'),
          align: 'right',
          render: (_, n) =>
            n.shortfallYuan === null ? (
              '—'
            ) : (
              <span style={{ color: n.shortfallYuan > 0 ? '#cf1322' : '#389e0d' }}>
                {formatYuan(n.shortfallYuan, locale)}
              </span>
            ),
        },
      ]}
    />
  );
}
