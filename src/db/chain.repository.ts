import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { ChainTemplate } from '../domain/chain-template.ts';
import type { DbOrTx } from './connection.ts';
import { chain, chainFlow, chainNode } from './schema.ts';

export type ChainRow = typeof chain.$inferSelect;
export type ChainNodeRow = typeof chainNode.$inferSelect;
export type ChainFlowRow = typeof chainFlow.$inferSelect;

/** All chains, by code. */
export async function listChains(db: DbOrTx): Promise<ChainRow[]> {
  return db.select().from(chain).orderBy(asc(chain.code));
}

/** One chain by its code, or null. */
export async function findChainByCode(db: DbOrTx, code: string): Promise<ChainRow | null> {
  const rows = await db.select().from(chain).where(eq(chain.code, code)).limit(1);
  return rows[0] ?? null;
}

/** A chain's nodes in template order. */
export async function listChainNodes(db: DbOrTx, chainId: number): Promise<ChainNodeRow[]> {
  return db
    .select()
    .from(chainNode)
    .where(eq(chainNode.chainId, chainId))
    .orderBy(asc(chainNode.sortOrder));
}

/** A chain's supply flows. */
export async function listChainFlows(db: DbOrTx, chainId: number): Promise<ChainFlowRow[]> {
  return db
    .select()
    .from(chainFlow)
    .where(eq(chainFlow.chainId, chainId))
    .orderBy(asc(chainFlow.id));
}

/**
 * Writes a validated template as a chain: nodes are matched by code so their ids (and everything
 * classified onto them) survive a template update; nodes gone from the template are removed,
 * after `beforeRemove` (given the ids of the saved nodes by code) has moved what references them.
 */
export async function saveChainTemplate(
  db: DbOrTx,
  template: ChainTemplate,
  templateHash: string,
  options: { beforeRemove?: (idByCode: Map<string, number>) => Promise<void> } = {},
): Promise<ChainRow> {
  const values = {
    code: template.code,
    nameZh: template.name.zh,
    nameEn: template.name.en,
    descriptionZh: template.description?.zh ?? null,
    descriptionEn: template.description?.en ?? null,
    industryScheme: template.industryScheme,
    templateVersion: template.version,
    templateHash,
  };
  const [saved] = await db
    .insert(chain)
    .values(values)
    .onConflictDoUpdate({ target: chain.code, set: { ...values, updatedAt: new Date() } })
    .returning();
  if (!saved) throw new Error(`chain ${template.code} was not saved`);

  const idByCode = new Map<string, number>();
  let sortOrder = 0;
  const upsertNode = async (node: {
    code: string;
    parentId: number | null;
    level: string;
    nameZh: string;
    nameEn: string;
    weight: number;
    focus: boolean;
    rules: unknown;
  }): Promise<number> => {
    const row = { ...node, chainId: saved.id, sortOrder: sortOrder++ };
    const [result] = await db
      .insert(chainNode)
      .values(row)
      .onConflictDoUpdate({ target: [chainNode.chainId, chainNode.code], set: row })
      .returning({ id: chainNode.id });
    if (!result) throw new Error(`node ${node.code} was not saved`);
    idByCode.set(node.code, result.id);
    return result.id;
  };
  for (const stage of template.stages) {
    const stageId = await upsertNode({
      code: stage.code,
      parentId: null,
      level: 'stage',
      nameZh: stage.name.zh,
      nameEn: stage.name.en,
      weight: 0,
      focus: false,
      rules: null,
    });
    for (const node of stage.nodes) {
      await upsertNode({
        code: node.code,
        parentId: stageId,
        level: 'segment',
        nameZh: node.name.zh,
        nameEn: node.name.en,
        weight: node.weight,
        focus: node.focus,
        rules: node.rules,
      });
    }
  }
  await options.beforeRemove?.(idByCode);
  await db
    .delete(chainNode)
    .where(and(eq(chainNode.chainId, saved.id), notInArray(chainNode.code, [...idByCode.keys()])));

  await db.delete(chainFlow).where(eq(chainFlow.chainId, saved.id));
  if (template.flows.length > 0) {
    await db.insert(chainFlow).values(
      template.flows.map((flow) => ({
        chainId: saved.id,
        fromNodeId: idByCode.get(flow.from) ?? 0,
        toNodeId: idByCode.get(flow.to) ?? 0,
        noteZh: flow.note?.zh ?? null,
        noteEn: flow.note?.en ?? null,
      })),
    );
  }
  return saved;
}

/** Node ids of a chain by code, for writers that reference nodes. */
export async function mapNodeIdsByCode(
  db: DbOrTx,
  chainId: number,
  codes: string[],
): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: chainNode.id, code: chainNode.code })
    .from(chainNode)
    .where(and(eq(chainNode.chainId, chainId), inArray(chainNode.code, codes)));
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** Gives a node a new code in place: its id, and everything that references it, stay. */
export async function renameChainNode(
  db: DbOrTx,
  chainId: number,
  fromCode: string,
  toCode: string,
): Promise<void> {
  await db
    .update(chainNode)
    .set({ code: toCode })
    .where(and(eq(chainNode.chainId, chainId), eq(chainNode.code, fromCode)));
}
