import {
  HHI_WEAK_ABOVE,
  LQ_WEAK_BELOW,
  TOP_SHARE_WEAK_ABOVE,
  TREND_YEARS,
  cagr,
  completeness,
  growthRate,
  nodeStatus,
  openProblemsReason,
  rankExtensionCandidates,
  type Bilingual,
  type YearValue,
} from '../../domain/chain-metrics.ts';
import { locationQuotient } from '../../domain/location-quotient.ts';
import {
  listLeadingEnterprises,
  listNationalNodeFigures,
  listRegionalNodeFigures,
  listRegionalNodeSeries,
  type LeadingEnterprise,
  type NationalNodeFigures,
  type NodeYearFigures,
  type RegionalNodeFigures,
} from '../../db/chain-analysis.repository.ts';
import type { Db } from '../../db/connection.ts';
import { countOpenProblemsByNode } from '../../db/problem-figures.repository.ts';
import { listNoLocalSupplierNeeds, matchmakingFigures } from '../../db/needs.repository.ts';
import { noLocalSupplierReason } from '../../domain/need-reasons.ts';
import { shanghaiDate } from '../../domain/working-calendar.ts';
import type { RegionRow } from '../../db/region.repository.ts';
import { listTargets } from '../../db/target.repository.ts';
import type { ChainAnalysis, NodeAnalysis } from '../../shared/api/analysis.ts';
import { cachedPerDataVersion } from '../data-version-cache.ts';
import { averageChainMasterRate } from '../ecology/chain-masters.service.ts';
import {
  loadChainContext,
  requireRegion,
  resolveFigureYear,
  type ChainContext,
} from '../lookup/lookup.service.ts';
import { targetProgress } from './targets.service.ts';

/** Largest enterprises per node and for the chain that the analysis lists. */
const LEADERS_PER_NODE = 3;
const TOP_ENTERPRISES = 10;

/** What an analysis is asked for: a chain, a region, and a year (default: the latest). */
export interface AnalysisInput {
  chainCode: string;
  regionCode: string;
  year?: number | undefined;
}

export const METHOD: ChainAnalysis['method'] = {
  counting: {
    zh: '每家确认企业只计一次：计入其主环节（主环节未确认时计入得分最高的确认环节），环节数字相加等于全链；兼营环节另列为"亦在该环节"',
    en: 'Each confirmed enterprise counts once, on its primary node (or its best confirmed node when the primary is not confirmed), so node figures add up to the chain; secondary placements are listed as "also on the node"',
  },
  output: {
    zh: '产值取企业年度产值；未报产值的企业取营业收入',
    en: "Output is the enterprise's yearly output, or its revenue where no output is reported",
  },
  benchmark: {
    zh: '区位熵 = 本地该环节产值占全链产值比重 ÷ 登记库全国样本（所有地区，含本地）的同一比重',
    en: "Location quotient = the node's share of the region's chain output ÷ the same share in the registry's national pool (every region, this one included)",
  },
  thresholds: {
    lqWeakBelow: LQ_WEAK_BELOW,
    hhiWeakAbove: HHI_WEAK_ABOVE,
    topShareWeakAbove: TOP_SHARE_WEAK_ABOVE,
    trendYears: TREND_YEARS,
  },
};

/**
 * The registry's national figures per node for a year: the location quotients' benchmark. It is
 * the same for every region analysed, and the costliest figure (a pass over the registry), so it
 * is kept per version of the registry: reused until the next write to the registry's tables
 * (not to targets or problems), never stale.
 */
export function nationalBenchmark(
  db: Db,
  input: { nodeIds: readonly number[]; year: number },
): Promise<NationalNodeFigures[]> {
  const key = `national:${input.nodeIds.join(',')}:${input.year}`;
  return cachedPerDataVersion(db, key, () => listNationalNodeFigures(db, input), {
    kind: 'registry',
  });
}

