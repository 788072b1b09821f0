import { AppError } from '../../domain/app-error.ts';
import type { ClassificationRules } from '../../domain/chain-template.ts';
import { ChainClassifier } from '../../domain/classification.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import { findEnterpriseById } from '../../db/enterprise.repository.ts';
import {
  findNeedOffer,
  insertNeedOffer,
  listNeedOffers,
  updateNeedOfferRow,
  type NeedOfferRow,
} from '../../db/needs.repository.ts';
import type {
  CreateNeedRequest,
  Need,
  NeedKind,
  NeedList,
  NeedQuery,
  UpdateNeedRequest,
} from '../../shared/api/needs.ts';
import type { Role } from '../../shared/permissions.ts';
import { shanghaiToday } from '../../shared/shanghai-day.ts';
import { loadChainContext, requireNode, type ChainContext } from '../lookup/lookup.service.ts';

// Needs (需求) and offers (供给): published by a firm for its own enterprise or by the office for
// any; the product text, enterprise, node and district are public to other firms, the quantity,
// price, contact and note only to the office and the owner.

/** Who asks: the role decides what they see, the enterprise what a firm owns. */
export interface NeedViewer {
  actor: Actor;
  role: Role;
  enterpriseId: number | null;
}

/** Roles that see every need's private fields and act for any enterprise. */
const FULL_VIEW_ROLES: readonly Role[] = ['admin', 'office'];

/** Whether the viewer sees this enterprise's private fields: the office, or its own firm. */
export function seesPrivateFields(viewer: NeedViewer, enterpriseId: number): boolean {
  return (
    FULL_VIEW_ROLES.includes(viewer.role) ||
    (viewer.role === 'firm' && viewer.enterpriseId === enterpriseId)
  );
}

/** A need or offer as the viewer may see it. */
export function presentNeed(row: NeedOfferRow, context: ChainContext, viewer: NeedViewer): Need {
  const full = seesPrivateFields(viewer, row.enterpriseId);
  const node = row.nodeId === null ? undefined : context.nodeById.get(row.nodeId);
  return {
    id: row.id,
    kind: row.kind === 'offer' ? 'offer' : 'need',
    chainCode: context.chain.code,
    enterprise: { id: row.enterpriseId, name: row.enterpriseName },
    district: { code: row.regionCode, name: row.regionName ?? row.regionCode },
    node: node
      ? { code: node.code, name: { zh: node.nameZh, en: node.nameEn }, proposed: row.nodeProposed }
      : null,
    product: row.product,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status:
      row.status === 'closed'
        ? 'closed'
        : row.endsOn !== null && row.endsOn < shanghaiToday()
          ? 'expired'
          : 'open',
    demo: row.isDemo,
    createdAt: row.createdAt.toISOString(),
    visibility: full ? 'full' : 'public',
    quantity: full ? row.quantity : null,
    unit: full ? row.unit : null,
    priceYuan: full ? row.priceYuan : null,
    contact: full ? row.contact : null,
    note: full ? row.note : null,
    own: viewer.role === 'firm' && viewer.enterpriseId === row.enterpriseId,
  };
}

/** The rules classifier of a loaded chain, built once per context (an automaton of its words). */
const classifiers = new WeakMap<ChainContext, ChainClassifier>();

/**
 * The node a product text belongs on, by the chain's classifier vocabulary (its keyword and
 * product rules), with the keywords it hit; null when no rule fires.
 */
