import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A labelled enterprise: what the classifier reads, and the nodes it belongs on ([] = off the chain). */
export interface LabelledRecord {
  id: string;
  name: string;
  nameEn?: string | null;
  businessScope?: string | null;
  products?: string[];
  industryCode?: string | null;
  /** Node codes, the primary first; empty when the firm is off the chain. */
  expected: string[];
}

export type Split = 'train' | 'tune' | 'test';

/** A labelled set and how its records divide into training, tuning and held-out test. */
export interface LabelledSet {
  name: string;
  file: string;
  splitOf(record: LabelledRecord): Split;
}

/** The project's own evaluation set (hand-written, see its test): even ids are held out. */
export const PROJECT_EVALUATION_SET = fileURLToPath(new URL('./evaluation-set.jsonl', import.meta.url));

/**
 * Every labelled set the repository holds: the project's evaluation set and each real-data set
 * under eval/classification/<set>/*.jsonl. Real records split by a hash of their id: 60% train,
 * 20% tune, 20% test; the split never depends on the label, so it is stable as sets grow.
 */
export function labelledSplits(repositoryRoot: string): LabelledSet[] {
  const sets: LabelledSet[] = [
    {
      name: 'project evaluation set',
      file: PROJECT_EVALUATION_SET,
      splitOf: (record) => {
        const n = Number(record.id.replace(/\D/g, ''));
        if (n % 2 === 0) return 'test';
        return n % 4 === 1 ? 'train' : 'tune';
      },
    },
  ];
  const dir = join(repositoryRoot, 'eval', 'classification');
  if (!existsSync(dir)) return sets;
  for (const setName of readdirSync(dir).sort()) {
    const folder = join(dir, setName);
    if (!existsSync(join(folder, 'SOURCE.md'))) continue;
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.jsonl')).sort()) {
      sets.push({ name: `${setName}/${file}`, file: join(folder, file), splitOf: hashSplit });
    }
  }
  return sets;
}

export function readLabelledSet(file: string): LabelledRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledRecord);
}

function hashSplit(record: LabelledRecord): Split {
  let h = 2166136261;
  for (const ch of record.id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const bucket = h % 10;
  return bucket < 6 ? 'train' : bucket < 8 ? 'tune' : 'test';
}
