import { AppError } from '../../domain/app-error.ts';
import {
  MEASURES,
  figuresWinner,
  mergeYearFigures,
  mergedAliases,
  survivorOf,
  type OverriddenFigure,
  type YearFigures,
} from '../../domain/enterprise-merge.ts';
import type { DbOrTx } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import { turnDuplicateRound } from '../../db/duplicate.repository.ts';
import { settlePrimaryPlacements } from '../../db/classification.repository.ts';
import { deleteEnterprise } from '../../db/enterprise.repository.ts';
import {
  deleteMergeHistory,
  findFullEnterprise,
  findUsccHolder,
  insertEnterpriseRow,
  insertMergeRecord,
  insertYearHistory,
  listClassificationRows,
  listDuplicatesOf,
  listEnterpriseLinks,
  listLaterMerges,
  listYearRows,
  markMergeUndone,
  relinkEnterprise,
  reopenDuplicate,
  replaceClassificationRows,
  replaceYearRows,
  restoreDuplicateRows,
  writeEnterpriseRow,
  type ClassificationRow,
  type DuplicateRow,
  type EnterpriseLinks,
  type FullEnterpriseRow,
  type MergeRow,
  type NewYearHistoryRow,
  type YearRow,
} from '../../db/merge.repository.ts';
import { figureSourceOf } from './figure-source.ts';

// The one place two enterprise records become one, and one becomes two again. The duplicates
// queue calls it; the national-scale import will. Transactions are the caller's.

/** Everything needed to undo a merge, as stored (JSON) in enterprise_merge.snapshot. */
interface MergeSnapshot {
  kept: FullEnterpriseRow;
  keptYears: YearRow[];
  keptClassifications: ClassificationRow[];
  dropped: FullEnterpriseRow;
  droppedYears: YearRow[];
  droppedClassifications: ClassificationRow[];
  droppedLinks: EnterpriseLinks;
  droppedDuplicates: DuplicateRow[];
  /** The pair's two ids as they were (the merge may turn the pair round). */
  pair: { enterpriseId: number; otherId: number } | null;
  /** The kept record as the merge left it: an undo refuses when it has changed since. */
  after: { updatedAt: string; years: string; placements: string };
}

const FILLED_FIELDS = [
  'uscc',
  'nameEn',
  'address',
  'foundedOn',
  'registeredCapitalYuan',
  'industryCode',
  'businessScope',
  'parkId',
] as const;

/** What a merge did, for its caller and the audit. */
export interface MergeOutcome {
  mergeId: number;
  kept: { id: number; name: string };
  dropped: { id: number; name: string };
  filled: string[];
  aliases: string[];
  overridden: number;
  moved: { projects: number; problems: number; users: number; activities: number };
}

/**
 * Merges two records of one enterprise: the registered one (else the first) survives with its
 * name; the other's name and aliases become aliases; empty fields are filled; for each year and
 * measure one figure stays (the registered or more recent record's) and the other goes to the
 * figure history with its source; placements, projects, problems, firm accounts and leadership
 * records move over; the dropped record is snapshotted, then deleted. Throws ENTERPRISE_NOT_FOUND,
 * CONFLICT (two different USCCs).
 */
