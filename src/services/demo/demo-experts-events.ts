import type { Tx } from '../../db/connection.ts';
import {
  insertEvent,
  insertEventOutcome,
  insertParticipants,
  listProjectsAtStages,
} from '../../db/event.repository.ts';
import {
  insertExpertAdviceRows,
  insertExpertNodes,
  insertExperts,
} from '../../db/expert.repository.ts';
import { SeededRandom } from '../../domain/random.ts';
import { shanghaiDate } from '../../domain/working-calendar.ts';
import { loadChainContext } from '../lookup/lookup.service.ts';
import type { DemoEnterprise } from './demo-generator.ts';
import { DEMO_CHAIN, WUXI } from './demo-plan.ts';

// The demo's experts (专家库) and events (活动): 30 generated experts over the biomedical nodes and
// four events with participants and outcomes, one a signing ceremony whose signed project is a
// project of the demo pipeline at 签约. Seeded, marked demo; names and institutions are made up
// (every institution says 演示) and name no real person.

const DEMO_EXPERTS_SEED = 20250611;
export const DEMO_EXPERT_COUNT = 30;

const SURNAMES = [
  '陈',
  '林',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '何',
  '郭',
  '马',
  '罗',
  '梁',
  '宋',
];
const GIVEN = [
  '明',
  '志',
  '海',
  '文',
  '建',
  '晓',
  '宇',
  '静',
  '敏',
  '立',
  '春',
  '秀',
  '国',
  '华',
  '涛',
  '宁',
];
const INSTITUTIONS = [
  '太湖示范大学药学院（演示）',
  '江南示范医学研究院（演示）',
  '锡城示范生物技术研究所（演示）',
  '示范临床医学中心（演示）',
  '长三角示范药物研发平台（演示）',
] as const;
const TITLES = ['教授', '研究员', '主任医师', '高级工程师', '副教授'] as const;

/** Fields an expert of each node writes. */
const NODE_FIELDS: Readonly<Record<string, string>> = {
  'biomed.up.api': '原料药工艺',
  'biomed.up.excipient': '药用辅料',
  'biomed.up.reagent': '细胞培养基',
  'biomed.up.equipment': '制药装备',
  'biomed.up.cro': '药效学评价',
  'biomed.mid.chem': '化学药制剂',
  'biomed.mid.tcm': '中药现代化',
  'biomed.mid.bio': '抗体药物',
  'biomed.mid.vaccine': '疫苗研发',
  'biomed.mid.blood': '血液制品',
  'biomed.mid.cdmo': '工艺放大',
  'biomed.mid.device': '医疗器械注册',
  'biomed.mid.consumable': '医用高分子材料',
  'biomed.mid.ivd': '体外诊断试剂',
  'biomed.mid.healthfood': '功能食品',
  'biomed.down.medical': '临床试验',
  'biomed.down.precision': '基因检测',
  'biomed.down.digital': '医疗人工智能',
};

export interface DemoExpertsContext {
  enterprises: readonly DemoEnterprise[];
  enterpriseIds: readonly number[];
  now?: Date;
}

/**
 * Writes 30 demo experts on the biomedical chain with the nodes they cover and whom they advised,
 * and four events with participants and outcomes (one signed project of the demo pipeline).
 */
