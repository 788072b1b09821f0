// The enterprise-problem loop (企呼我应) as plain values, without zod, so the server and the web app
// read the same stages and the same transition table. docs/problems.md prints this table and a
// test holds the two equal.
import type { Role } from './permissions.ts';

/** Where a problem stands: 待受理 → 已受理 → 已交办 → 办理中 (挂起) → 已反馈 → 已办结, or 已退回. */
export const PROBLEM_STAGES = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'suspended',
  'answered',
  'closed',
  'returned',
] as const;
export type ProblemStage = (typeof PROBLEM_STAGES)[number];

export const PROBLEM_STAGE_NAMES: Readonly<Record<ProblemStage, { zh: string; en: string }>> = {
  submitted: { zh: '待受理', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  assigned: { zh: '已交办', en: 'Assigned' },
  in_progress: { zh: '办理中', en: 'In progress' },
  suspended: { zh: '已挂起', en: 'Suspended' },
  answered: { zh: '已反馈', en: 'Answered' },
  closed: { zh: '已办结', en: 'Closed' },
  returned: { zh: '已退回', en: 'Returned' },
};

/** Stages in which the problem is still being handled (the SLA clock may run or be paused). */
export const OPEN_PROBLEM_STAGES: readonly ProblemStage[] = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'suspended',
  'answered',
];

/** How the problem reached the office. */
export const PROBLEM_CHANNELS = ['online', 'visit', 'hotline', 'meeting', 'letter'] as const;
export type ProblemChannel = (typeof PROBLEM_CHANNELS)[number];
export const PROBLEM_CHANNEL_NAMES: Readonly<Record<ProblemChannel, { zh: string; en: string }>> = {
  online: { zh: '企业线上提交', en: 'Raised online' },
  visit: { zh: '走访', en: 'Visit' },
  hotline: { zh: '12345 热线转办', en: '12345 hotline' },
  meeting: { zh: '会议', en: 'Meeting' },
  letter: { zh: '来函', en: 'Letter' },
};

export const SATISFACTION_LEVELS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];
export const SATISFACTION_NAMES: Readonly<Record<Satisfaction, { zh: string; en: string }>> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

/** What a transition does to the SLA clock (the due date). */
export const CLOCK_EFFECTS = ['none', 'stop', 'pause', 'resume', 'extend', 'restart'] as const;
export type ClockEffect = (typeof CLOCK_EFFECTS)[number];

/** Every action on a problem after it exists; `raise` and `record` create one. */
export const PROBLEM_ACTIONS = [
  'accept',
  'return',
  'assign',
  'decline',
  'start',
  'suspend',
  'resume',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'answer',
  'close',
  'rate',
  'reopen',
] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];

export const PROBLEM_ACTION_NAMES: Readonly<Record<ProblemAction, { zh: string; en: string }>> = {
  accept: { zh: '受理', en: 'Accept' },
  return: { zh: '退回', en: 'Return' },
  assign: { zh: '交办', en: 'Assign' },
  decline: { zh: '退回交办', en: 'Send back to the office' },
  start: { zh: '开始办理', en: 'Start work' },
  suspend: { zh: '挂起', en: 'Suspend' },
  resume: { zh: '恢复办理', en: 'Resume' },
  request_extension: { zh: '申请延期', en: 'Ask for an extension' },
  approve_extension: { zh: '批准延期', en: 'Approve the extension' },
  reject_extension: { zh: '驳回延期', en: 'Refuse the extension' },
  answer: { zh: '反馈', en: 'Answer' },
  close: { zh: '办结', en: 'Close' },
  rate: { zh: '评价', en: 'Rate' },
  reopen: { zh: '重新办理', en: 'Reopen' },
};

export interface ProblemTransition {
  action: ProblemAction;
  from: readonly ProblemStage[];
  /** The stage after the action; `null` keeps the stage it was in. */
  to: ProblemStage | null;
  /** The roles that may take it (admin may take every action besides these). */
  roles: readonly Role[];
  clock: ClockEffect;
  /** What else must hold, in words (the service checks each). */
  requires: string;
}

