import { z } from 'zod';
import { MAX_INT32, hasUnsafeCharacters } from '../shared/api/fields.ts';
import type { TemplateProblem, TemplateProblemParams } from '../shared/template-problems.ts';
import {
  checkRevisions,
  NODE_CODE_MESSAGE,
  nodeCodeSchema as nodeCode,
  templateRevisionSchema,
} from './template-revision.ts';

export type { TemplateProblem } from '../shared/template-problems.ts';

/**
 * Text of a template: what PostgreSQL can store (no NUL, no half of a surrogate pair), checked
 * here so that a dry run refuses what the load would, naming the field.
 */
const text = () => z.string().refine((value) => !hasUnsafeCharacters(value), UNSAFE_TEXT_MESSAGE);
const UNSAFE_TEXT_MESSAGE = 'must not contain NUL characters or broken Unicode (lone surrogates)';

/** zh and en text; both are required so every screen and report works in both languages. */
const bilingualText = z.object({ zh: text().min(1), en: text().min(1) }).strict();
const bilingualKeywords = z
  .object({
    zh: z.array(text().min(1)).default([]),
    en: z.array(text().min(1)).default([]),
  })
  .strict();

const CLASS_CODE_MESSAGE = 'must be a 4-digit GB/T 4754 class code';
const CHAIN_CODE_MESSAGE = 'must be lower-case letters, digits or dashes';

const classCode = z.string().regex(/^\d{4}$/, CLASS_CODE_MESSAGE);

/** An industry code counts alone, or (requiresText) only when text evidence agrees. */
const industryCodeRule = z.preprocess(
  (value) => (typeof value === 'string' ? { code: value } : value),
  z.object({ code: classCode, requiresText: z.boolean().default(false) }).strict(),
);

export const classificationRulesSchema = z
  .object({
    industryCodes: z.array(industryCodeRule).default([]),
    scope: bilingualKeywords.default({ zh: [], en: [] }),
    products: bilingualKeywords.default({ zh: [], en: [] }),
    names: bilingualKeywords.default({ zh: [], en: [] }),
    exclusions: bilingualKeywords.default({ zh: [], en: [] }),
  })
  .strict();
export type ClassificationRules = z.infer<typeof classificationRulesSchema>;

export const templateNodeSchema = z
  .object({
    code: nodeCode,
    name: bilingualText,
    weight: z.number().positive().default(1),
    focus: z.boolean().default(false),
    rules: classificationRulesSchema,
  })
  .strict();
export type TemplateNode = z.infer<typeof templateNodeSchema>;

export const templateStageSchema = z
  .object({ code: nodeCode, name: bilingualText, nodes: z.array(templateNodeSchema).min(1) })
  .strict();

export const templateFlowSchema = z
  .object({ from: nodeCode, to: nodeCode, note: bilingualText.optional() })
  .strict();

export const chainTemplateSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9-]*$/, CHAIN_CODE_MESSAGE),
    // Stored as an integer column.
    version: z.number().int().positive().max(MAX_INT32),
    name: bilingualText,
    description: bilingualText.optional(),
    industryScheme: text().min(1),
    stages: z.array(templateStageSchema).min(1),
    flows: z.array(templateFlowSchema).default([]),
    /** How the nodes of older versions map onto this one (see docs/templates.md). */
    revisions: z.array(templateRevisionSchema).optional(),
  })
  .strict();
export type ChainTemplate = z.infer<typeof chainTemplateSchema>;

/** Validates a parsed template document; returns the template or every problem found, located. */
export function validateChainTemplate(
  document: unknown,
): { ok: true; template: ChainTemplate } | { ok: false; problems: TemplateProblem[] } {
  const parsed = chainTemplateSchema.safeParse(document);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        ...locateIssue(document, issue.path),
        ...describeIssue(issue),
      })),
    };
  }
  const problems = checkTemplateConsistency(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template: parsed.data };
}

/** What each of the validator's type names is, to a person. */
const TYPE_WORDS: Readonly<Record<string, { kind: string; words: string }>> = {
  string: { kind: 'text', words: 'a text' },
  array: { kind: 'list', words: 'a list' },
  object: { kind: 'object', words: 'an object' },
  number: { kind: 'number', words: 'a number' },
  int: { kind: 'whole-number', words: 'a whole number' },
  boolean: { kind: 'true-false', words: 'true or false' },
};

const FORMAT_CODES = {
  [CLASS_CODE_MESSAGE]: 'CLASS_CODE_FORMAT',
  [NODE_CODE_MESSAGE]: 'NODE_CODE_FORMAT',
  [CHAIN_CODE_MESSAGE]: 'CHAIN_CODE_FORMAT',
} as const;

type Described = { code: TemplateProblem['code']; params: TemplateProblemParams; message: string };

