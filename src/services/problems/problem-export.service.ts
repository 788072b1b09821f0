import { AppError } from '../../domain/app-error.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import type { Db } from '../../db/connection.ts';
import type { ProblemFigureRow } from '../../db/problem-figures.repository.ts';
import { shanghaiDate } from '../../domain/working-calendar.ts';
import type { ProblemExportQuery } from '../../shared/api/problem-figures.ts';
import { csvDocument, type CsvCell } from '../../shared/csv.ts';
import { formatDateTime } from '../../shared/format.ts';
import {
  maskPersonalData,
  mayIncludePersonalData,
  personalDataAccessFor,
} from '../../shared/personal-data.ts';
import type { ScopedUser } from '../../shared/problem-scope.ts';
import {
  PROBLEM_CHANNEL_NAMES,
  PROBLEM_STAGE_NAMES,
  PROBLEM_STAGES,
  PROBLEM_CHANNELS,
  SATISFACTION_LEVELS,
  SATISFACTION_NAMES,
  type ProblemChannel,
  type ProblemStage,
  type Satisfaction,
} from '../../shared/problem-stages.ts';
import { loadProblemSet, type ProblemSet } from './problem-figures.service.ts';

// The 问题清单: one row per problem of a chain × region × period in the user's scope, as the
// office hands it to a meeting (Chinese headers, an English row under them unless a language is
// asked for).

type Lang = 'zh' | 'en';

interface Column {
  zh: string;
  en: string;
  /** Contact details: left out for roles that see none, masked unless asked for (and allowed). */
  contact?: boolean;
  value: (row: ProblemFigureRow, set: ProblemSet, lang: Lang) => CsvCell;
}

const yesNo = (value: boolean | null, lang: Lang): string | null =>
  value === null ? null : value ? (lang === 'zh' ? '是' : 'Yes') : lang === 'zh' ? '否' : 'No';

const named = <K extends string>(
  keys: readonly K[],
  names: Readonly<Record<K, { zh: string; en: string }>>,
  value: string | null,
  lang: Lang,
): string | null => {
  if (value === null) return null;
  return (keys as readonly string[]).includes(value) ? names[value as K][lang] : value;
};

const isOpen = (row: ProblemFigureRow) => row.stage !== 'closed' && row.stage !== 'returned';

/** Overdue as the figures count it: open, not suspended, today after the due date. */
const isOverdue = (row: ProblemFigureRow, today: string) =>
  isOpen(row) && row.stage !== 'suspended' && today > row.dueOn;

const COLUMNS: readonly Column[] = [
  { zh: '编号', en: 'Reference', value: (r) => r.reference },
  { zh: '企业', en: 'Enterprise', value: (r) => r.enterpriseName },
  {
    zh: '链条环节',
    en: 'Chain node',
    value: (r, _s, l) => (l === 'zh' ? r.nodeNameZh : r.nodeNameEn),
  },
  {
    zh: '类别',
    en: 'Category',
    value: (r, _s, l) => (l === 'zh' ? r.categoryNameZh : r.categoryNameEn),
  },
  {
    zh: '渠道',
    en: 'Channel',
    value: (r, _s, l) =>
      named<ProblemChannel>(PROBLEM_CHANNELS, PROBLEM_CHANNEL_NAMES, r.channel, l),
  },
  {
    zh: '责任部门',
    en: 'Department',
    value: (r, _s, l) => (l === 'en' ? (r.departmentNameEn ?? r.departmentName) : r.departmentName),
  },
  { zh: '责任人', en: 'Responsible person', value: (r) => r.assigneeName },
  { zh: '联系人', en: 'Contact', contact: true, value: (r) => r.contactName },
  { zh: '联系电话', en: 'Phone', contact: true, value: (r) => r.contactPhone },
  {
    zh: '阶段',
    en: 'Stage',
    value: (r, _s, l) => named<ProblemStage>(PROBLEM_STAGES, PROBLEM_STAGE_NAMES, r.stage, l),
  },
  { zh: '受理时间', en: 'Received', value: (r, _s, l) => formatDateTime(r.receivedAt, l) },
  { zh: '应办结日期', en: 'Due on', value: (r) => r.dueOn },
  {
    zh: '应办结日期待节假日安排确认',
    en: 'Due date awaits the holiday calendar',
    // Said only where it matters: a due date counted by the weekday rule may still move.
    value: (r, _s, l) => (r.dueBeyondCalendar ? yesNo(true, l) : null),
  },
  { zh: '是否逾期', en: 'Overdue', value: (r, s, l) => yesNo(isOverdue(r, s.today), l) },
  {
    zh: '办结时间',
    en: 'Closed',
    value: (r, _s, l) => (r.firstClosedAt ? formatDateTime(r.firstClosedAt, l) : null),
  },
  { zh: '是否按期', en: 'On time', value: (r, _s, l) => yesNo(r.firstClosedOnTime, l) },
  {
    zh: '满意度',
    en: 'Satisfaction',
    value: (r, _s, l) =>
      named<Satisfaction>(SATISFACTION_LEVELS, SATISFACTION_NAMES, r.satisfaction, l),
  },
  { zh: '重新办理次数', en: 'Reopened', value: (r) => r.reopenCount },
  { zh: '标题', en: 'Title', value: (r) => r.title },
];