/**
 * The transition table. The service refuses every action not in it, and every role it does not
 * name (admin aside); docs/problems.md prints it.
 */
export const PROBLEM_TRANSITIONS: readonly ProblemTransition[] = [
  {
    action: 'accept',
    from: ['submitted'],
    to: 'accepted',
    roles: ['office'],
    clock: 'none',
    requires: 'The clock already runs from receipt.',
  },
  {
    action: 'return',
    from: ['submitted', 'accepted'],
    to: 'returned',
    roles: ['office'],
    clock: 'stop',
    requires: 'A reason for the enterprise. A returned problem counts in no figure.',
  },
  {
    action: 'assign',
    from: ['accepted'],
    to: 'assigned',
    roles: ['office'],
    clock: 'none',
    requires: 'A department; a responsible person is optional.',
  },
  {
    action: 'decline',
    from: ['assigned', 'in_progress'],
    to: 'accepted',
    roles: ['department'],
    clock: 'none',
    requires: 'A reason (not this department’s remit); the office assigns it again.',
  },
  {
    action: 'start',
    from: ['assigned'],
    to: 'in_progress',
    roles: ['department', 'office'],
    clock: 'none',
    requires: '',
  },
  {
    action: 'suspend',
    from: ['in_progress'],
    to: 'suspended',
    roles: ['department', 'office'],
    clock: 'pause',
    requires: 'A reason (e.g. waiting for the enterprise’s documents).',
  },
  {
    action: 'resume',
    from: ['suspended'],
    to: 'in_progress',
    roles: ['department', 'office'],
    clock: 'resume',
    requires: 'The working days suspended move the due date.',
  },
  {
    action: 'request_extension',
    from: ['in_progress', 'suspended'],
    to: null,
    roles: ['department'],
    clock: 'none',
    requires: 'Working days asked for and a reason; one request open at a time.',
  },
  {
    action: 'approve_extension',
    from: ['in_progress', 'suspended'],
    to: null,
    roles: ['office'],
    clock: 'extend',
    requires: 'An open request; the due date moves by the working days granted.',
  },
  {
    action: 'reject_extension',
    from: ['in_progress', 'suspended'],
    to: null,
    roles: ['office'],
    clock: 'none',
    requires: 'An open request and a reason.',
  },
  {
    action: 'answer',
    from: ['in_progress'],
    to: 'answered',
    roles: ['department', 'office'],
    clock: 'none',
    requires: 'The answer to the enterprise, as a note.',
  },
  {
    action: 'close',
    from: ['answered'],
    to: 'closed',
    roles: ['department', 'office'],
    clock: 'stop',
    requires: 'On time when closed on or before the due date.',
  },
  {
    action: 'rate',
    from: ['closed'],
    to: null,
    roles: ['firm', 'office'],
    clock: 'none',
    requires: 'Satisfaction and an optional comment (the office records a phone follow-up).',
  },
  {
    action: 'reopen',
    from: ['closed'],
    to: 'assigned',
    roles: ['firm'],
    clock: 'restart',
    requires:
      'The latest rating is 不满意. Back to the same department with a new clock; the first close stays counted.',
  },
];

/** The transition of `action`, if the table has it. */
export function transitionOf(action: ProblemAction): ProblemTransition {
  const found = PROBLEM_TRANSITIONS.find((transition) => transition.action === action);
  if (!found) throw new Error(`No transition for ${action}`);
  return found;
}

/** Whether `role` may take `action` on a problem in `stage` under the table (admin may always). */
export function isTransitionAllowed(
  role: Role,
  action: ProblemAction,
  stage: ProblemStage,
): boolean {
  const transition = transitionOf(action);
  if (!transition.from.includes(stage)) return false;
  return role === 'admin' || transition.roles.includes(role);
}
