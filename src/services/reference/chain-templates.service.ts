import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { AppError } from '../../domain/app-error.ts';
import { validateChainTemplate, type ChainTemplate } from '../../domain/chain-template.ts';
import type { Db } from '../../db/connection.ts';
import { findChainByCode, saveChainTemplate } from '../../db/chain.repository.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';

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
  let document: unknown;
  try {
    document = extname(file) === '.json' ? JSON.parse(text) : YAML.parse(text);
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
 * Saves templates as chains in one transaction, skipping those whose content is unchanged.
 * Returns the codes of the chains written.
 */
export async function saveChainTemplates(
  db: Db,
  templates: LoadedTemplate[],
  actor: Actor,
): Promise<string[]> {
  const written: string[] = [];
  await db.transaction(async (tx) => {
    for (const { template, hash, file } of templates) {
      const existing = await findChainByCode(tx, template.code);
      if (existing?.templateHash === hash) continue;
      const saved = await saveChainTemplate(tx, template, hash);
      await recordAudit(tx, actor, {
        action: existing ? 'chain.template.update' : 'chain.template.create',
        entityType: 'chain',
        entityId: saved.code,
        before: existing
          ? { version: existing.templateVersion, hash: existing.templateHash }
          : null,
        after: { version: template.version, hash, file },
      });
      written.push(template.code);
    }
  });
  return written;
}
