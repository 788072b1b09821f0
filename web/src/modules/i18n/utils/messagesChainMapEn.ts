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
  'nodeDrawer.experts': 'Experts',
  'plat.drawer': 'Innovation platforms serving this node',
  'ecoForms.network': 'Chain master network',
  'ecoForms.networkNode': 'local {local} · elsewhere {elsewhere}',
  'ecoForms.networkPick': 'Choose a chain master to mark its suppliers and customers on the map',
  'ecoForms.networkSummary':
    '{master}: {partners} partners on {nodes} nodes (local {local} · elsewhere {elsewhere})',
  'ecoForms.networkTip':
    'Chain master partners: suppliers local {sl} · elsewhere {se}; customers local {cl} · elsewhere {ce}',
};
