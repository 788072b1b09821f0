import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import {
  classification,
  enterprise,
  leaderActivity,
  leaderActivityNode,
  park,
  problem,
  project,
  sharedProblem,
  supervisionItem,
  target,
} from './schema.ts';

// Everything in the schema that references a chain node: by id (classification, target,
// project, problem, shared_problem, leader_activity_node; chain_flow is rewritten from the
// template) or by code (park.focus_node_codes). A template revision moves them all.

/** The rows that reference some nodes, by kind, each with its node. */
export async function listNodeReferences(db: DbOrTx, nodeIds: number[], nodeCodes: string[]) {
  const ids = nodeIds.length > 0 ? nodeIds : [-1];
  const [placements, targets, projects, problems, sharedProblems, activities, parks] =
    await Promise.all([
      db
        .select({
          enterpriseId: classification.enterpriseId,
          nodeId: classification.nodeId,
          name: enterprise.name,
          decision: classification.decision,
          method: classification.method,
        })
        .from(classification)
        .innerJoin(enterprise, eq(enterprise.id, classification.enterpriseId))
        .where(inArray(classification.nodeId, ids))
        .orderBy(asc(classification.enterpriseId)),
      db
        .select()
        .from(target)
        .where(inArray(target.nodeId, ids))
        .orderBy(asc(target.year), asc(target.regionCode), asc(target.metric)),
      db
        .select({
          id: project.id,
          nodeId: project.nodeId,
          name: project.name,
          enterpriseId: project.enterpriseId,
        })
        .from(project)
        .where(inArray(project.nodeId, ids))
        .orderBy(asc(project.id)),
      db
        .select({
          id: problem.id,
          nodeId: problem.nodeId,
          title: problem.title,
          enterpriseId: problem.enterpriseId,
        })
        .from(problem)
        .where(inArray(problem.nodeId, ids))
        .orderBy(asc(problem.id)),
      db
        .select({ id: sharedProblem.id, nodeId: sharedProblem.nodeId, title: sharedProblem.title })
        .from(sharedProblem)
        .where(inArray(sharedProblem.nodeId, ids))
        .orderBy(asc(sharedProblem.id)),
      db
        .select({
          id: leaderActivity.id,
          nodeId: leaderActivityNode.nodeId,
          title: leaderActivity.title,
        })
        .from(leaderActivityNode)
        .innerJoin(leaderActivity, eq(leaderActivity.id, leaderActivityNode.activityId))
        .where(inArray(leaderActivityNode.nodeId, ids))
        .orderBy(asc(leaderActivity.id)),
      db
        .select({ id: park.id, name: park.name, focusNodeCodes: park.focusNodeCodes })
        .from(park)
        .where(
          nodeCodes.length > 0
            ? sql`${park.focusNodeCodes} && ${sql.param(nodeCodes)}::text[]`
            : sql`false`,
        )
        .orderBy(asc(park.id)),
    ]);
  const problemIds = problems.map((p) => p.id);
  const sharedIds = sharedProblems.map((p) => p.id);
  const supervision =
    problemIds.length + sharedIds.length === 0
      ? []
      : await db
          .select({
            id: supervisionItem.id,
            title: supervisionItem.title,
            problemId: supervisionItem.problemId,
            sharedProblemId: supervisionItem.sharedProblemId,
          })
          .from(supervisionItem)
          .where(
            or(
              inArray(supervisionItem.problemId, problemIds.length > 0 ? problemIds : [-1]),
              inArray(supervisionItem.sharedProblemId, sharedIds.length > 0 ? sharedIds : [-1]),
            ),
          )
          .orderBy(asc(supervisionItem.id));
  return {
    placements,
    targets,
    projects,
    problems,
    sharedProblems,
    activities,
    parks,
    supervision,
  };
}
export type NodeReferences = Awaited<ReturnType<typeof listNodeReferences>>;

/** How many rows still reference the nodes by id (what deleting them would orphan or cascade). */
export async function countNodeReferences(db: DbOrTx, nodeIds: number[]): Promise<number> {
  if (nodeIds.length === 0) return 0;
  const refs = await listNodeReferences(db, nodeIds, []);
  return (
    refs.placements.length +
    refs.targets.length +
    refs.projects.length +
    refs.problems.length +
    refs.sharedProblems.length +
    refs.activities.length
  );
}

