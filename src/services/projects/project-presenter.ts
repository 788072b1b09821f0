import {
  allowedMoves,
  daysSince,
  isStalled,
  weightedOutput,
} from '../../domain/project-pipeline.ts';
import type { ProjectView } from '../../db/project.repository.ts';
import type { ReservationView } from '../../db/space.repository.ts';
import { SPACE_KINDS, type SpaceKind } from '../../shared/api/parks.ts';
import {
  PROJECT_STAGES,
  PROJECT_STATUSES,
  type PipelineSettings,
  type ProjectStage,
  type ProjectStatus,
  type ProjectSummary,
  type Reservation,
  type SpaceNeed,
} from '../../shared/api/projects.ts';

/** A stored stage as the contract's type (the database's check constraint guarantees it). */
export function asStage(value: string): ProjectStage {
  return (PROJECT_STAGES as readonly string[]).includes(value) ? (value as ProjectStage) : 'lead';
}

export function asStatus(value: string): ProjectStatus {
  return (PROJECT_STATUSES as readonly string[]).includes(value)
    ? (value as ProjectStatus)
    : 'active';
}

export function asSpaceKind(value: string): SpaceKind {
  return (SPACE_KINDS as readonly string[]).includes(value) ? (value as SpaceKind) : 'office';
}

/** The stored space need, keeping only well-formed entries. */
export function spaceNeedOf(value: unknown): SpaceNeed[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const e = entry as { kind?: unknown; areaM2?: unknown };
    return typeof e.kind === 'string' && typeof e.areaM2 === 'number'
      ? [{ kind: asSpaceKind(e.kind), areaM2: e.areaM2 }]
      : [];
  });
}

/** A project as lists and the board show it. */
export function presentProjectSummary(
  view: ProjectView,
  settings: PipelineSettings,
  now: Date,
): ProjectSummary {
  const p = view.project;
  const stage = asStage(p.stage);
  const status = asStatus(p.status);
  return {
    id: p.id,
    name: p.name,
    investor: p.investor,
    chainCode: view.chainCode,
    regionCode: p.regionCode,
    node: view.node
      ? { code: view.node.code, name: { zh: view.node.nameZh, en: view.node.nameEn } }
      : null,
    enterprise: view.enterprise,
    stage,
    status,
    probability: status === 'active' ? settings.stageProbabilities[stage] : 0,
    investmentYuan: p.investmentYuan,
    capitalInPlaceYuan: p.capitalInPlaceYuan,
    expectedOutputYuan: p.expectedOutputYuan,
    weightedOutputYuan: weightedOutput(
      p.expectedOutputYuan,
      stage,
      status,
      settings.stageProbabilities,
    ),
    outputStartYear: p.outputStartYear,
    spaceNeed: spaceNeedOf(p.spaceNeed),
    spaceNeededFrom: p.spaceNeededFrom,
    reservedM2: view.reservedM2,
    park: view.park,
    owner: view.owner,
    nextAction: p.nextAction,
    nextActionOn: p.nextActionOn,
    stageChangedAt: p.stageChangedAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    daysSinceChange: daysSince(p.updatedAt, now),
    stalled: isStalled({ stage, status, updatedAt: p.updatedAt }, now, settings.stalledDays),
    allowedMoves: allowedMoves(stage, status),
    demo: p.isDemo,
  };
}

/** A space reservation with its project, park and unit names. */
export function presentReservation(view: ReservationView): Reservation {
  const r = view.reservation;
  return {
    id: r.id,
    projectId: r.projectId,
    projectName: view.projectName,
    parkId: r.parkId,
    parkName: view.parkName,
    parkNameEn: view.parkNameEn,
    spaceId: r.spaceId,
    spaceCode: view.spaceCode,
    kind: asSpaceKind(r.kind),
    areaM2: r.areaM2,
    status: r.status === 'released' ? 'released' : 'reserved',
    note: r.note,
    reservedBy: r.reservedBy,
    reservedAt: r.reservedAt.toISOString(),
    releasedBy: r.releasedBy,
    releasedAt: r.releasedAt?.toISOString() ?? null,
  };
}