/** Per-node figures of one region with the registry's national benchmark, as analysis nodes. */
export function buildNodeAnalyses(input: {
  context: ChainContext;
  year: number;
  regional: readonly RegionalNodeFigures[];
  national: readonly NationalNodeFigures[];
  series?: readonly NodeYearFigures[];
  leaders?: readonly LeadingEnterprise[];
  /** Open and overdue enterprise problems per node (none when not given). */
  problems?: readonly { nodeId: number; open: number; overdue: number }[];
  /** Open local needs on each node that no local firm serves (none when not given). */
  unservedNeeds?: readonly { nodeId: number; needs: number; products: string[] }[];
}): NodeAnalysis[] {
  const { context, year } = input;
  const regionalByNode = new Map(input.regional.map((r) => [r.nodeId, r]));
  const nationalByNode = new Map(input.national.map((r) => [r.nodeId, r]));
  const chainOutput = input.regional.reduce((sum, r) => sum + r.outputYuan, 0);
  const nationalOutput = input.national.reduce((sum, r) => sum + r.outputYuan, 0);
  // The pool is every region, this one included: with no output elsewhere it is this region alone.
  const benchmarkIsLocalOnly = !(nationalOutput > chainOutput);
  const stageCode = new Map(context.stages.map((s) => [s.id, s.code]));
  const problemsByNode = new Map((input.problems ?? []).map((p) => [p.nodeId, p]));
  const unservedByNode = new Map((input.unservedNeeds ?? []).map((n) => [n.nodeId, n]));
  return context.nodes.map((node): NodeAnalysis => {
    const local = regionalByNode.get(node.id);
    const national = nationalByNode.get(node.id);
    const enterprises = local?.enterprises ?? 0;
    const outputYuan = local && local.reporting > 0 ? local.outputYuan : null;
    const series = (input.series ?? [])
      .filter((s) => s.nodeId === node.id)
      .map((s) => ({ year: s.year, outputYuan: s.outputYuan, reporting: s.reporting }));
    const previous = series.find((s) => s.year === year - 1 && s.reporting > 0);
    const first = series.find((s) => s.outputYuan > 0 && s.year < year);
    const nodeCagr =
      first && outputYuan !== null ? cagr(first.outputYuan, outputYuan, year - first.year) : null;
    const leaders = (input.leaders ?? []).filter((l) => l.nodeId === node.id);
    const top = leaders.find((l) => l.nodeRank === 1);
    const topShare =
      outputYuan && outputYuan > 0 && local?.topOutputYuan != null
        ? local.topOutputYuan / outputYuan
        : null;
    // A missing node's LQ is 0; a present node without reported output has none, nor has any
    // node when the pool is this region alone.
    const lq = benchmarkIsLocalOnly
      ? null
      : outputYuan === null
        ? enterprises === 0 && chainOutput > 0
          ? 0
          : null
        : locationQuotient({
            regionValue: outputYuan,
            regionTotal: chainOutput,
            benchmarkValue: national?.outputYuan ?? 0,
            benchmarkTotal: nationalOutput,
          });
    const hhi = local?.hhi ?? null;
    const judged = nodeStatus({
      enterprises,
      alsoOnNode: local?.alsoOnNode ?? 0,
      outputYuan,
      lq,
      benchmarkIsLocalOnly,
      hhi,
      topShare,
    });
    const problems = problemsByNode.get(node.id) ?? { open: 0, overdue: 0 };
    const problemReason = openProblemsReason(problems.open, problems.overdue);
    const unserved = unservedByNode.get(node.id);
    const demandReason = unserved ? noLocalSupplierReason(unserved.needs, unserved.products) : null;
    return {
      code: node.code,
      stageCode: stageCode.get(node.parentId ?? -1) ?? '',
      name: { zh: node.nameZh, en: node.nameEn },
      weight: node.weight,
      focus: node.focus,
      enterprises,
      alsoOnNode: local?.alsoOnNode ?? 0,
      reporting: local?.reporting ?? 0,
      outputYuan,
      share: outputYuan !== null && chainOutput > 0 ? outputYuan / chainOutput : null,
      previousOutputYuan: previous?.outputYuan ?? null,
      growth: growthRate(previous?.outputYuan ?? null, outputYuan),
      cagr: nodeCagr,
      cagrFromYear: nodeCagr === null ? null : (first?.year ?? null),
      series,
      hhi,
      topShare,
      topEnterprise: top ? { id: top.id, name: top.name, outputYuan: top.outputYuan } : null,
      chainMasters: leaders
        .filter((l) => l.tags.includes('chain_master'))
        .map((l) => ({ id: l.id, name: l.name })),
      national: { enterprises: national?.enterprises ?? 0, outputYuan: national?.outputYuan ?? 0 },
      lq,
      openProblems: problems.open,
      overdueProblems: problems.overdue,
      status: judged.status,
      reasons: [
        ...judged.reasons,
        ...(problemReason ? [problemReason] : []),
        ...(demandReason ? [demandReason] : []),
      ],
    };
  });
}