export async function mergeEnterprises(
  tx: DbOrTx,
  actor: Actor,
  ids: { first: number; second: number; duplicateId: number | null },
): Promise<MergeOutcome> {
  const [first, second] = await Promise.all([
    findFullEnterprise(tx, ids.first),
    findFullEnterprise(tx, ids.second),
  ]);
  if (!first || !second) {
    throw new AppError('ENTERPRISE_NOT_FOUND', 'One side of the pair is gone.', {
      id: !first ? ids.first : ids.second,
    });
  }
  const survivor = survivorOf(first, second);
  if (survivor === null) {
    throw new AppError(
      'CONFLICT',
      `${first.name} (${first.uscc}) and ${second.name} (${second.uscc}) hold different USCCs: two registered legal entities are not merged. Dismiss the pair instead.`,
      { first: first.id, second: second.id },
    );
  }
  const [kept, dropped] = survivor === 'first' ? [first, second] : [second, first];
  const [keptYears, droppedYears, keptPlacements, droppedPlacements, links, otherPairs] =
    await Promise.all([
      listYearRows(tx, kept.id),
      listYearRows(tx, dropped.id),
      listClassificationRows(tx, kept.id),
      listClassificationRows(tx, dropped.id),
      listEnterpriseLinks(tx, dropped.id),
      listDuplicatesOf(tx, dropped.id, ids.duplicateId ?? -1),
    ]);

  const fill: Partial<FullEnterpriseRow> = {};
  for (const field of FILLED_FIELDS) {
    if (kept[field] === null && dropped[field] !== null)
      Object.assign(fill, { [field]: dropped[field] });
  }
  const aliases = mergedAliases(kept.name, kept.aliases, dropped.name, dropped.aliases);
  const updatedAt = new Date();
  const keptAfter: FullEnterpriseRow = {
    ...kept,
    ...fill,
    aliases,
    tags: [...new Set([...kept.tags, ...dropped.tags])],
    products: kept.products.length > 0 ? kept.products : dropped.products,
    provenance: [
      ...(kept.provenance as unknown[]),
      {
        action: 'merge',
        mergedId: dropped.id,
        mergedName: dropped.name,
        at: updatedAt.toISOString(),
        by: actor.name,
      },
    ].slice(-20),
    updatedAt,
  };

  const winner = figuresWinner(kept, dropped);
  const figures = mergeYearFigures(keptYears.map(asFigures), droppedYears.map(asFigures), winner);
  const yearsAfter = figures.years.map((y) => ({
    enterpriseId: kept.id,
    regionCode: kept.regionCode,
    year: y.year,
    revenueYuan: y.revenueYuan ?? null,
    outputYuan: y.outputYuan ?? null,
    taxYuan: y.taxYuan ?? null,
    rdSpendYuan: y.rdSpendYuan ?? null,
    exportsYuan: y.exportsYuan ?? null,
    employees: y.employees ?? null,
  }));
  const placementsAfter = mergePlacements(kept, keptPlacements, droppedPlacements);

  // The dropped record's USCC must be free before the kept one can take it.
  if (fill.uscc) await writeEnterpriseRow(tx, { ...dropped, uscc: null });
  await writeEnterpriseRow(tx, keptAfter);
  await replaceYearRows(tx, kept.id, yearsAfter);
  await replaceClassificationRows(tx, kept.id, placementsAfter);
  // The one placement rule decides the primary per chain, as after any other write.
  await settlePrimaryPlacements(tx, [kept.id], null);

  const snapshot: MergeSnapshot = {
    kept,
    keptYears,
    keptClassifications: keptPlacements,
    dropped,
    droppedYears,
    droppedClassifications: droppedPlacements,
    droppedLinks: links,
    droppedDuplicates: otherPairs,
    pair: ids.duplicateId === null ? null : { enterpriseId: ids.first, otherId: ids.second },
    after: {
      updatedAt: updatedAt.toISOString(),
      years: yearsSignature(yearsAfter),
      placements: placementsSignature(await listClassificationRows(tx, kept.id)),
    },
  };
  const mergeId = await insertMergeRecord(tx, {
    keptId: kept.id,
    droppedId: dropped.id,
    duplicateId: ids.duplicateId,
    snapshot,
    createdBy: actor.name,
  });
  await insertYearHistory(
    tx,
    historyRows(figures.overridden, { kept, dropped, mergeId, at: updatedAt }),
  );
  await relinkEnterprise(tx, links, { from: dropped.id, to: kept.id });
  // The pair names the kept record first, or deleting the dropped one would delete the pair.
  if (ids.duplicateId !== null && kept.id !== ids.first) {
    await turnDuplicateRound(tx, ids.duplicateId, kept.id, dropped.id);
  }
  await deleteEnterprise(tx, dropped.id);

  const outcome: MergeOutcome = {
    mergeId,
    kept: { id: kept.id, name: kept.name },
    dropped: { id: dropped.id, name: dropped.name },
    filled: Object.keys(fill),
    aliases,
    overridden: figures.overridden.length,
    moved: {
      projects: links.projects.length,
      problems: links.problems.length,
      users: links.users.length,
      activities: links.activities.length,
    },
  };
  await recordAudit(tx, actor, {
    action: 'enterprise.merge',
    entityType: 'enterprise',
    entityId: kept.id,
    before: {
      kept: { id: kept.id, name: kept.name, uscc: kept.uscc },
      merged: { id: dropped.id, name: dropped.name, uscc: dropped.uscc },
    },
    after: outcome,
  });
  return outcome;
}

