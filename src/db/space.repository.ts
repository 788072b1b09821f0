import { and, asc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { park, parkSpace, project, spaceReservation } from './schema.ts';
import { nameNowOf } from './user.repository.ts';

export type NewParkSpaceRow = typeof parkSpace.$inferInsert;
export type ReservationRow = typeof spaceReservation.$inferSelect;

/** One space unit, or null. */
export async function findSpaceById(db: DbOrTx, id: number) {
  const rows = await db.select().from(parkSpace).where(eq(parkSpace.id, id)).limit(1);
  return rows[0] ?? null;
}

/**
 * Space units locked for update until the transaction ends, in id order so that two writers
 * locking overlapping sets never deadlock. Either some ids or a park's units of one kind (retired
 * units left out).
 */
export async function lockSpaces(
  db: DbOrTx,
  which: { ids: number[] } | { parkId: number; kind: string },
) {
  const where =
    'ids' in which
      ? sql`${parkSpace.id} = any(${sql.param(which.ids)}::integer[])`
      : and(
          eq(parkSpace.parkId, which.parkId),
          eq(parkSpace.kind, which.kind),
          isNull(parkSpace.retiredAt),
        );
  return db.select().from(parkSpace).where(where).orderBy(asc(parkSpace.id)).for('update');
}

/** Adds a space unit and returns it. */
export async function insertSpace(db: DbOrTx, values: NewParkSpaceRow) {
  const [row] = await db.insert(parkSpace).values(values).returning();
  if (!row) throw new Error('space was not inserted');
  return row;
}

/** Updates a space unit and returns it. */
export async function updateSpace(db: DbOrTx, id: number, values: Partial<NewParkSpaceRow>) {
  const [row] = await db.update(parkSpace).set(values).where(eq(parkSpace.id, id)).returning();
  if (!row) throw new Error(`space ${id} was not updated`);
  return row;
}

/** Adds `deltaM2` (negative to free) to a unit's reserved area. */
export async function addReservedArea(db: DbOrTx, spaceId: number, deltaM2: number) {
  await db
    .update(parkSpace)
    .set({ reservedM2: sql`${parkSpace.reservedM2} + ${deltaM2}` })
    .where(eq(parkSpace.id, spaceId));
}

/** Records a reservation and returns it. */
export async function insertReservation(
  db: DbOrTx,
  values: typeof spaceReservation.$inferInsert,
): Promise<ReservationRow> {
  const [row] = await db.insert(spaceReservation).values(values).returning();
  if (!row) throw new Error('reservation was not inserted');
  return row;
}

/** One reservation locked for update, or null. */
export async function lockReservation(db: DbOrTx, id: number): Promise<ReservationRow | null> {
  const rows = await db
    .select()
    .from(spaceReservation)
    .where(eq(spaceReservation.id, id))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** Marks a reservation released. */
export async function markReleased(db: DbOrTx, id: number, releasedBy: string) {
  await db
    .update(spaceReservation)
    .set({ status: 'released', releasedBy, releasedAt: new Date() })
    .where(eq(spaceReservation.id, id));
}

/** Reservations with project, park and unit names, by project or by park, oldest first. */
export async function listReservations(
  db: DbOrTx,
  which: { projectId?: number; parkId?: number; status?: string; ids?: number[] },
) {
  return db
    .select({
      reservation: {
        ...getTableColumns(spaceReservation),
        reservedBy: nameNowOf(spaceReservation.reservedBy),
        // Null while the space is held.
        releasedBy: sql<string | null>`${nameNowOf(spaceReservation.releasedBy)}`,
      },
      projectName: project.name,
      parkName: park.name,
      parkNameEn: park.nameEn,
      spaceCode: parkSpace.code,
    })
    .from(spaceReservation)
    .innerJoin(project, eq(project.id, spaceReservation.projectId))
    .innerJoin(park, eq(park.id, spaceReservation.parkId))
    .innerJoin(parkSpace, eq(parkSpace.id, spaceReservation.spaceId))
    .where(
      and(
        which.projectId === undefined ? undefined : eq(spaceReservation.projectId, which.projectId),
        which.parkId === undefined ? undefined : eq(spaceReservation.parkId, which.parkId),
        which.status === undefined ? undefined : eq(spaceReservation.status, which.status),
        which.ids === undefined
          ? undefined
          : sql`${spaceReservation.id} = any(${sql.param(which.ids)}::integer[])`,
      ),
    )
    .orderBy(asc(spaceReservation.id));
}
export type ReservationView = Awaited<ReturnType<typeof listReservations>>[number];

/** Live reserved area per project and kind, for demand that is not yet covered. */
export async function sumReservedByProjectAndKind(db: DbOrTx, projectIds: number[]) {
  if (projectIds.length === 0) return [];
  const rows = await db
    .select({
      projectId: spaceReservation.projectId,
      kind: spaceReservation.kind,
      areaM2: sql<number>`sum(${spaceReservation.areaM2})::float8`,
    })
    .from(spaceReservation)
    .where(
      and(
        sql`${spaceReservation.projectId} = any(${sql.param(projectIds)}::integer[])`,
        eq(spaceReservation.status, 'reserved'),
      ),
    )
    .groupBy(spaceReservation.projectId, spaceReservation.kind);
  return rows.map((r) => ({ ...r, areaM2: Number(r.areaM2) }));
}
