// Why an uploaded boundary file, or one of its features, was refused: the codes the API sends in
// `details` and the web app says in both languages.

/** Why a boundary file was refused: `details.problem` of its 400 VALIDATION_FAILED. */
export const BOUNDARY_FILE_PROBLEMS = [
  'too-large',
  'not-json',
  'not-a-collection',
  'no-features',
  'too-many-features',
  'too-many-positions',
  'features-unmatched',
] as const;
export type BoundaryFileProblem = (typeof BOUNDARY_FILE_PROBLEMS)[number];

/** Why one feature was refused: `details.features[].reason`. */
export const BOUNDARY_PROBLEM_REASONS = [
  'not-a-feature',
  'geometry-type',
  'coordinates',
  'no-code-or-name',
  'code-outside-region',
  'name-not-found',
  'duplicate',
] as const;
export type BoundaryProblemReason = (typeof BOUNDARY_PROBLEM_REASONS)[number];
