import type { ProblemSummary } from '@shared/api/problems.ts';

/** How pressing a problem is: 0 overdue, 1 due within two working days, 2 the rest. */
function urgency(problem: ProblemSummary): number {
  if (problem.overdue) return 0;
  if (problem.workingDaysLeft !== null && problem.workingDaysLeft <= 2) return 1;
  return 2;
}

/** Overdue first, then due within two working days, then by due date (earliest first). */
export function byUrgency(a: ProblemSummary, b: ProblemSummary): number {
  return urgency(a) - urgency(b) || a.dueOn.localeCompare(b.dueOn) || a.id - b.id;
}

/** Whether the problem is due within two working days and not yet overdue. */
export function isDueSoon(problem: ProblemSummary): boolean {
  return urgency(problem) === 1;
}
