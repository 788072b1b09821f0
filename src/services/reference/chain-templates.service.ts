import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { AppError } from '../../domain/app-error.ts';
import { validateChainTemplate, type ChainTemplate } from '../../domain/chain-template.ts';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../../db/audit.repository.ts';
import type { TemplateLoadPlan } from '../../shared/api/templates.ts';
import { applyTemplateLoad, planTemplateLoad } from './template-revision.service.ts';

export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../../templates', import.meta.url));

export interface LoadedTemplate {
  file: string;
  template: ChainTemplate;
  hash: string;
}

/**
 * Reads and validates one template file (YAML or JSON).
 * Throws TEMPLATE_INVALID naming the file, and each problem's node and field.
 */
export function readChainTemplate(file: string): LoadedTemplate {
  const shown = relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('TEMPLATE_INVALID', `${shown}: cannot read the file (${String(error)})`, {
      file: shown,
    });
  }
  return parseChainTemplate(text, shown);
}

/**
 * Validates a template's text (YAML, or JSON when the name ends in .json), named `shown` in
 * messages. Throws TEMPLATE_INVALID naming the file, and each problem's node and field.
 */
export function parseChainTemplate(text: string, shown: string): LoadedTemplate {
  let document: unknown;
  try {
    document = extname(shown).toLowerCase() === '.json' ? JSON.parse(text) : YAML.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('TEMPLATE_INVALID', `${shown}: not valid YAML/JSON: ${reason}`, {
      file: shown,
    });
  }
  const result = validateChainTemplate(document);
  if (!result.ok) {
    const lines = result.problems.map(
      (p) => `  ${p.node ? `node ${p.node}, ` : ''}field ${p.field}: ${p.message}`,
    );
    throw new AppError(
      'TEMPLATE_INVALID',
      `${shown}: the chain template is invalid:\n${lines.join('\n')}`,
      { file: shown, problems: result.problems },
    );
  }
  const hash = createHash('sha256').update(JSON.stringify(result.template)).digest('hex');
  return { file: shown, template: result.template, hash };
}

/** Every template file in a folder, validated; one bad file fails them all before any is saved. */
export function readChainTemplates(dir: string = DEFAULT_TEMPLATES_DIR): LoadedTemplate[] {
  const files = readdirSync(dir)
    .filter((name) => ['.yaml', '.yml', '.json'].includes(extname(name)))
    .sort();
  return files.map((name) => readChainTemplate(join(dir, name)));
}

/**
 * Saves templates as chains in one transaction, skipping those whose content is unchanged; a
 * template that removes nodes migrates what references them by its declared revision, and is
 * refused (TEMPLATE_INVALID, naming node and field) when a removed node has no mapping or a
 * retirement would orphan something. Returns the codes of the chains written.
 */
export async function saveChainTemplates(
  db: Db,
  templates: LoadedTemplate[],
  actor: Actor,
): Promise<string[]> {
  const written: string[] = [];
  await db.transaction(async (tx) => {
    for (const loaded of templates) {
      const result = await applyTemplateLoad(tx, loaded, actor);
      if (result.applied) written.push(loaded.template.code);
    }
  });
  return written;
}

/**
 * Loads one template file's content: with dryRun, only says what would happen (the plan, with
 * the problems that would refuse it); else applies it in one transaction. Throws TEMPLATE_INVALID.
 */
export async function loadChainTemplate(
  db: Db,
  loaded: LoadedTemplate,
  actor: Actor,
  options: { dryRun?: boolean } = {},
): Promise<TemplateLoadPlan> {
  if (options.dryRun) return (await planTemplateLoad(db, loaded)).plan;
  return db.transaction((tx) => applyTemplateLoad(tx, loaded, actor));
}
