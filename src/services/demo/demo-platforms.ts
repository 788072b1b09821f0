import type { Tx } from '../../db/connection.ts';
import {
  insertPlatform,
  insertPlatformTargets,
  insertPlatformUsers,
  replacePlatformNodes,
  type PlatformTargetInsert,
  type PlatformUserInsert,
} from '../../db/platforms.repository.ts';
import { SeededRandom } from '../../domain/random.ts';
import { shanghaiDate } from '../../domain/working-calendar.ts';
import type { PlatformKind, PlatformLevel, PlatformMetric } from '../../shared/platform-values.ts';
import { loadChainContext } from '../lookup/lookup.service.ts';
import type { DemoEnterprise } from './demo-generator.ts';
import { DEMO_CHAIN, WUXI } from './demo-plan.ts';

// The demo's innovation platforms (创新平台): Wuxi's two innovation centres (innovative drug
// discovery, health food) as illustrative records, and a few other platforms. Seeded, marked demo;
// the names say （示意）: they stand for the kind of platform, not for any real institution's figures.

const DEMO_PLATFORMS_SEED = 20251103;

interface DemoPlatformPlan {
  name: string;
  kind: PlatformKind;
  level: PlatformLevel;
  hostName: string;
  regionCode: string;
  /** Index into DEMO_PARKS, or null. */
  parkIndex: number | null;
  nodeCodes: readonly string[];
  /** How many demo firms use it. */
  users: number;
  services: readonly string[];
  /** This year's targets; last year's were a little lower. */
  targets: Partial<Record<PlatformMetric, number>>;
  description: string;
}

export const DEMO_PLATFORMS: readonly DemoPlatformPlan[] = [
  {
    name: '无锡创新药物研发创新中心（示意）',
    kind: 'innovation_centre',
    level: 'provincial',
    hostName: '龙头药企与在锡高校共建（示意）',
    regionCode: '320214',
    parkIndex: 0,
    nodeCodes: [
      'biomed.up.cro',
      'biomed.up.reagent',
      'biomed.mid.chem',
      'biomed.mid.bio',
      'biomed.mid.cdmo',
    ],
    users: 14,
    services: ['靶点发现与筛选', '临床前药效评价', '中试放大', '制剂开发', '注册申报辅导'],
    targets: {
      firms_served: 40,
      projects_incubated: 12,
      rd_spend_yuan: 180_000_000,
      patents_filed: 60,
    },
    description: '演示数据：面向创新药研发的共性技术平台，服务化学药、生物药与研发外包企业。',
  },
  {
    name: '无锡健康食品创新中心（示意）',
    kind: 'innovation_centre',
    level: 'municipal',
    hostName: '健康食品龙头企业牵头（示意）',
    regionCode: '320206',
    parkIndex: 1,
    nodeCodes: ['biomed.mid.healthfood', 'biomed.mid.tcm', 'biomed.down.retail'],
    users: 12,
    services: ['功能评价', '配方研发', '检验检测', '标准制定'],
    targets: {
      firms_served: 30,
      projects_incubated: 8,
      rd_spend_yuan: 50_000_000,
      patents_filed: 25,
    },
    description: '演示数据：面向保健食品、药食同源产品的研发与评价平台。',
  },
  {
    name: '无锡生物医药公共技术服务平台（示意）',
    kind: 'public_service',
    level: 'municipal',
    hostName: '市级公共服务机构（示意）',
    regionCode: '320214',
    parkIndex: null,
    nodeCodes: ['biomed.up.cro', 'biomed.mid.ivd', 'biomed.mid.device', 'biomed.down.diagnostics'],
    users: 8,
    services: ['共享仪器', '检验检测', '注册咨询'],
    targets: { firms_served: 60, services_delivered: 400 },
    description: '演示数据：共享大型仪器与检测服务。',
  },
  {
    name: '医疗器械检验检测重点实验室（示意）',
    kind: 'key_lab',
    level: 'provincial',
    hostName: '在锡高校（示意）',
    regionCode: '320214',
    parkIndex: null,
    nodeCodes: ['biomed.mid.device', 'biomed.mid.consumable'],
    users: 5,
    services: ['电磁兼容测试', '生物相容性评价'],
    targets: { patents_filed: 30, services_delivered: 150 },
    description: '演示数据：医疗器械与耗材的检验检测与标准研究。',
  },
  {
    name: '生命科技产业园孵化器（示意）',
    kind: 'incubator',
    level: 'district',
    hostName: '园区运营公司（示意）',
    regionCode: '320214',
    parkIndex: 0,
    nodeCodes: ['biomed.mid.bio', 'biomed.down.precision'],
    users: 6,
    services: ['入驻孵化', '投融资对接'],
    targets: { firms_served: 20, projects_incubated: 10 },
    description: '演示数据：初创企业孵化。',
  },
];

