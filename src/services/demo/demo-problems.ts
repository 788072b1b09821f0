import type { SeededRandom } from '../../domain/random.ts';
import {
  addWorkingDays,
  clockStartDay,
  shanghaiDate,
  workingDaysBetween,
  type WorkingCalendar,
} from '../../domain/working-calendar.ts';
import type {
  ProblemAction,
  ProblemChannel,
  ProblemStage,
  Satisfaction,
} from '../../shared/problem-stages.ts';

// The demo's enterprise problems: believable work from January 2025 to today, walked through the
// transition table step by step (same clock rules as the service), so every figure has a history.

export interface DemoProblemEnterprise {
  index: number;
  name: string;
  nodeCode: string;
}

export interface DemoProblemEvent {
  action: ProblemAction | 'raise' | 'record';
  fromStage: ProblemStage | null;
  toStage: ProblemStage;
  note: string | null;
  satisfaction: Satisfaction | null;
  workingDays: number | null;
  departmentIndex: number | null;
  dueOn: string;
  actor: 'firm' | 'office' | 'department';
  at: Date;
}

export interface DemoProblem {
  enterpriseIndex: number;
  nodeCode: string;
  title: string;
  description: string;
  channel: ProblemChannel;
  categoryCode: string;
  departmentIndex: number | null;
  assigneeName: string | null;
  contactName: string;
  contactPhone: string;
  stage: ProblemStage;
  receivedAt: Date;
  clockStartsOn: string;
  slaWorkingDays: number;
  extensionWorkingDays: number;
  suspendedWorkingDays: number;
  suspendedAt: Date | null;
  dueOn: string;
  dueBeyondCalendar: boolean;
  pendingExtensionDays: number | null;
  pendingExtensionReason: string | null;
  answer: string | null;
  returnReason: string | null;
  closedAt: Date | null;
  firstClosedAt: Date | null;
  firstClosedOnTime: boolean | null;
  reopenCount: number;
  satisfaction: Satisfaction | null;
  satisfactionComment: string | null;
  /** Part of the demo's shared problem of the precision-medicine node. */
  shared: boolean;
  events: DemoProblemEvent[];
}

/** The demo's departments, in the order the plans below refer to them. */
export const DEMO_DEPARTMENTS = [
  { name: '无锡市发展和改革委员会', nameEn: 'Wuxi Development and Reform Commission' },
  { name: '无锡市工业和信息化局', nameEn: 'Wuxi Bureau of Industry and Information Technology' },
  { name: '无锡市科学技术局', nameEn: 'Wuxi Science and Technology Bureau' },
  { name: '无锡市商务局', nameEn: 'Wuxi Commerce Bureau' },
  { name: '无锡市人力资源和社会保障局', nameEn: 'Wuxi Human Resources and Social Security Bureau' },
  { name: '无锡市自然资源和规划局', nameEn: 'Wuxi Natural Resources and Planning Bureau' },
  { name: '无锡市市场监督管理局', nameEn: 'Wuxi Market Regulation Bureau' },
  { name: '江苏省药品监督管理局无锡检查分局', nameEn: 'Jiangsu MPA Wuxi Inspection Branch' },
  { name: '无锡市地方金融管理局', nameEn: 'Wuxi Local Financial Administration' },
  { name: '马山生命科学园管委会', nameEn: 'Mashan Life Science Park Administration' },
] as const;

interface CategoryPlan {
  code: string;
  sla: number;
  weight: number;
  departments: readonly number[];
  titles: readonly string[];
}