export function proposeNode(
  context: ChainContext,
  product: string,
): { nodeCode: string | null; keywords: { keyword: string; nodeCode: string }[] } {
  let classifier = classifiers.get(context);
  if (!classifier) {
    classifier = new ChainClassifier(
      context.nodes.map((n) => ({ code: n.code, rules: n.rules as ClassificationRules })),
    );
    classifiers.set(context, classifier);
  }
  const evidence = classifier.ruleEvidence({ name: '', products: [product] });
  let best: { code: string; weight: number } | null = null;
  const keywords: { keyword: string; nodeCode: string }[] = [];
  for (const [code, items] of evidence) {
    const positive = items.filter((e) => e.kind !== 'exclusion');
    const weight = items.reduce((sum, e) => sum + e.weight, 0);
    for (const e of positive) keywords.push({ keyword: e.keyword, nodeCode: code });
    if (positive.length > 0 && weight > 0 && (!best || weight > best.weight)) {
      best = { code, weight };
    }
  }
  return { nodeCode: best?.code ?? null, keywords };
}

function forbidden(message: string): AppError {
  return new AppError('FORBIDDEN', message);
}

/** The enterprise a viewer publishes for. Throws FORBIDDEN, VALIDATION_FAILED, ENTERPRISE_NOT_FOUND. */
async function publisherEnterprise(
  db: DbOrTx,
  viewer: NeedViewer,
  requested: number | undefined,
): Promise<number> {
  if (viewer.role === 'firm') {
    if (viewer.enterpriseId === null) {
      throw forbidden('Your firm account is bound to no enterprise; ask the chain office.');
    }
    if (requested !== undefined && requested !== viewer.enterpriseId) {
      throw forbidden('A firm publishes needs and offers for its own enterprise only.');
    }
    return viewer.enterpriseId;
  }
  if (requested === undefined) {
    throw new AppError('VALIDATION_FAILED', 'enterpriseId: name the enterprise it is for.', {
      field: 'enterpriseId',
    });
  }
  if (!(await findEnterpriseById(db, requested))) {
    throw new AppError('ENTERPRISE_NOT_FOUND', `No enterprise has id ${requested}.`, {
      id: requested,
    });
  }
  return requested;
}

function notFound(kind: NeedKind, id: number): AppError {
  return kind === 'need'
    ? new AppError('NEED_NOT_FOUND', `No need has id ${id} on this chain.`, { id })
    : new AppError('OFFER_NOT_FOUND', `No offer has id ${id} on this chain.`, { id });
}

/** A need or offer of a chain. Throws NEED_NOT_FOUND or OFFER_NOT_FOUND. */
export async function requireNeedOffer(
  db: DbOrTx,
  context: ChainContext,
  kind: NeedKind,
  id: number,
): Promise<NeedOfferRow> {
  const row = await findNeedOffer(db, context.chain.id, id);
  if (!row || row.kind !== kind) throw notFound(kind, id);
  return row;
}

/**
 * Publishes a need or offer; its node is proposed from the product text when none is given.
 * Throws CHAIN_NOT_FOUND, FORBIDDEN, ENTERPRISE_NOT_FOUND, VALIDATION_FAILED (unknown node).
 */
export async function createNeedOffer(
  db: Db,
  viewer: NeedViewer,
  chainCode: string,
  kind: NeedKind,
  input: CreateNeedRequest,
): Promise<Need> {
  const context = await loadChainContext(db, chainCode);
  const enterpriseId = await publisherEnterprise(db, viewer, input.enterpriseId);
  let nodeId: number | null = null;
  let nodeProposed = false;
  if (input.nodeCode) {
    nodeId = requireNode(context, input.nodeCode, 'nodeCode').id;
  } else {
    const proposed = proposeNode(context, input.product).nodeCode;
    nodeId = proposed ? (context.nodeByCode.get(proposed)?.id ?? null) : null;
    nodeProposed = nodeId !== null;
  }
  const id = await db.transaction(async (tx) => {
    const newId = await insertNeedOffer(tx, {
      kind,
      chainId: context.chain.id,
      enterpriseId,
      nodeId,
      nodeProposed,
      product: input.product,
      quantity: input.quantity ?? null,
      unit: input.unit ?? null,
      priceYuan: input.priceYuan ?? null,
      contact: input.contact ?? null,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      note: input.note ?? null,
      createdBy: viewer.actor.name,
    });
    await recordAudit(tx, viewer.actor, {
      action: `${kind}.create`,
      entityType: kind,
      entityId: newId,
      after: { ...input, enterpriseId, nodeId, nodeProposed },
    });
    return newId;
  });
  return presentNeed(await requireNeedOffer(db, context, kind, id), context, viewer);
}

