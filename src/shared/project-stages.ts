// Plain values of the project contract, without zod, so the web app can import them cheaply.

/** The stages of an investment project, in order: 线索 → 在谈 → 签约 → 开工 → 投产. */
export const PROJECT_STAGES = ['lead', 'negotiating', 'signed', 'started', 'producing'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

/** The position of a stage in the pipeline, from 0 (线索). */
export function stageIndex(stage: ProjectStage): number {
  return PROJECT_STAGES.indexOf(stage);
}
