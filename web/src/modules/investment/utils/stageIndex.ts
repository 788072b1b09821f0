import type { ProjectStage } from '@shared/api/projects.ts';

/** The stages in order (the API's PROJECT_STAGES; the web imports only its types). */
export const STAGES: readonly ProjectStage[] = [
  'lead',
  'negotiating',
  'signed',
  'started',
  'producing',
];

/** The position of a stage in the pipeline, from 0 (线索). */
export function stageIndex(stage: ProjectStage): number {
  return STAGES.indexOf(stage);
}
