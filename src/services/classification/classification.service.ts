import { AppError } from '../../domain/app-error.ts';
import type { ClassificationRules } from '../../domain/chain-template.ts';
import { classifierFromSpec, type ClassifierSpec } from './classifier-spec.ts';
import type {
  ChainClassifier,
  NodeClassification,
  SerializedClassification,
} from '../../domain/classification.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import type { ChainRow } from '../../db/chain.repository.ts';
import {
  clearPrimaryClassifications,
  findClassification,
  insertFreshRuleClassifications,
  listEnterprisesToClassify,
  listManualDecisions,
  replaceRuleClassifications,
  settlePrimaryPlacements,
  upsertManualClassification,
  type RuleClassificationRow,
} from '../../db/classification.repository.ts';
import { countEnterprises, findEnterpriseById } from '../../db/enterprise.repository.ts';
import { loadChainContext, requireNode } from '../lookup/lookup.service.ts';
import { learnedModelFor } from './learned-models.ts';
import { settlePrimary } from '../../domain/primary-placement.ts';

const BATCH = 2_000;

export interface ClassifyProgress {
  done: number;
  total: number;
}

export interface ClassifySummary {
  chain: string;
  enterprises: number;
  /** Enterprises with at least one confirmed node. */
  onChain: number;
  /** Enterprises whose best node is only uncertain: for review. */
  uncertain: number;
  offChain: number;
  byNode: Record<string, number>;
}

/** A chain's classifier with its node ids, ready to classify batches of enterprises. */
export interface PreparedChainClassifier {
  chain: ChainRow;
  classifier: ChainClassifier;
  nodeIdByCode: Map<string, number>;
  codeByNodeId: Map<number, string>;
  /** Each node's place in the template (it breaks ties between primary placements). */
  sortOrderByNodeId: Map<number, number>;
  /** What the classifier was built from, so that a worker thread can build the same one. */
  spec: ClassifierSpec;
}

/** The enterprise fields classification reads. */
export type ClassifiableRow = Awaited<ReturnType<typeof listEnterprisesToClassify>>[number];

/** The classifier for a chain, built from its stored node rules. Throws CHAIN_NOT_FOUND. */
export async function loadChainClassifier(
  db: DbOrTx,
  chainCode: string,
): Promise<PreparedChainClassifier> {
  const { chain, nodes } = await loadChainContext(db, chainCode);
  const nodeIdByCode = new Map(nodes.map((n) => [n.code, n.id]));
  const spec: ClassifierSpec = {
    chainCode: chain.code,
    nodes: nodes.map((n) => ({ code: n.code, rules: n.rules as ClassificationRules })),
    model: learnedModelFor(chain.code),
  };
  const classifier = classifierFromSpec(spec);
  const codeByNodeId = new Map([...nodeIdByCode].map(([code, id]) => [id, code]));
  const sortOrderByNodeId = new Map(nodes.map((n) => [n.id, n.sortOrder]));
  return { chain, classifier, nodeIdByCode, codeByNodeId, sortOrderByNodeId, spec };
}

/** An empty tally for a chain. */
export function emptyClassifySummary(chainCode: string): ClassifySummary {
  return { chain: chainCode, enterprises: 0, onChain: 0, uncertain: 0, offChain: 0, byNode: {} };
}

/**
 * Classifies the registry (or the given enterprises) onto a chain's nodes, in batches, each batch
 * in its own transaction. Manual decisions are kept and win over rules. Throws CHAIN_NOT_FOUND.
 */
export async function classifyEnterprises(
  db: Db,
  options: {
    chainCode: string;
    enterpriseIds?: number[];
    progress?: (progress: ClassifyProgress) => void;
  },
): Promise<ClassifySummary> {
  const prepared = await loadChainClassifier(db, options.chainCode);
  const total = options.enterpriseIds?.length ?? (await countEnterprises(db, {}));
  const summary = emptyClassifySummary(prepared.chain.code);
  let afterId = 0;
  for (;;) {
    const batch = await listEnterprisesToClassify(db, {
      afterId,
      limit: BATCH,
      ids: options.enterpriseIds,
    });
    if (batch.length === 0) break;
    afterId = batch.at(-1)?.id ?? afterId;
    await db.transaction((tx) => classifyBatch(tx, prepared, batch, summary));
    options.progress?.({ done: summary.enterprises, total });
  }
  return summary;
}

