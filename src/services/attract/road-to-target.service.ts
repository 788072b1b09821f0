import { invalidFields } from '../../domain/app-error.ts';
import { computeRoad, type Baseline } from '../../domain/road-to-target.ts';
import type { Db } from '../../db/connection.ts';
import { listOutputTargets, sumOutputByYearAndNode } from '../../db/attract.repository.ts';
import { listProjectViews } from '../../db/project.repository.ts';
import type { RoadToTarget } from '../../shared/api/attract.ts';
import { getPipelineSettings } from '../projects/pipeline-settings.service.ts';
import { asStage, asStatus } from '../projects/project-presenter.ts';
import { loadChainContext, requireRegion } from '../lookup/lookup.service.ts';
import { nodeGapStatuses } from './nodes-to-fill.ts';

export interface RoadOptions {
  chainCode: string;
  regionCode: string;
  /** What-if: project ids left out. */
  exclude?: readonly number[] | undefined;
  /** What-if: dropped project ids counted at the stage they reached. */
  include?: readonly number[] | undefined;
  baseline?: Baseline | undefined;
}

/**
 * Refuses a what-if id that is not a project of the chain in the region: it would change nothing,
 * and the answer would not say so.
 */
function refuseUnknownProjects(
  known: ReadonlySet<number>,
  lists: Readonly<Record<'exclude' | 'include', readonly number[]>>,
  regionCode: string,
): void {
  const details = (['exclude', 'include'] as const).flatMap((field) => {
    const unknown = lists[field].filter((id) => !known.has(id));
    return unknown.length === 0
      ? []
      : [{ field, message: `no project ${unknown.join(', ')} of this chain in ${regionCode}` }];
  });
  if (details.length > 0) throw invalidFields(details);
}

/**
 * The road to the chain's output target in a region: recorded output of its confirmed on-chain
 * enterprises (each on its primary node), the baseline ahead, the pipeline weighted by stage
 * probability, the target and the gap, by year and by node; with projects toggled for what-if.
 * Throws CHAIN_NOT_FOUND or REGION_NOT_FOUND.
 */
export async function roadToTarget(db: Db, options: RoadOptions): Promise<RoadToTarget> {
  const [context, region] = await Promise.all([
    loadChainContext(db, options.chainCode),
    requireRegion(db, options.regionCode),
  ]);
  const [outputs, targets, views, settings, statuses] = await Promise.all([
    sumOutputByYearAndNode(db, context.chain.id, options.regionCode),
    listOutputTargets(db, context.chain.id, options.regionCode),
    listProjectViews(db, { chainId: context.chain.id, regionCode: options.regionCode }),
    getPipelineSettings(db),
    nodeGapStatuses(db, context, region),
  ]);
  const actual = new Map<number, Map<string, number>>();
  for (const row of outputs) {
    const byNode = actual.get(row.year) ?? new Map<string, number>();
    byNode.set(row.nodeCode, row.outputYuan);
    actual.set(row.year, byNode);
  }
  const exclude = [...(options.exclude ?? [])];
  const include = [...(options.include ?? [])];
  refuseUnknownProjects(
    new Set(views.map(({ project }) => project.id)),
    { exclude, include },
    options.regionCode,
  );
  const baseline = options.baseline ?? 'trend';
  const road = computeRoad({
    actual,
    targets,
    projects: views.map(({ project, node }) => ({
      id: project.id,
      name: project.name,
      nodeCode: node?.code ?? null,
      stage: asStage(project.stage),
      status: asStatus(project.status),
      expectedOutputYuan: project.expectedOutputYuan,
      outputStartYear: project.outputStartYear,
    })),
    probabilities: settings.stageProbabilities,
    exclude,
    include,
    baseline,
    nodeCodes: context.nodes.map((n) => n.code),
  });
  const statusOf = new Map(statuses.map((s) => [s.code, s]));
  return {
    chainCode: context.chain.code,
    regionCode: options.regionCode,
    latestActualYear: road.latestActualYear,
    targetYear: road.targetYear,
    baseline,
    trendGrowth: road.trendGrowth,
    stageProbabilities: settings.stageProbabilities,
    years: road.years,
    nodes: road.nodes.map((n) => {
      const status = statusOf.get(n.code);
      return {
        ...n,
        name: status?.name ?? { zh: n.code, en: n.code },
        status: status?.status ?? 'strong',
      };
    }),
    projects: road.projects.map((p) => ({
      id: p.id,
      name: p.name,
      nodeCode: p.nodeCode,
      stage: p.stage,
      status: p.status,
      probability: p.probability,
      expectedOutputYuan: p.expectedOutputYuan,
      outputStartYear: p.outputStartYear,
      weightedOutputYuan: p.weightedOutputYuan,
      alreadyRecorded: p.alreadyRecorded,
      counted: p.counted,
    })),
    excluded: exclude,
    included: include,
  };
}
