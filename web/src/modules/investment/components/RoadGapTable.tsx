import { moneyColumnFormat } from '@shared/format.ts';
import type { RoadToTarget } from '@shared/api/attract.ts';
import { Table, Tag } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';

type RoadNode = RoadToTarget['nodes'][number];

/** The gap left to fill at the target year, node by node, largest first. */
export function RoadGapTable({ nodes }: { nodes: RoadNode[] }) {
  const { t, locale } = useI18n();
  const money = (pick: (n: RoadNode) => number | null) =>
    moneyColumnFormat(nodes.map(pick), locale);
  const actual = money((n) => n.actualYuan);
  const pipeline = money((n) => n.pipelineYuan);
  const projected = money((n) => n.projectedYuan);
  const target = money((n) => n.targetYuan);
  const shortfall = money((n) => (n.shortfallYuan === null ? null : Math.abs(n.shortfallYuan)));
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
          render: (_, n) => actual(n.actualYuan),
        },
        {
          key: 'pipeline',
          title: t('invest.road.pipeline'),
          align: 'right',
          render: (_, n) => pipeline(n.pipelineYuan),
        },
        {
          key: 'projected',
          title: t('invest.road.projected'),
          align: 'right',
          render: (_, n) => projected(n.projectedYuan),
        },
        {
          key: 'target',
          title: t('invest.road.target'),
          align: 'right',
          render: (_, n) => target(n.targetYuan),
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
                {n.shortfallYuan > 0
                  ? shortfall(n.shortfallYuan)
                  : t('invest.road.over', { value: shortfall(-n.shortfallYuan) })}
              </span>
            ),
        },
      ]}
    />
  );
}
