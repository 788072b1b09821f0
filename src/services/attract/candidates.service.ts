import { regionPaths } from '../reference/region-paths.ts';
import {
  rankCandidates as rankScored,
  type CandidateFacts,
  type CandidateYear,
  type NodeLinks,
} from '../../domain/candidate-ranking.ts';
import type { Db } from '../../db/connection.ts';
import {
  countCandidatesInPipeline,
  countConfirmedByNode,
  latestFigureYear,
  listCandidateEnterprises,
  listRecentYears,
} from '../../db/attract.repository.ts';
import { listNoLocalSupplierNeeds } from '../../db/needs.repository.ts';
import { noLocalSupplierReason } from '../../domain/need-reasons.ts';
import type { CandidateList, NodeToFill } from '../../shared/api/attract.ts';
import {
  loadChainContext,
  requireNode,
  requireRegion,
  type ChainContext,
} from '../lookup/lookup.service.ts';
import { nodeGapStatuses, nodesToFill } from './nodes-to-fill.ts';

export interface CandidateOptions {
  chainCode: string;
  regionCode: string;
  /** One node; by default every missing and weak node. */
  nodeCode?: string | undefined;
  /** Candidates kept per node. */
  top: number;
}

/** The supplier and customer nodes of each node through the chain's flows, with local counts. */
function nodeLinks(
  context: ChainContext,
  localCounts: Map<number, number>,
  nodeCodes: string[],
): Map<string, NodeLinks> {
  const linked = (id: number) => {
    const node = context.nodeById.get(id);
    return node
      ? [
          {
            code: node.code,
            name: { zh: node.nameZh, en: node.nameEn },
            localEnterprises: localCounts.get(id) ?? 0,
          },
        ]
      : [];
  };
  const result = new Map<string, NodeLinks>();
  for (const code of nodeCodes) {
    const node = context.nodeByCode.get(code);
    if (!node) continue;
    result.set(code, {
      code,
      name: { zh: node.nameZh, en: node.nameEn },
      suppliers: context.flows
        .filter((f) => f.toNodeId === node.id)
        .flatMap((f) => linked(f.fromNodeId)),
      customers: context.flows
        .filter((f) => f.fromNodeId === node.id)
        .flatMap((f) => linked(f.toNodeId)),
    });
  }
  return result;
}

/**
 * Ranks enterprises outside a region as candidates for the nodes it should fill (or one node),
 * each score with its components and reasons. Enterprises an active project already courts are
 * left out. Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND or VALIDATION_FAILED (unknown node).
 */
export async function rankCandidates(db: Db, options: CandidateOptions): Promise<CandidateList> {
  const [context, region] = await Promise.all([
    loadChainContext(db, options.chainCode),
    requireRegion(db, options.regionCode),
  ]);
  let nodes: NodeToFill[];
  if (options.nodeCode) {
    const node = requireNode(context, options.nodeCode);
    nodes = (await nodeGapStatuses(db, context, region)).filter((n) => n.code === node.code);
  } else {
    nodes = await nodesToFill(db, context, region);
  }
  const nodeIds = nodes.flatMap((n) => {
    const id = context.nodeByCode.get(n.code)?.id;
    return id === undefined ? [] : [id];
  });
  const scope = { chainId: context.chain.id, regionCode: options.regionCode, nodeIds };
  const [rows, localCounts, inPipeline, lastYear, unserved] = await Promise.all([
    listCandidateEnterprises(db, scope),
    countConfirmedByNode(db, context.chain.id, options.regionCode),
    countCandidatesInPipeline(db, scope),
    latestFigureYear(db),
    listNoLocalSupplierNeeds(db, { chainId: context.chain.id, regionCode: options.regionCode }),
  ]);
  // 补链 from real demand: local needs no local firm serves argue for each candidate of the node.
  const demandReasons = new Map(
    unserved.flatMap((u) => {
      const code = context.nodeById.get(u.nodeId)?.code;
      const reason = noLocalSupplierReason(u.needs, u.products);
      return code && reason ? [[code, { zh: reason.zh, en: reason.en }] as const] : [];
    }),
  );
  const years = await listRecentYears(
    db,
    [...new Set(rows.map((r) => r.enterpriseId))],
    (lastYear ?? 0) - 4,
  );
  const yearsOf = new Map<number, CandidateYear[]>();
  for (const y of years) {
    const list = yearsOf.get(y.enterpriseId) ?? [];
    list.push({ year: y.year, outputYuan: y.outputYuan, revenueYuan: y.revenueYuan });
    yearsOf.set(y.enterpriseId, list);
  }
  const regionNames = new Map(rows.map((r) => [r.enterpriseId, r.regionName]));
  const facts: CandidateFacts[] = rows.map((r) => ({
    enterpriseId: r.enterpriseId,
    name: r.name,
    regionCode: r.regionCode,
    nodeCode: context.nodeById.get(r.nodeId)?.code ?? '',
    decision: r.decision === 'confirmed' ? 'confirmed' : 'uncertain',
    classificationScore: r.score,
    primary: r.isPrimary,
    tags: r.tags,
    years: yearsOf.get(r.enterpriseId) ?? [],
  }));
  const links = nodeLinks(
    context,
    localCounts,
    nodes.map((n) => n.code),
  );
  const ranked = rankScored(facts, links, options.top);
  const paths = await regionPaths(
    db,
    ranked.map((c) => c.facts.regionCode),
  );
  const items = ranked.map((c) => ({
    rank: c.rank,
    enterpriseId: c.facts.enterpriseId,
    name: c.facts.name,
    regionCode: c.facts.regionCode,
    regionName: regionNames.get(c.facts.enterpriseId) ?? null,
    regionPath: paths.get(c.facts.regionCode) ?? [],
    nodeCode: c.node.code,
    nodeName: c.node.name,
    score: c.score,
    components: c.components,
    reasons: [
      ...c.components.map((component) => component.reason),
      ...(demandReasons.has(c.node.code)
        ? [demandReasons.get(c.node.code) ?? { zh: '', en: '' }]
        : []),
    ],
    tags: [...c.facts.tags],
    latestYear: c.latestYear,
    latestOutputYuan: c.latestOutputYuan,
  }));
  return { items, total: items.length, nodes, excludedInPipeline: inPipeline };
}