const DECISION_RANK: Record<string, number> = { confirmed: 3, uncertain: 2, rejected: 1 };

/**
 * Moves one enterprise's placement from one node to another. When it already has a placement on
 * the destination, the better one stays (confirmed over uncertain over rejected, manual over rule,
 * then the higher score).
 */
export async function movePlacement(
  db: DbOrTx,
  enterpriseId: number,
  fromNodeId: number,
  toNodeId: number,
): Promise<void> {
  if (fromNodeId === toNodeId) return;
  const rows = await db
    .select()
    .from(classification)
    .where(
      and(
        eq(classification.enterpriseId, enterpriseId),
        inArray(classification.nodeId, [fromNodeId, toNodeId]),
      ),
    );
  const moved = rows.find((r) => r.nodeId === fromNodeId);
  const existing = rows.find((r) => r.nodeId === toNodeId);
  if (!moved) return;
  const rank = (r: typeof moved) =>
    (DECISION_RANK[r.decision] ?? 0) * 1000 + (r.method === 'manual' ? 100 : 0) + r.score;
  const whereMoved = and(
    eq(classification.enterpriseId, enterpriseId),
    eq(classification.nodeId, fromNodeId),
  );
  if (existing && rank(existing) >= rank(moved)) {
    await db.delete(classification).where(whereMoved);
    return;
  }
  if (existing) {
    await db
      .delete(classification)
      .where(
        and(eq(classification.enterpriseId, enterpriseId), eq(classification.nodeId, toNodeId)),
      );
  }
  await db.update(classification).set({ nodeId: toNodeId }).where(whereMoved);
}

/** Moves a target row onto other nodes by shares, adding to targets already there. */
export async function moveTarget(
  db: DbOrTx,
  row: typeof target.$inferSelect,
  shares: { nodeId: number; share: number }[],
): Promise<void> {
  for (const { nodeId, share } of shares) {
    await db
      .insert(target)
      .values({
        chainId: row.chainId,
        nodeId,
        regionCode: row.regionCode,
        metric: row.metric,
        year: row.year,
        value: row.value * share,
        isDemo: row.isDemo,
      })
      .onConflictDoUpdate({
        target: [target.chainId, target.regionCode, target.metric, target.year, target.nodeId],
        set: { value: sql`${target.value} + excluded.value` },
      });
  }
  await db.delete(target).where(eq(target.id, row.id));
}

/** Points one project or problem at another node. */
export async function setRecordNode(
  db: DbOrTx,
  kind: 'project' | 'problem',
  id: number,
  nodeId: number,
): Promise<void> {
  if (kind === 'project') {
    await db.update(project).set({ nodeId }).where(eq(project.id, id));
  } else {
    await db.update(problem).set({ nodeId }).where(eq(problem.id, id));
  }
}

/** Points projects, problems, shared problems and leader activities of a node at another. */
export async function moveNodeRecords(
  db: DbOrTx,
  fromNodeId: number,
  toNodeId: number,
): Promise<void> {
  await db.update(project).set({ nodeId: toNodeId }).where(eq(project.nodeId, fromNodeId));
  await db.update(problem).set({ nodeId: toNodeId }).where(eq(problem.nodeId, fromNodeId));
  await db
    .update(sharedProblem)
    .set({ nodeId: toNodeId })
    .where(eq(sharedProblem.nodeId, fromNodeId));
  await db.execute(sql`
    insert into leader_activity_node (activity_id, node_id)
    select activity_id, ${toNodeId}::int from leader_activity_node where node_id = ${fromNodeId}::int
    on conflict do nothing`);
  await db.delete(leaderActivityNode).where(eq(leaderActivityNode.nodeId, fromNodeId));
}

/** Replaces a node code in every park's focus list by its new codes (no duplicates). */
export async function replaceParkFocusCode(
  db: DbOrTx,
  fromCode: string,
  toCodes: string[],
): Promise<void> {
  await db.execute(sql`
    update park set focus_node_codes = array(
      select distinct c from unnest(
        array_remove(focus_node_codes, ${fromCode}) || ${sql.param(toCodes)}::text[]
      ) as u(c) order by c)
    where ${fromCode} = any(focus_node_codes)`);
}