/** A validator issue as a problem code, its parameters and the English a person would write. */
function describeIssue(issue: z.core.$ZodIssue): Described {
  const type = (name: unknown) => TYPE_WORDS[String(name)] ?? { kind: 'value', words: 'a value' };
  switch (issue.code) {
    case 'invalid_type': {
      const { kind, words } = type(issue.expected);
      // The issue does not carry the value (zod reports it only when asked): its text says.
      return / received undefined$/.test(issue.message)
        ? { code: 'REQUIRED', params: { what: kind }, message: `required (${words})` }
        : { code: 'WRONG_TYPE', params: { what: kind }, message: `must be ${words}` };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      return { code: 'UNKNOWN_FIELDS', params: { keys }, message: `unknown field(s): ${keys}` };
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string')
        return { code: 'TEXT_EMPTY', params: {}, message: 'must not be empty' };
      if (issue.origin === 'array' || issue.origin === 'set')
        return {
          code: 'TOO_FEW_ITEMS',
          params: { minimum },
          message: `needs at least ${minimum} item(s)`,
        };
      return issue.inclusive
        ? { code: 'NUMBER_AT_LEAST', params: { minimum }, message: `must be at least ${minimum}` }
        : { code: 'NUMBER_ABOVE', params: { minimum }, message: `must be above ${minimum}` };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      return issue.inclusive
        ? { code: 'NUMBER_AT_MOST', params: { maximum }, message: `must be at most ${maximum}` }
        : { code: 'NUMBER_BELOW', params: { maximum }, message: `must be below ${maximum}` };
    }
    case 'invalid_value':
    case 'invalid_union': {
      const options =
        issue.code === 'invalid_value' ? issue.values : (issue as { options?: unknown[] }).options;
      if (Array.isArray(options) && options.length > 0) {
        const values = options.map(String).join(', ');
        return { code: 'NOT_ONE_OF', params: { values }, message: `must be one of: ${values}` };
      }
      break;
    }
    case 'invalid_format': {
      const code = FORMAT_CODES[issue.message as keyof typeof FORMAT_CODES];
      if (code) return { code, params: {}, message: issue.message };
      break;
    }
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'not_multiple_of':
      break;
  }
  return { code: 'INVALID', params: { message: issue.message }, message: issue.message };
}

function locateIssue(
  document: unknown,
  path: PropertyKey[],
): { node: string | null; field: string } {
  // A path like stages.1.nodes.3.rules.scope names its node by the node's code where it has one.
  let node: string | null = null;
  let fieldStart = 0;
  let cursor: unknown = document;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    cursor =
      isRecord(cursor) || Array.isArray(cursor) ? (cursor as never)[key as never] : undefined;
    const parentKey = path[i - 1];
    if ((parentKey === 'nodes' || parentKey === 'stages') && typeof key === 'number') {
      const code = isRecord(cursor) && typeof cursor.code === 'string' ? cursor.code : null;
      node = code ?? `${String(parentKey)}[${key}]`;
      fieldStart = i + 1;
    }
  }
  const field = path.slice(fieldStart).map(String).join('.') || '(root)';
  return { node, field };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkTemplateConsistency(template: ChainTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const codes = new Set<string>();
  const claim = (code: string, where: string | null): void => {
    if (codes.has(code)) {
      problems.push({
        node: code,
        field: 'code',
        code: 'DUPLICATE_CODE',
        params: {},
        message: 'duplicate code',
      });
    }
    codes.add(code);
    if (where !== null && !code.startsWith(`${where}.`)) {
      problems.push({
        node: code,
        field: 'code',
        code: 'CODE_PREFIX',
        params: { prefix: `${where}.` },
        message: `must start with "${where}."`,
      });
    }
  };
  for (const stage of template.stages) {
    claim(stage.code, template.code);
    for (const node of stage.nodes) claim(node.code, stage.code);
  }
  const segmentCodes = new Set(template.stages.flatMap((stage) => stage.nodes.map((n) => n.code)));
  const seenFlows = new Set<string>();
  template.flows.forEach((flow, index) => {
    const field = `flows.${index}`;
    for (const end of [flow.from, flow.to]) {
      if (!segmentCodes.has(end)) {
        problems.push({
          node: null,
          field,
          code: 'FLOW_UNKNOWN_NODE',
          params: { node: end },
          message: `unknown node "${end}"`,
        });
      }
    }
    if (flow.from === flow.to) {
      problems.push({
        node: null,
        field,
        code: 'FLOW_LOOP',
        params: {},
        message: 'a flow cannot loop',
      });
    }
    const key = `${flow.from}>${flow.to}`;
    if (seenFlows.has(key)) {
      problems.push({
        node: null,
        field,
        code: 'FLOW_DUPLICATE',
        params: { flow: key },
        message: `duplicate flow ${key}`,
      });
    }
    seenFlows.add(key);
  });
  problems.push(...checkRevisions(template.revisions ?? [], template.version, segmentCodes));
  return problems;
}
