import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_PROBABILITIES } from '../shared/api/projects.ts';
import { isAppError } from './app-error.ts';
import {
  allowedMoves,
  checkStageMove,
  checkStageProbabilities,
  isStalled,
  weightedOutput,
} from './project-pipeline.ts';

function errorOf(run: () => void) {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

describe('stage moves', () => {
  it('allows the next stage and any earlier one', () => {
    expect(allowedMoves('lead', 'active')).toEqual(['negotiating']);
    expect(allowedMoves('signed', 'active')).toEqual(['lead', 'negotiating', 'started']);
    expect(allowedMoves('producing', 'active')).toEqual([
      'lead',
      'negotiating',
      'signed',
      'started',
    ]);
    expect(allowedMoves('signed', 'dropped')).toEqual([]);
  });

  it('moves forward one step without a reason', () => {
    expect(() => checkStageMove('lead', 'negotiating', 'active', undefined)).not.toThrow();
  });

  it('refuses skipping a stage, naming the next one', () => {
    const error = errorOf(() => checkStageMove('lead', 'signed', 'active', 'in a hurry'));
    expect(isAppError(error, 'STAGE_MOVE_INVALID')).toBe(true);
    expect((error as Error).message).toMatch(/from lead \(线索\) the next is negotiating \(在谈\)/);
  });

  it('moves back only with a reason', () => {
    const error = errorOf(() => checkStageMove('signed', 'lead', 'active', '  '));
    expect(isAppError(error, 'STAGE_MOVE_INVALID')).toBe(true);
    expect((error as Error).message).toMatch(/needs a reason/);
    expect(() => checkStageMove('signed', 'lead', 'active', 'the investor withdrew')).not.toThrow();
  });

  it('refuses staying put and moving a dropped project', () => {
    expect(isAppError(errorOf(() => checkStageMove('signed', 'signed', 'active', 'x')))).toBe(true);
    const dropped = errorOf(() => checkStageMove('lead', 'negotiating', 'dropped', undefined));
    expect((dropped as Error).message).toMatch(/dropped: reopen it/);
  });
});

describe('stage probabilities and weighting', () => {
  it('accepts the defaults and refuses out-of-range or decreasing ones', () => {
    expect(() => checkStageProbabilities({ ...DEFAULT_STAGE_PROBABILITIES })).not.toThrow();
    const high = errorOf(() =>
      checkStageProbabilities({ ...DEFAULT_STAGE_PROBABILITIES, producing: 1.2 }),
    );
    expect(isAppError(high, 'VALIDATION_FAILED')).toBe(true);
    const decreasing = errorOf(() =>
      checkStageProbabilities({ ...DEFAULT_STAGE_PROBABILITIES, started: 0.5 }),
    );
    expect((decreasing as Error).message).toMatch(
      /started \(0\.5\) is below an earlier stage's \(0\.6\)/,
    );
  });

  it('weights expected output by the stage probability; dropped counts nothing', () => {
    const p = DEFAULT_STAGE_PROBABILITIES;
    expect(weightedOutput(2e9, 'negotiating', 'active', p)).toBeCloseTo(6e8, 0);
    expect(weightedOutput(2e9, 'started', 'active', p)).toBeCloseTo(1.7e9, 0);
    expect(weightedOutput(2e9, 'started', 'dropped', p)).toBe(0);
    expect(weightedOutput(null, 'lead', 'active', p)).toBeNull();
  });
});

describe('stalled projects', () => {
  const now = new Date('2025-06-30T12:00:00Z');
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

  it('flags an active, unfinished project unchanged for the threshold or longer', () => {
    expect(isStalled({ stage: 'lead', status: 'active', updatedAt: daysAgo(30) }, now, 30)).toBe(
      true,
    );
    expect(isStalled({ stage: 'lead', status: 'active', updatedAt: daysAgo(29) }, now, 30)).toBe(
      false,
    );
  });

  it('never flags producing or dropped projects', () => {
    expect(
      isStalled({ stage: 'producing', status: 'active', updatedAt: daysAgo(90) }, now, 30),
    ).toBe(false);
    expect(isStalled({ stage: 'lead', status: 'dropped', updatedAt: daysAgo(90) }, now, 30)).toBe(
      false,
    );
  });
});
