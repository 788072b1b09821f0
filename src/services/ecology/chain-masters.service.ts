import { AppError } from '../../domain/app-error.ts';
import {
  averageLocalSupportingRate,
  localSupportingRate,
} from '../../domain/local-supporting-rate.ts';
import { shanghaiDate } from '../../domain/working-calendar.ts';
import type { DbOrTx } from '../../db/connection.ts';
import {
  listActiveLinks,
  listChainMasterRows,
  listNodeFirmIds,
  type ActiveLinkRow,
} from '../../db/enterprise-link.repository.ts';
import type {
  AverageLocalRate,
  ChainMasterNetwork,
  ChainMasterPartner,
  ChainMasters,
  ChainMasterSummary,
  NodeLinks,
} from '../../shared/api/links.ts';
import { cityOf, type LinkKind, type LinkSource } from '../../shared/link-kinds.ts';
import {
  loadChainContext,
  requireNode,
  requireRegion,
  type ChainContext,
} from '../lookup/lookup.service.ts';

// The chain master view (链主生态): a chain master's suppliers and customers, local (same city)
// or elsewhere, by chain node, and its local supporting rate (本地配套率); and the node view.

type MasterRow = Awaited<ReturnType<typeof listChainMasterRows>>[number];

function nodeRef(context: ChainContext, nodeId: number | null) {
  const node = nodeId === null ? undefined : context.nodeById.get(nodeId);
  return node ? { code: node.code, name: { zh: node.nameZh, en: node.nameEn } } : null;
}

const chainRef = (context: ChainContext) => ({
  code: context.chain.code,
  name: { zh: context.chain.nameZh, en: context.chain.nameEn },
});

/** The role the partner plays for the master in a link. */
function partnerRole(kind: LinkKind, masterIsFrom: boolean): ChainMasterPartner['role'] {
  switch (kind) {
    case 'supplies':
      return masterIsFrom ? 'customer' : 'supplier';
    case 'serves':
      return masterIsFrom ? 'client' : 'provider';
    case 'owns':
      return masterIsFrom ? 'owned' : 'owner';
    case 'cooperates':
      return 'partner';
  }
}

/** A master's links as partners, seen from the master. */
function partnersOf(
  context: ChainContext,
  master: MasterRow,
  links: readonly ActiveLinkRow[],
): ChainMasterPartner[] {
  return links
    .filter((l) => l.fromId === master.id || l.toId === master.id)
    .map((l) => {
      const masterIsFrom = l.fromId === master.id;
      const other = masterIsFrom
        ? { id: l.toId, name: l.toName, regionCode: l.toRegion, nodeId: l.toNodeId }
        : { id: l.fromId, name: l.fromName, regionCode: l.fromRegion, nodeId: l.fromNodeId };
      return {
        linkId: l.id,
        kind: l.kind as LinkKind,
        role: partnerRole(l.kind as LinkKind, masterIsFrom),
        enterprise: { id: other.id, name: other.name, regionCode: other.regionCode },
        local: cityOf(other.regionCode) === cityOf(master.regionCode),
        node: nodeRef(context, other.nodeId),
        product: l.product,
        sharePercent: l.sharePercent,
        amountYuan: l.amountYuan,
        validFrom: l.validFrom,
        validTo: l.validTo,
        source: l.source as LinkSource,
      };
    });
}

function summarize(
  context: ChainContext,
  master: MasterRow,
  partners: readonly ChainMasterPartner[],
): ChainMasterSummary {
  const suppliers = partners.filter((p) => p.role === 'supplier');
  return {
    id: master.id,
    name: master.name,
    nameEn: master.nameEn,
    regionCode: master.regionCode,
    node: nodeRef(context, master.nodeId),
    suppliers: suppliers.length,
    customers: partners.filter((p) => p.role === 'customer').length,
    rate: localSupportingRate(suppliers),
  };
}

async function mastersWithPartners(
  db: DbOrTx,
  context: ChainContext,
  options: { regionCode: string; asOf: string; enterpriseId?: number },
) {
  const nodeIds = context.nodes.map((n) => n.id);
  const masters = await listChainMasterRows(db, {
    nodeIds,
    regionCode: options.regionCode,
    ...(options.enterpriseId === undefined ? {} : { enterpriseId: options.enterpriseId }),
  });
  const links = await listActiveLinks(db, {
    enterpriseIds: masters.map((m) => m.id),
    nodeIds,
    asOf: options.asOf,
  });
  return masters.map((master) => {
    const partners = partnersOf(context, master, links);
    return { master, partners, summary: summarize(context, master, partners) };
  });
}

const today = () => shanghaiDate(new Date());

/**
 * The chain masters of a chain in a region with their suppliers, customers and local supporting
 * rates, and the average rate. Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND.
 */
export async function listChainMasters(
  db: DbOrTx,
  input: { chainCode: string; regionCode: string; asOf?: string | undefined },
): Promise<ChainMasters> {
  const context = await loadChainContext(db, input.chainCode);
  await requireRegion(db, input.regionCode);
  const asOf = input.asOf ?? today();
  const masters = await mastersWithPartners(db, context, { regionCode: input.regionCode, asOf });
  const items = masters.map((m) => m.summary);
  return {
    chain: chainRef(context),
    regionCode: input.regionCode,
    asOf,
    items,
    average: averageLocalSupportingRate(items.map((i) => i.rate)),
  };
}

