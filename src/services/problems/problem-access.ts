import { AppError } from '../../domain/app-error.ts';
import type { Actor } from '../../db/audit.repository.ts';
import type { ProblemRow } from '../../db/problem.repository.ts';
import { roleHasPermission } from '../../shared/permissions.ts';
import { problemScopeFor, type ProblemScope, type ScopedUser } from '../../shared/problem-scope.ts';
import {
  PROBLEM_ACTIONS,
  PROBLEM_STAGE_NAMES,
  PROBLEM_TRANSITIONS,
  transitionOf,
  type ProblemAction,
  type ProblemStage,
} from '../../shared/problem-stages.ts';
import { asProblemStage } from './problem-presenter.ts';

/** Who acts on problems: the audit actor with the role and bindings the scope comes from. */
export type ProblemUser = Actor & ScopedUser;

/** The scope of a problem user. */
export function scopeOf(user: ProblemUser): ProblemScope {
  return problemScopeFor(user);
}

/** Whether the scope hides contacts and attachments (analyst, viewer). */
export function isRedacted(scope: ProblemScope): boolean {
  return scope.kind === 'chains' && scope.redacted;
}

/** Why an action the table allows the role cannot be taken now (null: it can). */
function ruleRefusal(row: ProblemRow, action: ProblemAction): string | null {
  switch (action) {
    case 'request_extension':
      return row.pendingExtensionDays === null
        ? null
        : `an extension of ${row.pendingExtensionDays} working days is already waiting for a decision`;
    case 'approve_extension':
    case 'reject_extension':
      return row.pendingExtensionDays === null ? 'no extension has been asked for' : null;
    case 'reopen':
      return row.satisfaction === 'dissatisfied'
        ? null
        : 'only a problem whose latest rating is 不满意 (dissatisfied) can be reopened';
    case 'accept':
    case 'return':
    case 'assign':
    case 'decline':
    case 'start':
    case 'suspend':
    case 'resume':
    case 'answer':
    case 'close':
    case 'rate':
      return null;
  }
}

function roleMay(user: ProblemUser, action: ProblemAction): boolean {
  return user.role === 'admin' || transitionOf(action).roles.includes(user.role);
}

/**
 * The actions a user may take on a problem it sees, now: role, stage and the extra rules (an open
 * extension request, a dissatisfied rating). Redacted scopes act on nothing.
 */
export function allowedActionsFor(
  user: ProblemUser,
  scope: ProblemScope,
  row: ProblemRow,
): ProblemAction[] {
  if (isRedacted(scope) || !roleHasPermission(user.role, 'problem:act')) return [];
  const stage = asProblemStage(row.stage);
  return PROBLEM_ACTIONS.filter(
    (action) =>
      roleMay(user, action) &&
      transitionOf(action).from.includes(stage) &&
      ruleRefusal(row, action) === null,
  );
}

/** The actions the table allows from a stage, for error messages. */
function actionsFrom(stage: ProblemStage): string {
  const names = PROBLEM_TRANSITIONS.filter((t) => t.from.includes(stage)).map((t) => t.action);
  return names.length > 0 ? names.join(', ') : 'none';
}

/**
 * Refuses an action the user may not take on a problem it sees: FORBIDDEN when the table does not
 * name its role (admin always may), PROBLEM_TRANSITION_INVALID when the stage is not one the
 * action starts from or a rule of the action does not hold.
 */
export function checkAction(user: ProblemUser, row: ProblemRow, action: ProblemAction): void {
  const transition = transitionOf(action);
  if (!roleMay(user, action)) {
    throw new AppError(
      'FORBIDDEN',
      `Your role (${user.role}) may not ${action} a problem: only ${transition.roles.join(', ')} may.`,
      { action, role: user.role },
    );
  }
  const stage = asProblemStage(row.stage);
  if (!transition.from.includes(stage)) {
    throw new AppError(
      'PROBLEM_TRANSITION_INVALID',
      `Problem ${row.reference} is ${stage} (${PROBLEM_STAGE_NAMES[stage].zh}): ${action} is ` +
        `taken from ${transition.from.join(', ')}. From ${stage} the actions are: ${actionsFrom(stage)}.`,
      { action, stage, allowed: transition.from },
    );
  }
  const refusal = ruleRefusal(row, action);
  if (refusal) {
    throw new AppError(
      'PROBLEM_TRANSITION_INVALID',
      `Cannot ${action} problem ${row.reference}: ${refusal}.`,
      { action, stage },
    );
  }
}

/** Why a user cannot see a problem that exists, for the 403 message. */
export function outOfScopeMessage(scope: ProblemScope, id: number): string {
  switch (scope.kind) {
    case 'department':
      return `Problem ${id} is not assigned to your department: a department works only the problems assigned to it.`;
    case 'enterprise':
      return `Problem ${id} is not your enterprise's: an enterprise account sees only its own problems.`;
    case 'park':
      return `Problem ${id} is not of an enterprise in your park.`;
    case 'chains':
      return `Problem ${id} is on a chain you are not assigned to.`;
    case 'none':
      return 'Your role does not see enterprise problems.';
  }
}
