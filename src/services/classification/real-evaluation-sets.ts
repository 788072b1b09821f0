/**
 * The labelled sets of real enterprises and the classifier they measure: the sets the repository
 * holds (eval/classification/<set>/records.jsonl, each with a SOURCE.md) and, when present, the
 * Tushare listed-company set read from ../shared/data (a test fixture that may not be shipped).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ChainClassifier } from '../../domain/classification.ts';
import { DEFAULT_TEMPLATES_DIR, readChainTemplate } from '../reference/chain-templates.service.ts';
import { learnedModelFor } from './learned-models.ts';
import type { Predict, RealRecord } from './real-evaluation.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const REPO_SETS_DIR = join(REPO_ROOT, 'eval', 'classification');
export const SHARED_DATA_DIR = join(REPO_ROOT, '..', 'shared', 'data');

const recordSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().nullish(),
  businessScope: z.string().nullish(),
  products: z.array(z.string()),
  industryCode: z.string().nullish(),
  expected: z.array(z.string()),
  onChain: z.boolean().optional(),
  acceptablePrimary: z.array(z.string()).optional(),
  source: z.string().min(1),
  sourceRef: z.string().optional(),
  labelledFrom: z.string().min(1),
});

export interface LabelledSet {
  name: string;
  records: RealRecord[];
  /** One line per source, for the report. */
  sources: string[];
}

/** Parses a set's JSONL; a bad line fails with its line number. */
export function parseRecords(text: string, file: string): RealRecord[] {
  const records: RealRecord[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const parsed = recordSchema.safeParse(JSON.parse(line));
    if (!parsed.success) {
      throw new Error(
        `${file}:${index + 1}: ${parsed.error.issues[0]?.message ?? 'invalid record'}`,
      );
    }
    records.push(parsed.data);
  });
  return records;
}

/** Every set under eval/classification/, in name order. */
export function readRepoSets(dir: string = REPO_SETS_DIR): LabelledSet[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = join(dir, name, 'records.jsonl');
      const records = parseRecords(readFileSync(file, 'utf8'), file);
      const sources = [...new Set(records.map((r) => r.source))];
      return { name, records, sources };
    });
}

/** Tushare industries of firms on the biomedical chain, with the nodes each industry allows. */
export const TUSHARE_ON_CHAIN: Record<string, string[]> = {
  化学制药: ['biomed.up.api', 'biomed.mid.chem'],
  生物制药: ['biomed.mid.bio', 'biomed.mid.vaccine', 'biomed.mid.blood'],
  中成药: ['biomed.mid.tcm'],
  医药商业: ['biomed.down.distribution', 'biomed.down.retail'],
  // 医疗保健 spans devices, consumables, diagnostics and hospitals: membership only.
  医疗保健: [],
};

/** Industries whose firms look like the chain's (chemicals, food, cosmetics) but are off it. */
export const TUSHARE_LOOK_ALIKES = [
  '农药化肥',
  '化工原料',
  '日用化工',
  '染料涂料',
  '食品',
  '乳制品',
  '饲料',
  '软饮料',
];

function parseCsvLine(line: string): string[] {
  // stock_basic has no quoted fields (short names and industries hold no commas).
  return line.split(',').map((cell) => cell.trim());
}

/**
 * The Tushare `stock_basic` snapshot in ../shared/data/ashare-listed as a labelled set (short name
 * and industry only), or null when the shared data is absent.
 */
