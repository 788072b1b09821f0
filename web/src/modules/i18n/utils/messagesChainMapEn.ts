import type { messagesChainMapZh } from './messagesChainMapZh.ts';

/** The chainmap area's interface texts in English, key for key with messagesChainMapZh.ts. */
export const messagesChainMapEn: Record<keyof typeof messagesChainMapZh, string> = {
  'chainMap.title': 'Chain map',
  'chainMap.subtitle': '{chain} · {region} · {year}; click a link for its details',
  'chainMap.legend': 'The larger the circle, the higher the output; ★ marks a focus link',
  'chainMap.enterprises': 'Enterprises',
  'chainMap.output': 'Output',
  'chainMap.share': 'Share of chain output',
  'chainMap.growth': 'Year on year',
  'chainMap.cagr': 'CAGR',
  'chainMap.lq': 'Location quotient',
  'chainMap.hhi': 'HHI',
  'chainMap.topShare': 'Largest enterprise',
  'chainMap.chainMasters': 'Chain masters',
  'chainMap.reasons': 'Why',
  'chainMap.noReasons': 'Every measure is above its threshold',
  'chainMap.targets': 'Targets',
  'chainMap.noTargets': 'No target set for this link',
  'chainMap.enterpriseList': 'Confirmed local enterprises ({count})',
  'chainMap.enterprise': 'Enterprise',
  'chainMap.region': 'Region',
  'chainMap.latestOutput': 'Latest output',
  'chainMap.allEnterprises': 'See them all in the registry →',
  'nodeDrawer.problems': 'Open enterprise problems',
  'nodeDrawer.problemsNone': 'No open problem on this node',
  'nodeDrawer.problemsAll': 'All {count}',
};