/**
 * Undoes a merge: the dropped record comes back with its id, names, figures, placements and
 * links; the kept record gets back its values from before; the pair (if any) opens again.
 * Throws CONFLICT when the merge was undone already, a later merge of the kept record is still
 * in effect, or the kept record's fields, figures or placements changed since the merge (undoing
 * would lose that change), or another record has taken the dropped one's USCC.
 */
export async function undoMerge(tx: DbOrTx, actor: Actor, merge: MergeRow): Promise<void> {
  if (merge.status !== 'merged') {
    throw new AppError('CONFLICT', `Merge #${merge.id} was already undone.`, { mergeId: merge.id });
  }
  const snapshot = reviveSnapshot(merge.snapshot);
  const { kept, dropped } = snapshot;
  const later = await listLaterMerges(tx, kept.id, merge.id);
  if (later[0]) {
    throw new AppError(
      'CONFLICT',
      `${kept.name} was merged again after this merge (merge #${later[0].id}${later[0].duplicateId === null ? '' : `, pair #${later[0].duplicateId}`}): undo that one first.`,
      { mergeId: merge.id, laterMergeId: later[0].id, laterDuplicateId: later[0].duplicateId },
    );
  }
  const current = await findFullEnterprise(tx, kept.id);
  if (!current) {
    throw new AppError(
      'CONFLICT',
      `${kept.name} (#${kept.id}) no longer exists: nothing to undo.`,
      {
        mergeId: merge.id,
        enterpriseId: kept.id,
      },
    );
  }
  const changed =
    current.updatedAt.toISOString() !== snapshot.after.updatedAt
      ? `its fields changed at ${current.updatedAt.toISOString()}`
      : yearsSignature(await listYearRows(tx, kept.id)) !== snapshot.after.years
        ? 'its yearly figures changed'
        : placementsSignature(await listClassificationRows(tx, kept.id)) !==
            snapshot.after.placements
          ? 'its placements changed'
          : null;
  if (changed) {
    throw new AppError(
      'CONFLICT',
      `${kept.name} (#${kept.id}) changed after the merge (${changed}, by an import or an edit): undoing would lose that change. Edit the records by hand instead.`,
      { mergeId: merge.id, enterpriseId: kept.id, reason: changed },
    );
  }
  if (dropped.uscc) {
    const holder = await findUsccHolder(tx, dropped.uscc, kept.id);
    if (holder) {
      throw new AppError(
        'CONFLICT',
        `USCC ${dropped.uscc} now belongs to ${holder.name} (#${holder.id}): ${dropped.name} cannot take it back.`,
        { mergeId: merge.id, enterpriseId: holder.id },
      );
    }
  }
  await writeEnterpriseRow(tx, kept);
  await insertEnterpriseRow(tx, dropped);
  await replaceYearRows(tx, kept.id, snapshot.keptYears);
  await replaceYearRows(tx, dropped.id, snapshot.droppedYears);
  await replaceClassificationRows(tx, kept.id, snapshot.keptClassifications);
  await replaceClassificationRows(tx, dropped.id, snapshot.droppedClassifications);
  await deleteMergeHistory(tx, merge.id);
  await relinkEnterprise(tx, snapshot.droppedLinks, { from: kept.id, to: dropped.id });
  await restoreDuplicateRows(tx, snapshot.droppedDuplicates);
  if (merge.duplicateId !== null && snapshot.pair) {
    await reopenDuplicate(tx, merge.duplicateId, snapshot.pair);
  }
  await markMergeUndone(tx, merge.id, actor.name);
  await recordAudit(tx, actor, {
    action: 'enterprise.merge.undo',
    entityType: 'enterprise',
    entityId: dropped.id,
    before: { kept: { id: kept.id, name: kept.name }, mergeId: merge.id },
    after: { restored: { id: dropped.id, name: dropped.name }, links: snapshot.droppedLinks },
  });
}

