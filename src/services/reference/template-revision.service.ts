import { AppError } from '../../domain/app-error.ts';
import type { ChainTemplate } from '../../domain/chain-template.ts';
import { ChainClassifier } from '../../domain/classification.ts';
import {
  destinationsOf,
  removedCodesOf,
  targetSharesOf,
  type RevisionChange,
  type TemplateRevision,
} from '../../domain/template-revision.ts';
import type { DbOrTx } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import {
  findChainByCode,
  listChainNodes,
  renameChainNode,
  saveChainTemplate,
  type ChainNodeRow,
} from '../../db/chain.repository.ts';
import {
  listEnterprisesToClassify,
  settlePrimaryPlacements,
} from '../../db/classification.repository.ts';
import {
  countNodeReferences,
  listNodeReferences,
  moveNodeRecords,
  movePlacement,
  moveTarget,
  replaceParkFocusCode,
  setRecordNode,
  type NodeReferences,
} from '../../db/node-reference.repository.ts';
import type {
  TemplateChangePlan,
  TemplateLoadPlan,
  TemplateProblemItem,
  TemplateReference,
  TemplateReferenceKind,
} from '../../shared/api/templates.ts';

/** A validated template file, as chain-templates.service reads it. */
export interface TemplateToLoad {
  file: string;
  template: ChainTemplate;
  hash: string;
}

/** A planned change with what the apply step needs beside what the plan shows. */
interface ChangeStep {
  change: RevisionChange;
  oldCode: string;
  oldId: number;
  plan: TemplateChangePlan;
  /** Placements: enterprise → destination code. */
  placementTo: Map<number, string>;
  /** Where projects, problems, shared problems and leader activities go. */
  recordsTo: string | null;
  /** Projects and problems that go elsewhere (a split: their firm's part), by `kind:id`. */
  recordTo: Map<string, string>;
}

interface PlannedLoad {
  plan: TemplateLoadPlan;
  steps: ChangeStep[];
  chainId: number | null;
  removedIds: number[];
  revision: TemplateRevision | null;
}

const templateCodes = (template: ChainTemplate): string[] =>
  template.stages.flatMap((stage) => [stage.code, ...stage.nodes.map((n) => n.code)]);

/**
 * What loading a template would do to the stored chain: nodes added and removed, and for each
 * rename, split, merge or retirement of its revision from the stored version, every placement,
 * target, project, problem, shared problem, supervision item, leader activity and park focus that
 * moves, and where. `problems` lists why it would be refused (a removed node without a mapping,
 * a retirement that would orphan something, a change naming a node the chain does not have).
 */
