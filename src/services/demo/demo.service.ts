import type { Db, DbOrTx } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import { mapNodeIdsByCode } from '../../db/chain.repository.ts';
import { requireChain } from '../lookup/lookup.service.ts';
import { insertEnterpriseYears, insertEnterprises } from '../../db/enterprise.repository.ts';
import { findSetting, saveSetting } from '../../db/setting.repository.ts';
import { findUserByUsername, insertUser } from '../../db/user.repository.ts';
import { insertParkSpaces, insertParks } from '../../db/park.repository.ts';
import { insertTargets } from '../../db/target.repository.ts';
import { hashPassword } from '../auth/password.ts';
import { chinaDivisionRegions } from '../reference/regions.service.ts';
import { enterpriseKeys } from '../registry/enterprise-keys.ts';
import { loadDemoStatistics } from '../statistics/demo-statistics.ts';
import { generateDemoDataset, type DemoEnterprise } from './demo-generator.ts';
import { loadDemoNeeds } from './demo-needs.ts';
import { loadDemoExpertsAndEvents } from './demo-experts-events.ts';
import { loadDemoPipeline } from './demo-pipeline.ts';
import { loadDemoLinks } from './demo-links.ts';
import { loadDemoPlatforms } from './demo-platforms.ts';
import { loadDemoWork } from './demo-work.ts';
import { DEMO_STATS_INDUSTRIES } from './demo-vocabulary.ts';
import { latestOutput, roundTarget, type ExtraChainFirm } from './demo-chains.ts';
import { planDemoExtraChains, writeDemoExtraChains } from './demo-extra-chains.ts';
import {
  DEMO_CHAIN,
  DEMO_CHAIN_TARGET_YUAN,
  DEMO_NODE_TARGET_GROWTH,
  DEMO_PARKS,
  DEMO_TARGET_YEAR,
  DEMO_USERS,
  DEMO_YEARS,
  WUXI,
} from './demo-plan.ts';

export interface DemoSummary {
  alreadyLoaded: boolean;
  enterprises: number;
  wuxiEnterprises: number;
  /** The chains the demo wrote firms, targets and a leader for: biomed and the loaded others. */
  chains: string[];
  parks: number;
  parkAreaM2: number;
  users: { username: string; password: string; role: string }[];
}

/** Reports each step of a long load; the CLI prints it, servers and tests pass nothing. */
export type ProgressReporter = (message: string) => void;

/** True once the demo has been loaded into this database. */
export async function isDemoLoaded(db: DbOrTx): Promise<boolean> {
  return (await findSetting(db, 'demo_loaded')) !== null;
}

/**
 * Loads the seeded Wuxi demo in one transaction: all of it or nothing. The biomedical chain in
 * full (parks, problems, the chain leader's work), and each other chain of DEMO_EXTRA_CHAINS whose
 * template is loaded (firms placed on it, targets, a chain leader). Loading twice changes nothing.
 * Throws CHAIN_NOT_FOUND when the biomedical template has not been loaded.
 */
