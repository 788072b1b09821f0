import {
  PROBLEM_ACTION_NAMES,
  PROBLEM_CHANNEL_NAMES,
  PROBLEM_STAGE_NAMES,
  SATISFACTION_NAMES,
  type ProblemAction,
  type ProblemChannel,
  type ProblemStage,
  type Satisfaction,
} from '@shared/problem-stages.ts';
import type { Locale } from '../../i18n/utils/Locale.ts';
import { localName } from '../../i18n/utils/localName.ts';
import type { MessageKey } from '../../i18n/utils/messagesZh.ts';

/** The colour of a stage's tag: waiting grey-blue, with a department blue, done green. */
export const STAGE_COLORS: Readonly<Record<ProblemStage, string>> = {
  submitted: 'gold',
  accepted: 'cyan',
  assigned: 'geekblue',
  in_progress: 'blue',
  suspended: 'purple',
  answered: 'lime',
  closed: 'green',
  returned: 'default',
};

export const stageName = (stage: ProblemStage, locale: Locale) =>
  localName(PROBLEM_STAGE_NAMES[stage], locale);
export const actionName = (action: ProblemAction, locale: Locale) =>
  localName(PROBLEM_ACTION_NAMES[action], locale);
export const channelName = (channel: ProblemChannel, locale: Locale) =>
  localName(PROBLEM_CHANNEL_NAMES[channel], locale);
export const satisfactionName = (level: Satisfaction, locale: Locale) =>
  localName(SATISFACTION_NAMES[level], locale);

const EVENT_KEYS: Record<string, MessageKey> = {
  raise: 'problems.event.raise',
  record: 'problems.event.record',
  edit: 'problems.event.edit',
  comment: 'problems.event.comment',
  escalate: 'problems.event.escalate',
};

/** The name of a timeline event: an action of the table, or raise, record, edit, comment, escalate. */
export function eventName(action: string, locale: Locale, t: (key: MessageKey) => string): string {
  if (action in PROBLEM_ACTION_NAMES) return actionName(action as ProblemAction, locale);
  const key = EVENT_KEYS[action];
  return key ? t(key) : action;
}