function asFigures(row: YearRow): YearFigures {
  const figures: YearFigures = { year: row.year };
  for (const measure of MEASURES) figures[measure] = row[measure];
  return figures;
}

/**
 * Both records' placements on the kept one: the kept one's, an analyst's decision of the other
 * in place of a rule's, and the other's on nodes the kept one lacks; one primary at most (the
 * kept one's, else the other's), never on a rejected node.
 */
function mergePlacements(
  kept: FullEnterpriseRow,
  mine: ClassificationRow[],
  theirs: ClassificationRow[],
): ClassificationRow[] {
  const byNode = new Map(mine.map((row) => [row.nodeId, { ...row }]));
  for (const row of theirs) {
    const own = byNode.get(row.nodeId);
    if (!own || (own.method !== 'manual' && row.method === 'manual')) {
      byNode.set(row.nodeId, {
        ...row,
        enterpriseId: kept.id,
        regionCode: kept.regionCode,
        isPrimary: false,
      });
    }
  }
  const rows = [...byNode.values()].sort((a, b) => a.nodeId - b.nodeId);
  const usable = (row: ClassificationRow) => row.decision !== 'rejected';
  const primary =
    rows.find((row) => row.isPrimary && usable(row)) ??
    rows.find((row) => theirs.some((t) => t.nodeId === row.nodeId && t.isPrimary) && usable(row));
  return rows.map((row) => ({ ...row, isPrimary: row === primary }));
}

function historyRows(
  overridden: OverriddenFigure[],
  context: { kept: FullEnterpriseRow; dropped: FullEnterpriseRow; mergeId: number; at: Date },
): NewYearHistoryRow[] {
  return overridden.map((figure) => {
    const record = figure.from === 'kept' ? context.kept : context.dropped;
    const source = figureSourceOf(record.provenance, record.source, figure.year);
    const fromOther = figure.from === 'other';
    return {
      enterpriseId: context.kept.id,
      year: figure.year,
      measure: figure.measure,
      value: figure.value,
      keptValue: figure.keptValue,
      reason: 'merge',
      importId: source.importId,
      sourceName: source.sourceName,
      row: source.row,
      sourceAt: source.at,
      mergedEnterpriseId: fromOther ? context.dropped.id : null,
      mergedEnterpriseName: fromOther ? context.dropped.name : null,
      mergeId: context.mergeId,
      recordedAt: context.at,
    };
  });
}

function yearsSignature(rows: readonly YearFigures[]): string {
  return JSON.stringify(
    [...rows]
      .sort((a, b) => a.year - b.year)
      .map((row) => [row.year, ...MEASURES.map((m) => row[m] ?? null)]),
  );
}

function placementsSignature(
  rows: readonly Pick<ClassificationRow, 'nodeId' | 'decision' | 'isPrimary' | 'method'>[],
): string {
  return JSON.stringify(
    [...rows]
      .sort((a, b) => a.nodeId - b.nodeId)
      .map((row) => [row.nodeId, row.decision, row.isPrimary, row.method]),
  );
}

const date = (value: unknown): Date => new Date(value as string);
const maybeDate = (value: unknown): Date | null => (value == null ? null : date(value));

/** The snapshot as stored (JSON), with its timestamps as dates again. */
function reviveSnapshot(stored: unknown): MergeSnapshot {
  const snapshot = stored as MergeSnapshot;
  const enterpriseRow = (row: FullEnterpriseRow): FullEnterpriseRow => ({
    ...row,
    createdAt: date(row.createdAt),
    updatedAt: date(row.updatedAt),
  });
  const placements = (rows: ClassificationRow[]) =>
    rows.map((row) => ({ ...row, decidedAt: date(row.decidedAt) }));
  return {
    ...snapshot,
    kept: enterpriseRow(snapshot.kept),
    dropped: enterpriseRow(snapshot.dropped),
    keptClassifications: placements(snapshot.keptClassifications),
    droppedClassifications: placements(snapshot.droppedClassifications),
    droppedDuplicates: snapshot.droppedDuplicates.map((row) => ({
      ...row,
      createdAt: date(row.createdAt),
      decidedAt: maybeDate(row.decidedAt),
    })),
  };
}
