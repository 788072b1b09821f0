import type { Tx } from '../../db/connection.ts';
import { mapNodeIdsByCode } from '../../db/chain.repository.ts';
import { insertProject, insertProjectEvent } from '../../db/project.repository.ts';
import { addReservedArea, insertReservation, lockSpaces } from '../../db/space.repository.ts';
import { findUserByUsername, insertUser } from '../../db/user.repository.ts';
import { PROJECT_STAGES, type ProjectStage, type SpaceNeed } from '../../shared/api/projects.ts';
import { hashPassword } from '../auth/password.ts';
import type { DemoEnterprise } from './demo-generator.ts';
import { DEMO_PARKS, WUXI } from './demo-plan.ts';

/**
 * A small investment pipeline for the demo: projects on Wuxi's empty and thin nodes across every
 * stage, with space needs, one holding park space, one stalled; owned by the demo `investment`
 * user, with a `park` user bound to the Mashan park. Everything is marked demo.
 */

export const DEMO_PIPELINE_USERS = [
  {
    username: 'investment',
    password: 'chainlead-investment',
    role: 'investment',
    displayName: '招商专员（演示）',
    parkCode: null,
  },
  {
    username: 'park',
    password: 'chainlead-park',
    role: 'park',
    displayName: '马山园区运营（演示）',
    parkCode: 'wx-mashan-lifesci',
  },
] as const;

interface DemoProjectPlan {
  /** The node filled; the project courts the largest enterprise of that node elsewhere. */
  nodeCode: string;
  /** Which of the node's firms elsewhere (0: the largest). */
  pick: number;
  stage: ProjectStage;
  investmentWan: number;
  outputWan: number;
  outputStartYear: number;
  spaceNeed: SpaceNeed[];
  spaceNeededFrom: string;
  parkCode: string;
  nextAction: string;
  /** Days since anything changed: above 30 the project shows as stalled. */
  idleDays: number;
  /** Reserve this much of the first need in the park. */
  reserve?: boolean;
  capitalWan?: number;
}

const PLANS: readonly DemoProjectPlan[] = [
  {
    nodeCode: 'biomed.mid.blood',
    pick: 0,
    stage: 'negotiating',
    investmentWan: 150_000,
    outputWan: 200_000,
    outputStartYear: 2027,
    spaceNeed: [
      { kind: 'gmp_plant', areaM2: 8_000 },
      { kind: 'office', areaM2: 1_000 },
    ],
    spaceNeededFrom: '2026-06-01',
    parkCode: 'jy-hitech-biomed',
    nextAction: '赴企业总部洽谈血浆站配套与落地条件',
    idleDays: 6,
  },
  {
    nodeCode: 'biomed.mid.blood',
    pick: 1,
    stage: 'lead',
    investmentWan: 60_000,
    outputWan: 80_000,
    outputStartYear: 2028,
    spaceNeed: [{ kind: 'gmp_plant', areaM2: 5_000 }],
    spaceNeededFrom: '2027-01-01',
    parkCode: 'wx-huishan-lifesci',
    nextAction: '发送园区推介材料，约首次拜访',
    idleDays: 45,
  },
  {
    nodeCode: 'biomed.mid.vaccine',
    pick: 0,
    stage: 'signed',
    investmentWan: 120_000,
    outputWan: 120_000,
    outputStartYear: 2026,
    spaceNeed: [
      { kind: 'wet_lab', areaM2: 3_000 },
      { kind: 'gmp_plant', areaM2: 6_000 },
    ],
    spaceNeededFrom: '2025-09-01',
    parkCode: 'wx-hitech-lifesci',
    nextAction: '办理项目备案与环评',
    idleDays: 3,
    capitalWan: 30_000,
  },
  {
    nodeCode: 'biomed.mid.vet',
    pick: 0,
    stage: 'lead',
    investmentWan: 20_000,
    outputWan: 30_000,
    outputStartYear: 2027,
    spaceNeed: [{ kind: 'gmp_plant', areaM2: 4_000 }],
    spaceNeededFrom: '2026-09-01',
    parkCode: 'jy-hitech-biomed',
    nextAction: '核实企业扩产意向',
    idleDays: 12,
  },
  {
    nodeCode: 'biomed.down.precision',
    pick: 0,
    stage: 'started',
    investmentWan: 50_000,
    outputWan: 60_000,
    outputStartYear: 2025,
    spaceNeed: [
      { kind: 'wet_lab', areaM2: 2_500 },
      { kind: 'office', areaM2: 1_500 },
    ],
    spaceNeededFrom: '2025-03-01',
    parkCode: 'wx-mashan-lifesci',
    nextAction: '实验室装修验收',
    idleDays: 8,
    reserve: true,
    capitalWan: 35_000,
  },
  {
    nodeCode: 'biomed.down.precision',
    pick: 1,
    stage: 'producing',
    investmentWan: 15_000,
    outputWan: 20_000,
    outputStartYear: 2025,
    spaceNeed: [{ kind: 'wet_lab', areaM2: 1_200 }],
    spaceNeededFrom: '2024-10-01',
    parkCode: 'wx-mashan-lifesci',
    nextAction: '跟踪首年产值与用工',
    idleDays: 20,
    capitalWan: 15_000,
  },
];

