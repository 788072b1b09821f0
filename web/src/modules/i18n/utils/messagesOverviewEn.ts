import type { messagesOverviewZh } from './messagesOverviewZh.ts';

/** The chain switcher and the city overview in English, key for key with messagesOverviewZh.ts. */
export const messagesOverviewEn: Record<keyof typeof messagesOverviewZh, string> = {
  'overview.title': 'City overview',
  'overview.subtitle':
    "Every chain of the city on one page: its leader, output and target, nodes, chain masters, pipeline and enterprises' problems",
  'overview.region': 'Region',
  'overview.chain': 'Chain',
  'overview.leader': 'Chain leader',
  'overview.noLeader': 'not recorded',
  'overview.output': 'Output',
  'overview.target': 'Target',
  'overview.progress': 'Progress',
  'overview.requiredGrowth': 'Growth needed a year',
  'overview.nodes': 'Nodes (strong/weak/missing)',
  'overview.completeness': 'Completeness',
  'overview.chainMasters': 'Chain masters',
  'overview.projects': 'Projects in the pipeline',
  'overview.problems': 'Problems (open/overdue)',
};