/**
 * The chain masters' average local supporting rate for a chain already looked up (the cockpit's
 * figure), over the links valid today.
 */
export async function averageChainMasterRate(
  db: DbOrTx,
  context: ChainContext,
  regionCode: string,
): Promise<AverageLocalRate> {
  const masters = await mastersWithPartners(db, context, { regionCode, asOf: today() });
  return averageLocalSupportingRate(masters.map((m) => m.summary.rate));
}

/**
 * One chain master's network: every partner with its role, node and place (local or elsewhere),
 * counts by node, and the local supporting rate. Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND,
 * ENTERPRISE_NOT_FOUND (no chain master of the chain in the region has this id).
 */
export async function getChainMasterNetwork(
  db: DbOrTx,
  input: { chainCode: string; regionCode: string; enterpriseId: number; asOf?: string | undefined },
): Promise<ChainMasterNetwork> {
  const context = await loadChainContext(db, input.chainCode);
  await requireRegion(db, input.regionCode);
  const asOf = input.asOf ?? today();
  const [found] = await mastersWithPartners(db, context, {
    regionCode: input.regionCode,
    asOf,
    enterpriseId: input.enterpriseId,
  });
  if (!found) {
    throw new AppError(
      'ENTERPRISE_NOT_FOUND',
      `Enterprise ${input.enterpriseId} is no chain master of ${input.chainCode} in region ${input.regionCode}: it needs the chain_master tag and a placement on the chain there.`,
      { enterprise: input.enterpriseId, chain: input.chainCode, region: input.regionCode },
    );
  }
  const byNode = new Map<string, ChainMasterNetwork['byNode'][number]>();
  for (const p of found.partners) {
    if (p.role !== 'supplier' && p.role !== 'customer') continue;
    const key = p.node?.code ?? '';
    const entry = byNode.get(key) ?? {
      node: p.node,
      suppliersLocal: 0,
      suppliersElsewhere: 0,
      customersLocal: 0,
      customersElsewhere: 0,
    };
    if (p.role === 'supplier') entry[p.local ? 'suppliersLocal' : 'suppliersElsewhere'] += 1;
    else entry[p.local ? 'customersLocal' : 'customersElsewhere'] += 1;
    byNode.set(key, entry);
  }
  const order = new Map(context.nodes.map((n, index) => [n.code, index]));
  return {
    chain: chainRef(context),
    asOf,
    master: found.summary,
    partners: found.partners,
    byNode: [...byNode.values()].sort(
      (a, b) =>
        (order.get(a.node?.code ?? '') ?? Infinity) - (order.get(b.node?.code ?? '') ?? Infinity),
    ),
  };
}

/**
 * Where a node's firms (of a region) buy and sell: their supply links grouped by the partner's
 * node, with the local count and whether the chain's flows have that step. Throws
 * CHAIN_NOT_FOUND, REGION_NOT_FOUND, VALIDATION_FAILED (not a node of the chain).
 */
export async function getNodeLinks(
  db: DbOrTx,
  input: { chainCode: string; nodeCode: string; regionCode: string; asOf?: string | undefined },
): Promise<NodeLinks> {
  const context = await loadChainContext(db, input.chainCode);
  const node = requireNode(context, input.nodeCode);
  await requireRegion(db, input.regionCode);
  const asOf = input.asOf ?? today();
  const firms = await listNodeFirmIds(db, { nodeId: node.id, regionCode: input.regionCode });
  const mine = new Set(firms);
  const links = await listActiveLinks(db, {
    enterpriseIds: firms,
    nodeIds: context.nodes.map((n) => n.id),
    asOf,
  });
  const flows = new Set(context.flowCodes.map((f) => `${f.from}>${f.to}`));
  const groups = new Map<string, NodeLinks['flows'][number]>();
  const add = (direction: 'buys' | 'sells', otherNodeId: number | null, local: boolean) => {
    const other = nodeRef(context, otherNodeId);
    const key = `${direction}:${other?.code ?? ''}`;
    const step =
      direction === 'buys'
        ? `${other?.code ?? ''}>${node.code}`
        : `${node.code}>${other?.code ?? ''}`;
    const entry = groups.get(key) ?? {
      direction,
      node: other,
      links: 0,
      local: 0,
      onChainFlow: flows.has(step),
    };
    entry.links += 1;
    if (local) entry.local += 1;
    groups.set(key, entry);
  };
  for (const l of links) {
    if (l.kind !== 'supplies') continue;
    const local = cityOf(l.fromRegion) === cityOf(l.toRegion);
    if (mine.has(l.toId)) add('buys', l.fromNodeId, local);
    if (mine.has(l.fromId)) add('sells', l.toNodeId, local);
  }
  return {
    chain: chainRef(context),
    node: { code: node.code, name: { zh: node.nameZh, en: node.nameEn } },
    regionCode: input.regionCode,
    asOf,
    firms: firms.length,
    flows: [...groups.values()].sort((a, b) => b.links - a.links),
  };
}