/**
 * Classifies one batch of enterprises through `tx` (the caller's transaction): replaces their
 * rule-made placements on the chain and keeps manual ones, adding the outcome to `summary`.
 */
export async function classifyBatch(
  tx: DbOrTx,
  prepared: PreparedChainClassifier,
  batch: readonly ClassifiableRow[],
  summary: ClassifySummary,
): Promise<void> {
  await classifyBatchOnChains(tx, [prepared], batch, [summary]);
}

/**
 * The classifier's results for some enterprises, worked out beforehand (an import's worker
 * thread): by enterprise id, one list per chain, in the order of the chains classified.
 */
export type PrecomputedResults = ReadonlyMap<
  number,
  readonly (readonly (NodeClassification | SerializedClassification)[])[]
>;

/**
 * Classifies one batch of enterprises on several chains at once through `tx`: one read of the
 * manual decisions, the classifier in Node (or its `precomputed` results), then the placements of
 * every chain written set-based (see replaceRuleClassifications). Adds each chain's outcome to
 * its summary in `summaries` (same order as `chains`) when given. Enterprises in `fresh` were
 * inserted in this transaction and have no placements yet: theirs are settled here and copied
 * straight into the table.
 */
export async function classifyBatchOnChains(
  tx: DbOrTx,
  chains: readonly PreparedChainClassifier[],
  batch: readonly ClassifiableRow[],
  summaries: readonly ClassifySummary[] | null,
  precomputed?: PrecomputedResults,
  fresh?: ReadonlySet<number>,
): Promise<void> {
  if (batch.length === 0 || chains.length === 0) return;
  const isFresh = (id: number) => fresh?.has(id) ?? false;
  const ids = batch.map((e) => e.id).filter((id) => !isFresh(id));
  const manual = groupManual(
    await listManualDecisions(
      tx,
      chains.map((c) => c.chain.id),
      ids,
    ),
  );
  const rows: RuleClassificationRow[] = [];
  const freshRows: RuleClassificationRow[] = [];
  for (const [index, chainClassifier] of chains.entries()) {
    const { chain, classifier, nodeIdByCode, codeByNodeId, sortOrderByNodeId } = chainClassifier;
    const sortOrderOf = (nodeId: number) => sortOrderByNodeId.get(nodeId) ?? 0;
    for (const enterpriseRow of batch) {
      const placed: RuleClassificationRow[] = [];
      const mine = (manual.get(enterpriseRow.id) ?? []).filter((m) => m.chainId === chain.id);
      const manualPrimary = mine.some((m) => m.isPrimary);
      const rejected = new Set(mine.filter((m) => m.decision === 'rejected').map((m) => m.nodeId));
      const results =
        precomputed?.get(enterpriseRow.id)?.[index] ?? classifier.classify(enterpriseRow);
      let primaryTaken = manualPrimary;
      for (const result of results) {
        const nodeId = nodeIdByCode.get(result.nodeCode);
        if (nodeId === undefined || mine.some((m) => m.nodeId === nodeId)) continue;
        const isPrimary = !primaryTaken && result.decision !== 'rejected' && !rejected.has(nodeId);
        if (isPrimary) primaryTaken = true;
        placed.push({
          enterpriseId: enterpriseRow.id,
          nodeId,
          regionCode: enterpriseRow.regionCode,
          score: result.score,
          decision: result.decision,
          isPrimary,
          evidenceJson:
            'evidenceJson' in result ? result.evidenceJson : JSON.stringify(result.evidence),
        });
      }
      if (isFresh(enterpriseRow.id)) freshRows.push(...settlePrimary(placed, sortOrderOf));
      else rows.push(...placed);
      const summary = summaries?.[index];
      if (summary) tallyEnterprise(summary, results, mine, codeByNodeId);
    }
    const summary = summaries?.[index];
    if (summary) summary.enterprises += batch.length;
  }
  await insertFreshRuleClassifications(tx, freshRows);
  await replaceRuleClassifications(
    tx,
    chains.map((c) => c.chain.id),
    ids,
    rows,
  );
}