export async function planTemplateLoad(db: DbOrTx, loaded: TemplateToLoad): Promise<PlannedLoad> {
  const { template, hash, file } = loaded;
  const existing = await findChainByCode(db, template.code);
  const codes = templateCodes(template);
  const base: TemplateLoadPlan = {
    chain: template.code,
    file,
    action: 'create',
    fromVersion: null,
    toVersion: template.version,
    addedNodes: [],
    removedNodes: [],
    changes: [],
    problems: [],
    applied: false,
  };
  if (!existing) {
    return {
      plan: { ...base, addedNodes: codes },
      steps: [],
      chainId: null,
      removedIds: [],
      revision: null,
    };
  }
  const stored = await listChainNodes(db, existing.id);
  const storedByCode = new Map(stored.map((n) => [n.code, n]));
  const inTemplate = new Set(codes);
  const removed = stored.filter((n) => !inTemplate.has(n.code));
  const plan: TemplateLoadPlan = {
    ...base,
    action: existing.templateHash === hash ? 'unchanged' : 'update',
    fromVersion: existing.templateVersion,
    addedNodes: codes.filter((c) => !storedByCode.has(c)),
    removedNodes: removed.map((n) => n.code),
  };
  const problems: TemplateProblemItem[] = plan.problems;
  const revisionIndex = (template.revisions ?? []).findIndex(
    (r) => r.from === existing.templateVersion,
  );
  const revision = template.revisions?.[revisionIndex] ?? null;
  const steps: ChangeStep[] = [];
  if (revision) {
    revision.changes.forEach((change, c) => {
      const field = `revisions.${revisionIndex}.changes.${c}`;
      for (const oldCode of removedCodesOf(change)) {
        const old = storedByCode.get(oldCode);
        if (!old) {
          problems.push({
            node: oldCode,
            field: `${field}.${change.kind === 'merge' ? 'nodes' : 'node'}`,
            code: 'NOT_IN_STORED_CHAIN',
            params: { chain: template.code, version: existing.templateVersion },
            message: `is not a node of the stored chain "${template.code}" (version ${existing.templateVersion})`,
          });
          continue;
        }
        if (change.kind === 'rename' && storedByCode.has(change.to)) {
          problems.push({
            node: oldCode,
            field: `${field}.to`,
            code: 'RENAME_TARGET_EXISTS',
            params: { node: change.to },
            message: `"${change.to}" already exists in the stored chain; use a merge`,
          });
        }
        steps.push({
          change,
          oldCode,
          oldId: old.id,
          plan: {
            kind: change.kind,
            node: oldCode,
            to: destinationsOf(change),
            counts: {},
            references: [],
          },
          placementTo: new Map(),
          recordTo: new Map(),
          recordsTo: change.kind === 'split' ? change.default : (destinationsOf(change)[0] ?? null),
        });
      }
    });
  }
  const mapped = new Set(steps.map((s) => s.oldCode));
  const unmapped = removed.filter((n) => !mapped.has(n.code));
  const unmappedRefs = await countEach(db, unmapped);
  for (const node of unmapped) {
    // A stage nothing references may go; a segment always needs its mapping.
    if (node.level === 'stage' && (unmappedRefs.get(node.id) ?? 0) === 0) continue;
    problems.push({
      node: node.code,
      field: revision ? `revisions.${revisionIndex}.changes` : 'revisions',
      code: revision ? 'REMOVED_NOT_MAPPED' : 'REMOVED_NO_REVISION',
      params: { version: existing.templateVersion },
      message: revision
        ? `is removed from the template but no change of the revision from version ${existing.templateVersion} maps it; add a rename, split, merge or retire`
        : `is removed from the template; declare a revision from version ${existing.templateVersion} that renames, splits, merges or retires it`,
    });
  }
  if (removed.length > 0 && template.version <= existing.templateVersion) {
    problems.push({
      node: null,
      field: 'version',
      code: 'VERSION_NOT_ABOVE_STORED',
      params: { version: existing.templateVersion },
      message: `must be above the stored version ${existing.templateVersion} when nodes are removed`,
    });
  }
  if (steps.length > 0) {
    const refs = await listNodeReferences(
      db,
      steps.map((s) => s.oldId),
      steps.map((s) => s.oldCode),
    );
    for (const step of steps) await describeStep(db, template, step, refs);
    for (const step of steps) {
      const orphaned = step.plan.references.filter((r) => r.to.length === 0);
      if (orphaned.length === 0) continue;
      const index = revision?.changes.indexOf(step.change) ?? 0;
      problems.push({
        node: step.oldCode,
        field: `revisions.${revisionIndex}.changes.${index}.moveTo`,
        code: 'RETIRE_ORPHANS',
        params: { count: orphaned.length },
        message: `retiring it would orphan ${countText(step.plan.counts)}; say where they go (moveTo)`,
      });
    }
    plan.changes = steps.map((s) => s.plan);
  }
  return {
    plan,
    steps,
    chainId: existing.id,
    removedIds: removed.map((n) => n.id),
    revision,
  };
}

async function countEach(db: DbOrTx, nodes: ChainNodeRow[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const node of nodes) counts.set(node.id, await countNodeReferences(db, [node.id]));
  return counts;
}

const ONE: Record<TemplateReferenceKind, string> = {
  placement: 'placement',
  target: 'target',
  project: 'project',
  problem: 'problem',
  shared_problem: 'shared problem',
  supervision_item: 'supervision item',
  leader_activity: 'leader activity',
  park_focus: 'park focus',
};
const MANY: Record<TemplateReferenceKind, string> = {
  placement: 'placements',
  target: 'targets',
  project: 'projects',
  problem: 'problems',
  shared_problem: 'shared problems',
  supervision_item: 'supervision items',
  leader_activity: 'leader activities',
  park_focus: 'park focuses',
};

