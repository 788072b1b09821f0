import { GraphChart } from 'echarts/charts';
import type { ChainMasterNetwork } from '@shared/api/links.ts';
import { formatYuan } from '@shared/format.ts';
import { useMemo } from 'react';
import { EChart } from '../../charts/components/EChart.tsx';
import { echarts } from '../../charts/utils/echarts.ts';
import { escapeHtml } from '../../charts/utils/escapeHtml.ts';
import { literalLabel } from '../../charts/utils/literalLabel.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { langOf } from '../../i18n/utils/langOf.ts';
import { localName } from '../../i18n/utils/localName.ts';

// Each chart registers its own series type: a page loads only the ECharts code it draws.
echarts.use([GraphChart]);

const COLORS = { master: '#1d39c4', local: '#389e0d', elsewhere: '#8c8c8c' } as const;

interface Datum {
  tip?: string;
}

/**
 * A chain master's network: the master in the middle, suppliers on the left and customers and
 * other partners on the right, local ones green, those elsewhere grey.
 */
export function ChainMasterGraph({ network }: { network: ChainMasterNetwork }) {
  const { t, locale } = useI18n();
  const option = useMemo(() => {
    const lang = langOf(locale);
    const left = network.partners.filter((p) => p.role === 'supplier' || p.role === 'provider');
    const right = network.partners.filter((p) => !left.includes(p));
    const place = (list: typeof left, x: number) =>
      list.map((p, index) => ({
        p,
        x,
        y: (index + 1) * (600 / (list.length + 1)),
      }));
    const placed = [...place(left, 0), ...place(right, 800)];
    const nodes = [
      {
        id: 'master',
        name: network.master.name,
        x: 400,
        y: 300,
        symbolSize: 46,
        itemStyle: { color: COLORS.master },
        // Below its node: on it, the name was lost in the node's colour.
        label: {
          show: true,
          position: 'bottom',
          formatter: literalLabel(network.master.name),
          fontWeight: 'bold',
        },
        tip: escapeHtml(network.master.name),
      },
      ...placed.map(({ p, x, y }) => ({
        id: `p${p.linkId}`,
        name: p.enterprise.name,
        x,
        y,
        symbolSize: 18,
        itemStyle: { color: p.local ? COLORS.local : COLORS.elsewhere },
        label: {
          show: true,
          position: x === 0 ? 'left' : 'right',
          formatter: literalLabel(p.enterprise.name),
        },
        tip: [
          `<b>${escapeHtml(p.enterprise.name)}</b>`,
          ...[
            `${t(`ecology.role.${p.role}`)} · ${p.local ? t('ecology.local') : t('ecology.elsewhere')}`,
            p.node ? localName(p.node.name, locale) : t('ecology.unplaced'),
            p.product ?? '',
            p.amountYuan === null ? '' : formatYuan(p.amountYuan, lang),
          ]
            .filter((line) => line !== '')
            .map((line) => escapeHtml(line)),
        ].join('<br/>'),
      })),
    ];
    const links = placed.map(({ p }) => {
      const toMaster = p.role === 'supplier' || p.role === 'provider' || p.role === 'owner';
      return {
        source: toMaster ? `p${p.linkId}` : 'master',
        target: toMaster ? 'master' : `p${p.linkId}`,
        lineStyle: { color: p.local ? COLORS.local : COLORS.elsewhere, opacity: 0.6 },
      };
    });
    return {
      tooltip: {
        formatter: (params: { dataType?: string; data?: Datum }) =>
          params.dataType === 'node' ? (params.data?.tip ?? '') : '',
      },
      series: [
        {
          type: 'graph',
          layout: 'none',
          roam: true,
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 7,
          // Room for the longest name on each side (it was cut at the chart's edge).
          left: labelRoom(left),
          right: labelRoom(right),
          top: 24,
          bottom: 24,
          data: nodes,
          links,
        },
      ],
    };
  }, [network, t, locale]);
  return <EChart option={option} height={graphHeight(network)} testId="chain-master-graph" />;
}

/** Pixels a side's names need beside their nodes: ~13 px a character at the labels' size. */
function labelRoom(side: readonly { enterprise: { name: string } }[]): number {
  const longest = Math.max(0, ...side.map((p) => p.enterprise.name.length));
  return Math.min(360, Math.max(160, longest * 13 + 28));
}

/** Tall enough that each side's partners stand 36 px apart, so the whole network fits the view. */
function graphHeight(network: ChainMasterNetwork): number {
  const suppliers = network.partners.filter(
    (p) => p.role === 'supplier' || p.role === 'provider',
  ).length;
  const others = network.partners.length - suppliers;
  return Math.max(360, Math.max(suppliers, others) * 36 + 48);
}
