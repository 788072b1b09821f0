import { PROBLEM_ACTION_NAMES, type ProblemAction } from '@shared/problem-stages.ts';
import type { Locale } from '../../i18n/utils/Locale.ts';
import { localName } from '../../i18n/utils/localName.ts';

// The audit log's codes as a person reads them: 'problem.close' → 问题 · 办结 / Problem · close,
// 'user #6' → 用户 #6 / User #6. An action is its entity's name and what was done; a code the
// tables do not know (a newer server's) is shown as it is.

type Name = { zh: string; en: string };

/** Entity types (an action's first word, or the entity column). */
const ENTITIES: Readonly<Record<string, Name>> = {
  activity: { zh: '链长活动', en: 'Chain leader activity' },
  audit: { zh: '审计日志', en: 'Audit log' },
  audit_log: { zh: '审计日志', en: 'Audit log' },
  calendar: { zh: '工作日历', en: 'Working calendar' },
  calendar_year: { zh: '工作日历年度', en: 'Calendar year' },
  chain: { zh: '产业链', en: 'Chain' },
  chain_leadership: { zh: '链长与链办', en: 'Chain leadership' },
  dataset: { zh: '数据集', en: 'Dataset' },
  demo: { zh: '演示数据', en: 'Demo data' },
  department: { zh: '部门', en: 'Department' },
  duplicate: { zh: '疑似重复', en: 'Possible duplicate' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  enterprise_link: { zh: '企业关系', en: 'Enterprise link' },
  event: { zh: '活动', en: 'Event' },
  expert: { zh: '专家', en: 'Expert' },
  import: { zh: '导入', en: 'Import' },
  leader_activity: { zh: '链长活动', en: 'Chain leader activity' },
  leadership: { zh: '链长与链办', en: 'Chain leadership' },
  link: { zh: '企业关系', en: 'Enterprise link' },
  match: { zh: '供需对接', en: 'Match' },
  need: { zh: '需求', en: 'Need' },
  need_match: { zh: '供需对接', en: 'Match' },
  offer: { zh: '供给', en: 'Offer' },
  park: { zh: '园区', en: 'Park' },
  park_space: { zh: '园区空间', en: 'Park space' },
  pipeline: { zh: '项目管线', en: 'Pipeline' },
  platform: { zh: '创新平台', en: 'Platform' },
  problem: { zh: '企业诉求', en: 'Problem' },
  problem_category: { zh: '诉求类别', en: 'Problem category' },
  'problem-list': { zh: '问题清单', en: 'Problem list' },
  project: { zh: '招商项目', en: 'Project' },
  region: { zh: '行政区划', en: 'Region' },
  region_stat: { zh: '区域统计', en: 'Regional statistics' },
  session: { zh: '登录会话', en: 'Session' },
  setting: { zh: '设置', en: 'Setting' },
  settings: { zh: '设置', en: 'Settings' },
  shared_problem: { zh: '共性问题', en: 'Shared problem' },
  space: { zh: '园区空间', en: 'Park space' },
  supervision: { zh: '督办事项', en: 'Supervision item' },
  supervision_item: { zh: '督办事项', en: 'Supervision item' },
  target: { zh: '目标', en: 'Target' },
  user: { zh: '用户', en: 'User' },
};

/** What was done (the rest of an action's code). */
const VERBS: Readonly<Record<string, Name>> = {
  advise: { zh: '咨询意见', en: 'advice' },
  'attachment.add': { zh: '添加附件', en: 'attachment added' },
  'attachment.delete': { zh: '删除附件', en: 'attachment deleted' },
  'boundaries.delete': { zh: '删除边界', en: 'boundaries deleted' },
  'boundaries.upload': { zh: '上传边界', en: 'boundaries uploaded' },
  capital: { zh: '到位资金', en: 'capital' },
  comment: { zh: '评论', en: 'comment' },
  complete: { zh: '办结', en: 'completed' },
  create: { zh: '新建', en: 'created' },
  delete: { zh: '删除', en: 'deleted' },
  dismiss: { zh: '排除', en: 'dismissed' },
  drop: { zh: '放弃', en: 'dropped' },
  enterprises: { zh: '企业名录', en: 'enterprises' },
  escalate: { zh: '上报', en: 'escalated' },
  'export-personal-data': { zh: '导出含个人信息的清单', en: 'list exported with personal data' },
  import: { zh: '导入', en: 'import' },
  link: { zh: '关联', en: 'linked' },
  load: { zh: '加载', en: 'loaded' },
  login: { zh: '登录', en: 'sign-in' },
  logout: { zh: '退出', en: 'sign-out' },
  merge: { zh: '合并', en: 'merged' },
  'merge.undo': { zh: '撤销合并', en: 'merge undone' },
  move: { zh: '变更阶段', en: 'stage moved' },
  note: { zh: '批注', en: 'note' },
  outcome: { zh: '记录结果', en: 'outcome' },
  participants: { zh: '参与企业', en: 'participants' },
  'password.change': { zh: '修改密码', en: 'password changed' },
  'place.update': { zh: '修改本地区域', en: 'home region changed' },
  purge: { zh: '清理', en: 'purged' },
  raise: { zh: '提交', en: 'raised' },
  record: { zh: '登记', en: 'recorded' },
  release: { zh: '释放', en: 'released' },
  remove: { zh: '移除', en: 'removed' },
  reopen: { zh: '重新开启', en: 'reopened' },
  reserve: { zh: '预留', en: 'reserved' },
  retire: { zh: '停用', en: 'retired' },
  set: { zh: '设定', en: 'set' },
  'settings.update': { zh: '修改设置', en: 'settings changed' },
  stats: { zh: '统计数据', en: 'statistics' },
  target: { zh: '目标', en: 'target' },
  'template.create': { zh: '加载模板', en: 'template loaded' },
  'template.update': { zh: '更新模板', en: 'template updated' },
  undo: { zh: '撤销', en: 'undone' },
  unlink: { zh: '取消关联', en: 'unlinked' },
  unuse: { zh: '取消使用', en: 'use ended' },
  update: { zh: '修改', en: 'updated' },
  use: { zh: '使用', en: 'used' },
  'year.set': { zh: '设定年度', en: 'year set' },
};

/** An entity type's name ('problem' → 企业诉求), or the code when it is not known. */
export function auditEntityName(entityType: string, locale: Locale): string {
  const name = ENTITIES[entityType];
  return name ? localName(name, locale) : entityType;
}

/** An action's name: its entity and what was done ('problem.close' → 企业诉求 · 办结). */
export function auditActionName(action: string, locale: Locale): string {
  const dot = action.indexOf('.');
  if (dot < 0) return action;
  const entity = ENTITIES[action.slice(0, dot)];
  const rest = action.slice(dot + 1);
  const verb =
    action.startsWith('problem.') && rest in PROBLEM_ACTION_NAMES
      ? PROBLEM_ACTION_NAMES[rest as ProblemAction]
      : VERBS[rest];
  if (!entity || !verb) return action;
  return `${localName(entity, locale)} · ${localName(verb, locale)}`;
}

/** The fields of an entry's snapshot that name its entity, most telling first. */
const LABEL_KEYS = ['name', 'title', 'displayName', 'username', 'product', 'code'] as const;

/**
 * What the entity was called when the entry was written, from the entry's own after (else
 * before) snapshot: its name, title or username ('无锡某某生物', 'wang.fang'); a bilingual name in
 * the reader's language; null when the snapshot names nothing. Read from the entry, so a deleted
 * or renamed entity is still shown as it was.
 */
export function auditEntityLabel(
  entry: { before?: unknown; after?: unknown },
  locale: Locale,
): string | null {
  for (const snapshot of [entry.after, entry.before]) {
    if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) continue;
    const fields = snapshot as Record<string, unknown>;
    for (const key of LABEL_KEYS) {
      const value = fields[key];
      if (typeof value === 'string' && value.trim() !== '') return value;
      if (
        typeof value === 'object' &&
        value !== null &&
        typeof (value as Name).zh === 'string' &&
        typeof (value as Name).en === 'string'
      )
        return localName(value as Name, locale);
    }
  }
  return null;
}