function countText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${(n === 1 ? ONE : MANY)[kind as TemplateReferenceKind]}`)
    .join(', ');
}

/** Fills a step's references: where each thing that references the old node goes. */
async function describeStep(
  db: DbOrTx,
  template: ChainTemplate,
  step: ChangeStep,
  refs: NodeReferences,
): Promise<void> {
  const { change, oldId, oldCode } = step;
  const out: TemplateReference[] = [];
  const records = step.recordsTo ? [step.recordsTo] : [];
  const split = change.kind === 'split';
  const recordDetail = split ? `the split's default node` : null;
  const add = (
    ref: Omit<TemplateReference, 'detail' | 'needsDecision'> & Partial<TemplateReference>,
  ) => out.push({ detail: null, needsDecision: false, ...ref });

  const placements = refs.placements.filter((p) => p.nodeId === oldId);
  if (change.kind === 'split') {
    const parts = template.stages
      .flatMap((s) => s.nodes)
      .filter((n) => change.into.includes(n.code));
    // Only the new parts compete: the firm was on the old node, so it belongs to one of them.
    const classifier = new ChainClassifier(parts.map((n) => ({ code: n.code, rules: n.rules })));
    const rows = await listEnterprisesToClassify(db, {
      afterId: 0,
      limit: placements.length,
      ids: placements.map((p) => p.enterpriseId),
    });
    const rowById = new Map(rows.map((r) => [r.id, r]));
    for (const p of placements) {
      const row = rowById.get(p.enterpriseId);
      const best = row
        ? classifier
            .classify(row)
            .filter((r) => r.decision !== 'rejected' && change.into.includes(r.nodeCode))
            .sort(
              (a, b) =>
                Number(b.decision === 'confirmed') - Number(a.decision === 'confirmed') ||
                b.score - a.score,
            )[0]
        : undefined;
      const to = best?.nodeCode ?? change.default;
      step.placementTo.set(p.enterpriseId, to);
      add({
        kind: 'placement',
        id: p.enterpriseId,
        label: p.name,
        to: [to],
        detail: best
          ? `classifier: ${best.decision} ${best.score.toFixed(2)} (${p.decision}, ${p.method})`
          : `default node: the classifier placed it on no part (${p.decision}, ${p.method})`,
        needsDecision: !best,
      });
    }
  } else {
    for (const p of placements) {
      const to = destinationsOf(change);
      if (to[0]) step.placementTo.set(p.enterpriseId, to[0]);
      add({
        kind: 'placement',
        id: p.enterpriseId,
        label: p.name,
        to,
        detail: `${p.decision}, ${p.method}`,
      });
    }
  }
  const shares = targetSharesOf(change);
  for (const t of refs.targets.filter((x) => x.nodeId === oldId)) {
    add({
      kind: 'target',
      id: t.id,
      label: `${t.regionCode} ${t.metric} ${t.year}: ${t.value}`,
      to: shares.map((s) => s.node),
      detail:
        shares.map((s) => `${s.node} ${Number((t.value * s.share).toFixed(4))}`).join('; ') || null,
    });
  }
  const needsDecision = split;
  const placed = new Map(out.filter((r) => r.kind === 'placement').map((r) => [r.id, r] as const));
  // In a split, a project or problem of a firm on the node follows the firm's new placement.
  const follow = (
    kind: 'project' | 'problem',
    id: number,
    label: string,
    enterpriseId: number | null,
  ) => {
    const firm = split && enterpriseId !== null ? placed.get(enterpriseId) : undefined;
    if (firm?.to[0]) {
      step.recordTo.set(`${kind}:${id}`, firm.to[0]);
      add({
        kind,
        id,
        label,
        to: firm.to,
        detail: `follows its enterprise's placement`,
        needsDecision: firm.needsDecision,
      });
    } else {
      add({ kind, id, label, to: records, detail: recordDetail, needsDecision });
    }
  };
  for (const p of refs.projects.filter((x) => x.nodeId === oldId)) {
    follow('project', p.id, p.name, p.enterpriseId);
  }
  const problemTo = new Map<number, string[]>();
  for (const p of refs.problems.filter((x) => x.nodeId === oldId)) {
    follow('problem', p.id, p.title, p.enterpriseId);
    problemTo.set(p.id, out.at(-1)?.to ?? records);
  }
  const problemIds = new Set(problemTo.keys());
  const sharedIds = new Set<number>();
  for (const p of refs.sharedProblems.filter((x) => x.nodeId === oldId)) {
    sharedIds.add(p.id);
    add({
      kind: 'shared_problem',
      id: p.id,
      label: p.title,
      to: records,
      detail: recordDetail,
      needsDecision,
    });
  }
  for (const s of refs.supervision) {
    const via =
      s.problemId !== null && problemIds.has(s.problemId)
        ? `follows problem ${s.problemId}`
        : s.sharedProblemId !== null && sharedIds.has(s.sharedProblemId)
          ? `follows shared problem ${s.sharedProblemId}`
          : null;
    const to = (s.problemId !== null ? problemTo.get(s.problemId) : undefined) ?? records;
    if (via) add({ kind: 'supervision_item', id: s.id, label: s.title, to, detail: via });
  }
  for (const a of refs.activities.filter((x) => x.nodeId === oldId)) {
    add({
      kind: 'leader_activity',
      id: a.id,
      label: a.title,
      to: records,
      detail: recordDetail,
      needsDecision,
    });
  }
  for (const p of refs.parks.filter((x) => x.focusNodeCodes.includes(oldCode))) {
    add({ kind: 'park_focus', id: p.id, label: p.name, to: destinationsOf(change) });
  }
  step.plan.references = out;
  const counts: Record<string, number> = {};
  for (const r of out) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  step.plan.counts = counts;
}

