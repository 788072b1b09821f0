import { SeededRandom } from '../../domain/random.ts';
import { listChainFlows, listChainNodes } from '../../db/chain.repository.ts';
import type { Tx } from '../../db/connection.ts';
import { insertLinks } from '../../db/enterprise-link.repository.ts';
import type { LinkKind } from '../../shared/link-kinds.ts';
import type { DemoEnterprise } from './demo-generator.ts';
import { WUXI } from './demo-plan.ts';

// The demo's links between enterprises: each Wuxi chain master buys from suppliers on the nodes
// that feed its own along the chain's flows, some in Wuxi and the rest elsewhere (a local rate
// of 20–60%, as published local supporting rates run), and sells to a few customers downstream.
// Generated, marked demo, and seeded: the same every time.

const DEMO_LINKS_SEED = 20_211_111;

/** One generated link, its parties as indexes into the demo's enterprises. */
export interface DemoLink {
  kind: LinkKind;
  from: number;
  to: number;
  product: string | null;
  sharePercent: number | null;
  amountYuan: number | null;
  validFrom: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Picks `count` distinct items (fewer when the pool is smaller). */
function pickDistinct<T>(random: SeededRandom, pool: readonly T[], count: number): T[] {
  const left = [...pool];
  const picked: T[] = [];
  while (picked.length < count && left.length > 0) {
    const at = random.int(0, left.length - 1);
    picked.push(...left.splice(at, 1));
  }
  return picked;
}

/** The demo's links for the chain masters of Wuxi, along the chain's flows (node codes). */
export function generateDemoLinks(
  enterprises: readonly DemoEnterprise[],
  flows: readonly { from: string; to: string }[],
): DemoLink[] {
  const random = new SeededRandom(DEMO_LINKS_SEED);
  const indexed = enterprises.map((e, index) => ({ e, index }));
  const onNode = (codes: ReadonlySet<string>, local: boolean) =>
    indexed.filter(
      ({ e }) =>
        e.nodeCode !== null &&
        codes.has(e.nodeCode) &&
        !e.tags.includes('chain_master') &&
        e.regionCode.startsWith(WUXI) === local,
    );
  const masters = indexed.filter(
    ({ e }) => e.tags.includes('chain_master') && e.regionCode.startsWith(WUXI) && e.nodeCode,
  );
  const links: DemoLink[] = [];
  const date = () =>
    `${random.int(2018, 2024)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
  for (const { e: master, index: masterIndex } of masters) {
    const feeding = flows.filter((f) => f.to === master.nodeCode).map((f) => f.from);
    // A node no flow feeds (equipment, reagents, digital medicine) buys parts and services from
    // firms of its own node (外协).
    const upstream = new Set(feeding.length > 0 ? feeding : [master.nodeCode ?? '']);
    const downstream = new Set(flows.filter((f) => f.from === master.nodeCode).map((f) => f.to));
    const total = random.int(8, 14);
    // Within 20–60% after rounding too.
    const localCount = Math.min(
      Math.floor(total * 0.6),
      Math.max(Math.ceil(total * 0.2), Math.round(total * random.between(0.2, 0.6))),
    );
    const suppliers = [
      ...pickDistinct(random, onNode(upstream, true), localCount),
      ...pickDistinct(random, onNode(upstream, false), total - localCount),
    ];
    for (const { e: supplier, index } of suppliers) {
      links.push({
        kind: 'supplies',
        from: index,
        to: masterIndex,
        product: supplier.products[0] ?? null,
        sharePercent: random.chance(0.5) ? random.int(1, 25) : null,
        // Most amounts are known: 50 万元 to a few thousand, to the 万元.
        amountYuan: random.chance(0.8)
          ? Math.round(Math.min(8000, random.logNormal(400, 2.5))) * 10_000
          : null,
        validFrom: date(),
      });
    }
    const customers = [
      ...pickDistinct(random, onNode(downstream, true), random.int(1, 3)),
      ...pickDistinct(random, onNode(downstream, false), random.int(1, 3)),
    ];
    for (const { index } of customers) {
      links.push({
        kind: 'supplies',
        from: masterIndex,
        to: index,
        product: master.products[0] ?? null,
        sharePercent: null,
        amountYuan: random.chance(0.6)
          ? Math.round(Math.min(8000, random.logNormal(600, 2))) * 10_000
          : null,
        validFrom: date(),
      });
    }
    const [cro] = pickDistinct(random, onNode(new Set(['biomed.up.cro']), true), 1);
    if (cro && master.nodeCode !== 'biomed.up.cro') {
      links.push({
        kind: 'serves',
        from: cro.index,
        to: masterIndex,
        product: '临床前研究服务',
        sharePercent: null,
        amountYuan: null,
        validFrom: date(),
      });
    }
  }
  return links;
}

/** Writes the demo's links (marked demo); returns how many. */
export async function loadDemoLinks(
  tx: Tx,
  context: {
    chainId: number;
    enterprises: readonly DemoEnterprise[];
    enterpriseIds: readonly number[];
  },
): Promise<number> {
  const [nodes, flows] = await Promise.all([
    listChainNodes(tx, context.chainId),
    listChainFlows(tx, context.chainId),
  ]);
  const codeOf = new Map(nodes.map((n) => [n.id, n.code]));
  const links = generateDemoLinks(
    context.enterprises,
    flows.map((f) => ({ from: codeOf.get(f.fromNodeId) ?? '', to: codeOf.get(f.toNodeId) ?? '' })),
  );
  const idOf = (index: number) => context.enterpriseIds[index] ?? 0;
  await insertLinks(
    tx,
    links.map((l) => ({
      kind: l.kind,
      fromId: idOf(l.from),
      toId: idOf(l.to),
      regionCode: context.enterprises[l.to]?.regionCode ?? WUXI,
      product: l.product,
      sharePercent: l.sharePercent,
      amountYuan: l.amountYuan,
      validFrom: l.validFrom,
      source: 'office',
      createdBy: 'demo',
      isDemo: true,
    })),
  );
  return links.length;
}
