import type { ClassificationRules } from '../../domain/chain-template.ts';
import type { Db } from '../../db/connection.ts';
import {
  listChainNodes,
  listChains,
  type ChainNodeRow,
  type ChainRow,
} from '../../db/chain.repository.ts';
import type { ChainDetail, ChainSummary } from '../../shared/api/chains.ts';
import { loadChainContext } from '../lookup/lookup.service.ts';

function presentSummary(row: ChainRow, nodes: ChainNodeRow[]): ChainSummary {
  return {
    code: row.code,
    name: { zh: row.nameZh, en: row.nameEn },
    industryScheme: row.industryScheme,
    templateVersion: row.templateVersion,
    stageCount: nodes.filter((n) => n.level === 'stage').length,
    nodeCount: nodes.filter((n) => n.level !== 'stage').length,
  };
}

/** Every chain with its stage and node counts. */
export async function listChainSummaries(
  db: Db,
): Promise<{ items: ChainSummary[]; total: number }> {
  const chains = await listChains(db);
  const items = await Promise.all(
    chains.map(async (row) => presentSummary(row, await listChainNodes(db, row.id))),
  );
  return { items, total: items.length };
}

/** The founding chain: the one the app opens on when none is configured and it is loaded. */
export const FOUNDING_CHAIN = 'biomed';

/**
 * The chain the web app opens on: the configured one (serve --default-chain) when it is loaded,
 * else biomed when it is loaded (the bundled templates load several chains; adding one does not
 * move the app), else the first loaded chain by code; null when no chain is loaded.
 */
export async function resolveDefaultChain(
  db: Db,
  configured: string | undefined,
): Promise<string | null> {
  const codes = (await listChains(db)).map((row) => row.code);
  if (configured !== undefined && codes.includes(configured)) return configured;
  if (codes.includes(FOUNDING_CHAIN)) return FOUNDING_CHAIN;
  return codes[0] ?? null;
}

/** A chain's node tree (stages → nodes) with its supply flows. Throws CHAIN_NOT_FOUND. */
export async function getChainDetail(db: Db, code: string): Promise<ChainDetail> {
  const {
    chain: row,
    stages: stageRows,
    nodes: nodeRows,
    flows,
  } = await loadChainContext(db, code);
  const nodes = [...stageRows, ...nodeRows];
  const codeById = new Map(nodes.map((n) => [n.id, n.code]));
  const stages = nodes
    .filter((n) => n.level === 'stage')
    .map((stage) => ({
      code: stage.code,
      name: { zh: stage.nameZh, en: stage.nameEn },
      nodes: nodes
        .filter((n) => n.parentId === stage.id)
        .map((n) => ({
          code: n.code,
          name: { zh: n.nameZh, en: n.nameEn },
          weight: n.weight,
          focus: n.focus,
          industryCodes: ((n.rules as ClassificationRules | null)?.industryCodes ?? []).map(
            (rule) => rule.code,
          ),
        })),
    }));
  return {
    ...presentSummary(row, nodes),
    description:
      row.descriptionZh && row.descriptionEn
        ? { zh: row.descriptionZh, en: row.descriptionEn }
        : null,
    stages,
    flows: flows.map((f) => ({
      from: codeById.get(f.fromNodeId) ?? '',
      to: codeById.get(f.toNodeId) ?? '',
      note: f.noteZh && f.noteEn ? { zh: f.noteZh, en: f.noteEn } : null,
    })),
  };
}
