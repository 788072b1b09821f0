import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LearnedModel } from '../../domain/classification-model.ts';
import { DEFAULT_TEMPLATES_DIR } from '../reference/chain-templates.service.ts';

const cache = new Map<string, LearnedModel | null>();

/**
 * The learned model shipped beside a chain's template (`templates/models/<chain>.json`, written by
 * `scripts/train-classifier.ts`), or null when the chain has none and its rules decide alone.
 * Read once per process.
 */
export function learnedModelFor(chainCode: string): LearnedModel | null {
  if (cache.has(chainCode)) return cache.get(chainCode) ?? null;
  const file = join(DEFAULT_TEMPLATES_DIR, 'models', `${chainCode}.json`);
  let model: LearnedModel | null = null;
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as LearnedModel;
    if (parsed.format !== 'chainlead-linear-1' || parsed.chain !== chainCode) {
      throw new Error(`${file} is not a learned model for chain ${chainCode}`);
    }
    model = parsed;
  }
  cache.set(chainCode, model);
  return model;
}
