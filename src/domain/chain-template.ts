import { z } from 'zod';
import { checkRevisions, templateRevisionSchema } from './template-revision.ts';

/** zh and en text; both are required so every screen and report works in both languages. */
const bilingualText = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
const bilingualKeywords = z
  .object({
    zh: z.array(z.string().min(1)).default([]),
    en: z.array(z.string().min(1)).default([]),
  })
  .strict();

const classCode = z.string().regex(/^\d{4}$/, 'must be a 4-digit GB/T 4754 class code');

/** An industry code counts alone, or (requiresText) only when text evidence agrees. */
const industryCodeRule = z.preprocess(
  (value) => (typeof value === 'string' ? { code: value } : value),
  z.object({ code: classCode, requiresText: z.boolean().default(false) }).strict(),
);

const nodeCode = z
  .string()
  .regex(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/, 'must be dotted lower-case, e.g. biomed.up.api');

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
    code: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits or dashes'),
    version: z.number().int().positive(),
    name: bilingualText,
    description: bilingualText.optional(),
    industryScheme: z.string().min(1),
    stages: z.array(templateStageSchema).min(1),
    flows: z.array(templateFlowSchema).default([]),
    /** How the nodes of older versions map onto this one (see docs/templates.md). */
    revisions: z.array(templateRevisionSchema).optional(),
  })
  .strict();
export type ChainTemplate = z.infer<typeof chainTemplateSchema>;

/** A problem found in a template, located by node code (when inside a node) and field path. */
export interface TemplateProblem {
  node: string | null;
  field: string;
  message: string;
}

/** Validates a parsed template document; returns the template or every problem found, located. */
export function validateChainTemplate(
  document: unknown,
): { ok: true; template: ChainTemplate } | { ok: false; problems: TemplateProblem[] } {
  const parsed = chainTemplateSchema.safeParse(document);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) =>
        locateIssue(document, issue.path, readableMessage(issue.message)),
      ),
    };
  }
  const problems = checkTemplateConsistency(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template: parsed.data };
}

/** The validator's wording where a person would say it otherwise: a missing field is required. */
function readableMessage(message: string): string {
  const missing = /expected (\w+), received undefined$/.exec(message);
  if (!missing) return message;
  const what = { string: 'a text', array: 'a list', object: 'an object', number: 'a number' }[
    missing[1] ?? ''
  ];
  return `required (${what ?? 'a value'})`;
}

function locateIssue(document: unknown, path: PropertyKey[], message: string): TemplateProblem {
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
  return { node, field, message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkTemplateConsistency(template: ChainTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const codes = new Set<string>();
  const claim = (code: string, where: string | null): void => {
    if (codes.has(code)) problems.push({ node: code, field: 'code', message: 'duplicate code' });
    codes.add(code);
    if (where !== null && !code.startsWith(`${where}.`)) {
      problems.push({ node: code, field: 'code', message: `must start with "${where}."` });
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
        problems.push({ node: null, field, message: `unknown node "${end}"` });
      }
    }
    if (flow.from === flow.to) problems.push({ node: null, field, message: 'a flow cannot loop' });
    const key = `${flow.from}>${flow.to}`;
    if (seenFlows.has(key)) problems.push({ node: null, field, message: `duplicate flow ${key}` });
    seenFlows.add(key);
  });
  problems.push(...checkRevisions(template.revisions ?? [], template.version, segmentCodes));
  return problems;
}
