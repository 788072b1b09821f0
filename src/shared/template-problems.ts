/**
 * Why a chain template (or its revision) was refused, as a code with parameters, located by node
 * and field. The English sentence stays beside it for the CLI and the API's message; the web app
 * writes the problem in the reader's language from the code (web/src/modules/i18n).
 */
export const TEMPLATE_PROBLEM_CODES = [
  // The document's shape (the validator)
  'REQUIRED',
  'WRONG_TYPE',
  'UNKNOWN_FIELDS',
  'TEXT_EMPTY',
  'TOO_FEW_ITEMS',
  'NUMBER_ABOVE',
  'NUMBER_AT_LEAST',
  'NUMBER_AT_MOST',
  'NUMBER_BELOW',
  'NOT_ONE_OF',
  'CHAIN_CODE_FORMAT',
  'NODE_CODE_FORMAT',
  'CLASS_CODE_FORMAT',
  'INVALID',
  // The template's consistency
  'DUPLICATE_CODE',
  'CODE_PREFIX',
  'FLOW_UNKNOWN_NODE',
  'FLOW_LOOP',
  'FLOW_DUPLICATE',
  // Its revisions, on their own
  'REVISION_FROM_NOT_BELOW',
  'REVISION_DUPLICATE',
  'CHANGED_TWICE',
  'CHANGED_NODE_STILL_PRESENT',
  'REVISION_UNKNOWN_NODE',
  'SPLIT_DEFAULT_NOT_PART',
  'SPLIT_TARGET_NOT_PART',
  'SPLIT_SHARES_SUM',
  // Its revisions, against the chain as stored
  'NOT_IN_STORED_CHAIN',
  'RENAME_TARGET_EXISTS',
  'REMOVED_NOT_MAPPED',
  'REMOVED_NO_REVISION',
  'VERSION_NOT_ABOVE_STORED',
  'RETIRE_ORPHANS',
] as const;

export type TemplateProblemCode = (typeof TEMPLATE_PROBLEM_CODES)[number];

/** What a problem's sentence names: a node, a version, a list of values (joined with ', '). */
export type TemplateProblemParams = Readonly<Record<string, string | number>>;

/** A problem found in a template, located by node code (when inside a node) and field path. */
export interface TemplateProblem {
  node: string | null;
  field: string;
  code: TemplateProblemCode;
  params: TemplateProblemParams;
  /** The problem in English (the CLI's wording). */
  message: string;
}