/**
 * Changes a need or offer (its owner firm or the office), e.g. closes it. Throws
 * NEED_NOT_FOUND/OFFER_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (unknown node, period).
 */
export async function updateNeedOffer(
  db: Db,
  viewer: NeedViewer,
  chainCode: string,
  kind: NeedKind,
  id: number,
  input: UpdateNeedRequest,
): Promise<Need> {
  const context = await loadChainContext(db, chainCode);
  const before = await requireNeedOffer(db, context, kind, id);
  if (!seesPrivateFields(viewer, before.enterpriseId)) {
    throw forbidden(`Only the office or the enterprise itself may change this ${kind}.`);
  }
  const startsOn = input.startsOn === undefined ? before.startsOn : input.startsOn;
  const endsOn = input.endsOn === undefined ? before.endsOn : input.endsOn;
  if (startsOn && endsOn && endsOn < startsOn) {
    throw new AppError('VALIDATION_FAILED', `endsOn: must not be before startsOn (${startsOn}).`, {
      field: 'endsOn',
    });
  }
  const patch: Parameters<typeof updateNeedOfferRow>[2] = {};
  if (input.product !== undefined) patch.product = input.product;
  if (input.quantity !== undefined) patch.quantity = input.quantity;
  if (input.unit !== undefined) patch.unit = input.unit;
  if (input.priceYuan !== undefined) patch.priceYuan = input.priceYuan;
  if (input.contact !== undefined) patch.contact = input.contact;
  if (input.startsOn !== undefined) patch.startsOn = input.startsOn;
  if (input.endsOn !== undefined) patch.endsOn = input.endsOn;
  if (input.note !== undefined) patch.note = input.note;
  if (input.status !== undefined) patch.status = input.status;
  if (input.nodeCode !== undefined) {
    patch.nodeId =
      input.nodeCode === null ? null : requireNode(context, input.nodeCode, 'nodeCode').id;
    patch.nodeProposed = false;
  }
  await db.transaction(async (tx) => {
    await updateNeedOfferRow(tx, id, patch);
    await recordAudit(tx, viewer.actor, {
      action: `${kind}.update`,
      entityType: kind,
      entityId: id,
      before,
      after: input,
    });
  });
  return presentNeed(await requireNeedOffer(db, context, kind, id), context, viewer);
}

/** One need or offer as the viewer may see it. Throws NEED_NOT_FOUND/OFFER_NOT_FOUND. */
export async function getNeedOffer(
  db: Db,
  viewer: NeedViewer,
  chainCode: string,
  kind: NeedKind,
  id: number,
): Promise<Need> {
  const context = await loadChainContext(db, chainCode);
  return presentNeed(await requireNeedOffer(db, context, kind, id), context, viewer);
}

/**
 * A page of a chain's needs or offers, newest first; `mine` keeps a firm's own. Throws
 * CHAIN_NOT_FOUND, VALIDATION_FAILED (unknown node).
 */
export async function listNeedOffersFor(
  db: Db,
  viewer: NeedViewer,
  chainCode: string,
  kind: NeedKind,
  query: NeedQuery,
): Promise<NeedList> {
  const context = await loadChainContext(db, chainCode);
  const mine = query.mine === 'true';
  if (mine && viewer.enterpriseId === null) return { items: [], total: 0 };
  const { rows, total } = await listNeedOffers(
    db,
    {
      chainId: context.chain.id,
      kind,
      status: query.status,
      enterpriseId: mine ? (viewer.enterpriseId ?? undefined) : undefined,
      nodeId: query.node ? requireNode(context, query.node).id : undefined,
      text: query.q,
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items: rows.map((r) => presentNeed(r, context, viewer)), total };
}
