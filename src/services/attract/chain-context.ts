import { AppError } from '../../domain/app-error.ts';
import type { DbOrTx } from '../../db/connection.ts';
import {
  findChainByCode,
  listChainFlows,
  listChainNodes,
  type ChainFlowRow,
  type ChainNodeRow,
  type ChainRow,
} from '../../db/chain.repository.ts';
import { findRegion } from '../../db/region.repository.ts';

/** A chain's nodes (not stages) and flows, indexed for the attraction services. */
export interface ChainContext {
  chain: ChainRow;
  /** Segment and sub-segment nodes in template order. */
  nodes: ChainNodeRow[];
  flows: ChainFlowRow[];
  nodeByCode: Map<string, ChainNodeRow>;
  nodeById: Map<number, ChainNodeRow>;
}

/** Loads a chain's nodes and flows. Throws CHAIN_NOT_FOUND. */
export async function loadChainContext(db: DbOrTx, chainCode: string): Promise<ChainContext> {
  const chain = await findChainByCode(db, chainCode);
  if (!chain) {
    throw new AppError(
      'CHAIN_NOT_FOUND',
      `No chain has code "${chainCode}"; "chainlead template load" adds one.`,
      { code: chainCode },
    );
  }
  const [all, flows] = await Promise.all([
    listChainNodes(db, chain.id),
    listChainFlows(db, chain.id),
  ]);
  const nodes = all.filter((n) => n.level !== 'stage');
  return {
    chain,
    nodes,
    flows,
    nodeByCode: new Map(nodes.map((n) => [n.code, n])),
    nodeById: new Map(nodes.map((n) => [n.id, n])),
  };
}

/** The node of a chain with this code. Throws VALIDATION_FAILED naming the field and the chain. */
export function requireNode(context: ChainContext, code: string, field = 'node'): ChainNodeRow {
  const node = context.nodeByCode.get(code);
  if (!node) {
    throw new AppError(
      'VALIDATION_FAILED',
      `"${code}" is not a node of chain ${context.chain.code}; see GET /api/chains/${context.chain.code} for its node codes.`,
      { field, value: code },
    );
  }
  return node;
}

/** Checks that a region code exists. Throws REGION_NOT_FOUND. */
export async function requireRegion(db: DbOrTx, regionCode: string): Promise<void> {
  if (!(await findRegion(db, regionCode))) {
    throw new AppError(
      'REGION_NOT_FOUND',
      `No region has code "${regionCode}"; use an administrative code such as 3202 (Wuxi).`,
      { field: 'region', value: regionCode },
    );
  }
}
