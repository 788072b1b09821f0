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
  onChains: z.array(z.string().min(1)).optional(),
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
  /**
   * The chains the set measures (its `set.json`; `['biomed']` when it has none). A record is
   * labelled for each of them: on it by a node code with its prefix or by `onChains`, else a
   * look-alike kept off it.
   */
  chains?: string[];
}

/** The chain every set without a `set.json` measures. */
export const DEFAULT_SET_CHAIN = 'biomed';

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

const setFileSchema = z.object({ chains: z.array(z.string().min(1)).min(1) });

/** The chains a set directory measures, from its `set.json` (biomed when absent). */
function setChains(dir: string): string[] {
  const file = join(dir, 'set.json');
  if (!existsSync(file)) return [DEFAULT_SET_CHAIN];
  return setFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).chains;
}

/**
 * One record as labelled for one chain: its node codes of that chain (prefix `<chain>.`), and
 * `onChain` when the source puts it on the chain without a node. A record of a single-chain set
 * keeps its `onChain` as written (the biomed sets).
 */
export function recordForChain(record: RealRecord, chain: string, setChainCount = 1): RealRecord {
  const prefix = `${chain}.`;
  const ofChain = (codes: readonly string[] | undefined) =>
    (codes ?? []).filter((code) => code.startsWith(prefix));
  const acceptable = ofChain(record.acceptablePrimary);
  const onChain =
    record.onChains?.includes(chain) === true || (setChainCount === 1 && record.onChain === true);
  const { onChains: _onChains, onChain: _onChain, acceptablePrimary: _a, ...rest } = record;
  return {
    ...rest,
    expected: ofChain(record.expected),
    ...(acceptable.length > 0 ? { acceptablePrimary: acceptable } : {}),
    ...(onChain ? { onChain: true } : {}),
  };
}

/**
 * The sets under eval/classification/ that measure `chain` (biomed by default), in name order,
 * each record labelled for that chain.
 */
export function readRepoSets(
  dir: string = REPO_SETS_DIR,
  chain: string = DEFAULT_SET_CHAIN,
): LabelledSet[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => {
      const chains = setChains(join(dir, name));
      if (!chains.includes(chain)) return [];
      const file = join(dir, name, 'records.jsonl');
      const records = parseRecords(readFileSync(file, 'utf8'), file).map((record) =>
        chains.length === 1 && chain === DEFAULT_SET_CHAIN
          ? record
          : recordForChain(record, chain, chains.length),
      );
      const sources = [...new Set(records.map((r) => r.source))];
      return [{ name, records, sources, chains }];
    });
}

/** Every chain some set under eval/classification/ measures, biomed first. */
export function measuredChains(dir: string = REPO_SETS_DIR): string[] {
  if (!existsSync(dir)) return [];
  const chains = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) for (const c of setChains(join(dir, entry.name))) chains.add(c);
  }
  return [...chains].sort((a, b) =>
    a === DEFAULT_SET_CHAIN ? -1 : b === DEFAULT_SET_CHAIN ? 1 : a.localeCompare(b),
  );
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

/** The bundled template of a chain (templates/<code>.yaml), or null when it is not there. */
export function chainTemplatePath(chain: string): string | null {
  const file = join(DEFAULT_TEMPLATES_DIR, `${chain}.yaml`);
  return existsSync(file) ? file : null;
}

/** The node codes of a chain's bundled template, in template order. */
export function chainNodeCodes(chain: string): string[] {
  const { template } = readChainTemplate(join(DEFAULT_TEMPLATES_DIR, `${chain}.yaml`));
  return template.stages.flatMap((stage) => stage.nodes.map((node) => node.code));
}

/** The node codes of the biomedical chain, in template order. */
export function biomedNodeCodes(): string[] {
  return chainNodeCodes('biomed');
}

export type ClassifierVariant = 'rules' | 'learned';

/**
 * The ChainClassifier on a chain's bundled template, as the product builds it for that chain
 * (`loadChainClassifier`: the nodes' rules and `learnedModelFor(chain)`), the rules alone or with
 * the chain's learned model when it ships one (templates/models/<chain>.json; a chain without one
 * is the rules alone either way): confirmed nodes and the confirmed primary.
 */
export function chainClassifierPredict(
  chain: string,
  variant: ClassifierVariant = 'learned',
): Predict {
  const { template } = readChainTemplate(join(DEFAULT_TEMPLATES_DIR, `${chain}.yaml`));
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
      review: results.filter((r) => r.decision === 'uncertain').map((r) => r.nodeCode),
      ruleEvidence: [...classifier.ruleEvidence(record)]
        .filter(([, items]) => items.some((e) => e.weight > 0))
        .map(([code]) => code),
    };
  };
}

/**
 * The ChainClassifier on templates/biomed.yaml, the rules alone or with the learned model
 * (templates/models/biomed.json): confirmed nodes and the confirmed primary.
 */
export function biomedClassifierPredict(variant: ClassifierVariant = 'learned'): Predict {
  return chainClassifierPredict('biomed', variant);
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

/**
 * Sets of the other chains whose template vocabulary was checked on their `train` split: their
 * figures are reported on the rest (`tune` + `test`) only. See each set's SOURCE.md.
 */
export const HELD_OUT_SETS: readonly string[] = ['cn-miit-nev-catalogue'];

/** The part of a set its figures are reported on: the held-out part for HELD_OUT_SETS, else all. */
export function reportedPart(set: LabelledSet): LabelledSet {
  if (!HELD_OUT_SETS.includes(set.name)) return set;
  return {
    ...set,
    name: `${set.name} (held out: tune + test splits)`,
    records: set.records.filter((r) => splitOf(r) !== 'train'),
  };
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
