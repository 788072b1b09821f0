/** The chain switcher and the city overview (市级总览), in Chinese. */
export const messagesOverviewZh = {
  'overview.title': '市级总览',
  'overview.subtitle':
    '本市每条产业链一屏看全：链长、产值与目标、环节状态、链主企业、招商项目和企业诉求',
  'overview.region': '地区',
  'overview.chain': '产业链',
  'overview.leader': '链长',
  'overview.noLeader': '未登记',
  'overview.output': '产值',
  'overview.target': '目标',
  'overview.progress': '完成度',
  'overview.requiredGrowth': '需年均增长',
  'overview.nodes': '环节（强/弱/缺）',
  'overview.completeness': '完整度',
  'overview.chainMasters': '链主企业',
  'overview.projects': '招商项目（在推）',
  'overview.problems': '诉求（在办/逾期）',
} as const;
