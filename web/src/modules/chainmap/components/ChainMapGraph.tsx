import { GraphChart } from 'echarts/charts';
import type { ChainAnalysis } from '@shared/api/analysis.ts';
import { formatPercent, formatRatio, formatYuan } from '@shared/format.ts';
import { useMemo } from 'react';
import { EChart } from '../../charts/components/EChart.tsx';
import { echarts } from '../../charts/utils/echarts.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { langOf } from '../../i18n/utils/langOf.ts';
import { escapeHtml } from '../../charts/utils/escapeHtml.ts';
import { literalLabel } from '../../charts/utils/literalLabel.ts';
import { chainMapLayout } from '../utils/chainMapLayout.ts';
import type { NodeNetworkCounts } from '../utils/masterNetworkByNode.ts';
import { STATUS_COLORS } from '../utils/statusColors.ts';

// Each chart registers its own series type: a page loads only the ECharts code it draws.
echarts.use([GraphChart]);

interface NodeDatum {
  code?: string;
}

/** The colour of a chosen chain master's partners on the map. */
const NETWORK_COLOR = '#722ed1';

/**
 * The chain as a graph: stages as columns, nodes coloured by status and sized by output; with a
 * chain master's network, the nodes of its partners ringed and labelled with their counts.
 */
export function ChainMapGraph({
  analysis,
  height,
  onSelect,
  network,
}: {
  analysis: ChainAnalysis;
  height: number;
  onSelect: (code: string) => void;
  network?: { masterNode: string | null; byNode: Map<string, NodeNetworkCounts> } | null;
}) {
  const { t, locale } = useI18n();
  const option = useMemo(() => {
    const lang = langOf(locale);
    const { nodes, stages } = chainMapLayout(analysis);
    const byCode = new Map(nodes.map((p) => [p.node.code, p.node]));
    const tooltip = (code: string): string => {
      const node = byCode.get(code);
      if (!node) return '';
      const rows: [string, string][] = [
        [t('chainMap.enterprises'), String(node.enterprises)],
        [t('chainMap.output'), formatYuan(node.outputYuan, lang)],
        [t('chainMap.share'), formatPercent(node.share)],
        [t('chainMap.growth'), formatPercent(node.growth, 1, true)],
        [t('chainMap.lq'), formatRatio(node.lq)],
      ];
      const partners = network?.byNode.get(code);
      const lines = [
        `<b>${escapeHtml(localName(node.name, locale))}</b> · ${escapeHtml(t(`cockpit.status.${node.status}`))}`,
        ...rows.map(([label, value]) => `${escapeHtml(label)}: <b>${escapeHtml(value)}</b>`),
      ];
      if (partners) {
        const counts = {
          sl: partners.suppliersLocal,
          se: partners.suppliersElsewhere,
          cl: partners.customersLocal,
          ce: partners.customersElsewhere,
        };
        lines.push(escapeHtml(t('ecoForms.networkTip', counts)));
      }
      return lines.join('<br/>');
    };
    return {
      tooltip: {
        formatter: (params: { dataType?: string; data?: NodeDatum }) =>
          params.dataType === 'node' && params.data?.code ? tooltip(params.data.code) : '',
      },
      series: [
        {
          type: 'graph',
          layout: 'none',
          roam: false,
          preserveAspect: true,
          left: 40,
          right: 150,
          top: 30,
          bottom: 30,
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 7,
          lineStyle: { color: '#a3b1c6', width: 1.2, curveness: 0.12, opacity: 0.7 },
          emphasis: { focus: 'adjacency', lineStyle: { width: 2.5, opacity: 1 } },
          label: { show: true, position: 'right', fontSize: 13, color: '#262626' },
          data: [
            ...stages.map((stage) => ({
              name: stage.code,
              x: stage.x,
              y: stage.y,
              symbol: 'rect',
              symbolSize: 1,
              itemStyle: { color: 'transparent' },
              label: {
                position: 'inside',
                color: '#fff',
                backgroundColor: '#0b2a5b',
                borderRadius: 4,
                padding: [7, 18],
                fontWeight: 600,
                fontSize: 15,
                // "上游：原料、辅料…" → 上游: the column's heading; the rest is in the nodes.
                formatter: literalLabel(localName(stage.name, locale).split(/[:：]/)[0] ?? ''),
              },
              tooltip: { show: false },
              emphasis: { disabled: true },
              silent: true,
            })),
            ...nodes.map(({ node, x, y, size }) => {
              const partners = network?.byNode.get(node.code);
              const isMaster = network?.masterNode === node.code;
              const name = localName(node.name, locale) + (node.focus ? ' ★' : '');
              return {
                name: node.code,
                code: node.code,
                x,
                y,
                symbolSize: size,
                symbol: isMaster ? 'diamond' : 'circle',
                itemStyle: {
                  color: node.status === 'missing' ? '#fff' : STATUS_COLORS[node.status],
                  borderColor: partners || isMaster ? NETWORK_COLOR : STATUS_COLORS[node.status],
                  borderWidth: partners || isMaster ? 4 : node.status === 'missing' ? 2 : 0,
                  borderType: node.status === 'missing' ? 'dashed' : 'solid',
                },
                label: {
                  formatter: literalLabel(
                    partners
                      ? `${name}（${t('ecoForms.networkNode', { local: partners.local, elsewhere: partners.elsewhere })}）`
                      : name,
                  ),
                  fontWeight: node.focus || partners ? 600 : 400,
                  color: partners ? NETWORK_COLOR : '#262626',
                },
              };
            }),
          ],
          links: analysis.flows
            .filter((flow) => byCode.has(flow.from) && byCode.has(flow.to))
            .map((flow) => ({ source: flow.from, target: flow.to })),
        },
      ],
    };
  }, [analysis, t, locale, network]);
  return (
    <EChart
      option={option}
      height={height}
      testId="chain-map"
      onClick={(event) => {
        const data = event.data as NodeDatum | undefined;
        if (event.dataType === 'node' && data?.code) onSelect(data.code);
      }}
    />
  );
}
