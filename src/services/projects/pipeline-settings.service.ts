import { checkStageProbabilities } from '../../domain/project-pipeline.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import { findSetting, saveSetting } from '../../db/setting.repository.ts';
import {
  DEFAULT_STAGE_PROBABILITIES,
  DEFAULT_STALLED_DAYS,
  PROJECT_STAGES,
  type PipelineSettings,
} from '../../shared/api/projects.ts';

const KEY = 'pipeline';

/** The stage probabilities and stalled threshold in force: saved values over the defaults. */
export async function getPipelineSettings(db: DbOrTx): Promise<PipelineSettings> {
  const saved = (await findSetting(db, KEY)) as Partial<PipelineSettings> | null;
  const probabilities = { ...DEFAULT_STAGE_PROBABILITIES, ...saved?.stageProbabilities };
  return {
    stageProbabilities: Object.fromEntries(
      PROJECT_STAGES.map((s) => [s, probabilities[s]]),
    ) as PipelineSettings['stageProbabilities'],
    stalledDays: saved?.stalledDays ?? DEFAULT_STALLED_DAYS,
  };
}

/**
 * Saves stage probabilities and the stalled threshold (either or both), audited.
 * Throws VALIDATION_FAILED for a probability outside 0–1 or below an earlier stage's.
 */
export async function savePipelineSettings(
  db: Db,
  actor: Actor,
  changes: Partial<PipelineSettings>,
): Promise<PipelineSettings> {
  return db.transaction(async (tx) => {
    const before = await getPipelineSettings(tx);
    const after: PipelineSettings = {
      stageProbabilities: { ...before.stageProbabilities, ...changes.stageProbabilities },
      stalledDays: changes.stalledDays ?? before.stalledDays,
    };
    checkStageProbabilities(after.stageProbabilities);
    await saveSetting(tx, KEY, after);
    await recordAudit(tx, actor, {
      action: 'pipeline.settings.update',
      entityType: 'setting',
      entityId: KEY,
      before,
      after,
    });
    return after;
  });
}