export function readTushareSet(dataDir: string = SHARED_DATA_DIR): LabelledSet | null {
  const dir = join(dataDir, 'ashare-listed');
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir).find((f) => /^tushare_stock_basic.*\.csv$/.test(f));
  if (!file) return null;
  const [header, ...rows] = readFileSync(join(dir, file), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim());
  const columns = parseCsvLine(header ?? '');
  const at = (name: string) => columns.indexOf(name);
  const [code, name, industry] = [at('ts_code'), at('name'), at('industry')];
  const source = `Tushare stock_basic snapshot, ../shared/data/ashare-listed/${file} (henrylin99/stock_web_app data/stock_basic.csv, commit cdda5fa0, 2026-01-09; MIT repo, Tushare terms)`;
  const records: RealRecord[] = [];
  for (const row of rows) {
    const cells = parseCsvLine(row);
    const label = cells[industry] ?? '';
    const onChainNodes = TUSHARE_ON_CHAIN[label];
    const lookAlike = TUSHARE_LOOK_ALIKES.includes(label);
    if (!onChainNodes && !lookAlike) continue;
    records.push({
      id: cells[code] ?? '',
      name: cells[name] ?? '',
      products: [],
      expected: [],
      ...(onChainNodes ? { onChain: true, acceptablePrimary: onChainNodes } : {}),
      source,
      labelledFrom: `Tushare industry ${label}`,
    });
  }
  return { name: 'tushare-listed (../shared, optional)', records, sources: [source] };
}

/** The node codes of the biomedical chain, in template order. */
export function biomedNodeCodes(): string[] {
  const { template } = readChainTemplate(join(DEFAULT_TEMPLATES_DIR, 'biomed.yaml'));
  return template.stages.flatMap((stage) => stage.nodes.map((node) => node.code));
}

export type ClassifierVariant = 'rules' | 'learned';

/**
 * The ChainClassifier on templates/biomed.yaml, the rules alone or with the learned model
 * (templates/models/biomed.json): confirmed nodes and the confirmed primary.
 */
export function biomedClassifierPredict(variant: ClassifierVariant = 'learned'): Predict {
  const { template } = readChainTemplate(join(DEFAULT_TEMPLATES_DIR, 'biomed.yaml'));
  const classifier = new ChainClassifier(
    template.stages.flatMap((stage) => stage.nodes),
    variant === 'learned' ? learnedModelFor(template.code) : null,
  );
  return (record) => {
    const results = classifier.classify(record);
    const confirmed = results.filter((r) => r.decision === 'confirmed');
    return {
      members: confirmed.map((r) => r.nodeCode),
      primary: confirmed.find((r) => r.primary)?.nodeCode ?? null,
    };
  };
}

export type Split = 'train' | 'tune' | 'test';

/**
 * Which part of a repository set a record belongs to: 60% train, 20% tune (thresholds), 20% test
 * (held out from both), by a hash of its id, so the split never depends on the label or on the
 * classifier and stays put as sets grow. `scripts/train-classifier.ts` reads train and tune only.
 */
export function splitOf(record: { id: string }): Split {
  let h = 2166136261;
  for (let i = 0; i < record.id.length; i++) {
    h = Math.imul(h ^ record.id.charCodeAt(i), 16777619) >>> 0;
  }
  const bucket = h % 10;
  return bucket < 6 ? 'train' : bucket < 8 ? 'tune' : 'test';
}

/** Only the records of one split, under the set's name with the split added. */
export function splitPart(set: LabelledSet, split: Split): LabelledSet {
  return {
    name: `${set.name} (${split} split)`,
    records: set.records.filter((r) => splitOf(r) === split),
    sources: set.sources,
  };
}

/** A record of the project's own evaluation set (hand-written; see evaluation.test.ts). */
export interface ProjectRecord {
  id: string;
  name: string;
  nameEn: string | null;
  businessScope: string;
  products: string[];
  industryCode: string | null;
  expected: string[];
}

export const PROJECT_EVALUATION_SET = fileURLToPath(
  new URL('./evaluation-set.jsonl', import.meta.url),
);

/**
 * The project's evaluation set. Odd ids were read to improve the keyword lists; the learned model
 * trains on ids ≡ 1 (mod 4) and tunes on ids ≡ 3; even ids are held out from everything.
 */
export function readProjectSet(): (ProjectRecord & { split: Split })[] {
  return readFileSync(PROJECT_EVALUATION_SET, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const record = JSON.parse(line) as ProjectRecord;
      const n = Number(record.id.replace(/\D/g, ''));
      const split: Split = n % 2 === 0 ? 'test' : n % 4 === 1 ? 'train' : 'tune';
      return { ...record, split };
    });
}