export async function loadDemoExpertsAndEvents(
  tx: Tx,
  context: DemoExpertsContext,
): Promise<{ experts: number; events: number }> {
  const now = context.now ?? new Date();
  const chain = await loadChainContext(tx, DEMO_CHAIN);
  const random = new SeededRandom(DEMO_EXPERTS_SEED);
  const daysAgo = (days: number) => shanghaiDate(new Date(now.getTime() - days * 86_400_000));
  const nodeCodes = Object.keys(NODE_FIELDS).filter((code) => chain.nodeByCode.has(code));
  const wuxi = context.enterprises.flatMap((e, index) =>
    e.regionCode.startsWith(WUXI) && e.nodeCode && !e.tags.includes('illustrative')
      ? [{ id: context.enterpriseIds[index] ?? 0, e, nodeCode: e.nodeCode }]
      : [],
  );
  if (nodeCodes.length === 0 || wuxi.length === 0) return { experts: 0, events: 0 };

  const plans = Array.from({ length: DEMO_EXPERT_COUNT }, (_, i) => {
    const main = nodeCodes[i % nodeCodes.length] ?? 'biomed.mid.bio';
    const second = random.chance(0.4) ? random.pick(nodeCodes) : null;
    const codes = second && second !== main ? [main, second] : [main];
    const name = `${random.pick(SURNAMES)}${random.pick(GIVEN)}${random.pick(GIVEN)}`;
    return { codes, name };
  });
  const expertIds = await insertExperts(
    tx,
    plans.map((plan) => ({
      chainId: chain.chain.id,
      name: plan.name,
      fields: plan.codes.map((code) => NODE_FIELDS[code] ?? code),
      institution: random.pick(INSTITUTIONS),
      title: random.pick(TITLES),
      contact: `0510-8${String(random.int(1000000, 9999999))}`,
      note: '演示专家（demo）',
      createdBy: '链办专员（演示）',
      isDemo: true,
    })),
  );
  await insertExpertNodes(
    tx,
    plans.flatMap((plan, i) =>
      plan.codes.map((code) => ({
        expertId: expertIds[i] ?? 0,
        nodeId: chain.nodeByCode.get(code)?.id ?? 0,
      })),
    ),
  );
  // Most experts advised one or two Wuxi firms on their own node.
  const advice: Parameters<typeof insertExpertAdviceRows>[1] = [];
  for (const [i, plan] of plans.entries()) {
    const firms = wuxi.filter((w) => plan.codes.includes(w.nodeCode));
    for (let k = 0; k < random.int(0, 2) && firms.length > 0; k++) {
      advice.push({
        expertId: expertIds[i] ?? 0,
        enterpriseId: random.pick(firms).id,
        advisedOn: daysAgo(random.int(10, 400)),
        note: random.pick(['工艺优化咨询', '注册申报辅导', '临床方案评审', '产线规划论证']),
        createdBy: '链办专员（演示）',
        isDemo: true,
      });
    }
  }
  await insertExpertAdviceRows(tx, advice);

  const signed = (await listProjectsAtStages(tx, chain.chain.id, ['signed'])).filter((p) =>
    p.regionCode.startsWith(WUXI),
  );
  const district = wuxi[0]?.e.regionCode ?? null;
  const events = [
    { kind: 'matchmaking', title: '生物医药供需对接会（演示）', days: 120 },
    { kind: 'roadshow', title: '创新药项目路演（演示）', days: 75 },
    { kind: 'signing', title: '生物医药重大项目签约仪式（演示）', days: 40 },
    { kind: 'matchmaking', title: '医疗器械配套对接会（演示）', days: 15 },
  ] as const;
  for (const [i, plan] of events.entries()) {
    const project = plan.kind === 'signing' ? signed[0] : undefined;
    const heldOn = project ? shanghaiDate(project.stageChangedAt) : daysAgo(plan.days);
    const id = await insertEvent(tx, {
      chainId: chain.chain.id,
      kind: plan.kind,
      title: plan.title,
      heldOn,
      place: '无锡示范会议中心（演示）',
      regionCode: district,
      note: null,
      createdBy: '链办专员（演示）',
      isDemo: true,
    });
    const firms = Array.from({ length: 4 }, () => random.pick(wuxi).id);
    if (project?.enterpriseId) firms.unshift(project.enterpriseId);
    await insertParticipants(tx, id, {
      enterpriseIds: firms,
      expertIds: [expertIds[i * 3] ?? 0, expertIds[i * 3 + 1] ?? 0].filter((x) => x > 0),
    });
    if (project) {
      await insertEventOutcome(tx, {
        eventId: id,
        kind: 'signed_project',
        projectId: project.id,
        description: `签约：${project.name}`,
        recordedBy: '链办专员（演示）',
        isDemo: true,
      });
    } else if (plan.kind === 'matchmaking') {
      await insertEventOutcome(tx, {
        eventId: id,
        kind: 'match',
        description: '两家企业达成试样意向（演示）',
        recordedBy: '链办专员（演示）',
        isDemo: true,
      });
    }
  }
  return { experts: DEMO_EXPERT_COUNT, events: events.length };
}
