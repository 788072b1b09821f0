import { countConfirmedByNode } from '../../db/attract.repository.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../domain/app-error.ts';
import type { RegionRow } from '../../db/region.repository.ts';
import type { NodeAnalysis } from '../../shared/api/analysis.ts';
import type { NodeToFill } from '../../shared/api/attract.ts';
import { analyzeLookedUpCached } from '../analysis/chain-analysis.service.ts';
import type { ChainContext } from '../lookup/lookup.service.ts';

/**
 * Every node of the chain with its status in the region, as the chain analysis decides it
 * (missing, weak or strong: location quotient and concentration, docs/analysis.md), and why.
 * Before the registry holds any yearly figures, a node with confirmed enterprises cannot be
 * judged and counts as weak.
 */
export async function nodeGapStatuses(
  db: Db,
  context: ChainContext,
  region: RegionRow,
): Promise<NodeToFill[]> {
  const analysed = await analysedNodes(db, context, region);
  if (analysed) {
    return context.nodes.flatMap((node) => {
      const found = analysed.get(node.code);
      if (!found) return [];
      return [
        {
          code: node.code,
          name: { zh: node.nameZh, en: node.nameEn },
          status: found.status,
          localEnterprises: found.enterprises,
          reason: {
            zh: found.reasons.map((r) => r.zh).join('；'),
            en: found.reasons.map((r) => r.en).join('; '),
          },
        },
      ];
    });
  }
  const counts = await countConfirmedByNode(db, context.chain.id, region.code);
  return context.nodes.map((node) => {
    const n = counts.get(node.id) ?? 0;
    return {
      code: node.code,
      name: { zh: node.nameZh, en: node.nameEn },
      status: n === 0 ? 'missing' : 'weak',
      localEnterprises: n,
      reason:
        n === 0
          ? {
              zh: '本地没有确认在该环节的企业（补链）',
              en: 'No confirmed local enterprise (missing link)',
            }
          : {
              zh: `本地有 ${n} 家确认企业，但登记库尚无年度数据，无法判断强弱`,
              en: `${n} confirmed local enterprises, but the registry holds no yearly figures to judge them by`,
            },
    };
  });
}

/** The analysis's nodes by code, or null while the registry holds no yearly figures at all. */
async function analysedNodes(
  db: Db,
  context: ChainContext,
  region: RegionRow,
): Promise<Map<string, NodeAnalysis> | null> {
  try {
    const analysis = await analyzeLookedUpCached(db, { context, region });
    return new Map(analysis.nodes.map((node) => [node.code, node]));
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') return null;
    throw error;
  }
}

/** The nodes a region should fill on a chain: missing and weak ones, in chain order. */
export async function nodesToFill(
  db: Db,
  context: ChainContext,
  region: RegionRow,
): Promise<NodeToFill[]> {
  return (await nodeGapStatuses(db, context, region)).filter((n) => n.status !== 'strong');
}