function groupManual<T extends { enterpriseId: number }>(rows: T[]): Map<number, T[]> {
  const byEnterprise = new Map<number, T[]>();
  for (const row of rows) {
    const list = byEnterprise.get(row.enterpriseId);
    if (list) list.push(row);
    else byEnterprise.set(row.enterpriseId, [row]);
  }
  return byEnterprise;
}

function tallyEnterprise(
  summary: ClassifySummary,
  results: readonly Pick<NodeClassification, 'nodeCode' | 'decision'>[],
  manual: { nodeId: number; decision: string }[],
  codeByNodeId: Map<number, string>,
): void {
  const confirmed = new Set(
    results.filter((r) => r.decision === 'confirmed').map((r) => r.nodeCode),
  );
  for (const m of manual) {
    const code = codeByNodeId.get(m.nodeId);
    if (!code) continue;
    if (m.decision === 'confirmed') confirmed.add(code);
    else confirmed.delete(code);
  }
  if (confirmed.size > 0) summary.onChain++;
  else if (results.some((r) => r.decision === 'uncertain')) summary.uncertain++;
  else summary.offChain++;
  for (const code of confirmed) summary.byNode[code] = (summary.byNode[code] ?? 0) + 1;
}

export type ManualDecision = 'confirmed' | 'rejected';

/**
 * Records an analyst's decision on an enterprise's place on a node: confirm it, reject it, or
 * move the enterprise from this node to another (`moveTo`), which then becomes its primary node.
 * Kept across re-classification. Throws ENTERPRISE_NOT_FOUND, CHAIN_NOT_FOUND, VALIDATION_FAILED.
 */
export async function decideClassification(
  db: Db,
  actor: Actor,
  input: {
    enterpriseId: number;
    chainCode: string;
    nodeCode: string;
    decision: ManualDecision;
    moveTo?: string | undefined;
  },
): Promise<void> {
  // A decision needs the node ids only, not the keyword automaton.
  const context = await loadChainContext(db, input.chainCode);
  const nodeId = requireNode(context, input.nodeCode, 'nodeCode').id;
  const targetId = input.moveTo ? requireNode(context, input.moveTo, 'moveTo').id : null;
  const found = await findEnterpriseById(db, input.enterpriseId);
  if (!found) {
    throw new AppError('ENTERPRISE_NOT_FOUND', `No enterprise has id ${input.enterpriseId}.`);
  }
  const regionCode = found.enterprise.regionCode;
  await db.transaction(async (tx) => {
    const before = await findClassification(tx, input.enterpriseId, nodeId);
    const decision = targetId !== null ? 'rejected' : input.decision;
    const makePrimary = decision === 'confirmed' && (before?.isPrimary ?? false);
    await upsertManualClassification(tx, {
      enterpriseId: input.enterpriseId,
      nodeId,
      regionCode,
      decision,
      isPrimary: makePrimary,
      score: before?.score ?? 1,
    });
    if (targetId !== null) {
      await clearPrimaryClassifications(tx, input.enterpriseId, context.chain.id, targetId);
      await upsertManualClassification(tx, {
        enterpriseId: input.enterpriseId,
        nodeId: targetId,
        regionCode,
        decision: 'confirmed',
        isPrimary: true,
        score: 1,
      });
    }
    await settlePrimaryPlacements(tx, [input.enterpriseId], context.chain.id);
    await recordAudit(tx, actor, {
      action:
        targetId !== null
          ? 'classification.move'
          : `classification.${decision === 'confirmed' ? 'confirm' : 'reject'}`,
      entityType: 'enterprise',
      entityId: input.enterpriseId,
      before: before
        ? {
            node: input.nodeCode,
            decision: before.decision,
            method: before.method,
            primary: before.isPrimary,
          }
        : null,
      after: { node: input.nodeCode, decision, moveTo: input.moveTo ?? null },
    });
  });
}
