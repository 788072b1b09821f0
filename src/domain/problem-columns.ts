import {
  PROBLEM_CHANNELS,
  PROBLEM_CHANNEL_NAMES,
  type ProblemChannel,
} from '../shared/problem-stages.ts';
import { fold, refuse } from './cell-text.ts';
import { parseDate, type ParseFailure } from './import-values.ts';

/**
 * The columns of a problem spreadsheet (a 12345 hotline export, the office's own list): Chinese
 * headers as people write them, canonical keys for scripts. Like the project columns, a header
 * matches its key, its label or an alias, whatever the width, case, spaces or underscores.
 */
export const PROBLEM_COLUMNS = {
  enterprise: {
    label: '企业',
    aliases: ['企业名称', '统一社会信用代码', '信用代码', '诉求企业', '单位名称'],
  },
  title: { label: '标题', aliases: ['诉求标题', '工单标题', '主题'] },
  description: { label: '内容', aliases: ['诉求内容', '工单内容', '问题描述', '描述'] },
  category: { label: '类别', aliases: ['诉求类别', '问题类别', '分类'] },
  channel: { label: '渠道', aliases: ['来源', '来源渠道'] },
  received_at: { label: '受理时间', aliases: ['来电时间', '登记时间', '接收时间', '受理日期'] },
  department: { label: '责任部门', aliases: ['承办部门', '承办单位', '交办部门'] },
  assignee: { label: '责任人', aliases: ['承办人'] },
  contact_name: { label: '联系人', aliases: [] },
  contact_phone: { label: '联系电话', aliases: ['电话', '手机'] },
  chain: { label: '产业链', aliases: ['链'] },
  ticket: { label: '外部编号', aliases: ['工单编号', '工单号', '12345工单号'] },
} as const;

export type ProblemColumn = keyof typeof PROBLEM_COLUMNS;
export const PROBLEM_COLUMN_KEYS = Object.keys(PROBLEM_COLUMNS) as ProblemColumn[];
/** Columns every file must have; the others may be left out. */
export const REQUIRED_PROBLEM_COLUMNS: readonly ProblemColumn[] = [
  'enterprise',
  'title',
  'description',
  'category',
  'received_at',
];

/** Longest text each column holds (the API's limits; a ticket number is short). */
export const PROBLEM_TEXT_LIMITS: Readonly<Partial<Record<ProblemColumn, number>>> = {
  title: 200,
  description: 10_000,
  assignee: 100,
  contact_name: 100,
  contact_phone: 40,
  ticket: 50,
};

// Headers fold width and case, and drop spaces, underscores and hyphens: 受理 时间, receivedAt,
// received_at and RECEIVED-AT are one column.
const headerKey = (text: string) =>
  fold(text)
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/** Maps headers to columns; unknown or repeated headers map to null and are listed. */
export function mapProblemHeaders(headers: readonly string[]): {
  columns: (ProblemColumn | null)[];
  unknown: string[];
  missing: ProblemColumn[];
} {
  const byName = new Map<string, ProblemColumn>();
  for (const key of PROBLEM_COLUMN_KEYS) {
    const spec = PROBLEM_COLUMNS[key];
    for (const name of [key, spec.label, ...spec.aliases]) byName.set(headerKey(name), key);
  }
  byName.set('receivedat', 'received_at');
  const seen = new Set<ProblemColumn>();
  const unknown: string[] = [];
  const columns = headers.map((header) => {
    const column = byName.get(headerKey(header)) ?? null;
    if (column === null || seen.has(column)) {
      if (header.trim()) unknown.push(header);
      return null;
    }
    seen.add(column);
    return column;
  });
  const missing = REQUIRED_PROBLEM_COLUMNS.filter((column) => !seen.has(column));
  return { columns, unknown, missing };
}

export type ProblemCellParse<T> = { ok: true; value: T } | ParseFailure;

