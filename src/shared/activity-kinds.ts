// The kinds of the chain leader's activities and the 督办 list's states as plain values, without
// zod, so the web app reads the same names as the server (src/shared/api/leadership.ts).

export const ACTIVITY_KINDS = [
  'visit',
  'chain_meeting',
  'coordination_meeting',
  'decision',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_NAMES: Readonly<Record<ActivityKind, { zh: string; en: string }>> = {
  visit: { zh: '走访', en: 'Visit' },
  chain_meeting: { zh: '链长会议', en: 'Chain meeting' },
  coordination_meeting: { zh: '专题协调会', en: 'Coordination meeting' },
  decision: { zh: '决策事项', en: 'Decision' },
};

/** States a 督办 item list may filter on; overdue is an open item past its deadline. */
export const SUPERVISION_FILTER_STATES = ['open', 'done', 'overdue'] as const;
