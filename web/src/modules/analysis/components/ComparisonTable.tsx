import { DataText } from '../../i18n/components/Phrase.tsx';
import { formatNumber, formatRatio, formatYuan } from '@shared/format.ts';
import type { ChainComparison } from '@shared/api/analysis.ts';
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { NodeStatusTag } from './NodeStatusTag.tsx';

type NodeRow = ChainComparison['nodes'][number];

/** How many rows the stage cell of row `index` spans: its stage's nodes from the first, else 0. */
function stageSpan(nodes: NodeRow[], index: number): number {
  const stage = nodes[index]?.stageCode;
  if (index > 0 && nodes[index - 1]?.stageCode === stage) return 0;
  let span = 1;
  while (nodes[index + span]?.stageCode === stage) span += 1;
  return span;
}

const cellOf = (node: NodeRow, region: string) => node.cells.find((c) => c.regionCode === region);

/** The chain node by node, each region's enterprises, output, LQ and status side by side. */
export function ComparisonTable({
  comparison,
  stageName,
}: {
  comparison: ChainComparison;
  stageName: (code: string) => string;
}) {
  const { t, locale } = useI18n();
  const columns: ColumnsType<NodeRow> = [
    {
      key: 'stage',
      title: t('analysis.stage'),
      fixed: 'left',
      width: 150,
      // One cell per stage: its nodes follow one another in the chain's order.
      onCell: (node, index = 0) => ({ rowSpan: stageSpan(comparison.nodes, index) }),
      render: (_, node) => stageName(node.stageCode),
    },
    {
      key: 'node',
      title: t('analysis.node'),
      fixed: 'left',
      width: 220,
      render: (_, node) => (
        <span data-testid="comparison-node">{localName(node.name, locale)}</span>
      ),
    },
    ...comparison.regions.map((region) => ({
      key: region.code,
      title: <DataText>{region.name}</DataText>,
      children: [
        {
          key: `${region.code}-enterprises`,
          title: t('analysis.enterprises'),
          align: 'right' as const,
          render: (_: unknown, node: NodeRow) =>
            formatNumber(cellOf(node, region.code)?.enterprises),
        },
        {
          key: `${region.code}-output`,
          title: t('analysis.output'),
          align: 'right' as const,
          render: (_: unknown, node: NodeRow) =>
            formatYuan(cellOf(node, region.code)?.outputYuan, locale),
        },
        {
          key: `${region.code}-lq`,
          title: t('analysis.lq'),
          align: 'right' as const,
          render: (_: unknown, node: NodeRow) => formatRatio(cellOf(node, region.code)?.lq),
        },
        {
          key: `${region.code}-status`,
          title: t('analysis.status'),
          render: (_: unknown, node: NodeRow) => {
            const cell = cellOf(node, region.code);
            return cell ? <NodeStatusTag cell={cell} /> : '—';
          },
        },
      ],
    })),
  ];
  return (
    <Table<NodeRow>
      rowKey="code"
      size="small"
      bordered
      dataSource={comparison.nodes}
      columns={columns}
      pagination={false}
      scroll={{ x: 370 + comparison.regions.length * 400 }}
      data-testid="comparison-table"
    />
  );
}