const squeeze = (text: string) =>
  fold(text)
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/** A channel by code (hotline), Chinese or English name (12345 热线转办); empty is the hotline. */
export function parseChannel(text: string): ProblemCellParse<ProblemChannel> {
  const value = squeeze(text);
  if (!value) return { ok: true, value: 'hotline' };
  if (value === '12345' || value === '热线' || value === '12345热线') {
    return { ok: true, value: 'hotline' };
  }
  const channel = PROBLEM_CHANNELS.find(
    (c) =>
      c === value ||
      squeeze(PROBLEM_CHANNEL_NAMES[c].zh) === value ||
      squeeze(PROBLEM_CHANNEL_NAMES[c].en) === value,
  );
  const channels = PROBLEM_CHANNELS.map((c) => `${PROBLEM_CHANNEL_NAMES[c].zh} (${c})`).join(', ');
  return channel
    ? { ok: true, value: channel }
    : refuse('PROBLEM_CHANNEL_UNKNOWN', `not a channel; use ${channels}`, { channels });
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const EARLIEST_RECEIPT = Date.UTC(2000, 0, 1) - SHANGHAI_OFFSET_MS;
/** The office's clock and the server's differ a little; a receipt this far ahead is still now. */
const CLOCK_SKEW_MS = 5 * 60_000;
const FAR_FUTURE = new Date(Date.UTC(9999, 0, 1));
const TIME_TAIL =
  /^(.+?)(?:(?:\s+|t)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(z|[+-]\d{2}:?\d{2})?$/i;
const SERIAL_WITH_TIME = /^(\d{5})\.(\d+)$/;

function offsetMs(zone: string | undefined): number {
  if (!zone) return SHANGHAI_OFFSET_MS;
  if (zone.toLowerCase() === 'z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
}

/**
 * When a problem was received, as an instant: a date (2025-03-05, 2025/3/5, 2025年3月5日, an Excel
 * serial) with an optional time (14:30, 14:30:00), read in Asia/Shanghai unless an offset says
 * otherwise. A date alone counts as received that morning, so its clock starts that day when it
 * is a working day. Refuses impossible dates and times, receipts before 2000 and in the future.
 */
export function parseReceivedAt(text: string, now: Date): ProblemCellParse<Date | null> {
  const value = fold(text).trim();
  if (!value) return { ok: true, value: null };
  let datePart: string;
  let clock: [number, number, number];
  let zone: string | undefined;
  const serial = SERIAL_WITH_TIME.exec(value);
  if (serial) {
    // An Excel serial from a CSV: the fraction is the time of day.
    datePart = serial[1] ?? '';
    const seconds = Math.round(Number(`0.${serial[2] ?? '0'}`) * 86_400);
    clock = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  } else {
    const match = TIME_TAIL.exec(value);
    datePart = match?.[1] ?? value;
    clock = [Number(match?.[2] ?? 0), Number(match?.[3] ?? 0), Number(match?.[4] ?? 0)];
    zone = match?.[5];
  }
  const [hour, minute, second] = clock;
  if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && minute + second > 0)) {
    return refuse('TIME_INVALID', `no such time of day in "${value}"; use HH:MM`, { value });
  }
  const day = parseDate(datePart, FAR_FUTURE);
  if (!day.ok) return day;
  if (day.date === null) return refuse('NOT_A_DATE', 'not a date; use YYYY-MM-DD');
  const [year = 0, month = 1, date = 1] = day.date.split('-').map(Number);
  const at = new Date(
    Date.UTC(year, month - 1, date, hour, minute, second) - offsetMs(zone?.toLowerCase()),
  );
  if (at.getTime() < EARLIEST_RECEIPT) {
    return refuse('RECEIVED_BEFORE_2000', 'a receipt before 2000 is surely a typing error');
  }
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return refuse('DATE_IN_FUTURE', `${value} is in the future`, { date: value });
  }
  return { ok: true, value: at };
}

/** A text cell within its column's limit and without NUL; empty is null. */
export function parseProblemText(
  text: string,
  column: ProblemColumn,
): ProblemCellParse<string | null> {
  if (text.includes('\u0000')) {
    return refuse('TEXT_HAS_NUL', 'contains the NUL character; remove it');
  }
  const value = text.trim();
  const max = PROBLEM_TEXT_LIMITS[column];
  if (max !== undefined && value.length > max) {
    return refuse('TEXT_TOO_LONG', `longer than ${max} characters`, { max });
  }
  return { ok: true, value: value || null };
}
