import type { Db } from '../../db/connection.ts';
import {
  listProblemFigureRows,
  type ProblemFigureEvent,
  type ProblemFigureRow,
} from '../../db/problem-figures.repository.ts';
import type { RegionRow } from '../../db/region.repository.ts';
import {
  computeProblemFigures,
  type FigurePeriod,
  type ProblemFigureRecord,
} from '../../domain/problem-figures.ts';
import {
  addCalendarDays,
  clockStartDay,
  shanghaiDate,
  type WorkingCalendar,
} from '../../domain/working-calendar.ts';
import type { ProblemFiguresQuery, ProblemSummary } from '../../shared/api/problem-figures.ts';
import { AppError } from '../../domain/app-error.ts';
import {
  isChainInScope,
  problemScopeFor,
  type ProblemScope,
  type ScopedUser,
} from '../../shared/problem-scope.ts';
import { SATISFACTION_LEVELS, type Satisfaction } from '../../shared/problem-stages.ts';
import { loadChainContext, requireRegion, type ChainContext } from '../lookup/lookup.service.ts';
import { loadWorkingCalendar } from './working-calendar.service.ts';

/** The period a query names: its year, its from/to, or else the current year in Shanghai. */
export function resolvePeriod(
  query: Pick<ProblemFiguresQuery, 'year' | 'from' | 'to'>,
  today: string,
): FigurePeriod {
  if (query.from !== undefined && query.to !== undefined) return { from: query.from, to: query.to };
  const year = query.year ?? Number(today.slice(0, 4));
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The instant a Shanghai day ends (the next day's midnight, +08:00). */
function endOfShanghaiDay(day: string): Date {
  return new Date(`${addCalendarDays(day, 1)}T00:00:00+08:00`);
}

/** A user bound to other chains is told so, rather than shown a chain's figures as all zero. */
function assertChainInScope(scope: ProblemScope, chainCode: string): void {
  const chains = 'chainCodes' in scope ? scope.chainCodes : null;
  if (!isChainInScope(chains, chainCode)) {
    throw new AppError(
      'FORBIDDEN',
      `Your account covers the chains ${(chains ?? []).join(', ') || '(none)'}, not ${chainCode}.`,
      { chain: chainCode },
    );
  }
}

/** Everything a summary or a 问题清单 is made of, loaded once. */
export interface ProblemSet {
  context: ChainContext;
  region: RegionRow;
  period: FigurePeriod;
  today: string;
  calendar: WorkingCalendar;
  /** The user may not see contacts (analyst, viewer). */
  redacted: boolean;
  rows: ProblemFigureRow[];
  eventsByProblem: Map<number, ProblemFigureEvent[]>;
}

/**
 * The problems of a chain × region in the user's scope received by the period's end, with their
 * ratings and reopens. Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND, FORBIDDEN (a chain the user's
 * account does not cover).
 */
export async function loadProblemSet(
  db: Db,
  user: ScopedUser,
  query: ProblemFiguresQuery,
  now: Date = new Date(),
): Promise<ProblemSet> {
  const scope = problemScopeFor(user);
  assertChainInScope(scope, query.chain);
  const today = shanghaiDate(now);
  const period = resolvePeriod(query, today);
  const [context, region, calendar] = await Promise.all([
    loadChainContext(db, query.chain),
    requireRegion(db, query.region),
    loadWorkingCalendar(db),
  ]);
  const { rows, events } = await listProblemFigureRows(db, {
    chainId: context.chain.id,
    regionCode: region.code,
    scope,
    receivedBefore: endOfShanghaiDay(period.to),
  });
  const eventsByProblem = new Map<number, ProblemFigureEvent[]>();
  for (const event of events) {
    const list = eventsByProblem.get(event.problemId) ?? [];
    list.push(event);
    eventsByProblem.set(event.problemId, list);
  }
  const redacted = scope.kind === 'chains' && scope.redacted;
  return { context, region, period, today, calendar, redacted, rows, eventsByProblem };
}

const isSatisfaction = (value: string | null): value is Satisfaction =>
  (SATISFACTION_LEVELS as readonly (string | null)[]).includes(value);

/** A loaded problem as the figure function sees it. */
export function toFigureRecord(
  row: ProblemFigureRow,
  events: readonly ProblemFigureEvent[],
  calendar: WorkingCalendar,
): ProblemFigureRecord {
  return {
    receivedAt: row.receivedAt,
    // A reopen restarts the clock, and the stored start may follow it; the first clock's start
    // is the receipt's by definition (docs/problems.md, "The SLA clock").
    clockStartsOn:
      row.reopenCount > 0 ? clockStartDay(calendar, row.receivedAt) : row.clockStartsOn,
    returned: row.stage === 'returned',
    open: row.stage !== 'closed' && row.stage !== 'returned',
    suspended: row.stage === 'suspended',
    dueOn: row.dueOn,
    firstClosedAt: row.firstClosedAt,
    firstClosedOnTime: row.firstClosedOnTime,
    ratings: events.flatMap((e) =>
      e.action === 'rate' && isSatisfaction(e.satisfaction)
        ? [{ at: e.at, satisfaction: e.satisfaction }]
        : [],
    ),
    reopenedAt: events.filter((e) => e.action === 'reopen').map((e) => e.at),
  };
}

/** Groups records by a key, keeping the first row of each group for its label. */
function groupBy<K>(
  items: readonly { row: ProblemFigureRow; record: ProblemFigureRecord }[],
  key: (row: ProblemFigureRow) => K,
) {
  const groups = new Map<K, { row: ProblemFigureRow; records: ProblemFigureRecord[] }>();
  for (const { row, record } of items) {
    const k = key(row);
    const group = groups.get(k) ?? { row, records: [] };
    group.records.push(record);
    groups.set(k, group);
  }
  return [...groups.values()];
}

/** Nulls last, then by the number given. */
const nullsLast = (a: number | null, b: number | null) =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : a - b;

/**
 * The problem figures of a chain × region × period in the user's scope: overall and by
 * department, category and chain node (only groups with problems), each from one call of
 * computeProblemFigures. Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND, FORBIDDEN.
 */
export async function summarizeProblems(
  db: Db,
  user: ScopedUser,
  query: ProblemFiguresQuery,
  now: Date = new Date(),
): Promise<ProblemSummary> {
  const set = await loadProblemSet(db, user, query, now);
  const { period, today, calendar } = set;
  const items = set.rows.map((row) => ({
    row,
    record: toFigureRecord(row, set.eventsByProblem.get(row.id) ?? [], calendar),
  }));
  const figures = (records: readonly ProblemFigureRecord[]) =>
    computeProblemFigures(records, period, today, calendar);
  const years: number[] = [];
  for (let y = Number(period.from.slice(0, 4)); y <= Number(period.to.slice(0, 4)); y += 1) {
    years.push(y);
  }
  const covered = years.filter((y) => calendar.years.has(y));
  return {
    chain: {
      code: set.context.chain.code,
      name: { zh: set.context.chain.nameZh, en: set.context.chain.nameEn },
    },
    region: { code: set.region.code, name: set.region.name },
    period,
    asOf: today,
    calendarYearsCovered: covered,
    beyondCalendar: covered.length < years.length,
    overall: figures(items.map((i) => i.record)),
    byDepartment: groupBy(items, (r) => r.departmentId)
      .sort(
        (a, b) =>
          nullsLast(
            a.row.departmentId === null ? null : 0,
            b.row.departmentId === null ? null : 0,
          ) || (a.row.departmentName ?? '').localeCompare(b.row.departmentName ?? '', 'zh'),
      )
      .map(({ row, records }) => ({
        department:
          row.departmentId === null
            ? null
            : {
                id: row.departmentId,
                name: row.departmentName ?? '',
                nameEn: row.departmentNameEn,
              },
        figures: figures(records),
      })),
    byCategory: groupBy(items, (r) => r.categoryCode)
      .sort(
        (a, b) =>
          a.row.categorySortOrder - b.row.categorySortOrder ||
          a.row.categoryCode.localeCompare(b.row.categoryCode),
      )
      .map(({ row, records }) => ({
        category: {
          code: row.categoryCode,
          name: { zh: row.categoryNameZh, en: row.categoryNameEn },
        },
        figures: figures(records),
      })),
    byNode: groupBy(items, (r) => r.nodeId)
      .sort((a, b) => nullsLast(a.row.nodeSortOrder, b.row.nodeSortOrder))
      .map(({ row, records }) => ({
        node:
          row.nodeId === null || row.nodeCode === null
            ? null
            : { code: row.nodeCode, name: { zh: row.nodeNameZh ?? '', en: row.nodeNameEn ?? '' } },
        figures: figures(records),
      })),
  };
}
