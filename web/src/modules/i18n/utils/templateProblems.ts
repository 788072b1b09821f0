import type { TemplateProblemItem } from '@shared/api/templates.ts';
import type { TemplateProblemCode } from '@shared/template-problems.ts';
import { interpolate } from '@shared/row-reason-messages.ts';
import type { Locale } from './Locale.ts';
import { localName } from './localName.ts';

type Text = { zh: string; en: string };

/** Why a chain template was refused, by code, in both languages; `{name}` takes `params.name`. */
export const TEMPLATE_PROBLEM_MESSAGES: Readonly<Record<TemplateProblemCode, Text>> = {
  REQUIRED: { zh: '必填（{what}）', en: 'required ({what})' },
  WRONG_TYPE: { zh: '应为{what}', en: 'must be {what}' },
  UNKNOWN_FIELDS: { zh: '无此字段：{keys}', en: 'unknown field(s): {keys}' },
  TEXT_EMPTY: { zh: '不能为空', en: 'must not be empty' },
  TOO_FEW_ITEMS: { zh: '至少要有 {minimum} 项', en: 'needs at least {minimum} item(s)' },
  NUMBER_ABOVE: { zh: '应大于 {minimum}', en: 'must be above {minimum}' },
  NUMBER_AT_LEAST: { zh: '应不小于 {minimum}', en: 'must be at least {minimum}' },
  NUMBER_AT_MOST: { zh: '应不大于 {maximum}', en: 'must be at most {maximum}' },
  NUMBER_BELOW: { zh: '应小于 {maximum}', en: 'must be below {maximum}' },
  NOT_ONE_OF: { zh: '应为以下之一：{values}', en: 'must be one of: {values}' },
  CHAIN_CODE_FORMAT: {
    zh: '只能用小写字母、数字和连字符',
    en: 'must be lower-case letters, digits or dashes',
  },
  NODE_CODE_FORMAT: {
    zh: '应为以点分隔的小写编码，如 biomed.up.api',
    en: 'must be dotted lower-case, e.g. biomed.up.api',
  },
  CLASS_CODE_FORMAT: {
    zh: '应为 4 位 GB/T 4754 行业小类代码',
    en: 'must be a 4-digit GB/T 4754 class code',
  },
  INVALID: { zh: '无效（{message}）', en: '{message}' },
  DUPLICATE_CODE: { zh: '编码重复', en: 'duplicate code' },
  CODE_PREFIX: { zh: '应以“{prefix}”开头', en: 'must start with "{prefix}"' },
  FLOW_UNKNOWN_NODE: { zh: '没有节点“{node}”', en: 'unknown node "{node}"' },
  FLOW_LOOP: { zh: '流向不能指向自身', en: 'a flow cannot loop' },
  FLOW_DUPLICATE: { zh: '流向 {flow} 重复', en: 'duplicate flow {flow}' },
  REVISION_FROM_NOT_BELOW: {
    zh: '应低于模板的版本 {version}',
    en: "must be below the template's version {version}",
  },
  REVISION_DUPLICATE: { zh: '修订重复', en: 'duplicate revision' },
  CHANGED_TWICE: { zh: '同一修订中被改动了两次', en: 'changed twice in one revision' },
  CHANGED_NODE_STILL_PRESENT: {
    zh: '仍在模板中；被改动的节点须离开模板（给拆分后的部分新编码）',
    en: 'is still in the template; a changed node must leave it (give its parts new codes)',
  },
  REVISION_UNKNOWN_NODE: {
    zh: '本模板中没有节点“{node}”',
    en: 'unknown node "{node}" (not in this template)',
  },
  SPLIT_DEFAULT_NOT_PART: {
    zh: '应为拆分出的节点之一（{nodes}）',
    en: "must be one of the split's nodes ({nodes})",
  },
  SPLIT_TARGET_NOT_PART: {
    zh: '“{node}”不是拆分出的节点',
    en: '"{node}" is not one of the split\'s nodes',
  },
  SPLIT_SHARES_SUM: {
    zh: '份额合计为 {sum}，应合计为 1',
    en: 'shares sum to {sum}; they must sum to 1',
  },
  NOT_IN_STORED_CHAIN: {
    zh: '不是已存产业链“{chain}”（第 {version} 版）的节点',
    en: 'is not a node of the stored chain "{chain}" (version {version})',
  },
  RENAME_TARGET_EXISTS: {
    zh: '已存产业链中已有“{node}”；请改用合并（merge）',
    en: '"{node}" already exists in the stored chain; use a merge',
  },
  REMOVED_NOT_MAPPED: {
    zh: '已从模板移除，但自第 {version} 版起的修订没有安排它的去向；请添加重命名、拆分、合并或停用',
    en: 'is removed from the template but no change of the revision from version {version} maps it; add a rename, split, merge or retire',
  },
  REMOVED_NO_REVISION: {
    zh: '已从模板移除；请声明自第 {version} 版起的修订，对它重命名、拆分、合并或停用',
    en: 'is removed from the template; declare a revision from version {version} that renames, splits, merges or retires it',
  },
  VERSION_NOT_ABOVE_STORED: {
    zh: '移除节点时版本须高于已存的第 {version} 版',
    en: 'must be above the stored version {version} when nodes are removed',
  },
  RETIRE_ORPHANS: {
    zh: '停用后有 {count} 项引用无处可去；请用 moveTo 指明去向',
    en: 'retiring it would leave {count} references nowhere; say where they go (moveTo)',
  },
};

/** What REQUIRED and WRONG_TYPE name (`params.what`), in each language. */
const KIND_WORDS: Readonly<Record<string, Text>> = {
  text: { zh: '文本', en: 'a text' },
  list: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
  number: { zh: '数字', en: 'a number' },
  'whole-number': { zh: '整数', en: 'a whole number' },
  'true-false': { zh: 'true 或 false', en: 'true or false' },
  value: { zh: '值', en: 'a value' },
};

function isCode(code: unknown): code is TemplateProblemCode {
  return typeof code === 'string' && code in TEMPLATE_PROBLEM_MESSAGES;
}

/** A problem's sentence in the reader's language; the server's English when its code is unknown. */
export function templateProblemText(p: TemplateProblemItem, locale: Locale): string {
  if (!isCode(p.code)) return p.message;
  const text = TEMPLATE_PROBLEM_MESSAGES[p.code];
  const kind = KIND_WORDS[String(p.params.what ?? '')];
  const params = kind ? { ...p.params, what: localName(kind, locale) } : p.params;
  return interpolate(localName(text, locale), params);
}

/** A problem as `chainlead template check` prints it (node, field, sentence), in the UI's language. */
export function templateProblemLine(p: TemplateProblemItem, locale: Locale): string {
  const message = templateProblemText(p, locale);
  if (locale === 'en') return `${p.node ? `node ${p.node}, ` : ''}field ${p.field}: ${message}`;
  return `${p.node ? `环节 ${p.node}，` : ''}字段 ${p.field}：${message}`;
}
