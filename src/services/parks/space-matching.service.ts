import { AppError } from '../../domain/app-error.ts';
import { assertProjectReadable, type ProjectReader } from '../projects/project-query.service.ts';
import { matchSpace, type MatchPark } from '../../domain/space-matching.ts';
import type { Db } from '../../db/connection.ts';
import { listParkSpaces, listParks, type ParkSpaceRow } from '../../db/park.repository.ts';
import { listProjectViews } from '../../db/project.repository.ts';
import { sumReservedByProjectAndKind } from '../../db/space.repository.ts';
import { SPACE_KINDS, type SpaceMatch, type SupplyDemand } from '../../shared/api/parks.ts';
import { getPipelineSettings } from '../projects/pipeline-settings.service.ts';
import { asSpaceKind, asStage, spaceNeedOf } from '../projects/project-presenter.ts';
import { requirePark } from '../lookup/lookup.service.ts';
import { assertParkInScope, type ParkScope } from '../auth/park-scope.ts';

const freeOf = (s: ParkSpaceRow) => Math.max(0, s.areaM2 - s.occupiedM2 - s.reservedM2);

/**
 * The parks that fit a project's space need (by kind, area, available date and the park's focus
 * nodes), best first, with suggested units and reasons. Space it already holds is not needed
 * again; once all of it is reserved, no park is listed. Throws PROJECT_NOT_FOUND (also for a
 * project the reader may not read) or VALIDATION_FAILED (no space need stated).
 */
export async function matchSpaceForProject(
  db: Db,
  projectId: number,
  reader?: ProjectReader,
): Promise<{ items: SpaceMatch[]; total: number }> {
  if (reader) await assertProjectReadable(db, reader, projectId);
  const [view] = await listProjectViews(db, { ids: [projectId] });
  if (!view) throw new AppError('PROJECT_NOT_FOUND', `No project has id ${projectId}.`);
  const reserved = await sumReservedByProjectAndKind(db, [projectId]);
  const need = spaceNeedOf(view.project.spaceNeed)
    .map((n) => ({
      kind: n.kind,
      areaM2:
        n.areaM2 - reserved.filter((r) => r.kind === n.kind).reduce((s, r) => s + r.areaM2, 0),
    }))
    .filter((n) => n.areaM2 > 0);
  if (spaceNeedOf(view.project.spaceNeed).length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The project states no space need; add m² by kind (spaceNeed) first.',
      { field: 'spaceNeed' },
    );
  }
  // A need already covered by reservations is an answer, not an error: the panel refetches the
  // matches right after the reservation that covered it, and must get an empty list, not a 400.
  if (need.length === 0) return { items: [], total: 0 };
  const [parks, spaces] = await Promise.all([listParks(db), listParkSpaces(db)]);
  const candidates: MatchPark[] = parks.map(({ park }) => ({
    id: park.id,
    name: park.name,
    nameEn: park.nameEn,
    focusNodeCodes: park.focusNodeCodes,
    units: spaces
      .filter((s) => s.parkId === park.id)
      .map((s) => ({
        spaceId: s.id,
        code: s.code,
        building: s.building,
        floor: s.floor,
        kind: asSpaceKind(s.kind),
        freeM2: freeOf(s),
        availableFrom: s.availableFrom,
        rentYuanPerM2Month: s.rentYuanPerM2Month,
      })),
  }));
  const items = matchSpace(
    { need, neededFrom: view.project.spaceNeededFrom, nodeCode: view.node?.code ?? null },
    candidates,
  );
  return { items, total: items.length };
}

/**
 * A park's free space against its pipeline's demand, by kind and year: free area in units available
 * by the end of each year, and the still unreserved need of the active projects aimed at the park
 * that want space by then (plain and weighted by stage probability). Throws FORBIDDEN.
 */
export async function parkSupplyDemand(
  db: Db,
  scope: ParkScope,
  parkId: number,
  options: { fromYear?: number; years?: number } = {},
): Promise<SupplyDemand> {
  assertParkInScope(scope, parkId);
  const { park } = await requirePark(db, parkId);
  const [spaces, projects, settings] = await Promise.all([
    listParkSpaces(db, parkId),
    listProjectViews(db, { parkId, status: 'active' }),
    getPipelineSettings(db),
  ]);
  const reserved = await sumReservedByProjectAndKind(
    db,
    projects.map((p) => p.project.id),
  );
  const fromYear = options.fromYear ?? new Date().getUTCFullYear();
  const years = Array.from({ length: options.years ?? 4 }, (_, i) => fromYear + i);
  const rows = SPACE_KINDS.flatMap((kind) =>
    years.map((year) => {
      const yearEnd = `${year}-12-31`;
      const freeM2 = spaces
        .filter((s) => s.kind === kind && (s.availableFrom === null || s.availableFrom <= yearEnd))
        .reduce((sum, s) => sum + freeOf(s), 0);
      let demandM2 = 0;
      let weightedDemandM2 = 0;
      for (const { project } of projects) {
        const neededYear = project.spaceNeededFrom
          ? Number(project.spaceNeededFrom.slice(0, 4))
          : fromYear;
        if (neededYear > year) continue;
        const needed = spaceNeedOf(project.spaceNeed)
          .filter((n) => n.kind === kind)
          .reduce((sum, n) => sum + n.areaM2, 0);
        const held = reserved
          .filter((r) => r.projectId === project.id && r.kind === kind)
          .reduce((sum, r) => sum + r.areaM2, 0);
        const open = Math.max(0, needed - held);
        demandM2 += open;
        weightedDemandM2 += open * settings.stageProbabilities[asStage(project.stage)];
      }
      return { kind, year, freeM2, demandM2, weightedDemandM2, balanceM2: freeM2 - demandM2 };
    }),
  ).filter((row) => row.freeM2 > 0 || row.demandM2 > 0);
  return { parkId, parkName: park.name, rows };
}