/**
 * The chain analysis of a region in a year: every node's enterprises, output, share, growth,
 * CAGR, HHI, top share, chain masters, location quotient, status and reasons; chain totals,
 * completeness, targets and extension candidates. One call renders a cockpit or a chain map.
 * Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND, VALIDATION_FAILED (a year without figures).
 */
export async function analyzeChain(db: Db, input: AnalysisInput): Promise<ChainAnalysis> {
  const [context, region, year] = await Promise.all([
    loadChainContext(db, input.chainCode),
    requireRegion(db, input.regionCode),
    resolveFigureYear(db, input.year),
  ]);
  return analyzeLookedUp(db, { context, region, year });
}

/** The analysis of a chain and region already looked up, in a year with figures. */
async function analyzeLookedUp(
  db: Db,
  input: { context: ChainContext; region: RegionRow; year: number },
): Promise<ChainAnalysis> {
  const { context: scope, region, year } = input;
  const nodeIds = scope.nodes.map((n) => n.id);
  const chainId = scope.chain.id;
  const regionCode = region.code;
  const thisYear = Number(shanghaiDate(new Date()).slice(0, 4));
  const [
    national,
    regional,
    series,
    leaders,
    targets,
    problems,
    localRate,
    unservedNeeds,
    matchmaking,
  ] = await Promise.all([
    nationalBenchmark(db, { nodeIds, year }),
    listRegionalNodeFigures(db, { nodeIds, regionCodes: [regionCode], year }),
    listRegionalNodeSeries(db, { nodeIds, regionCode, toYear: year }),
    listLeadingEnterprises(db, {
      nodeIds,
      regionCode,
      year,
      perNode: LEADERS_PER_NODE,
      top: TOP_ENTERPRISES,
    }),
    listTargets(db, { chainId, regionCode }),
    countOpenProblemsByNode(db, { chainId, regionCode, today: shanghaiDate(new Date()) }),
    averageChainMasterRate(db, scope, regionCode),
    listNoLocalSupplierNeeds(db, { chainId, regionCode }),
    matchmakingFigures(db, { chainId, regionCode, year: thisYear }),
  ]);
  const nodes = buildNodeAnalyses({
    context: scope,
    year,
    regional,
    national,
    series,
    leaders,
    problems,
    unservedNeeds,
  });
  const chainSeries = sumSeries(series);
  const totals = { ...chainTotals(nodes, chainSeries, year), chainMasterLocalRate: localRate };
  const nodeNames = new Map<string, Bilingual>(nodes.map((n) => [n.code, n.name]));
  const chainName = { zh: scope.chain.nameZh, en: scope.chain.nameEn };
  const seriesOf = (nodeCode: string | null): YearValue[] => {
    const source =
      nodeCode === null ? chainSeries : (nodes.find((n) => n.code === nodeCode)?.series ?? []);
    return source
      .filter((s) => s.reporting > 0)
      .map((s) => ({ year: s.year, value: s.outputYuan }));
  };
  const codeOf = new Map(scope.nodes.map((n) => [n.id, n.code]));
  return {
    chain: { code: scope.chain.code, name: chainName },
    region: { code: region.code, name: region.name },
    year,
    years: chainSeries.map((s) => s.year),
    stages: scope.stages.map((s) => ({ code: s.code, name: { zh: s.nameZh, en: s.nameEn } })),
    nodes,
    flows: scope.flowCodes,
    totals,
    completeness: completeness(nodes),
    statusCounts: countStatuses(nodes),
    matchmaking: {
      openNeeds: matchmaking.openNeeds,
      openOffers: matchmaking.openOffers,
      noLocalSupplier: matchmaking.noLocalSupplier,
      matchesThisYear: matchmaking.matches,
      year: thisYear,
    },
    targets: targetProgress(targets, { chainName, nodeNames, seriesOf }),
    extensionCandidates: rankExtensionCandidates(nodes, scope.flowCodes),
    topEnterprises: leaders
      .filter((l) => l.chainRank <= TOP_ENTERPRISES)
      .map((l) => ({
        id: l.id,
        name: l.name,
        nameEn: l.nameEn,
        regionCode: l.regionCode,
        nodeCode: codeOf.get(l.nodeId) ?? '',
        outputYuan: l.outputYuan,
        previousOutputYuan: l.previousOutputYuan,
        growth: growthRate(l.previousOutputYuan, l.outputYuan),
        chainMaster: l.tags.includes('chain_master'),
        tags: l.tags,
      })),
    method: METHOD,
  };
}