export async function loadDemo(
  db: Db,
  actor: Actor,
  progress: ProgressReporter = () => undefined,
): Promise<DemoSummary> {
  const loaded = await findSetting(db, 'demo_loaded');
  if (loaded) return { ...(loaded as Omit<DemoSummary, 'alreadyLoaded'>), alreadyLoaded: true };
  const chainRow = await requireChain(db, DEMO_CHAIN);
  progress('generating the demo dataset');
  const dataset = generateDemoDataset(chinaDivisionRegions());
  const passwordHashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));

  const summary = await db.transaction(async (tx) => {
    progress('writing parks');
    const parkIds = await insertParks(
      tx,
      DEMO_PARKS.map((p) => ({ ...p, focusNodeCodes: [...p.focusNodeCodes], isDemo: true })),
    );
    await insertParkSpaces(
      tx,
      dataset.spaces.map(({ parkIndex, ...space }) => ({
        ...space,
        parkId: parkIds[parkIndex] ?? 0,
      })),
    );

    progress(`writing ${dataset.enterprises.length} enterprises`);
    const ids = await insertEnterprises(
      tx,
      dataset.enterprises.map(({ years: _years, nodeCode: _node, parkIndex, ...e }) => ({
        ...e,
        ...enterpriseKeys(e),
        parkId: parkIndex === null ? null : (parkIds[parkIndex] ?? null),
        source: 'demo',
        isDemo: true,
      })),
    );
    progress('writing yearly figures');
    await insertEnterpriseYears(
      tx,
      dataset.enterprises.flatMap((e, index) =>
        e.years.map((y) => ({ ...y, enterpriseId: ids[index] ?? 0, regionCode: e.regionCode })),
      ),
    );

    progress('writing targets and demo users');
    // The other chains are generated now: their firms written for a biomed node count toward it.
    const extra = await planDemoExtraChains(tx, {
      names: new Set(dataset.enterprises.map((e) => e.name)),
      usccs: new Set(dataset.enterprises.flatMap((e) => (e.uscc ? [e.uscc] : []))),
    });
    const targets = biomedTargets(dataset.enterprises, extra.dataset.firms);
    const nodeIds = await mapNodeIdsByCode(
      tx,
      chainRow.id,
      targets.flatMap((t) => (t.nodeCode ? [t.nodeCode] : [])),
    );
    await insertTargets(
      tx,
      targets.map((t) => ({
        chainId: chainRow.id,
        nodeId: t.nodeCode ? (nodeIds.get(t.nodeCode) ?? null) : null,
        regionCode: WUXI,
        metric: 'output',
        year: DEMO_TARGET_YEAR,
        value: t.valueYuan,
        isDemo: true,
      })),
    );
    const users: DemoSummary['users'] = [];
    for (const [index, user] of DEMO_USERS.entries()) {
      if (await findUserByUsername(tx, user.username)) continue;
      await insertUser(tx, {
        username: user.username,
        displayName: user.displayName,
        passwordHash: passwordHashes[index] ?? '',
        role: user.role,
      });
      users.push({ username: user.username, password: user.password, role: user.role });
    }
    users.push(
      ...(await loadDemoPipeline(tx, {
        chainId: chainRow.id,
        parkIds,
        enterprises: dataset.enterprises,
        enterpriseIds: ids,
      })),
    );
    progress("writing the chain office's problems, visits, meetings and 督办 items");
    users.push(
      ...(await loadDemoWork(tx, {
        chainId: chainRow.id,
        enterprises: dataset.enterprises,
        enterpriseIds: ids,
      })),
    );
    progress('writing the needs and offers of 供需对接');
    await loadDemoNeeds(tx, {
      enterprises: dataset.enterprises,
      enterpriseIds: ids,
      firmEnterpriseId: (await findUserByUsername(tx, 'firm'))?.enterpriseId ?? null,
    });

    progress('writing the experts and events');
    await loadDemoExpertsAndEvents(tx, { enterprises: dataset.enterprises, enterpriseIds: ids });

    progress("writing the chain masters' supply links");
    await loadDemoLinks(tx, {
      chainId: chainRow.id,
      enterprises: dataset.enterprises,
      enterpriseIds: ids,
    });

    progress('writing the innovation platforms (创新平台)');
    await loadDemoPlatforms(tx, {
      chainId: chainRow.id,
      parkIds,
      enterprises: dataset.enterprises,
      enterpriseIds: ids,
      firmEnterpriseId: (await findUserByUsername(tx, 'firm'))?.enterpriseId ?? null,
    });

    progress('writing the other chains: firms, targets and chain leaders');
    const written = await writeDemoExtraChains(tx, extra);
    // Derived once every demo firm is written, so that re-deriving changes nothing.
    await loadDemoStatistics(tx, DEMO_STATS_INDUSTRIES);

    const result = {
      enterprises: ids.length + written.enterprises,
      wuxiEnterprises:
        dataset.enterprises.filter((e) => e.regionCode.startsWith(WUXI)).length +
        written.enterprises,
      chains: [DEMO_CHAIN, ...written.chains],
      parks: parkIds.length,
      parkAreaM2: dataset.spaces.reduce((sum, s) => sum + s.areaM2, 0),
      users,
    };
    await saveSetting(tx, 'demo_loaded', { ...result, loadedAt: new Date().toISOString() });
    await recordAudit(tx, actor, {
      action: 'demo.load',
      entityType: 'dataset',
      entityId: 'demo',
      // Who can sign in, not with what: the passwords are printed once, never kept in the log.
      after: { ...result, users: result.users.map(({ username, role }) => ({ username, role })) },
    });
    return result;
  });
  progress('demo loaded');
  return { ...summary, alreadyLoaded: false };
}

/**
 * The biomedical targets: the chain's published 250 billion, and each focus node's latest Wuxi
 * output grown by DEMO_NODE_TARGET_GROWTH a year to the target year (two significant figures).
 */
function biomedTargets(
  enterprises: readonly DemoEnterprise[],
  otherChainsFirms: readonly ExtraChainFirm[],
): { nodeCode: string | null; valueYuan: number }[] {
  const wuxi = enterprises.filter((e) => e.regionCode.startsWith(WUXI));
  const onNode = (code: string) => [
    ...wuxi.filter((e) => e.nodeCode === code),
    ...otherChainsFirms.filter((f) => f.nodeCodes.includes(code)),
  ];
  const years = DEMO_TARGET_YEAR - (DEMO_YEARS[DEMO_YEARS.length - 1] ?? DEMO_TARGET_YEAR);
  return [
    { nodeCode: null, valueYuan: DEMO_CHAIN_TARGET_YUAN },
    ...Object.entries(DEMO_NODE_TARGET_GROWTH).map(([nodeCode, growth]) => ({
      nodeCode,
      valueYuan: roundTarget(latestOutput(onNode(nodeCode)) * Math.pow(1 + growth, years)),
    })),
  ];
}
