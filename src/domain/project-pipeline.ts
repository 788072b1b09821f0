import { AppError } from './app-error.ts';
import {
  PROJECT_STAGE_NAMES,
  PROJECT_STAGES,
  type ProjectStage,
  type ProjectStatus,
} from '../shared/api/projects.ts';

/** Rules of the project pipeline: which stage moves are allowed, stage weights, stalling. */

export type StageProbabilities = Readonly<Record<ProjectStage, number>>;

const DAY_MS = 86_400_000;

/** The position of a stage, 0 for `lead`. */
export function stageIndex(stage: ProjectStage): number {
  return PROJECT_STAGES.indexOf(stage);
}

/** True when `value` names a stage. */
export function isProjectStage(value: string): value is ProjectStage {
  return (PROJECT_STAGES as readonly string[]).includes(value);
}

/** Stages a project may move to from `stage`: the next one, or any earlier one (with a reason). */
export function allowedMoves(stage: ProjectStage, status: ProjectStatus): ProjectStage[] {
  if (status !== 'active') return [];
  const index = stageIndex(stage);
  return PROJECT_STAGES.filter((_, i) => i === index + 1 || i < index);
}

/**
 * Checks one stage move. Forward goes one step at a time (a signed project was negotiated);
 * back goes any number of steps but needs a reason, since it undoes recorded progress.
 * Throws STAGE_MOVE_INVALID naming the stages and what is allowed.
 */
export function checkStageMove(
  from: ProjectStage,
  to: ProjectStage,
  status: ProjectStatus,
  reason: string | null | undefined,
): void {
  const name = (s: ProjectStage) => `${s} (${PROJECT_STAGE_NAMES[s].zh})`;
  const details = { from, to, allowed: allowedMoves(from, status) };
  if (status !== 'active') {
    throw new AppError(
      'STAGE_MOVE_INVALID',
      'The project is dropped: reopen it (with a reason) before moving it.',
      details,
    );
  }
  const delta = stageIndex(to) - stageIndex(from);
  if (delta === 0) {
    throw new AppError('STAGE_MOVE_INVALID', `The project is already at ${name(to)}.`, details);
  }
  if (delta > 1) {
    const next = PROJECT_STAGES[stageIndex(from) + 1];
    throw new AppError(
      'STAGE_MOVE_INVALID',
      `A project moves forward one stage at a time: from ${name(from)} the next is ` +
        `${next ? name(next) : 'none'}, not ${name(to)}.`,
      details,
    );
  }
  if (delta < 0 && !reason?.trim()) {
    throw new AppError(
      'STAGE_MOVE_INVALID',
      `Moving back from ${name(from)} to ${name(to)} needs a reason.`,
      { ...details, field: 'reason' },
    );
  }
}

/**
 * Checks stage probabilities: each within 0–1 and never lower than an earlier stage's (a later
 * stage is closer to producing). Throws VALIDATION_FAILED naming the stage.
 */
export function checkStageProbabilities(probabilities: Record<string, number>): void {
  let previous = 0;
  for (const stage of PROJECT_STAGES) {
    const p = probabilities[stage];
    if (p === undefined || !Number.isFinite(p) || p < 0 || p > 1) {
      throw new AppError(
        'VALIDATION_FAILED',
        `The probability of stage ${stage} must be a number from 0 to 1.`,
        { field: `stageProbabilities.${stage}` },
      );
    }
    if (p < previous) {
      throw new AppError(
        'VALIDATION_FAILED',
        `The probability of stage ${stage} (${p}) is below an earlier stage's (${previous}); ` +
          'a later stage is never less likely to produce.',
        { field: `stageProbabilities.${stage}` },
      );
    }
    previous = p;
  }
}

/** Expected output weighted by the stage's probability; a dropped project counts 0. */
export function weightedOutput(
  expectedOutputYuan: number | null,
  stage: ProjectStage,
  status: ProjectStatus,
  probabilities: StageProbabilities,
): number | null {
  if (expectedOutputYuan === null) return null;
  return status === 'active' ? expectedOutputYuan * probabilities[stage] : 0;
}

/** Whole days since `changedAt`. */
export function daysSince(changedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - changedAt.getTime()) / DAY_MS));
}

/**
 * A project is stalled when it is still pursued, has not reached production, and nothing about it
 * changed for `stalledDays` days or more.
 */
export function isStalled(
  project: { stage: ProjectStage; status: ProjectStatus; updatedAt: Date },
  now: Date,
  stalledDays: number,
): boolean {
  return (
    project.status === 'active' &&
    project.stage !== 'producing' &&
    daysSince(project.updatedAt, now) >= stalledDays
  );
}
