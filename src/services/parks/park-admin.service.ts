import { AppError } from '../../domain/app-error.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import {
  findExistingNodeCodes,
  findParkByCode,
  insertPark,
  updatePark as writePark,
  type ParkRow,
} from '../../db/park.repository.ts';
import { findRegion } from '../../db/region.repository.ts';
import type { CreateParkRequest, ParkDetail, UpdateParkRequest } from '../../shared/api/parks.ts';
import { requirePark } from '../lookup/lookup.service.ts';
import { getPark } from './park-query.service.ts';

/** The fields of a park the audit log keeps. */
function auditView(row: ParkRow) {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    regionCode: row.regionCode,
    address: row.address,
    focusNodeCodes: row.focusNodeCodes,
  };
}

/** Throws VALIDATION_FAILED naming the field when the region or a focus node is unknown. */
async function checkReferences(
  db: DbOrTx,
  input: { region?: string | undefined; focusNodeCodes?: string[] | undefined },
): Promise<void> {
  if (input.region !== undefined && !(await findRegion(db, input.region))) {
    throw new AppError(
      'VALIDATION_FAILED',
      `No region has the code ${input.region}; give the park's district, e.g. 320206.`,
      { field: 'region' },
    );
  }
  const codes = [...new Set(input.focusNodeCodes ?? [])];
  const known = await findExistingNodeCodes(db, codes);
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `No chain has the node ${unknown.join(', ')}; use node codes such as biomed.mid.device.`,
      { field: 'focusNodeCodes', codes: unknown },
    );
  }
}

/**
 * Creates a park (no space yet: units are added to it). Throws VALIDATION_FAILED naming the field
 * for a code already used, an unknown region or an unknown focus node.
 */
export async function createPark(
  db: Db,
  actor: Actor,
  input: CreateParkRequest,
): Promise<ParkDetail> {
  await checkReferences(db, input);
  const id = await db.transaction(async (tx) => {
    if (await findParkByCode(tx, input.code)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `A park is already coded "${input.code}"; choose another code.`,
        { field: 'code' },
      );
    }
    const row = await insertPark(tx, {
      code: input.code,
      name: input.name,
      nameEn: input.nameEn ?? null,
      regionCode: input.region,
      address: input.address ?? null,
      focusNodeCodes: [...new Set(input.focusNodeCodes ?? [])],
    });
    await recordAudit(tx, actor, {
      action: 'park.create',
      entityType: 'park',
      entityId: row.id,
      after: auditView(row),
    });
    return row.id;
  });
  return getPark(db, id);
}

/**
 * Changes a park's names, district, address or focus nodes. Throws PARK_NOT_FOUND, or
 * VALIDATION_FAILED naming the field for an unknown region or focus node.
 */
export async function updatePark(
  db: Db,
  actor: Actor,
  id: number,
  changes: UpdateParkRequest,
): Promise<ParkDetail> {
  await checkReferences(db, changes);
  await db.transaction(async (tx) => {
    const { park: before } = await requirePark(tx, id);
    const values = {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.nameEn !== undefined && { nameEn: changes.nameEn }),
      ...(changes.region !== undefined && { regionCode: changes.region }),
      ...(changes.address !== undefined && { address: changes.address }),
      ...(changes.focusNodeCodes !== undefined && {
        focusNodeCodes: [...new Set(changes.focusNodeCodes)],
      }),
    };
    if (Object.keys(values).length === 0) return;
    const after = await writePark(tx, id, values);
    await recordAudit(tx, actor, {
      action: 'park.update',
      entityType: 'park',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
  });
  return getPark(db, id);
}
