import type { SeededRandom } from '../../domain/random.ts';
import {
  addCalendarDays,
  addWorkingDays,
  nextWorkingDay,
  shanghaiDate,
  type WorkingCalendar,
} from '../../domain/working-calendar.ts';

// The chain leader's demo work from January 2025 to today: visits to enterprises, chain meetings
// and coordination meetings, and the supervised tasks (督办) they set, some done on time, some
// late, some still open or overdue.

export interface DemoActivity {
  kind: 'visit' | 'chain_meeting' | 'coordination_meeting';
  heldOn: string;
  title: string;
  people: string[];
  summary: string;
  enterpriseIndexes: number[];
  nodeCodes: string[];
}

export interface DemoSupervisionItem {
  /** The activity (meeting) that set it. */
  activityIndex: number | null;
  /** Set for the escalated shared problem. */
  fromSharedProblem: boolean;
  title: string;
  detail: string;
  departmentIndex: number;
  deadline: string;
  completedAt: Date | null;
  createdAt: Date;
  notes: { note: string; at: Date; author: string }[];
}

export const DEMO_LEADERSHIP = {
  leaderName: '链长（演示）',
  leaderTitle: '无锡市副市长',
  officeName: '无锡市生物医药产业链链长办公室',
  chiefName: '总链长（演示）',
  chiefTitle: '无锡市市长',
} as const;

const LEADER = `${DEMO_LEADERSHIP.leaderName}`;
const OFFICE = '链办专员（演示）';

const MEETING_TOPICS = [
  '生物医药产业链链长会议：年度目标与重点项目',
  '专题协调会：高端医疗装备首台套应用',
  '专题协调会：精准医学伴随诊断审评提速',
  '生物医药产业链链长会议：半年度推进情况',
  '专题协调会：CDMO 产能扩张用地保障',
  '专题协调会：数字医疗数据合规与应用场景',
  '生物医药产业链链长会议：三季度运行分析',
  '专题协调会：关键原辅料本地配套',
  '专题协调会：创新药进院与医保对接',
  '生物医药产业链链长会议：年度考核与明年计划',
];

const TASKS: readonly { title: string; department: number }[] = [
  { title: '梳理高端医疗装备首台套目录并推动本地医院试用', department: 1 },
  { title: '建立伴随诊断试剂注册绿色通道', department: 7 },
  { title: '落实 CDMO 企业二期用地指标', department: 5 },
  { title: '组织关键培养基本地替代供需对接会', department: 1 },
  { title: '制定数字医疗应用场景开放清单', department: 2 },
  { title: '兑现创新药临床试验奖补资金', department: 0 },
  { title: '推动产业基金完成两家企业投资', department: 8 },
  { title: '完善生物医药人才公寓配套', department: 4 },
  { title: '协调创新药进入市属医院用药目录', department: 3 },
  { title: '编制生物医药产业链招商图谱更新', department: 3 },
  { title: '推进药品上市许可持有人委托生产服务', department: 7 },
  { title: '加快马山生命科学园标准厂房交付', department: 9 },
];

const NOTES = [
  '已召开部门协调会，明确分工和时间节点。',
  '已完成现场调研，形成工作方案。',
  '相关材料已报送，正在审核。',
  '已与企业对接，企业反馈积极。',
];

/**
 * Forty visits to Wuxi firms, ten meetings (every quarter a chain meeting, coordination meetings
 * between) and the 督办 items the meetings set (about 25 with the escalated shared problem's).
 */
export function generateDemoLeadership(
  random: SeededRandom,
  calendar: WorkingCalendar,
  enterprises: readonly { index: number; name: string; nodeCode: string }[],
  now: Date,
): { activities: DemoActivity[]; items: DemoSupervisionItem[] } {
  const today = shanghaiDate(now);
  const first = '2025-01-06';
  const days = Math.max(
    30,
    Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000),
  );
  const onWorkingDay = (offset: number) => {
    const day = addCalendarDays(first, Math.min(offset, days - 1));
    return nextWorkingDay(calendar, addCalendarDays(day, -1));
  };
  const activities: DemoActivity[] = [];
  for (let i = 0; i < 40; i += 1) {
    const firm = random.pick(enterprises);
    activities.push({
      kind: 'visit',
      heldOn: onWorkingDay(Math.floor(((i + random.next()) * days) / 40)),
      title: `走访${firm.name}`,
      people: i % 3 === 0 ? [LEADER, OFFICE] : [OFFICE, '责任部门负责人'],
      summary: '了解企业生产经营、在建项目和发展诉求，现场收集问题并交办相关部门。',
      enterpriseIndexes: [firm.index],
      nodeCodes: [firm.nodeCode],
    });
  }
  const items: DemoSupervisionItem[] = [];
  for (const [i, topic] of MEETING_TOPICS.entries()) {
    const heldOn = onWorkingDay(Math.floor(((i + 0.5) * days) / MEETING_TOPICS.length));
    const participants = random.int(2, 4);
    const firms = Array.from({ length: participants }, () => random.pick(enterprises));
    activities.push({
      kind: topic.includes('链长会议') ? 'chain_meeting' : 'coordination_meeting',
      heldOn,
      title: topic,
      people: [LEADER, OFFICE, '相关部门负责人', ...firms.map((f) => `${f.name}负责人`)],
      summary: '听取产业链运行和重点事项推进情况汇报，研究部署下一步工作。',
      enterpriseIndexes: [...new Set(firms.map((f) => f.index))],
      nodeCodes: [...new Set(firms.map((f) => f.nodeCode))],
    });
    const tasks = i < 4 ? 3 : 2;
    for (let t = 0; t < tasks && items.length < 24; t += 1) {
      const task = TASKS[(i * 3 + t) % TASKS.length]!;
      items.push(supervise(random, calendar, today, activities.length - 1, heldOn, task, false));
    }
  }
  return { activities, items };
}

/** One 督办 item set on `setOn`, carried as far as today allows. */
export function supervise(
  random: SeededRandom,
  calendar: WorkingCalendar,
  today: string,
  activityIndex: number | null,
  setOn: string,
  task: { title: string; department: number },
  fromSharedProblem: boolean,
): DemoSupervisionItem {
  const deadline = addWorkingDays(calendar, setOn, random.int(20, 60)).date;
  const notes: DemoSupervisionItem['notes'] = [];
  let day = setOn;
  for (const note of NOTES.slice(0, random.int(1, 3))) {
    day = addWorkingDays(calendar, day, random.int(5, 12)).date;
    if (day >= today) break;
    notes.push({ note, at: new Date(`${day}T10:30:00+08:00`), author: '责任部门（演示）' });
  }
  const fate = random.next();
  const finishOn =
    fate < 0.6
      ? addWorkingDays(calendar, setOn, random.int(10, 20)).date
      : fate < 0.8
        ? addWorkingDays(calendar, deadline, random.int(3, 10)).date
        : null;
  const completedAt =
    finishOn !== null && finishOn < today ? new Date(`${finishOn}T16:00:00+08:00`) : null;
  return {
    activityIndex,
    fromSharedProblem,
    title: task.title,
    detail: `${task.title}，按期报告进展。`,
    departmentIndex: task.department,
    deadline,
    completedAt,
    createdAt: new Date(`${setOn}T17:30:00+08:00`),
    notes,
  };
}
