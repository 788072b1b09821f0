import { and, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { rowsOf } from './connection.ts';
import { notification, problem, supervisionItem } from './schema.ts';

// The bell's notifications are derived from what happened (problem events, due dates, 督办 items)
// by INSERT … SELECT: the unique (user, dedupe key) index makes every derivation idempotent, so a
// sweep may run again, or twice at once, without doubling anything.

/** A notification with what a person reads: the problem's reference/title or the 督办 title. */
export interface NotificationListRow {
  id: number;
  userId: number;
  kind: string;
  problemId: number | null;
  problemReference: string | null;
  problemTitle: string | null;
  supervisionItemId: number | null;
  supervisionTitle: string | null;
  createdAt: Date;
  readAt: Date | null;
}

const DEPARTMENT_USER = sql`u.role = 'department' and not u.disabled`;
/** Office users whose chain list (null = every chain) covers the chain `c`. */
const OFFICE_USER_OF_CHAIN = sql`(u.role = 'office' and not u.disabled
  and (u.chain_codes is null or c.code = any(u.chain_codes)))`;
/** Chain leaders whose chain list (null = every chain) covers the chain `c`. */
const LEADER_USER_OF_CHAIN = sql`(u.role = 'chain_leader' and not u.disabled
  and (u.chain_codes is null or c.code = any(u.chain_codes)))`;
const OPEN_RUNNING = sql`p.stage not in ('closed', 'returned', 'suspended')`;

async function insertReturningIds(db: DbOrTx, select: SQL): Promise<number[]> {
  const result = await db.execute(sql`
    insert into notification (user_id, kind, problem_id, supervision_item_id, dedupe_key)
    ${select}
    on conflict (user_id, dedupe_key) do nothing
    returning id`);
  return rowsOf<{ id: number | string }>(result).map((row) => Number(row.id));
}

/** The newest problem event's id (0 when none): the sweep's cursor over events. */
export async function latestProblemEventId(db: DbOrTx): Promise<number> {
  const result = await db.execute(
    sql`select coalesce(max(id), 0)::bigint as id from problem_event`,
  );
  return Number(rowsOf<{ id: number | string }>(result)[0]?.id ?? 0);
}

/**
 * Notifies each active user of the department a problem was assigned to ('assign' events with
 * `afterId` < id ≤ `uptoId`), once per problem and day of the assignment.
 */
export async function insertAssignedNotifications(
  db: DbOrTx,
  afterId: number,
  uptoId: number,
): Promise<number[]> {
  return insertReturningIds(
    db,
    sql`select u.id, 'assigned', e.problem_id, null::int,
          'assigned:' || e.problem_id || ':' || to_char(e.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')
        from problem_event e
        join app_user u on ${DEPARTMENT_USER} and u.department_id = e.department_id
        where e.action = 'assign' and e.id > ${afterId} and e.id <= ${uptoId}`,
  );
}

/**
 * Notifies the department users of the problem's department and the office users of its chain of
 * a rating ('rate' events in the id window), once per problem and day.
 */
export async function insertRatedNotifications(
  db: DbOrTx,
  afterId: number,
  uptoId: number,
): Promise<number[]> {
  return insertReturningIds(
    db,
    sql`select distinct u.id, 'rated', p.id, null::int,
          'rated:' || p.id || ':' || to_char(e.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')
        from problem_event e
        join problem p on p.id = e.problem_id
        join chain c on c.id = p.chain_id
        join app_user u on (${DEPARTMENT_USER} and u.department_id = p.department_id)
          or ${OFFICE_USER_OF_CHAIN}
        where e.action = 'rate' and e.id > ${afterId} and e.id <= ${uptoId}`,
  );
}

/**
 * Notifies the problem's department users and its chain's office users of every running problem
 * (not closed, returned or suspended) due between `from` and `to` (kind due_soon) or before
 * `from` (kind overdue), once per problem and `today`.
 */
export async function insertDueNotifications(
  db: DbOrTx,
  kind: 'due_soon' | 'overdue',
  today: string,
  dueUpTo: string,
): Promise<number[]> {
  const window =
    kind === 'overdue'
      ? sql`p.due_on < ${today}::date`
      : sql`p.due_on >= ${today}::date and p.due_on <= ${dueUpTo}::date`;
  return insertReturningIds(
    db,
    sql`select distinct u.id, ${kind}::text, p.id, null::int,
          ${kind}::text || ':' || p.id || ':' || ${today}::text
        from problem p
        join chain c on c.id = p.chain_id
        join app_user u on (${DEPARTMENT_USER} and u.department_id = p.department_id)
          or ${OFFICE_USER_OF_CHAIN}
        where ${OPEN_RUNNING} and ${window}`,
  );
}

/** Notifies the owner department's users of each open 督办 item, once per item and owner. */
export async function insertSupervisionAssignedNotifications(db: DbOrTx): Promise<number[]> {
  return insertReturningIds(
    db,
    sql`select u.id, 'supervision_assigned', null::int, s.id,
          'supervision_assigned:' || s.id || ':' || s.owner_department_id
        from supervision_item s
        join app_user u on ${DEPARTMENT_USER} and u.department_id = s.owner_department_id
        where s.state = 'open'`,
  );
}

/**
 * Notifies the owner department's users, the chain's office users and its chain leaders (a 督办
 * item is what the leader decided) of each open 督办 item past its deadline, once per item and
 * `today`.
 */
export async function insertSupervisionOverdueNotifications(
  db: DbOrTx,
  today: string,
): Promise<number[]> {
  return insertReturningIds(
    db,
    sql`select distinct u.id, 'supervision_overdue', null::int, s.id,
          'supervision_overdue:' || s.id || ':' || ${today}::text
        from supervision_item s
        join chain c on c.id = s.chain_id
        join app_user u on (${DEPARTMENT_USER} and u.department_id = s.owner_department_id)
          or ${OFFICE_USER_OF_CHAIN} or ${LEADER_USER_OF_CHAIN}
        where s.state = 'open' and s.deadline < ${today}::date`,
  );
}

const listColumns = {
  id: notification.id,
  userId: notification.userId,
  kind: notification.kind,
  problemId: notification.problemId,
  problemReference: problem.reference,
  problemTitle: problem.title,
  supervisionItemId: notification.supervisionItemId,
  supervisionTitle: supervisionItem.title,
  createdAt: notification.createdAt,
  readAt: notification.readAt,
};

/** A user's notifications, newest first, with what they are about. */
export async function listUserNotifications(
  db: DbOrTx,
  userId: number,
  limit: number,
): Promise<NotificationListRow[]> {
  return db
    .select(listColumns)
    .from(notification)
    .leftJoin(problem, eq(problem.id, notification.problemId))
    .leftJoin(supervisionItem, eq(supervisionItem.id, notification.supervisionItemId))
    .where(eq(notification.userId, userId))
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(limit);
}

/** Notifications by id, with what they are about (for the webhook). */
export async function listNotificationsByIds(
  db: DbOrTx,
  ids: readonly number[],
): Promise<NotificationListRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(listColumns)
    .from(notification)
    .leftJoin(problem, eq(problem.id, notification.problemId))
    .leftJoin(supervisionItem, eq(supervisionItem.id, notification.supervisionItemId))
    .where(inArray(notification.id, [...ids]));
}

/** How many of a user's notifications are unread. */
export async function countUnreadNotifications(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notification)
    .where(and(eq(notification.userId, userId), isNull(notification.readAt)));
  return row?.n ?? 0;
}

/** Marks one of a user's notifications read; false when the user has no such notification. */
export async function markNotificationRead(
  db: DbOrTx,
  userId: number,
  id: number,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(notification)
    .set({ readAt: sql`coalesce(${notification.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notification.id, id), eq(notification.userId, userId)))
    .returning({ id: notification.id });
  return rows.length > 0;
}

/** Marks every unread notification of a user read; returns how many. */
export async function markAllNotificationsRead(
  db: DbOrTx,
  userId: number,
  at: Date,
): Promise<number> {
  const rows = await db
    .update(notification)
    .set({ readAt: at })
    .where(and(eq(notification.userId, userId), isNull(notification.readAt)))
    .returning({ id: notification.id });
  return rows.length;
}
