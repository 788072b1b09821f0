import { AppError } from '../../domain/app-error.ts';
import { suggestUnits, type MatchUnit } from '../../domain/space-matching.ts';
import type { Db, Tx } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import type { ParkSpaceRow } from '../../db/park.repository.ts';
import { requirePark } from '../lookup/lookup.service.ts';
import { lockProject, touchProject, updateProject } from '../../db/project.repository.ts';
import {
  addReservedArea,
  findSpaceById,
  insertReservation,
  insertSpace,
  listReservations,
  lockReservation,
  lockSpaces,
  markReleased,
  updateSpace as writeSpace,
} from '../../db/space.repository.ts';
import type {
  CreateSpaceRequest,
  ParkSpace,
  ReserveSpaceRequest,
  UpdateSpaceRequest,
} from '../../shared/api/parks.ts';
import type { Reservation } from '../../shared/api/projects.ts';
import { asSpaceKind, presentReservation } from '../projects/project-presenter.ts';
import { presentSpace } from './park-query.service.ts';
import { assertParkInScope, parkScopeFor, type ParkScope } from '../auth/park-scope.ts';
import { assertProjectReadable, type ProjectReader } from '../projects/project-query.service.ts';

/** Area is compared to a hundredth of a square metre: floating sums must not refuse a full unit. */
const EPSILON_M2 = 0.01;

const freeOf = (s: ParkSpaceRow) => s.areaM2 - s.occupiedM2 - s.reservedM2;

/** True for PostgreSQL's error on a violated constraint of this name (from either driver). */
function violates(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const pg = e as Error & { constraint?: string };
    if (pg.constraint === constraint || e.message.includes(constraint)) return true;
  }
  return false;
}

async function requireParkFor(db: Db | Tx, scope: ParkScope, parkId: number): Promise<void> {
  assertParkInScope(scope, parkId);
  await requirePark(db, parkId);
}

/**
 * Adds a space unit to a park. Throws FORBIDDEN (another park's operator), PARK_NOT_FOUND or
 * VALIDATION_FAILED (a code the park already uses, or more occupied than the area).
 */