const CATEGORY_PLANS: readonly CategoryPlan[] = [
  {
    code: 'land',
    sla: 15,
    weight: 12,
    departments: [5, 9],
    titles: [
      '扩建 GMP 车间需新增用地指标',
      '申请园区标准厂房租金减免',
      '二期厂房规划许可办理进度慢',
      '洁净厂房改造涉及的消防验收协调',
    ],
  },
  {
    code: 'finance',
    sla: 10,
    weight: 12,
    departments: [8, 0],
    titles: [
      '研发投入大，申请知识产权质押贷款对接',
      '希望对接产业基金开展 B 轮融资',
      '设备更新贷款贴息申请',
      '首台套保险补偿申报咨询',
    ],
  },
  {
    code: 'talent',
    sla: 10,
    weight: 10,
    departments: [4, 2],
    titles: [
      '高层次人才子女入学协调',
      '申请人才公寓名额',
      '临床研究人员职称评审渠道',
      '招聘 GMP 质量受权人困难',
    ],
  },
  {
    code: 'approval',
    sla: 10,
    weight: 16,
    departments: [7, 6],
    titles: [
      '二类医疗器械注册检验排队时间长',
      '药品生产许可证变更审批咨询',
      '伴随诊断试剂注册审评周期长',
      '进口研发用物品通关备案',
    ],
  },
  {
    code: 'supply_chain',
    sla: 15,
    weight: 14,
    departments: [1],
    titles: [
      '关键培养基依赖进口，寻找本地替代供应商',
      '一次性生物反应袋供货周期长',
      '希望对接本地精密注塑配套企业',
      '原料药关键中间体供应不稳定',
    ],
  },
  {
    code: 'market',
    sla: 15,
    weight: 12,
    departments: [3, 1],
    titles: [
      '创新药进入医保谈判后的医院准入',
      '希望参加海外展会获得补贴',
      '本地医院试用国产高端设备对接',
      '集采中标后扩产订单对接',
    ],
  },
  {
    code: 'policy',
    sla: 10,
    weight: 16,
    departments: [0, 1, 2],
    titles: [
      '研发费用加计扣除兑现进度',
      '创新药临床试验奖补资金未到位',
      '高新技术企业认定奖励兑现',
      '专精特新企业奖励申报咨询',
    ],
  },
  {
    code: 'other',
    sla: 10,
    weight: 8,
    departments: [1],
    titles: ['厂区周边道路交通组织', '危化品仓储安全评估协调', '企业用电增容办理'],
  },
];

const ASSIGNEES = ['王敏', '李强', '张磊', '陈静', '刘洋', '周婷', '吴斌', '孙悦', '朱峰', '胡佳'];
const CONTACTS = ['赵经理', '钱总', '孙主任', '李部长', '周经理', '吴总监'];
const CHANNELS: readonly ProblemChannel[] = ['online', 'visit', 'hotline', 'meeting', 'letter'];
const HOUR_MS = 3_600_000;

/** An instant on `day` at `hour` (fractional) Asia/Shanghai. */
function at(day: string, hour: number): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + hour * HOUR_MS);
}

/**
 * Walks one problem from receipt to where it stands today, choosing each step as the office and
 * departments of a busy chain would; `fate` decides how far it gets.
 */
class ProblemWalk {
  readonly events: DemoProblemEvent[] = [];
  stage: ProblemStage;
  day: string;
  due: { date: string; beyondCalendar: boolean };
  base: string;
  extension = 0;
  suspended = 0;
  suspendedAt: Date | null = null;
  closedAt: Date | null = null;
  firstClosedAt: Date | null = null;
  firstClosedOnTime: boolean | null = null;
  reopenCount = 0;
  satisfaction: Satisfaction | null = null;
  satisfactionComment: string | null = null;
  answer: string | null = null;
  returnReason: string | null = null;
  pending: { days: number; reason: string } | null = null;

  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly random: SeededRandom,
    private readonly today: string,
    private readonly sla: number,
    readonly departmentIndex: number,
    receivedAt: Date,
    raisedOnline: boolean,
  ) {
    this.base = clockStartDay(calendar, receivedAt);
    this.day = this.base;
    this.due = addWorkingDays(calendar, this.base, sla);
    this.stage = raisedOnline ? 'submitted' : 'accepted';
    this.push(
      raisedOnline ? 'raise' : 'record',
      null,
      this.stage,
      raisedOnline ? 'firm' : 'office',
      receivedAt,
    );
  }

  private push(
    action: DemoProblemEvent['action'],
    note: string | null,
    toStage: ProblemStage,
    actor: DemoProblemEvent['actor'],
    when: Date,
    extra: Partial<DemoProblemEvent> = {},
  ): void {
    this.events.push({
      action,
      fromStage: this.events.length === 0 ? null : this.stage,
      toStage,
      note,
      satisfaction: null,
      workingDays: null,
      departmentIndex: null,
      dueOn: this.due.date,
      actor,
      at: when,
      ...extra,
    });
    this.stage = toStage;
  }

  /** Moves the walk's day on by `n` working days; false when that passes today. */
  advance(n: number): boolean {
    const next = n === 0 ? this.day : addWorkingDays(this.calendar, this.day, n).date;
    if (next >= this.today) return false;
    this.day = next;
    return true;
  }

  /** A working-hours moment of the walk's day, after the previous step. */
  private when(): Date {
    const last = this.events[this.events.length - 1]?.at.getTime() ?? 0;
    const chosen = at(this.day, this.random.between(9, 17.5)).getTime();
    return new Date(Math.max(chosen, last + 10 * 60_000));
  }

  private recomputeDue(): void {
    this.due = addWorkingDays(this.calendar, this.base, this.sla + this.extension + this.suspended);
  }

  step(
    action: ProblemAction,
    note: string | null = null,
    extra: Partial<DemoProblemEvent> = {},
  ): void {
    const when = this.when();
    switch (action) {
      case 'accept':
        return this.push('accept', null, 'accepted', 'office', when);
      case 'return':
        this.returnReason = note;
        return this.push('return', note, 'returned', 'office', when);
      case 'assign':
        return this.push('assign', note, 'assigned', 'office', when, {
          departmentIndex: this.departmentIndex,
        });
      case 'start':
        return this.push('start', null, 'in_progress', 'department', when);
      case 'suspend':
        this.suspendedAt = when;
        return this.push('suspend', note, 'suspended', 'department', when);
      case 'resume': {
        const from = shanghaiDate(this.suspendedAt ?? when);
        this.suspended += workingDaysBetween(this.calendar, from, shanghaiDate(when));
        this.suspendedAt = null;
        this.recomputeDue();
        return this.push('resume', null, 'in_progress', 'department', when);
      }
      case 'request_extension': {
        const days = extra.workingDays ?? 5;
        this.pending = { days, reason: note ?? '' };
        return this.push('request_extension', note, this.stage, 'department', when, {
          workingDays: days,
        });
      }
      case 'approve_extension': {
        const days = this.pending?.days ?? 0;
        this.extension += days;
        this.pending = null;
        this.recomputeDue();
        return this.push('approve_extension', note, this.stage, 'office', when, {
          workingDays: days,
        });
      }
      case 'answer':
        this.answer = note;
        return this.push('answer', note, 'answered', 'department', when);
      case 'close': {
        this.closedAt = when;
        if (!this.firstClosedAt) {
          this.firstClosedAt = when;
          this.firstClosedOnTime = shanghaiDate(when) <= this.due.date;
        }
        return this.push('close', note, 'closed', 'department', when);
      }
      case 'rate': {
        this.satisfaction = extra.satisfaction ?? 'satisfied';
        this.satisfactionComment = note;
        return this.push('rate', note, 'closed', 'firm', when, {
          satisfaction: this.satisfaction,
        });
      }
      case 'reopen': {
        this.reopenCount += 1;
        this.closedAt = null;
        this.extension = 0;
        this.suspended = 0;
        this.base = clockStartDay(this.calendar, when);
        this.recomputeDue();
        return this.push('reopen', note, 'assigned', 'firm', when, {
          departmentIndex: this.departmentIndex,
        });
      }
      case 'decline':
      case 'reject_extension':
        return;
    }
  }
}

