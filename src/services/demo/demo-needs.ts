import type { Tx } from '../../db/connection.ts';
import { insertNeedOffers, upsertMatchRecord } from '../../db/needs.repository.ts';
import { SeededRandom } from '../../domain/random.ts';
import { shanghaiDate } from '../../domain/working-calendar.ts';
import { loadChainContext } from '../lookup/lookup.service.ts';
import { proposeNode } from '../ecology/needs.service.ts';
import type { DemoEnterprise } from './demo-generator.ts';
import { DEMO_CHAIN, WUXI } from './demo-plan.ts';

// The demo's supply–demand matchmaking (供需对接): needs of Wuxi makers for what the upstream
// nodes supply, offers of Wuxi suppliers, and a few outcomes the office recorded. Seeded, marked
// demo; the products are written as a buyer would, and their nodes proposed by the classifier.

const DEMO_NEEDS_SEED = 20250311;
export const DEMO_NEED_COUNT = 36;
export const DEMO_OFFER_COUNT = 24;

/** What Wuxi's makers ask for: [product, unit, typical quantity]. */
const NEED_PRODUCTS: readonly [string, string, number][] = [
  ['细胞培养基', '升', 2000],
  ['无血清培养基', '升', 800],
  ['药用中硼硅玻璃管', '吨', 30],
  ['西林瓶', '万支', 120],
  ['药用胶塞', '万只', 200],
  ['冻干机', '台', 2],
  ['一次性使用生物反应袋', '个', 400],
  ['层析填料', '升', 50],
  ['诊断酶原料', '克', 500],
  ['人血白蛋白', '瓶', 3000],
  ['静注人免疫球蛋白', '瓶', 1500],
  ['医用冷链物流配送', '批次', 12],
  ['临床前药效学评价', '项', 3],
  ['药物安全性评价', '项', 2],
  ['注射用水系统', '套', 1],
  ['医用导管', '万根', 10],
];

const OFFER_UNITS = ['批', '吨', '万支', '套', '项'] as const;

/** Upstream and service nodes whose Wuxi firms publish offers. */
const OFFER_NODES = new Set([
  'biomed.up.api',
  'biomed.up.excipient',
  'biomed.up.reagent',
  'biomed.up.equipment',
  'biomed.up.cro',
  'biomed.mid.cdmo',
  'biomed.mid.consumable',
  'biomed.down.distribution',
]);

const OUTCOMES = ['contacted', 'sampled', 'contracted', 'dropped'] as const;

export interface DemoNeedsContext {
  enterprises: readonly DemoEnterprise[];
  enterpriseIds: readonly number[];
  /** The demo firm user's enterprise id, which publishes the first need. */
  firmEnterpriseId?: number | null | undefined;
  now?: Date;
}

/**
 * Writes 60 demo needs and offers of Wuxi enterprises on the biomedical chain, with a few match
 * outcomes; returns how many of each.
 */
export async function loadDemoNeeds(
  tx: Tx,
  context: DemoNeedsContext,
): Promise<{ needs: number; offers: number; outcomes: number }> {
  const now = context.now ?? new Date();
  const chain = await loadChainContext(tx, DEMO_CHAIN);
  const random = new SeededRandom(DEMO_NEEDS_SEED);
  const wuxi = context.enterprises.flatMap((e, index) =>
    e.regionCode.startsWith(WUXI) && e.nodeCode && !e.tags.includes('illustrative')
      ? [{ index, e, nodeCode: e.nodeCode }]
      : [],
  );
  const buyers = wuxi.filter((w) => w.nodeCode.startsWith('biomed.mid.'));
  const sellers = wuxi.filter((w) => OFFER_NODES.has(w.nodeCode) && w.e.products.length > 0);
  if (buyers.length === 0 || sellers.length === 0) return { needs: 0, offers: 0, outcomes: 0 };
  const idOf = (index: number) => context.enterpriseIds[index] ?? 0;
  const daysAgo = (days: number) => shanghaiDate(new Date(now.getTime() - days * 86_400_000));
  const nodeOf = (product: string) => {
    const code = proposeNode(chain, product).nodeCode;
    return code ? (chain.nodeByCode.get(code)?.id ?? null) : null;
  };

  const rows: Parameters<typeof insertNeedOffers>[1] = [];
  for (let i = 0; i < DEMO_NEED_COUNT; i++) {
    const buyer = random.pick(buyers);
    const enterpriseId =
      i === 0 && context.firmEnterpriseId ? context.firmEnterpriseId : idOf(buyer.index);
    const [product, unit, typical] = NEED_PRODUCTS[i % NEED_PRODUCTS.length] ?? ['培养基', '升', 1];
    const start = random.int(0, 200);
    const nodeId = nodeOf(product);
    rows.push({
      kind: 'need',
      chainId: chain.chain.id,
      enterpriseId,
      nodeId,
      nodeProposed: nodeId !== null,
      product,
      quantity: Math.round(typical * random.between(0.5, 2)),
      unit,
      priceYuan: null,
      contact: `采购部 0510-8${String(random.int(1000000, 9999999))}`,
      startsOn: daysAgo(start),
      endsOn: daysAgo(start - random.int(60, 240)),
      status: random.chance(0.15) ? 'closed' : 'open',
      note: null,
      createdBy: '链办专员（演示）',
      isDemo: true,
    });
  }
  for (let i = 0; i < DEMO_OFFER_COUNT; i++) {
    const seller = random.pick(sellers);
    const product = random.pick(seller.e.products);
    rows.push({
      kind: 'offer',
      chainId: chain.chain.id,
      enterpriseId: idOf(seller.index),
      nodeId: chain.nodeByCode.get(seller.nodeCode)?.id ?? null,
      nodeProposed: false,
      product,
      quantity: random.int(1, 50),
      unit: random.pick(OFFER_UNITS),
      priceYuan: Math.round(random.logNormal(50_000, 3)),
      contact: `销售部 0510-8${String(random.int(1000000, 9999999))}`,
      startsOn: daysAgo(random.int(0, 120)),
      endsOn: null,
      status: 'open',
      note: null,
      createdBy: '链办专员（演示）',
      isDemo: true,
    });
  }
  const ids = await insertNeedOffers(tx, rows);

  // A few outcomes: needs matched with a local firm placed on the need's node.
  let outcomes = 0;
  for (const [i, row] of rows.entries()) {
    if (row.kind !== 'need' || row.nodeId == null || outcomes >= 8) continue;
    const nodeCode = chain.nodeById.get(row.nodeId)?.code;
    const supplier = wuxi.find(
      (w) => w.nodeCode === nodeCode && idOf(w.index) !== row.enterpriseId,
    );
    if (!supplier || !random.chance(0.6)) continue;
    await upsertMatchRecord(tx, {
      needId: ids[i] ?? 0,
      supplierId: idOf(supplier.index),
      outcome: OUTCOMES[outcomes % OUTCOMES.length] ?? 'contacted',
      outcomeOn: daysAgo(random.int(1, 150)),
      note: null,
      recordedBy: '链办专员（演示）',
      isDemo: true,
    });
    outcomes++;
  }
  return { needs: DEMO_NEED_COUNT, offers: DEMO_OFFER_COUNT, outcomes };
}
