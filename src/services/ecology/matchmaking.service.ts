import { AppError } from '../../domain/app-error.ts';
import { recordAudit } from '../../db/audit.repository.ts';
import type { Db } from '../../db/connection.ts';
import {
  findPlacementNode,
  hasNoLocalSupplier,
  listMatchRecords,
  listOpenOffers,
  listSuppliersByIds,
  listSuppliersByText,
  listSuppliersOnNodes,
  listSupplierTexts,
  upsertMatchRecord,
  type NeedMatchRow,
  type SupplierRow,
} from '../../db/needs.repository.ts';
import { shanghaiDate } from '../../domain/working-calendar.ts';
import type {
  MatchRecord,
  NeedMatches,
  ProposedMatch,
  RecordOutcomeRequest,
} from '../../shared/api/needs.ts';
import { loadChainContext, type ChainContext } from '../lookup/lookup.service.ts';
import {
  compareProposals,
  distanceOf,
  lower,
  matchTerms,
  needTerms,
  offerAnswers,
  scoreSupplier,
  type NeedFacts,
} from './matchmaking-score.ts';
import {
  presentNeed,
  proposeNode,
  requireNeedOffer,
  seesPrivateFields,
  type NeedViewer,
} from './needs.service.ts';

/** Suppliers read per source (node placements, product text) before ranking. */
const POOL = 200;
/**
 * Suppliers of the province whose product names or scope hold one of the need's words or
 * character pairs, read before scoring (a bounded strpos scan: PGlite has no pg_trgm, and a
 * city's firms with products are a few thousand).
 */
const TEXT_SCAN = 2000;
/** Proposed matches returned per need. */
const TOP = 20;

function presentOutcome(row: NeedMatchRow): NonNullable<ProposedMatch['outcome']> {
  return {
    outcome: row.outcome as NonNullable<ProposedMatch['outcome']>['outcome'],
    outcomeOn: row.outcomeOn,
    note: row.note,
    recordedBy: row.recordedBy,
  };
}

/** The need's facts for scoring: its serving node, the buyer's supplier nodes and its keywords. */
async function needFacts(
  db: Db,
  context: ChainContext,
  need: { enterpriseId: number; regionCode: string; nodeId: number | null; product: string },
): Promise<NeedFacts> {
  const buyerNode = await findPlacementNode(db, need.enterpriseId, context.chain.id);
  const flowNodeIds = new Set(
    buyerNode === null
      ? []
      : context.flows.filter((f) => f.toNodeId === buyerNode).map((f) => f.fromNodeId),
  );
  const buyer = buyerNode === null ? undefined : context.nodeById.get(buyerNode);
  const keywords = proposeNode(context, need.product).keywords.flatMap((k) => {
    const node = context.nodeByCode.get(k.nodeCode);
    return node ? [{ keyword: k.keyword, nodeName: { zh: node.nameZh, en: node.nameEn } }] : [];
  });
  return {
    product: need.product,
    regionCode: need.regionCode,
    nodeId: need.nodeId,
    flowNodeIds,
    buyerNodeName: buyer ? { zh: buyer.nameZh, en: buyer.nameEn } : null,
    keywords,
    terms: needTerms(need.product),
  };
}

/**
 * The suppliers proposed for a need, local firms (same city) first, then those with an open
 * offer for the product asked, then those whose product names name it, then by score; each with
 * its reasons (offer, node, flow, product text, the need's own words, distance, size,
 * qualifications) and what came of it. Only the office and the need's own firm may ask.
 * Throws CHAIN_NOT_FOUND, NEED_NOT_FOUND, FORBIDDEN.
 */