export interface DemoPlatformsContext {
  chainId: number;
  parkIds: readonly number[];
  enterprises: readonly DemoEnterprise[];
  enterpriseIds: readonly number[];
  /** The demo firm user's enterprise: it uses the innovative drug centre. */
  firmEnterpriseId?: number | null | undefined;
  now?: Date;
}

/** Writes the demo's innovation platforms with their nodes, users and targets; returns how many. */
export async function loadDemoPlatforms(
  tx: Tx,
  context: DemoPlatformsContext,
): Promise<{ platforms: number; uses: number }> {
  const now = context.now ?? new Date();
  const chain = await loadChainContext(tx, DEMO_CHAIN);
  const random = new SeededRandom(DEMO_PLATFORMS_SEED);
  const year = Number(shanghaiDate(now).slice(0, 4));
  const daysAgo = (days: number) => shanghaiDate(new Date(now.getTime() - days * 86_400_000));
  const wuxi = context.enterprises.flatMap((e, index) =>
    e.regionCode.startsWith(WUXI) && e.nodeCode && !e.tags.includes('illustrative')
      ? [{ id: context.enterpriseIds[index] ?? 0, nodeCode: e.nodeCode }]
      : [],
  );
  let uses = 0;
  for (const [index, plan] of DEMO_PLATFORMS.entries()) {
    const id = await insertPlatform(tx, {
      chainId: context.chainId,
      name: plan.name,
      kind: plan.kind,
      level: plan.level,
      hostName: plan.hostName,
      regionCode: plan.regionCode,
      parkId: plan.parkIndex === null ? null : (context.parkIds[plan.parkIndex] ?? null),
      description: plan.description,
      createdBy: '链办专员（演示）',
      isDemo: true,
    });
    await replacePlatformNodes(
      tx,
      id,
      plan.nodeCodes.flatMap((code) => {
        const node = chain.nodeByCode.get(code);
        return node ? [node.id] : [];
      }),
    );
    // Firms on the nodes it serves first; other Wuxi firms when those run short.
    const served = new Set(plan.nodeCodes);
    const onNodes = wuxi.filter((w) => served.has(w.nodeCode)).map((w) => w.id);
    const others = wuxi.filter((w) => !served.has(w.nodeCode)).map((w) => w.id);
    const chosen = new Set<number>();
    if (index === 0 && context.firmEnterpriseId) chosen.add(context.firmEnterpriseId);
    for (const pool of [onNodes, others]) {
      const left = [...pool];
      while (chosen.size < plan.users && left.length > 0) {
        const [picked] = left.splice(random.int(0, left.length - 1), 1);
        if (picked) chosen.add(picked);
      }
    }
    const users: PlatformUserInsert[] = [...chosen].map((enterpriseId) => ({
      platformId: id,
      enterpriseId,
      since: daysAgo(random.int(60, 1200)),
      service: random.pick(plan.services),
      note: null,
      recordedBy: '链办专员（演示）',
      isDemo: true,
    }));
    await insertPlatformUsers(tx, users);
    uses += users.length;
    const targets: PlatformTargetInsert[] = [];
    for (const [metric, target] of Object.entries(plan.targets) as [PlatformMetric, number][]) {
      const last = Math.round(target * 0.8);
      targets.push({
        platformId: id,
        year: year - 1,
        metric,
        target: last,
        actual: Math.round(last * random.between(0.85, 1.15)),
        isDemo: true,
      });
      targets.push({
        platformId: id,
        year,
        metric,
        target,
        actual:
          metric === 'firms_served'
            ? Math.max(users.length, Math.round(target * random.between(0.5, 0.9)))
            : Math.round(target * random.between(0.4, 0.95)),
        isDemo: true,
      });
    }
    await insertPlatformTargets(tx, targets);
  }
  return { platforms: DEMO_PLATFORMS.length, uses };
}