const ANSWERS: Readonly<Record<string, string>> = {
  land: '已会同园区核实用地需求，纳入年度供地计划，并告知办理流程。',
  finance: '已组织银行和产业基金专场对接，三家机构与企业建立联系。',
  talent: '已按人才政策落实相关待遇，并安排专人跟进。',
  approval: '已协调审评机构开通绿色通道，明确材料要求和时限。',
  supply_chain: '已推送本地三家潜在供应商，安排企业实地考察。',
  market: '已组织供需对接会，相关医院和采购方已与企业接洽。',
  policy: '已核实申报材料，奖补资金按程序拨付。',
  other: '已协调相关单位现场办理。',
};

/**
 * The demo's problems: about `count` problems received between 2 January 2025 and yesterday, each
 * walked as far as its age allows. Enterprises are drawn from `enterprises` (Wuxi firms).
 */
export function generateDemoProblems(
  random: SeededRandom,
  calendar: WorkingCalendar,
  enterprises: readonly DemoProblemEnterprise[],
  now: Date,
  count = 300,
  sharedNodeCode = 'biomed.down.precision',
): DemoProblem[] {
  const today = shanghaiDate(now);
  const start = Date.parse('2025-01-02T00:00:00+08:00');
  const span = now.getTime() - 86_400_000 - start;
  const problems: DemoProblem[] = [];
  const precision = enterprises.filter((e) => e.nodeCode === sharedNodeCode);
  for (let i = 0; i < count; i += 1) {
    // Four approval problems of the precision-medicine node make the shared problem.
    const shared = i < 4 && precision.length > 0;
    const plan = shared
      ? (CATEGORY_PLANS.find((c) => c.code === 'approval') ?? CATEGORY_PLANS[0]!)
      : random.weighted(CATEGORY_PLANS, (c) => c.weight);
    const enterprise = shared ? precision[i % precision.length]! : random.pick(enterprises);
    const receivedDay = shanghaiDate(new Date(start + random.next() * span));
    const receivedAt = at(
      receivedDay,
      random.chance(0.12) ? random.between(17, 20) : random.between(8.5, 17),
    );
    const channel = random.pick(CHANNELS);
    const departmentIndex = random.pick(plan.departments);
    const walk = new ProblemWalk(
      calendar,
      random,
      today,
      plan.sla,
      departmentIndex,
      receivedAt,
      channel === 'online',
    );
    walkProblem(walk, random, plan, shared);
    const title = shared ? '伴随诊断试剂注册审评周期长' : random.pick(plan.titles);
    problems.push({
      enterpriseIndex: enterprise.index,
      nodeCode: enterprise.nodeCode,
      title,
      description: `${enterprise.name}反映：${title}，希望相关部门协调解决。`,
      channel,
      categoryCode: plan.code,
      departmentIndex: walk.events.some((e) => e.action === 'assign') ? departmentIndex : null,
      assigneeName: walk.events.some((e) => e.action === 'assign') ? random.pick(ASSIGNEES) : null,
      contactName: random.pick(CONTACTS),
      contactPhone: `1380510${String(random.int(0, 9999)).padStart(4, '0')}`,
      stage: walk.stage,
      receivedAt,
      clockStartsOn: clockStartDay(calendar, receivedAt),
      slaWorkingDays: plan.sla,
      extensionWorkingDays: walk.extension,
      suspendedWorkingDays: walk.suspended,
      suspendedAt: walk.suspendedAt,
      dueOn: walk.due.date,
      dueBeyondCalendar: walk.due.beyondCalendar,
      pendingExtensionDays: walk.pending?.days ?? null,
      pendingExtensionReason: walk.pending?.reason ?? null,
      answer: walk.answer,
      returnReason: walk.returnReason,
      closedAt: walk.closedAt,
      firstClosedAt: walk.firstClosedAt,
      firstClosedOnTime: walk.firstClosedOnTime,
      reopenCount: walk.reopenCount,
      satisfaction: walk.satisfaction,
      satisfactionComment: walk.satisfactionComment,
      shared,
      events: walk.events,
    });
  }
  return problems.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

/** Takes the walk through the loop; each step happens only if its day is before today. */
function walkProblem(walk: ProblemWalk, random: SeededRandom, plan: CategoryPlan, shared: boolean) {
  if (walk.stage === 'submitted') {
    if (!walk.advance(random.int(0, 1))) return;
    if (!shared && random.chance(0.04)) {
      walk.step('return', '不属于产业链诉求受理范围，已告知企业通过 12345 热线反映。');
      return;
    }
    walk.step('accept');
  }
  if (!walk.advance(random.int(0, 1))) return;
  walk.step('assign', '请按时限办理并反馈企业。');
  if (!walk.advance(random.int(0, 2))) return;
  walk.step('start');
  // Slow handling: some wait for the enterprise, some need more time, a few are left overdue.
  const lingering = random.chance(0.07);
  // A few hard cases stay open long past their due date (the overdue list is never empty).
  if (!shared && random.chance(0.04)) return;
  if (random.chance(0.08)) {
    if (!walk.advance(random.int(1, 3))) return;
    walk.step('suspend', '等待企业补充申报材料。');
    if (!walk.advance(random.int(3, 8))) return;
    walk.step('resume');
  }
  if (random.chance(0.1)) {
    if (!walk.advance(random.int(2, 5))) return;
    walk.step('request_extension', '涉及多部门会商，需延长办理时限。', { workingDays: 5 });
    if (!walk.advance(1)) return;
    walk.step('approve_extension', '同意延期 5 个工作日。');
  }
  const late = random.chance(0.15);
  const work = lingering
    ? plan.sla + random.int(15, 40)
    : late
      ? plan.sla + random.int(2, 8)
      : random.int(2, Math.max(3, plan.sla - 2));
  if (!walk.advance(work)) return;
  walk.step('answer', ANSWERS[plan.code] ?? '已办理并反馈企业。');
  if (!walk.advance(random.int(0, 1))) return;
  walk.step('close', '企业已确认办理结果。');
  if (!random.chance(0.75) || !walk.advance(random.int(1, 3))) return;
  const satisfaction = random.weighted<Satisfaction>(
    ['satisfied', 'basically_satisfied', 'dissatisfied'],
    (level) => ({ satisfied: 70, basically_satisfied: 20, dissatisfied: 10 })[level],
  );
  walk.step('rate', satisfaction === 'dissatisfied' ? '问题没有实质解决。' : null, {
    satisfaction,
  });
  if (satisfaction !== 'dissatisfied' || !random.chance(0.7)) return;
  if (!walk.advance(random.int(1, 3))) return;
  walk.step('reopen', '希望进一步协调解决。');
  if (!walk.advance(random.int(1, 2))) return;
  walk.step('start');
  if (!walk.advance(random.int(3, plan.sla))) return;
  walk.step('answer', '已再次协调，落实解决方案。');
  if (!walk.advance(1)) return;
  walk.step('close', '企业已确认第二次办理结果。');
  if (!walk.advance(random.int(1, 2))) return;
  walk.step('rate', null, { satisfaction: 'basically_satisfied' });
}