export async function addSpace(
  db: Db,
  actor: Actor,
  scope: ParkScope,
  parkId: number,
  input: CreateSpaceRequest,
): Promise<ParkSpace> {
  await requireParkFor(db, scope, parkId);
  if (input.occupiedM2 > input.areaM2) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Occupied area (${input.occupiedM2} m²) exceeds the unit's area (${input.areaM2} m²).`,
      { field: 'occupiedM2' },
    );
  }
  try {
    return await db.transaction(async (tx) => {
      const row = await insertSpace(tx, {
        parkId,
        code: input.code,
        building: input.building ?? null,
        kind: input.kind,
        floor: input.floor ?? null,
        areaM2: input.areaM2,
        occupiedM2: input.occupiedM2,
        availableFrom: input.availableFrom ?? null,
        rentYuanPerM2Month: input.rentYuanPerM2Month ?? null,
      });
      await recordAudit(tx, actor, {
        action: 'space.create',
        entityType: 'park_space',
        entityId: row.id,
        after: presentSpace(row),
      });
      return presentSpace(row);
    });
  } catch (error) {
    if (violates(error, 'park_space_code_idx')) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Park ${parkId} already has a unit coded "${input.code}"; choose another code.`,
        { field: 'code' },
      );
    }
    throw error;
  }
}

/**
 * Changes a space unit's area, kind, floor, occupancy, date or rent. Refuses to leave less area
 * than is occupied and reserved. Throws FORBIDDEN, SPACE_NOT_FOUND or SPACE_UNAVAILABLE.
 */
export async function updateSpace(
  db: Db,
  actor: Actor,
  scope: ParkScope,
  parkId: number,
  spaceId: number,
  changes: UpdateSpaceRequest,
): Promise<ParkSpace> {
  assertParkInScope(scope, parkId);
  return db.transaction(async (tx) => {
    const before = await lockParkUnit(tx, parkId, spaceId);
    const areaM2 = changes.areaM2 ?? before.areaM2;
    const occupiedM2 = changes.occupiedM2 ?? before.occupiedM2;
    if (occupiedM2 + before.reservedM2 > areaM2 + EPSILON_M2) {
      throw new AppError(
        'SPACE_UNAVAILABLE',
        `Unit ${before.code} would hold ${occupiedM2} m² occupied and ${before.reservedM2} m² ` +
          `reserved in ${areaM2} m²; lower the occupied area, release reservations or enlarge the unit.`,
        {
          reason: 'SPACE_AREA_BELOW_USE',
          code: before.code,
          spaceId,
          areaM2,
          occupiedM2,
          reservedM2: before.reservedM2,
        },
      );
    }
    if (changes.kind && changes.kind !== before.kind && before.reservedM2 > 0) {
      throw new AppError(
        'SPACE_UNAVAILABLE',
        `Unit ${before.code} holds reservations as ${before.kind}; release them before changing its kind.`,
        { reason: 'SPACE_KIND_RESERVED', code: before.code, kind: before.kind, spaceId },
      );
    }
    if (Object.values(changes).every((v) => v === undefined)) return presentSpace(before);
    const after = await writeSpace(tx, spaceId, changes);
    await recordAudit(tx, actor, {
      action: 'space.update',
      entityType: 'park_space',
      entityId: spaceId,
      before: presentSpace(before),
      after: presentSpace(after),
    });
    return presentSpace(after);
  });
}

/** A park's unit in use, locked until the transaction ends. Throws SPACE_NOT_FOUND. */
async function lockParkUnit(tx: Tx, parkId: number, spaceId: number): Promise<ParkSpaceRow> {
  const [unit] = await lockSpaces(tx, { ids: [spaceId] });
  if (!unit || unit.parkId !== parkId || unit.retiredAt !== null) {
    throw new AppError(
      'SPACE_NOT_FOUND',
      `Park ${parkId} has no space unit ${spaceId} in use` +
        (unit?.retiredAt ? ' (it was retired).' : '.'),
      { parkId, spaceId },
    );
  }
  return unit;
}

/**
 * Retires a space unit: it leaves the park's totals, matching and reservations but stays in the
 * history (audit, released reservations). Refused while space in it is reserved for a project.
 * Throws FORBIDDEN (another park's operator), SPACE_NOT_FOUND or SPACE_UNAVAILABLE.
 */
export async function retireSpace(
  db: Db,
  actor: Actor,
  scope: ParkScope,
  parkId: number,
  spaceId: number,
): Promise<ParkSpace> {
  assertParkInScope(scope, parkId);
  return db.transaction(async (tx) => {
    const before = await lockParkUnit(tx, parkId, spaceId);
    if (before.reservedM2 > EPSILON_M2) {
      throw new AppError(
        'SPACE_UNAVAILABLE',
        `Unit ${before.code} holds ${round(before.reservedM2)} m² reserved for projects; ` +
          'release those reservations (or move them to another unit) before retiring it.',
        { reason: 'SPACE_RETIRE_RESERVED', code: before.code, spaceId },
      );
    }
    const after = await writeSpace(tx, spaceId, { retiredAt: new Date() });
    await recordAudit(tx, actor, {
      action: 'space.retire',
      entityType: 'park_space',
      entityId: spaceId,
      before: presentSpace(before),
      after: { ...presentSpace(after), retiredAt: after.retiredAt?.toISOString() ?? null },
    });
    return presentSpace(after);
  });
}

/** How a request's area is spread over locked units: the request names one, or a kind. */
function allocate(
  request: ReserveSpaceRequest,
  units: ParkSpaceRow[],
  neededFrom: string | null,
): { unit: ParkSpaceRow; areaM2: number }[] {
  if ('spaceId' in request) {
    const unit = units[0];
    if (!unit) return [];
    const free = freeOf(unit);
    const areaM2 = request.areaM2 ?? free;
    if (free < EPSILON_M2 || areaM2 > free + EPSILON_M2) {
      throw new AppError(
        'SPACE_UNAVAILABLE',
        `Unit ${unit.code} has ${round(free)} m² free; ${round(areaM2)} m² cannot be reserved. ` +
          'Choose another unit or a smaller area.',
        {
          reason: 'SPACE_UNIT_TOO_SMALL',
          code: unit.code,
          spaceId: unit.id,
          freeM2: round(free),
          requestedM2: round(areaM2),
        },
      );
    }
    return [{ unit, areaM2 }];
  }
  const inTime = units.filter(
    (u) =>
      freeOf(u) >= EPSILON_M2 &&
      (neededFrom === null || u.availableFrom === null || u.availableFrom <= neededFrom),
  );
  const free = inTime.reduce((sum, u) => sum + freeOf(u), 0);
  if (free + EPSILON_M2 < request.areaM2) {
    throw new AppError(
      'SPACE_UNAVAILABLE',
      `Park ${request.parkId} has ${round(free)} m² of ${request.kind} free` +
        (neededFrom ? ` by ${neededFrom}` : '') +
        `; ${round(request.areaM2)} m² cannot be reserved. Try another park or a smaller area.`,
      {
        reason: neededFrom ? 'SPACE_PARK_TOO_SMALL_BY_DATE' : 'SPACE_PARK_TOO_SMALL',
        parkId: request.parkId,
        kind: request.kind,
        neededFrom: neededFrom ?? '',
        freeM2: round(free),
        requestedM2: request.areaM2,
      },
    );
  }
  const candidates: MatchUnit[] = inTime.map((u) => ({
    spaceId: u.id,
    code: u.code,
    building: u.building,
    floor: u.floor,
    kind: asSpaceKind(u.kind),
    freeM2: freeOf(u),
    availableFrom: u.availableFrom,
    rentYuanPerM2Month: u.rentYuanPerM2Month,
  }));
  let left = request.areaM2;
  return suggestUnits(candidates, request.areaM2).flatMap((chosen) => {
    const unit = inTime.find((u) => u.id === chosen.spaceId);
    if (!unit || left <= 0) return [];
    const areaM2 = Math.min(left, freeOf(unit));
    left -= areaM2;
    return [{ unit, areaM2 }];
  });
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Reserves park space for a project: part or all of one unit, or an area of one kind spread over
 * a park's units available by the project's date. The units are locked in one transaction, so two
 * reservations at once cannot both take the last space; a refusal changes nothing. Only for a
 * project the reader may read (a park operator: one matched to its park). Throws
 * PROJECT_NOT_FOUND (also for a project the reader may not read), SPACE_NOT_FOUND, PARK_NOT_FOUND,
 * FORBIDDEN (another park's operator), VALIDATION_FAILED (dropped project) or SPACE_UNAVAILABLE.
 */
export async function reserveSpace(
  db: Db,
  actor: Actor,
  reader: ProjectReader,
  projectId: number,
  request: ReserveSpaceRequest,
): Promise<Reservation[]> {
  const scope = parkScopeFor(reader);
  let parkId: number;
  if ('spaceId' in request) {
    const space = await findSpaceById(db, request.spaceId);
    if (!space || space.retiredAt !== null) {
      throw new AppError('SPACE_NOT_FOUND', `No space unit has id ${request.spaceId}.`, {
        spaceId: request.spaceId,
      });
    }
    parkId = space.parkId;
    assertParkInScope(scope, parkId);
  } else {
    parkId = request.parkId;
    await requireParkFor(db, scope, parkId);
  }
  await assertProjectReadable(db, reader, projectId);
  try {
    const ids = await db.transaction(async (tx) => {
      const project = await lockProject(tx, projectId);
      if (!project) throw new AppError('PROJECT_NOT_FOUND', `No project has id ${projectId}.`);
      if (project.status !== 'active') {
        throw new AppError(
          'VALIDATION_FAILED',
          'The project is dropped: reopen it to reserve space.',
          {
            projectId,
          },
        );
      }
      const units = await lockSpaces(
        tx,
        'spaceId' in request ? { ids: [request.spaceId] } : { parkId, kind: request.kind },
      );
      const allocations = allocate(request, units, project.spaceNeededFrom);
      const created: number[] = [];
      for (const { unit, areaM2 } of allocations) {
        await addReservedArea(tx, unit.id, areaM2);
        const row = await insertReservation(tx, {
          projectId,
          spaceId: unit.id,
          parkId: unit.parkId,
          kind: unit.kind,
          areaM2,
          note: request.note ?? null,
          reservedBy: actor.name,
        });
        created.push(row.id);
      }
      if (project.parkId === null) await updateProject(tx, projectId, { parkId });
      else await touchProject(tx, projectId);
      await recordAudit(tx, actor, {
        action: 'space.reserve',
        entityType: 'project',
        entityId: projectId,
        after: allocations.map((a) => ({
          spaceId: a.unit.id,
          code: a.unit.code,
          areaM2: a.areaM2,
        })),
      });
      return created;
    });
    return (await listReservations(db, { ids })).map(presentReservation);
  } catch (error) {
    // The check constraint is the last line of defence; it fires only if a lock was bypassed.
    if (violates(error, 'park_space_allocation_check')) {
      throw new AppError(
        'SPACE_UNAVAILABLE',
        'The space was taken meanwhile; nothing was reserved.',
        {
          projectId,
        },
      );
    }
    throw error;
  }
}

/**
 * Releases one of a project's reservations, returning its area to the unit. Throws
 * PROJECT_NOT_FOUND (a project the reader may not read), RESERVATION_NOT_FOUND, FORBIDDEN (another
 * park's operator) or VALIDATION_FAILED (already released).
 */
export async function releaseSpace(
  db: Db,
  actor: Actor,
  reader: ProjectReader,
  projectId: number,
  reservationId: number,
): Promise<Reservation> {
  const scope = parkScopeFor(reader);
  await db.transaction(async (tx) => {
    const reservation = await lockReservation(tx, reservationId);
    if (!reservation || reservation.projectId !== projectId) {
      throw new AppError(
        'RESERVATION_NOT_FOUND',
        `Project ${projectId} has no reservation ${reservationId}.`,
        { projectId, reservationId },
      );
    }
    assertParkInScope(scope, reservation.parkId);
    await assertProjectReadable(tx, reader, projectId);
    if (reservation.status !== 'reserved') {
      throw new AppError('VALIDATION_FAILED', `Reservation ${reservationId} is already released.`, {
        reservationId,
      });
    }
    await lockSpaces(tx, { ids: [reservation.spaceId] });
    await addReservedArea(tx, reservation.spaceId, -reservation.areaM2);
    await markReleased(tx, reservationId, actor.name);
    await touchProject(tx, projectId);
    await recordAudit(tx, actor, {
      action: 'space.release',
      entityType: 'project',
      entityId: projectId,
      before: { reservationId, spaceId: reservation.spaceId, areaM2: reservation.areaM2 },
      after: { reservationId, status: 'released' },
    });
  });
  const [view] = await listReservations(db, { ids: [reservationId] });
  if (!view) throw new AppError('RESERVATION_NOT_FOUND', `No reservation ${reservationId}.`);
  return presentReservation(view);
}

/** A park's reservations (live and released). Throws FORBIDDEN for another park's operator. */
export async function listParkReservations(
  db: Db,
  scope: ParkScope,
  parkId: number,
): Promise<{ items: Reservation[]; total: number }> {
  await requireParkFor(db, scope, parkId);
  const items = (await listReservations(db, { parkId })).map(presentReservation);
  return { items, total: items.length };
}
