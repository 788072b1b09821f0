import { z } from 'zod';
import type { TemplateProblem } from '../shared/template-problems.ts';

// A template revision says how the nodes of an older version map onto this one, so that loading
// it migrates what references them (placements, targets, projects, problems, leadership records,
// park focus) instead of deleting it with the node.

export const NODE_CODE_MESSAGE = 'must be dotted lower-case, e.g. biomed.up.api';

/** A node's code: dotted lower-case, its chain's and stage's codes first (biomed.up.api). */
export const nodeCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/, NODE_CODE_MESSAGE);

/** How a split node's targets are divided: all to one new node, or by shares that sum to 1. */
const splitTargetsSchema = z.union([
  z.object({ to: nodeCodeSchema }).strict(),
  z.object({ shares: z.record(z.string(), z.number().positive().max(1)) }).strict(),
]);

export const revisionChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rename'), node: nodeCodeSchema, to: nodeCodeSchema }).strict(),
  z
    .object({
      kind: z.literal('split'),
      node: nodeCodeSchema,
      /** The new nodes; the classifier re-runs on them for the node's firms. */
      into: z.array(nodeCodeSchema).min(2),
      /** Where firms the classifier cannot place go, and the node's projects and problems. */
      default: nodeCodeSchema,
      targets: splitTargetsSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('merge'),
      nodes: z.array(nodeCodeSchema).min(1),
      into: nodeCodeSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('retire'),
      node: nodeCodeSchema,
      /** Where what references the node goes; without it, nothing may reference the node. */
      moveTo: nodeCodeSchema.optional(),
    })
    .strict(),
]);
export type RevisionChange = z.infer<typeof revisionChangeSchema>;

export const templateRevisionSchema = z
  .object({
    /** The stored template version this revision migrates from. */
    from: z.number().int().positive(),
    changes: z.array(revisionChangeSchema).min(1),
  })
  .strict();
export type TemplateRevision = z.infer<typeof templateRevisionSchema>;

/** The old node codes a change removes. */
export function removedCodesOf(change: RevisionChange): string[] {
  return change.kind === 'merge' ? change.nodes : [change.node];
}

/** The new node codes a change sends what referenced the old node to. */
export function destinationsOf(change: RevisionChange): string[] {
  switch (change.kind) {
    case 'rename':
      return [change.to];
    case 'split':
      return change.into;
    case 'merge':
      return [change.into];
    case 'retire':
      return change.moveTo ? [change.moveTo] : [];
  }
}

/** A split's targets by destination node and share of the old value. */
export function targetSharesOf(change: RevisionChange): { node: string; share: number }[] {
  if (change.kind !== 'split') return destinationsOf(change).map((node) => ({ node, share: 1 }));
  if ('to' in change.targets) return [{ node: change.targets.to, share: 1 }];
  return Object.entries(change.targets.shares).map(([node, share]) => ({ node, share }));
}

const DESTINATION_FIELD: Record<RevisionChange['kind'], string> = {
  rename: 'to',
  split: 'into',
  merge: 'into',
  retire: 'moveTo',
};

/** A problem found in a revision, located like a template problem (node, field path). */
export type RevisionProblem = TemplateProblem;

/**
 * Checks a template's revisions against the template itself (no database): each change names
 * removed nodes absent from the template and destinations present in it; a split's default is one
 * of its parts and its shares name its parts and sum to 1; a node is changed once per revision.
 */
export function checkRevisions(
  revisions: readonly TemplateRevision[],
  version: number,
  templateCodes: ReadonlySet<string>,
): RevisionProblem[] {
  const problems: RevisionProblem[] = [];
  const seenFrom = new Set<number>();
  revisions.forEach((revision, r) => {
    const at = `revisions.${r}`;
    if (revision.from >= version) {
      problems.push({
        node: null,
        field: `${at}.from`,
        code: 'REVISION_FROM_NOT_BELOW',
        params: { version },
        message: `must be below the template's version ${version}`,
      });
    }
    if (seenFrom.has(revision.from)) {
      problems.push({
        node: null,
        field: `${at}.from`,
        code: 'REVISION_DUPLICATE',
        params: {},
        message: 'duplicate revision',
      });
    }
    seenFrom.add(revision.from);
    const changed = new Set<string>();
    revision.changes.forEach((change, c) => {
      const field = `${at}.changes.${c}`;
      for (const old of removedCodesOf(change)) {
        if (changed.has(old)) {
          problems.push({
            node: old,
            field,
            code: 'CHANGED_TWICE',
            params: {},
            message: 'changed twice in one revision',
          });
        }
        changed.add(old);
        if (templateCodes.has(old)) {
          problems.push({
            node: old,
            field: `${field}.${change.kind === 'merge' ? 'nodes' : 'node'}`,
            code: 'CHANGED_NODE_STILL_PRESENT',
            params: {},
            message:
              'is still in the template; a changed node must leave it (give its parts new codes)',
          });
        }
      }
      const destinationField = DESTINATION_FIELD[change.kind];
      for (const to of destinationsOf(change)) {
        if (!templateCodes.has(to)) {
          problems.push({
            node: removedCodesOf(change)[0] ?? null,
            field: `${field}.${destinationField}`,
            code: 'REVISION_UNKNOWN_NODE',
            params: { node: to },
            message: `unknown node "${to}" (not in this template)`,
          });
        }
      }
      if (change.kind === 'split') {
        if (!change.into.includes(change.default)) {
          problems.push({
            node: change.node,
            field: `${field}.default`,
            code: 'SPLIT_DEFAULT_NOT_PART',
            params: { nodes: change.into.join(', ') },
            message: `must be one of the split's nodes (${change.into.join(', ')})`,
          });
        }
        const shares = targetSharesOf(change);
        for (const { node } of shares) {
          if (!change.into.includes(node)) {
            problems.push({
              node: change.node,
              field: `${field}.targets`,
              code: 'SPLIT_TARGET_NOT_PART',
              params: { node },
              message: `"${node}" is not one of the split's nodes`,
            });
          }
        }
        const sum = shares.reduce((s, x) => s + x.share, 0);
        if (Math.abs(sum - 1) > 1e-6) {
          problems.push({
            node: change.node,
            field: `${field}.targets.shares`,
            code: 'SPLIT_SHARES_SUM',
            params: { sum: Number(sum.toFixed(6)) },
            message: `shares sum to ${Number(sum.toFixed(6))}; they must sum to 1`,
          });
        }
      }
    });
  });
  return problems;
}