/** Overdue problems depend on the day, not only the data: cached analyses are per day too. */
function todayKey(): string {
  return shanghaiDate(new Date());
}

/** Strong, weak and missing node counts. */
export function countStatuses(nodes: readonly Pick<NodeAnalysis, 'status'>[]) {
  return {
    strong: nodes.filter((n) => n.status === 'strong').length,
    weak: nodes.filter((n) => n.status === 'weak').length,
    missing: nodes.filter((n) => n.status === 'missing').length,
  };
}

function sumSeries(series: readonly NodeYearFigures[]): NodeAnalysis['series'] {
  const byYear = new Map<number, { outputYuan: number; reporting: number }>();
  for (const s of series) {
    const entry = byYear.get(s.year) ?? { outputYuan: 0, reporting: 0 };
    entry.outputYuan += s.outputYuan;
    entry.reporting += s.reporting;
    byYear.set(s.year, entry);
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, v]) => ({ year, ...v }));
}

function chainTotals(
  nodes: readonly NodeAnalysis[],
  series: NodeAnalysis['series'],
  year: number,
): Omit<ChainAnalysis['totals'], 'chainMasterLocalRate'> {
  const outputYuan = nodes.reduce((sum, n) => sum + (n.outputYuan ?? 0), 0);
  const national = nodes.reduce(
    (sum, n) => ({
      enterprises: sum.enterprises + n.national.enterprises,
      outputYuan: sum.outputYuan + n.national.outputYuan,
    }),
    { enterprises: 0, outputYuan: 0 },
  );
  const previous = series.find((s) => s.year === year - 1 && s.reporting > 0);
  const first = series.find((s) => s.outputYuan > 0 && s.year < year);
  const rate = first ? cagr(first.outputYuan, outputYuan, year - first.year) : null;
  return {
    enterprises: nodes.reduce((sum, n) => sum + n.enterprises, 0),
    reporting: nodes.reduce((sum, n) => sum + n.reporting, 0),
    outputYuan,
    previousOutputYuan: previous?.outputYuan ?? null,
    growth: growthRate(previous?.outputYuan ?? null, outputYuan),
    cagr: rate,
    cagrFromYear: rate === null ? null : (first?.year ?? null),
    series,
    chainMasters: new Set(nodes.flatMap((n) => n.chainMasters.map((m) => m.id))).size,
    national,
    // Null when the pool holds no output outside the region (a share of 100 % of itself).
    nationalShare: national.outputYuan > outputYuan ? outputYuan / national.outputYuan : null,
  };
}

/**
 * analyzeChain, reused while the data has not changed (for the API: the cockpit asks often).
 * Throws as analyzeChain does.
 */
export function analyzeChainCached(db: Db, input: AnalysisInput): Promise<ChainAnalysis> {
  const key = `analysis:${input.chainCode}:${input.regionCode}:${input.year ?? 'latest'}:${todayKey()}`;
  return cachedPerDataVersion(db, key, () => analyzeChain(db, input));
}

/**
 * analyzeChainCached for a chain and region the caller has looked up already (no second
 * lookup), in the latest year with figures. Throws VALIDATION_FAILED when there are none.
 */
export function analyzeLookedUpCached(
  db: Db,
  input: { context: ChainContext; region: RegionRow },
): Promise<ChainAnalysis> {
  const key = `analysis:${input.context.chain.code}:${input.region.code}:latest:${todayKey()}`;
  return cachedPerDataVersion(db, key, async () =>
    analyzeLookedUp(db, { ...input, year: await resolveFigureYear(db, undefined) }),
  );
}

/**
 * The analysis as JSON text, reused while the data has not changed: a repeated request costs a
 * version check, not a serialisation. Throws as analyzeChain does.
 */
export function analyzeChainJsonCached(db: Db, input: AnalysisInput): Promise<string> {
  const key = `analysis-json:${input.chainCode}:${input.regionCode}:${input.year ?? 'latest'}:${todayKey()}`;
  return cachedPerDataVersion(db, key, async () => JSON.stringify(await analyzeChain(db, input)));
}