export async function proposeMatches(
  db: Db,
  viewer: NeedViewer,
  chainCode: string,
  needId: number,
): Promise<NeedMatches> {
  const context = await loadChainContext(db, chainCode);
  const need = await requireNeedOffer(db, context, 'need', needId);
  const full = seesPrivateFields(viewer, need.enterpriseId);
  if (viewer.role === 'firm' && !full) {
    throw new AppError('FORBIDDEN', 'A firm sees the proposed matches of its own needs only.', {
      need: needId,
    });
  }
  const facts = await needFacts(db, context, need);
  const nodeIds = [
    ...new Set([...(need.nodeId === null ? [] : [need.nodeId]), ...facts.flowNodeIds]),
  ];
  const needWords = [...new Set(facts.terms.flatMap((t) => [t.text, ...t.grams]))];
  const [onNodes, byText, texts, offers, records, noLocalSupplier] = await Promise.all([
    listSuppliersOnNodes(db, {
      chainId: context.chain.id,
      nodeIds,
      regionCode: need.regionCode,
      excludeId: need.enterpriseId,
      limit: POOL,
    }),
    listSuppliersByText(db, {
      chainId: context.chain.id,
      keywords: [...new Set(facts.keywords.map((k) => k.keyword))],
      regionCode: need.regionCode,
      excludeId: need.enterpriseId,
      limit: POOL,
    }),
    listSupplierTexts(db, {
      words: needWords,
      regionCode: need.regionCode,
      excludeId: need.enterpriseId,
      limit: TEXT_SCAN,
    }),
    listOpenOffers(db, context.chain.id, need.enterpriseId),
    listMatchRecords(db, need.id),
    hasNoLocalSupplier(db, need.id),
  ]);
  const offerOf = new Map<number, { id: number; product: string; by: 'text' | 'node' }>();
  for (const o of offers) {
    const by = offerAnswers(facts, o);
    const held = offerOf.get(o.enterpriseId);
    if (by && (!held || (held.by === 'node' && by === 'text')))
      offerOf.set(o.enterpriseId, { ...o, by });
  }
  const pool = new Map<number, SupplierRow>();
  for (const s of [...onNodes, ...byText]) if (!pool.has(s.id)) pool.set(s.id, s);
  // Of the firms whose text holds a word or pair of the need's, the POOL best: nearest, then a
  // whole word before most of its pairs.
  const nearness = ['district', 'city', 'province', 'elsewhere'];
  const byNeedWords = texts
    .flatMap((t) => {
      const match = matchTerms(
        facts.terms,
        lower(`${t.products.join(' ')} ${t.businessScope ?? ''}`),
      );
      if (!match) return [];
      const near = nearness.indexOf(distanceOf(need.regionCode, t.regionCode));
      return [{ id: t.id, near, whole: match.whole, share: match.pairs / (match.of || 1) }];
    })
    .sort(
      (a, b) =>
        a.near - b.near || Number(b.whole) - Number(a.whole) || b.share - a.share || a.id - b.id,
    )
    .slice(0, POOL)
    .map((t) => t.id);
  // Those, and suppliers with a recorded outcome or a matching offer, are always considered.
  const missing = [
    ...new Set([...byNeedWords, ...offerOf.keys(), ...records.map((r) => r.supplierId)]),
  ].filter((id) => !pool.has(id));
  for (const s of await listSuppliersByIds(db, context.chain.id, missing)) pool.set(s.id, s);
  const recordOf = new Map(records.map((r) => [r.supplierId, r]));
  const nodeName = (id: number) => {
    const node = context.nodeById.get(id);
    return node ? { zh: node.nameZh, en: node.nameEn } : null;
  };
  const scored = [...pool.values()].flatMap((supplier) => {
    const offer = offerOf.get(supplier.id) ?? null;
    const result = scoreSupplier(facts, supplier, offer, nodeName);
    if (!result.relevant && !recordOf.has(supplier.id)) return [];
    return [{ supplier, offer, result }];
  });
  scored.sort((a, b) =>
    compareProposals(
      { local: a.result.local, fit: a.result.fit, score: a.result.score, id: a.supplier.id },
      { local: b.result.local, fit: b.result.fit, score: b.result.score, id: b.supplier.id },
    ),
  );
  const items: ProposedMatch[] = scored.slice(0, TOP).map((s, index) => {
    const node = s.supplier.nodeId === null ? undefined : context.nodeById.get(s.supplier.nodeId);
    const record = recordOf.get(s.supplier.id);
    return {
      rank: index + 1,
      supplier: {
        id: s.supplier.id,
        name: s.supplier.name,
        regionCode: s.supplier.regionCode,
        regionName: s.supplier.regionName,
      },
      local: s.result.local,
      distance: s.result.distance,
      node: node ? { code: node.code, name: { zh: node.nameZh, en: node.nameEn } } : null,
      offer: s.offer ? { id: s.offer.id, product: s.offer.product } : null,
      score: s.result.score,
      reasons: s.result.reasons,
      outcome: record && full ? presentOutcome(record) : null,
    };
  });
  return { need: presentNeed(need, context, viewer), items, noLocalSupplier };
}

/**
 * Records what came of a need's match with a supplier (contacted, sampled, contracted, dropped)
 * on a date; recording again moves it on. Throws CHAIN_NOT_FOUND, NEED_NOT_FOUND,
 * ENTERPRISE_NOT_FOUND, OFFER_NOT_FOUND, VALIDATION_FAILED (a date in the future, the need's own
 * enterprise).
 */
export async function recordMatchOutcome(
  db: Db,
  viewer: NeedViewer,
  chainCode: string,
  needId: number,
  supplierId: number,
  input: RecordOutcomeRequest,
): Promise<MatchRecord> {
  const context = await loadChainContext(db, chainCode);
  const need = await requireNeedOffer(db, context, 'need', needId);
  if (supplierId === need.enterpriseId) {
    throw new AppError(
      'VALIDATION_FAILED',
      'supplierId: a need is not matched with its own enterprise.',
      {
        field: 'supplierId',
      },
    );
  }
  if (input.outcomeOn > shanghaiDate(new Date())) {
    throw new AppError('VALIDATION_FAILED', `outcomeOn: ${input.outcomeOn} is in the future.`, {
      field: 'outcomeOn',
      reason: 'DATE_IN_FUTURE',
      date: input.outcomeOn,
    });
  }
  const [supplier] = await listSuppliersByIds(db, context.chain.id, [supplierId]);
  if (!supplier) {
    throw new AppError('ENTERPRISE_NOT_FOUND', `No enterprise has id ${supplierId}.`, {
      id: supplierId,
    });
  }
  if (input.offerId != null) {
    const offer = await requireNeedOffer(db, context, 'offer', input.offerId);
    if (offer.enterpriseId !== supplierId) {
      throw new AppError('VALIDATION_FAILED', "offerId: that offer is not the supplier's.", {
        field: 'offerId',
      });
    }
  }
  const row = await db.transaction(async (tx) => {
    const before = (await listMatchRecords(tx, needId)).find((r) => r.supplierId === supplierId);
    const saved = await upsertMatchRecord(tx, {
      needId,
      supplierId,
      offerId: input.offerId ?? null,
      outcome: input.outcome,
      outcomeOn: input.outcomeOn,
      note: input.note ?? null,
      recordedBy: viewer.actor.name,
    });
    await recordAudit(tx, viewer.actor, {
      action: 'match.outcome',
      entityType: 'need_match',
      entityId: saved.id,
      before: before ?? null,
      after: { needId, supplierId, ...input },
    });
    return saved;
  });
  return {
    id: row.id,
    needId: row.needId,
    supplierId: row.supplierId,
    offerId: row.offerId,
    ...presentOutcome(row),
  };
}