/** Refuses a load whose plan has problems, naming each node and field. */
function refusal(plan: TemplateLoadPlan): AppError {
  const lines = plan.problems.map(
    (p) => `  ${p.node ? `node ${p.node}, ` : ''}field ${p.field}: ${p.message}`,
  );
  return new AppError(
    'TEMPLATE_INVALID',
    `${plan.file}: the template cannot be loaded over chain "${plan.chain}" (version ${plan.fromVersion ?? '—'}):\n${lines.join('\n')}`,
    { file: plan.file, problems: plan.problems },
  );
}

/**
 * Loads one template inside the caller's transaction: plans it, refuses it (TEMPLATE_INVALID,
 * naming node and field) when the plan has problems, renames nodes in place, saves the template,
 * moves every reference of a split, merged or retired node by the revision's mapping before the
 * old node goes, checks nothing is left on it, and writes the audit log.
 */
export async function applyTemplateLoad(
  tx: DbOrTx,
  loaded: TemplateToLoad,
  actor: Actor,
): Promise<TemplateLoadPlan> {
  const planned = await planTemplateLoad(tx, loaded);
  const { plan, steps, chainId } = planned;
  if (plan.problems.length > 0) throw refusal(plan);
  if (plan.action === 'unchanged') return plan;
  const renamed = steps.filter((s) => s.change.kind === 'rename');
  for (const step of renamed) {
    const to = step.plan.to[0] ?? step.oldCode;
    if (chainId === null) break;
    await renameChainNode(tx, chainId, step.oldCode, to);
    await replaceParkFocusCode(tx, step.oldCode, [to]);
  }
  const moved = steps.filter((s) => s.change.kind !== 'rename');
  const renamedIds = new Set(renamed.map((s) => s.oldId));
  const removedIds = planned.removedIds.filter((id) => !renamedIds.has(id));
  const saved = await saveChainTemplate(tx, loaded.template, loaded.hash, {
    beforeRemove: async (idByCode) => {
      const idOf = (code: string): number => {
        const id = idByCode.get(code);
        if (id === undefined) throw new Error(`node ${code} was not saved`);
        return id;
      };
      const enterprises = new Set<number>();
      for (const step of moved) {
        for (const [enterpriseId, code] of step.placementTo) {
          await movePlacement(tx, enterpriseId, step.oldId, idOf(code));
          enterprises.add(enterpriseId);
        }
        const shares = targetSharesOf(step.change).map((s) => ({
          nodeId: idOf(s.node),
          share: s.share,
        }));
        const targets = step.plan.references.filter((r) => r.kind === 'target');
        if (targets.length > 0) {
          const refs = await listNodeReferences(tx, [step.oldId], []);
          for (const row of refs.targets) await moveTarget(tx, row, shares);
        }
        for (const [key, code] of step.recordTo) {
          const [kind, id] = key.split(':');
          await setRecordNode(
            tx,
            kind === 'project' ? 'project' : 'problem',
            Number(id),
            idOf(code),
          );
        }
        if (step.recordsTo) await moveNodeRecords(tx, step.oldId, idOf(step.recordsTo));
        await replaceParkFocusCode(tx, step.oldCode, step.plan.to);
      }
      if (chainId !== null) await settlePrimaryPlacements(tx, [...enterprises], chainId);
      const left = await countNodeReferences(tx, removedIds);
      if (left > 0) {
        throw new AppError(
          'TEMPLATE_INVALID',
          `${loaded.file}: ${left} records still reference removed nodes; nothing was changed.`,
          { file: loaded.file },
        );
      }
    },
  });
  await recordAudit(tx, actor, {
    action: plan.action === 'create' ? 'chain.template.create' : 'chain.template.update',
    entityType: 'chain',
    entityId: saved.code,
    before: plan.fromVersion === null ? null : { version: plan.fromVersion },
    after: {
      version: loaded.template.version,
      hash: loaded.hash,
      file: loaded.file,
      ...(plan.changes.length > 0
        ? {
            revision: {
              from: planned.revision?.from ?? null,
              changes: plan.changes.map((c) => ({
                kind: c.kind,
                node: c.node,
                to: c.to,
                counts: c.counts,
              })),
            },
          }
        : {}),
    },
  });
  return { ...plan, applied: true };
}
