import type { Tx } from '../../db/connection.ts';
import { listChainNodes, listChains, mapNodeIdsByCode } from '../../db/chain.repository.ts';
import { listEnterprisesToClassify } from '../../db/classification.repository.ts';
import { insertChainLeadership } from '../../db/demo-work.repository.ts';
import { insertEnterpriseYears, insertEnterprises } from '../../db/enterprise.repository.ts';
import { insertTargets } from '../../db/target.repository.ts';
import type { ClassificationRules } from '../../domain/chain-template.ts';
import {
  classifyBatch,
  emptyClassifySummary,
  loadChainClassifier,
} from '../classification/classification.service.ts';
import { chinaDivisionRegions } from '../reference/regions.service.ts';
import { enterpriseKeys } from '../registry/enterprise-keys.ts';
import {
  generateExtraChains,
  type DemoChainInput,
  type ExtraChainsDataset,
} from './demo-chains.ts';
import { DEMO_EXTRA_CHAINS, WUXI } from './demo-plan.ts';

export interface ExtraChainsSummary {
  /** The extra chains written (their templates are loaded), in plan order. */
  chains: string[];
  enterprises: number;
}

/** A generated extra-chains dataset with the ids of the chains it is for. */
export interface PlannedExtraChains {
  dataset: ExtraChainsDataset;
  chainIds: ReadonlyMap<string, number>;
}

/**
 * Generates the demo's other chains (those of DEMO_EXTRA_CHAINS whose templates are loaded) from
 * the loaded templates' rules, without writing anything. `taken` holds the names and USCCs the
 * biomedical demo already uses.
 */
export async function planDemoExtraChains(
  tx: Tx,
  taken: { names: ReadonlySet<string>; usccs: ReadonlySet<string> },
): Promise<PlannedExtraChains> {
  // The extra chains, and the chains their shared firms also sit on (biomed is one).
  const shared = new Set(
    Object.values(DEMO_EXTRA_CHAINS).flatMap((plan) => plan.sharedWith.map((s) => s.chain)),
  );
  const inputs: DemoChainInput[] = [];
  const chainIds = new Map<string, number>();
  for (const row of await listChains(tx)) {
    if (!(row.code in DEMO_EXTRA_CHAINS) && !shared.has(row.code)) continue;
    chainIds.set(row.code, row.id);
    const nodes = (await listChainNodes(tx, row.id)).filter(
      (n) => n.level !== 'stage' && n.rules !== null,
    );
    inputs.push({
      code: row.code,
      nodes: nodes.map((n) => ({
        code: n.code,
        focus: n.focus,
        weight: n.weight,
        rules: n.rules as ClassificationRules,
      })),
    });
  }
  return { dataset: generateExtraChains(inputs, chinaDivisionRegions(), taken), chainIds };
}

/**
 * Writes the planned chains: their Wuxi firms with yearly figures, the chain and focus-node
 * targets, the chain leader and office, and the firms' placements on their own chains (the caller
 * classifies biomed over everyone).
 */
export async function writeDemoExtraChains(
  tx: Tx,
  { dataset, chainIds }: PlannedExtraChains,
): Promise<ExtraChainsSummary> {
  if (dataset.firms.length === 0) return { chains: [], enterprises: 0 };

  const ids = await insertEnterprises(
    tx,
    dataset.firms.map(
      ({
        years: _y,
        nodeCode: _n,
        nodeCodes: _ns,
        parkIndex: _p,
        chainCode: _c,
        chainCodes: _cs,
        ...e
      }) => ({
        ...e,
        ...enterpriseKeys(e),
        parkId: null,
        source: 'demo',
        isDemo: true,
      }),
    ),
  );
  await insertEnterpriseYears(
    tx,
    dataset.firms.flatMap((e, index) =>
      e.years.map((y) => ({ ...y, enterpriseId: ids[index] ?? 0, regionCode: e.regionCode })),
    ),
  );

  for (const code of dataset.chains) {
    const chainId = chainIds.get(code);
    if (chainId === undefined) continue;
    const targets = dataset.targets.filter((t) => t.chainCode === code);
    const nodeIds = await mapNodeIdsByCode(
      tx,
      chainId,
      targets.flatMap((t) => (t.nodeCode ? [t.nodeCode] : [])),
    );
    await insertTargets(
      tx,
      targets.map((t) => ({
        chainId,
        nodeId: t.nodeCode ? (nodeIds.get(t.nodeCode) ?? null) : null,
        regionCode: WUXI,
        metric: 'output',
        year: t.year,
        value: t.valueYuan,
        isDemo: true,
      })),
    );
    const plan = DEMO_EXTRA_CHAINS[code];
    if (plan) {
      await insertChainLeadership(tx, [
        {
          chainId,
          regionCode: WUXI,
          leaderName: plan.leader.name,
          leaderTitle: plan.leader.title,
          officeName: plan.officeName,
          isDemo: true,
        },
      ]);
    }
    // Place the chain's firms (and other chains' firms written for it too) on its nodes.
    const mine = dataset.firms.flatMap((f, i) =>
      f.chainCodes.includes(code) ? [ids[i] ?? 0] : [],
    );
    const prepared = await loadChainClassifier(tx, code);
    const batch = await listEnterprisesToClassify(tx, {
      afterId: 0,
      limit: mine.length + 1,
      ids: mine,
    });
    await classifyBatch(tx, prepared, batch, emptyClassifySummary(code));
  }
  return { chains: dataset.chains, enterprises: dataset.firms.length };
}
