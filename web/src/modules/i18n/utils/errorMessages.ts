import type { ErrorCode } from '@shared/error-codes.ts';
import type { ReasonParams } from '@shared/row-reasons.ts';
import {
  ROW_REASON_MESSAGES,
  interpolate,
  isRowReason,
  rowReasonIn,
} from '@shared/row-reason-messages.ts';
import type { Locale } from './Locale.ts';
import { localName } from './localName.ts';

type Text = { zh: string; en: string };

/** Every error code the API answers, said in both languages; `{name}` takes `details.name`. */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode | 'NETWORK', Text>> = {
  VALIDATION_FAILED: {
    zh: '请求内容不符合要求，请检查填写的内容',
    en: 'The request is not valid; check what you entered',
  },
  REQUEST_TOO_LARGE: {
    zh: '提交的内容过大，请拆分后再提交，或使用命令行导入',
    en: 'The request is too large; split it, or import it with the CLI',
  },
  PASSWORD_TOO_WEAK: {
    zh: '密码太弱：请使用更长、不常见的密码',
    en: 'The password is too weak: use a longer, less common one',
  },
  BACKUP_INVALID: { zh: '备份文件无效或已损坏', en: 'The backup file is invalid or damaged' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: {
    zh: '长时间未操作，登录已失效，请重新登录',
    en: 'Your session timed out after inactivity; please sign in again',
  },
  RATE_LIMITED: {
    zh: '尝试次数过多，请稍后再试',
    en: 'Too many attempts; try again a little later',
  },
  ORIGIN_REFUSED: {
    zh: '请求来自其他网站，已被拒绝',
    en: 'The request came from another site and was refused',
  },
  INVALID_CREDENTIALS: { zh: '用户名或密码不正确', en: 'Wrong username or password' },
  FORBIDDEN: { zh: '当前角色无权进行此操作', en: 'Your role may not do this' },
  ROUTE_NOT_FOUND: { zh: '没有这个接口地址', en: 'No such address' },
  CHAIN_NOT_FOUND: { zh: '未找到该产业链', en: 'No such chain' },
  ENTERPRISE_NOT_FOUND: { zh: '未找到该企业', en: 'No such enterprise' },
  PARK_NOT_FOUND: { zh: '未找到该园区', en: 'No such park' },
  REGION_NOT_FOUND: { zh: '未找到该地区', en: 'No such region' },
  USER_NOT_FOUND: { zh: '未找到该用户', en: 'No such user' },
  DUPLICATE_NOT_FOUND: { zh: '未找到该疑似重复记录', en: 'No such possible duplicate' },
  IMPORT_NOT_FOUND: { zh: '未找到该导入记录', en: 'No such import' },
  STATS_NOT_FOUND: {
    zh: '该地区和年份没有统计数据',
    en: 'No statistics for this region and year',
  },
  PROJECT_NOT_FOUND: { zh: '未找到该项目', en: 'No such project' },
  SPACE_NOT_FOUND: { zh: '未找到该空间单元', en: 'No such space unit' },
  RESERVATION_NOT_FOUND: { zh: '未找到该预留', en: 'No such reservation' },
  ATTACHMENT_NOT_FOUND: { zh: '未找到该附件', en: 'No such attachment' },
  PROBLEM_NOT_FOUND: { zh: '未找到该诉求', en: 'No such problem' },
  DEPARTMENT_NOT_FOUND: { zh: '未找到该部门', en: 'No such department' },
  CATEGORY_NOT_FOUND: { zh: '未找到该诉求类别', en: 'No such problem category' },
  ACTIVITY_NOT_FOUND: { zh: '未找到该履职记录', en: 'No such visit or meeting' },
  SUPERVISION_NOT_FOUND: { zh: '未找到该督办事项', en: 'No such supervised task' },
  NOTIFICATION_NOT_FOUND: { zh: '未找到该通知', en: 'No such notification' },
  JOB_NOT_FOUND: { zh: '未找到该后台任务', en: 'No such background job' },
  PLATFORM_NOT_FOUND: { zh: '未找到该创新平台', en: 'No such innovation platform' },
  LINK_NOT_FOUND: { zh: '未找到该企业关系', en: 'No such link between enterprises' },
  NEED_NOT_FOUND: { zh: '未找到该需求', en: 'No such need' },
  OFFER_NOT_FOUND: { zh: '未找到该供给', en: 'No such offer' },
  EXPERT_NOT_FOUND: { zh: '未找到该专家', en: 'No such expert' },
  EVENT_NOT_FOUND: { zh: '未找到该活动', en: 'No such event' },
  USER_EXISTS: { zh: '该用户名已被使用', en: 'That username is taken' },
  PROJECT_EXISTS: { zh: '已有同名项目', en: 'A project of that name exists' },
  STAGE_MOVE_INVALID: {
    zh: '项目不能这样变更阶段：只能前进一步，或填写原因后退回',
    en: 'A project moves forward one stage at a time, or back with a reason',
  },
  PROBLEM_TRANSITION_INVALID: {
    zh: '诉求当前所处环节不能进行此操作',
    en: 'The problem cannot take this step from the stage it is in',
  },
  PROBLEM_CLOSED: {
    zh: '诉求已办结或已退回，不能再修改',
    en: 'A closed or returned problem cannot be edited',
  },
  DEPARTMENT_EXISTS: { zh: '已有同名部门', en: 'A department of that name exists' },
  CONFLICT: {
    zh: '与已有记录冲突，请刷新后再试',
    en: 'This conflicts with an existing record; reload and try again',
  },
  PASSWORD_CHANGE_REQUIRED: {
    zh: '请先修改初始密码',
    en: 'Change your one-time password first',
  },
  SPACE_UNAVAILABLE: {
    zh: '可用空间不足，无法预留：请换一个单元或园区，或减小面积',
    en: 'Not enough free space to reserve; choose another unit or park, or a smaller area',
  },
  TEMPLATE_INVALID: { zh: '产业链模板有误', en: 'The chain template is not valid' },
  PDF_UNAVAILABLE: {
    zh: '服务器无法生成 PDF，请下载 HTML 后打印',
    en: 'The server cannot make a PDF; download the HTML and print it',
  },
  DB_UNREACHABLE: { zh: '无法连接数据库', en: 'The database cannot be reached' },
  DB_MIGRATION_FAILED: { zh: '数据库升级失败', en: 'The database upgrade failed' },
  INTERNAL: {
    zh: '服务器出错，请稍后重试或联系管理员',
    en: 'The server failed; try again later or ask an administrator',
  },
  NETWORK: {
    zh: '无法连接服务器，请稍后重试',
    en: 'The server cannot be reached; try again shortly',
  },
};

const pick = localName;

/** A file refused row by row; the rows are listed below it. */
export const FILE_REFUSED: Text = {
  zh: '未写入任何数据：文件中有 {count} 处错误，请按下表修改后重新上传',
  en: 'Nothing was written: the file has {count} errors; fix them as listed and upload it again',
};

/**
 * An API error in the reader's language: by `details.reason` when it names one, as a refused file
 * when `details.errors` lists rows, else by its code.
 */
export function errorText(
  error: { code: ErrorCode | 'NETWORK'; details?: unknown },
  locale: Locale,
): string {
  const details = error.details as { reason?: unknown; errors?: unknown } | null | undefined;
  const reason = details?.reason;
  if (Array.isArray(details?.errors) && details.errors.length > 0)
    return interpolate(pick(FILE_REFUSED, locale), { count: details.errors.length });
  if (isRowReason(reason))
    return interpolate(pick(ROW_REASON_MESSAGES[reason], locale), error.details);
  return pick(ERROR_MESSAGES[error.code], locale);
}

/** A refused row's reason in the reader's language; the server's English when it has no code. */
export function rowReasonText(
  row: {
    reason?: string | undefined;
    code?: string | undefined;
    params?: ReasonParams | undefined;
  },
  locale: Locale,
): string {
  return rowReasonIn(row, locale === 'en' ? 'en' : 'zh');
}
