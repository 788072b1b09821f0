import {
  shanghaiDate,
  workingDaysBetween,
  type WorkingCalendar,
} from '../../domain/working-calendar.ts';
import type { DepartmentRow, ProblemCategoryRow } from '../../db/department.repository.ts';
import type { ProblemEventRow, ProblemView } from '../../db/problem.repository.ts';
import type {
  Department,
  ProblemAttachment,
  ProblemCategory,
  ProblemEvent,
  ProblemSummary,
} from '../../shared/api/problems.ts';
import {
  PROBLEM_CHANNELS,
  PROBLEM_STAGES,
  SATISFACTION_LEVELS,
  type ProblemChannel,
  type ProblemStage,
  type Satisfaction,
} from '../../shared/problem-stages.ts';

/** A stage read from the database (the column's check constraint holds it to the list). */
export function asProblemStage(value: string): ProblemStage {
  return (PROBLEM_STAGES as readonly string[]).includes(value)
    ? (value as ProblemStage)
    : 'submitted';
}

function asChannel(value: string): ProblemChannel {
  return (PROBLEM_CHANNELS as readonly string[]).includes(value)
    ? (value as ProblemChannel)
    : 'visit';
}

function asSatisfaction(value: string | null): Satisfaction | null {
  return value !== null && (SATISFACTION_LEVELS as readonly string[]).includes(value)
    ? (value as Satisfaction)
    : null;
}

/** Open, not suspended, and today (Asia/Shanghai) after the due date. */
export function isOverdue(stage: ProblemStage, dueOn: string, today: string): boolean {
  return !['closed', 'returned', 'suspended'].includes(stage) && today > dueOn;
}

function workingDaysLeft(
  calendar: WorkingCalendar,
  stage: ProblemStage,
  dueOn: string,
  today: string,
): number | null {
  if (stage === 'closed' || stage === 'returned') return null;
  return today <= dueOn
    ? workingDaysBetween(calendar, today, dueOn)
    : -workingDaysBetween(calendar, dueOn, today);
}

/** A problem as a list item. */
export function presentProblemSummary(
  view: ProblemView,
  calendar: WorkingCalendar,
  now: Date,
): ProblemSummary {
  const p = view.problem;
  const stage = asProblemStage(p.stage);
  const today = shanghaiDate(now);
  return {
    id: p.id,
    reference: p.reference,
    title: p.title,
    enterprise: { id: p.enterpriseId, name: view.enterpriseName },
    chainCode: view.chainCode,
    node: view.node
      ? { code: view.node.code, name: { zh: view.node.nameZh, en: view.node.nameEn } }
      : null,
    category: {
      code: p.categoryCode,
      name: { zh: view.category.nameZh, en: view.category.nameEn },
    },
    channel: asChannel(p.channel),
    department: view.department,
    assigneeName: p.assigneeName,
    stage,
    receivedAt: p.receivedAt.toISOString(),
    dueOn: p.dueOn,
    dueBeyondCalendar: p.dueBeyondCalendar,
    overdue: isOverdue(stage, p.dueOn, today),
    workingDaysLeft: workingDaysLeft(calendar, stage, p.dueOn, today),
    pendingExtensionDays: p.pendingExtensionDays,
    satisfaction: asSatisfaction(p.satisfaction),
    reopenCount: p.reopenCount,
    sharedProblemId: p.sharedProblemId,
    demo: p.isDemo,
  };
}

/** One step of a problem's timeline. */
export function presentProblemEvent(row: {
  event: ProblemEventRow;
  /** The name the actor goes by now (display name), if known. */
  actorDisplayName?: string | null;
  department: { id: number; name: string; nameEn: string | null } | null;
}): ProblemEvent {
  const e = row.event;
  return {
    action: e.action,
    fromStage: e.fromStage === null ? null : asProblemStage(e.fromStage),
    toStage: asProblemStage(e.toStage),
    note: e.note,
    satisfaction: asSatisfaction(e.satisfaction),
    workingDays: e.workingDays,
    department: row.department,
    dueOn: e.dueOn,
    actorName: row.actorDisplayName ?? e.actorName,
    actorRole: e.actorRole,
    at: e.at.toISOString(),
  };
}

/** An attachment's description (never its bytes). */
export function presentProblemAttachment(row: {
  id: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}): ProblemAttachment {
  return { ...row, uploadedAt: row.uploadedAt.toISOString() };
}

export function presentDepartment(row: DepartmentRow): Department {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.nameEn,
    regionCode: row.regionCode,
    active: row.active,
  };
}

export function presentCategory(row: ProblemCategoryRow): ProblemCategory {
  return {
    code: row.code,
    name: { zh: row.nameZh, en: row.nameEn },
    slaWorkingDays: row.slaWorkingDays,
    sortOrder: row.sortOrder,
    active: row.active,
  };
}