/**
 * Whether a problem belongs in the period's list: received in it, or received before and still
 * open at its start (open now, or closed or returned on or after its first day).
 */
function belongsToPeriod(row: ProblemFigureRow, set: ProblemSet): boolean {
  if (shanghaiDate(row.receivedAt) >= set.period.from) return true;
  if (isOpen(row)) return true;
  const ended = row.closedAt ?? row.firstClosedAt;
  return ended !== null && shanghaiDate(ended) >= set.period.from;
}

/** The file name of a 问题清单, e.g. 问题清单-biomed-3202-2025-01-01_2025-12-31.xlsx. */
function fileNameOf(set: ProblemSet, format: string): string {
  const { from, to } = set.period;
  return `问题清单-${set.context.chain.code}-${set.region.code}-${from}_${to}.${format}`;
}

/**
 * The 问题清单 of a chain × region × period in the user's scope as XLSX or CSV; CSV text
 * formula-neutralised, XLSX text in text cells. Contacts are masked by default, left out for roles that see none, and whole
 * only when `includePersonalData` asks for them and the role sees them whole; such an export is
 * recorded in the audit log (who, which list, when). Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND,
 * FORBIDDEN (outside the scope, or personal data asked for by a role that may not see it).
 */
export async function exportProblemList(
  db: Db,
  user: ScopedUser,
  actor: Actor,
  query: ProblemExportQuery,
  now: Date = new Date(),
): Promise<{ bytes: Uint8Array; count: number; fileName: string }> {
  const includePersonalData = query.includePersonalData === true;
  if (includePersonalData && !mayIncludePersonalData(user.role)) {
    throw new AppError(
      'FORBIDDEN',
      `Role ${user.role} does not see contacts whole; export without includePersonalData.`,
      { field: 'includePersonalData' },
    );
  }
  const set = await loadProblemSet(db, user, query, now);
  const access = personalDataAccessFor(user.role, { export: true, includePersonalData });
  const columns = COLUMNS.filter((c) => !(c.contact && access === 'hidden'));
  const rowLang: Lang = query.lang ?? 'zh';
  const inPeriod = set.rows
    .filter((row) => belongsToPeriod(row, set))
    .map((row) => maskPersonalData(access, row));
  if (includePersonalData) {
    await recordAudit(db, actor, {
      action: 'problem.export-personal-data',
      entityType: 'problem-list',
      after: {
        chain: set.context.chain.code,
        region: set.region.code,
        period: set.period,
        format: query.format,
        rows: inPeriod.length,
      },
    });
  }
  // Formula-safe where it matters: the CSV writer prefixes text a spreadsheet would run; an
  // XLSX text cell is never run, so its text stays as written (as the projects' export does).
  const rows = inPeriod.map((row) => columns.map((c) => c.value(row, set, rowLang)));
  const headers: string[][] =
    query.lang === undefined
      ? [columns.map((c) => c.zh), columns.map((c) => c.en)]
      : [columns.map((c) => c[query.lang ?? 'zh'])];
  const fileName = fileNameOf(set, query.format);
  if (query.format === 'csv') {
    const [first = [], ...more] = headers;
    const text = csvDocument(first, [...more, ...rows]);
    return { bytes: new TextEncoder().encode(text), count: rows.length, fileName };
  }
  // exceljs takes half a second to load: only spreadsheet exports pay for it.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  const sheet = workbook.addWorksheet(rowLang === 'zh' ? '问题清单' : 'Problems');
  for (const header of headers) sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell) => cell ?? null));
  sheet.views = [{ state: 'frozen', ySplit: headers.length }];
  const buffer = await workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer), count: rows.length, fileName };
}