const DAY_MS = 86_400_000;

export interface DemoPipelineInput {
  chainId: number;
  parkIds: number[];
  enterprises: readonly DemoEnterprise[];
  enterpriseIds: readonly number[];
}

/**
 * Writes the demo pipeline in the demo's transaction and returns the demo logins it created.
 */
export async function loadDemoPipeline(
  tx: Tx,
  input: DemoPipelineInput,
): Promise<{ username: string; password: string; role: string }[]> {
  const parkIdOf = (code: string) =>
    input.parkIds[DEMO_PARKS.findIndex((p) => p.code === code)] ?? null;
  const created: { username: string; password: string; role: string }[] = [];
  for (const user of DEMO_PIPELINE_USERS) {
    if (await findUserByUsername(tx, user.username)) continue;
    await insertUser(tx, {
      username: user.username,
      displayName: user.displayName,
      passwordHash: await hashPassword(user.password),
      role: user.role,
      parkId: user.parkCode === null ? null : parkIdOf(user.parkCode),
    });
    created.push({ username: user.username, password: user.password, role: user.role });
  }
  const owner = await findUserByUsername(tx, 'investment');
  const nodeIds = await mapNodeIdsByCode(
    tx,
    input.chainId,
    PLANS.map((p) => p.nodeCode),
  );
  const now = Date.now();
  for (const plan of PLANS) {
    const index = courtedEnterprise(input.enterprises, plan.nodeCode, plan.pick);
    const firm = index === null ? null : input.enterprises[index];
    const enterpriseId = index === null ? null : (input.enterpriseIds[index] ?? null);
    const stages = PROJECT_STAGES.slice(0, PROJECT_STAGES.indexOf(plan.stage) + 1);
    // Each earlier stage took about a month; the last change was `idleDays` ago.
    const changedAt = new Date(now - plan.idleDays * DAY_MS);
    const stageTimes = stages.map(
      (_, i) => new Date(changedAt.getTime() - (stages.length - 1 - i) * 30 * DAY_MS),
    );
    const parkId = parkIdOf(plan.parkCode);
    const project = await insertProject(tx, {
      chainId: input.chainId,
      nodeId: nodeIds.get(plan.nodeCode) ?? null,
      regionCode: WUXI,
      enterpriseId,
      name: firm ? `${firm.name}无锡项目` : `${plan.nodeCode} 项目`,
      stage: plan.stage,
      investmentYuan: plan.investmentWan * 1e4,
      capitalInPlaceYuan: (plan.capitalWan ?? 0) * 1e4,
      expectedOutputYuan: plan.outputWan * 1e4,
      outputStartYear: plan.outputStartYear,
      spaceNeed: plan.spaceNeed,
      spaceNeededFrom: plan.spaceNeededFrom,
      parkId,
      ownerId: owner?.id ?? null,
      nextAction: plan.nextAction,
      nextActionOn: new Date(now + 14 * DAY_MS).toISOString().slice(0, 10),
      notes: '演示项目（demo）',
      stageChangedAt: changedAt,
      isDemo: true,
      createdAt: stageTimes[0] ?? changedAt,
      updatedAt: changedAt,
    });
    const actor = { actorId: owner?.id ?? null, actorName: owner?.username ?? 'demo' };
    for (const [i, stage] of stages.entries()) {
      await insertProjectEvent(tx, {
        projectId: project.id,
        kind: i === 0 ? 'create' : 'stage',
        fromStage: i === 0 ? null : (stages[i - 1] ?? null),
        toStage: stage,
        at: stageTimes[i] ?? changedAt,
        ...actor,
      });
    }
    if (plan.capitalWan) {
      await insertProjectEvent(tx, {
        projectId: project.id,
        kind: 'capital',
        fromStage: plan.stage,
        toStage: plan.stage,
        amountYuan: plan.capitalWan * 1e4,
        at: changedAt,
        ...actor,
      });
    }
    const need = plan.spaceNeed[0];
    if (plan.reserve && need && parkId !== null) {
      const units = await lockSpaces(tx, { parkId, kind: need.kind });
      const unit = units.find((u) => u.areaM2 - u.occupiedM2 - u.reservedM2 >= need.areaM2);
      if (unit) {
        await addReservedArea(tx, unit.id, need.areaM2);
        await insertReservation(tx, {
          projectId: project.id,
          spaceId: unit.id,
          parkId,
          kind: need.kind,
          areaM2: need.areaM2,
          note: '演示预留',
          reservedBy: actor.actorName,
          reservedAt: changedAt,
          isDemo: true,
        });
      }
    }
  }
  return created;
}

/** The index of the `pick`-th largest enterprise outside Wuxi generated for a node, or null. */
function courtedEnterprise(
  enterprises: readonly DemoEnterprise[],
  nodeCode: string,
  pick: number,
): number | null {
  const latest = (e: DemoEnterprise) => e.years.at(-1)?.outputYuan ?? 0;
  const ranked = enterprises
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => e.nodeCode === nodeCode && !e.regionCode.startsWith(WUXI))
    .sort((a, b) => latest(b.e) - latest(a.e) || a.index - b.index);
  return ranked[pick]?.index ?? null;
}
