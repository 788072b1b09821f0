import { AppError } from '../../domain/app-error.ts';
import type { Db } from '../../db/connection.ts';
import { findLeadership } from '../../db/leadership.repository.ts';
import type { ChainAnalysis } from '../../shared/api/analysis.ts';
import type { ChainOverview, RegionOverview } from '../../shared/api/overview.ts';
import { analyzeChainCached } from '../analysis/chain-analysis.service.ts';
import { filterChainsInScope, type ChainScoped } from '../auth/chain-scope.ts';
import { listChainSummaries } from '../chains/chain-query.service.ts';
import { loadChainContext, requireRegion } from '../lookup/lookup.service.ts';
import { listProjectBoard } from '../projects/project-query.service.ts';

/** Every chain: callers without a user (the CLI) see all. */
const ALL_CHAINS: ChainScoped = { chainCodes: null };

/** The chain analysis of the latest figure year, or null when the registry holds no figures. */
async function latestAnalysisOrNull(
  db: Db,
  input: { chainCode: string; regionCode: string },
): Promise<ChainAnalysis | null> {
  try {
    return await analyzeChainCached(db, input);
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') return null;
    throw error;
  }
}

/** One chain's line of the overview: its analysis, leader and pipeline, read by their services. */
async function chainOverview(
  db: Db,
  chainCode: string,
  regionCode: string,
  viewer: ChainScoped,
): Promise<ChainOverview> {
  const [context, analysis, board] = await Promise.all([
    loadChainContext(db, chainCode),
    latestAnalysisOrNull(db, { chainCode, regionCode }),
    listProjectBoard(db, { chain: chainCode, region: regionCode, status: 'active' }, viewer),
  ]);
  const leadership = await findLeadership(db, context.chain.id, regionCode);
  // The chain's own target nearest ahead of the figures (as the scorecard picks it).
  const chainTargets = (analysis?.targets ?? [])
    .filter((t) => t.nodeCode === null)
    .sort((a, b) => a.year - b.year);
  const target =
    chainTargets.find((t) => analysis !== null && t.year >= analysis.year) ??
    chainTargets.at(-1) ??
    null;
  const nodes = analysis?.nodes ?? [];
  return {
    chain: {
      code: context.chain.code,
      name: { zh: context.chain.nameZh, en: context.chain.nameEn },
    },
    leader: leadership ? { name: leadership.leaderName, title: leadership.leaderTitle } : null,
    officeName: leadership?.officeName ?? null,
    year: analysis?.year ?? null,
    enterprises: analysis?.totals.enterprises ?? 0,
    outputYuan: analysis ? analysis.totals.outputYuan : null,
    target: target && {
      year: target.year,
      valueYuan: target.valueYuan,
      progress: target.progress,
      requiredGrowth: target.requiredGrowth,
    },
    statusCounts: analysis?.statusCounts ?? { strong: 0, weak: 0, missing: 0 },
    completeness: analysis?.completeness.weighted ?? null,
    chainMasters: analysis?.totals.chainMasters ?? 0,
    projects: {
      active: board.total,
      investmentYuan: board.columns.reduce((sum, c) => sum + c.investmentYuan, 0),
      weightedOutputYuan: board.columns.reduce((sum, c) => sum + c.weightedOutputYuan, 0),
    },
    problems: {
      open: nodes.reduce((sum, n) => sum + n.openProblems, 0),
      overdue: nodes.reduce((sum, n) => sum + n.overdueProblems, 0),
    },
  };
}

/**
 * The city overview (市级总览): every loaded chain the viewer may see, each with its chain leader,
 * output against its target, node statuses, completeness, chain masters, pipeline and problems
 * in the region, taken from the chain analysis, the leadership records and the project board.
 * Throws REGION_NOT_FOUND.
 */
export async function buildRegionOverview(
  db: Db,
  regionCode: string,
  viewer: ChainScoped = ALL_CHAINS,
): Promise<RegionOverview> {
  const region = await requireRegion(db, regionCode);
  const chains = filterChainsInScope(viewer, (await listChainSummaries(db)).items, (c) => c.code);
  const items: ChainOverview[] = [];
  // One chain after another: each analysis is a handful of queries, and a pool is small.
  for (const chain of chains) items.push(await chainOverview(db, chain.code, region.code, viewer));
  return { region: { code: region.code, name: region.name }, items };
}
