import type { DbOrTx } from '../../db/connection.ts';
import { countConfirmedByNode } from '../../db/attract.repository.ts';
import type { NodeToFill } from '../../shared/api/attract.ts';
import type { ChainContext } from './chain-context.ts';

/**
 * A node with fewer confirmed local enterprises than this is weak. A stand-in until the chain
 * analysis (LQ and concentration, DESIGN.md) decides node status; only this file would change.
 */
export const WEAK_BELOW_ENTERPRISES = 10;

/** Every node of the chain with its status in the region: missing, weak or present, and why. */
export async function nodeGapStatuses(
  db: DbOrTx,
  context: ChainContext,
  regionCode: string,
): Promise<NodeToFill[]> {
  const counts = await countConfirmedByNode(db, context.chain.id, regionCode);
  return context.nodes.map((node) => {
    const n = counts.get(node.id) ?? 0;
    const status = n === 0 ? 'missing' : n < WEAK_BELOW_ENTERPRISES ? 'weak' : 'present';
    const reason =
      status === 'missing'
        ? { zh: '本地无已确认企业（缺链）', en: 'no confirmed local enterprise (missing link)' }
        : status === 'weak'
          ? {
              zh: `本地仅 ${n} 家已确认企业，少于 ${WEAK_BELOW_ENTERPRISES} 家（弱链）`,
              en: `only ${n} confirmed local enterprises, fewer than ${WEAK_BELOW_ENTERPRISES} (weak link)`,
            }
          : { zh: `本地有 ${n} 家已确认企业`, en: `${n} confirmed local enterprises` };
    return {
      code: node.code,
      name: { zh: node.nameZh, en: node.nameEn },
      status,
      localEnterprises: n,
      reason,
    };
  });
}

/** The nodes a region should fill on a chain: missing and weak ones, in chain order. */
export async function nodesToFill(
  db: DbOrTx,
  context: ChainContext,
  regionCode: string,
): Promise<NodeToFill[]> {
  return (await nodeGapStatuses(db, context, regionCode)).filter((n) => n.status !== 'present');
}
