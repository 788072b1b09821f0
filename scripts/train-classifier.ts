/**
 * Trains the biomedical chain's learned classifier and writes templates/models/biomed.json.
 *
 *   npx tsx scripts/train-classifier.ts [--shared ../shared/data]
 *
 * What it learns from, each with its own weight:
 * - the template's own vocabulary (each product keyword as a product line, each scope keyword as
 *   a scope and as a product line, of its node): the prior the rules already encode;
 * - GB/T 4754-2017 class names and explanations (from ../shared/data/gbt4754, when present): the
 *   classes the template maps to a node are examples of that node, every other class is an example
 *   of a firm off the chain (pesticides, cosmetics, food, instruments…); each class name without
 *   its activity word (化学农药, 食品添加剂) is also an example product line;
 * - labelled records whose split is `train`: the development quarter of the project's evaluation
 *   set (ids ≡ 1 mod 4) and the `train` split of the real-data sets under eval/classification
 *   (`splitOf` in src/services/classification/real-evaluation-sets.ts).
 * Thresholds are tuned on the `tune` split (evaluation-set ids ≡ 3 mod 4 and the real sets' `tune`
 * split). Even ids of the evaluation set and every `test` split are never read here; the Tushare
 * fixture in ../shared is never read here either (it may not be shipped, even as weights).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChainClassifier, type ClassifiableEnterprise } from '../src/domain/classification.ts';
import {
  OFF_CLASS,
  ruleFeatures,
  textFeatureNames,
  trainLinearModel,
  type LearnedModel,
  type TrainingExample,
} from '../src/domain/classification-model.ts';
import { SeededRandom } from '../src/domain/random.ts';
import {
  DEFAULT_TEMPLATES_DIR,
  readChainTemplate,
} from '../src/services/reference/chain-templates.service.ts';
import {
  readProjectSet,
  readRepoSets,
  splitOf,
} from '../src/services/classification/real-evaluation-sets.ts';

/** What tuning reads of a labelled record. */
interface TuneRecord extends ClassifiableEnterprise {
  expected: string[];
  onChain?: boolean;
}

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const sharedArg = process.argv.indexOf('--shared');
const sharedData = resolve(
  sharedArg > 0 ? (process.argv[sharedArg + 1] ?? '') : join(root, '..', 'shared', 'data'),
);

const { template } = readChainTemplate(join(DEFAULT_TEMPLATES_DIR, 'biomed.yaml'));
const nodes = template.stages.flatMap((stage) => stage.nodes);
const rules = new ChainClassifier(nodes);
const classes = [...nodes.map((n) => n.code), OFF_CLASS];

function example(
  enterprise: ClassifiableEnterprise,
  label: string,
  weight: number,
): TrainingExample {
  const evidence = rules.ruleEvidence(enterprise);
  const signals = [...evidence.entries()].flatMap(([nodeCode, items]) =>
    items.map((e) => ({ nodeCode, kind: e.kind, weight: e.weight })),
  );
  return { binary: textFeatureNames(enterprise), valued: ruleFeatures(signals), label, weight };
}

const examples: TrainingExample[] = [];
const trainedOn: { set: string; records: number }[] = [];

// 1. The template's vocabulary.
let vocabulary = 0;
// Where real records are silent (blood products, CROs, devices…), the template's vocabulary and
// the standard's class names are all the model knows: they count as much as a real record.
const VOCABULARY_WEIGHT = 1;
const GBT_PRODUCT_WEIGHT = 1;
for (const node of nodes) {
  // Annual reports list product lines in the words of business scopes (血液制品, 医药批发), so a
  // scope keyword is also an example of a product line.
  for (const keyword of [...node.rules.products.zh, ...node.rules.products.en]) {
    examples.push(example({ name: '', products: [keyword] }, node.code, VOCABULARY_WEIGHT));
    vocabulary++;
  }
  for (const keyword of [...node.rules.scope.zh, ...node.rules.scope.en]) {
    examples.push(example({ name: '', businessScope: keyword }, node.code, VOCABULARY_WEIGHT));
    examples.push(example({ name: '', products: [keyword] }, node.code, VOCABULARY_WEIGHT));
    vocabulary++;
  }
}
trainedOn.push({ set: 'template vocabulary (templates/biomed.yaml)', records: vocabulary });

// 2. GB/T 4754-2017 classes.
const gbt = join(sharedData, 'gbt4754', 'gbt4754_2017.csv');
if (existsSync(gbt)) {
  const nodeByCode = new Map<string, string>();
  for (const node of nodes) {
    for (const rule of node.rules.industryCodes) {
      if (!rule.requiresText) nodeByCode.set(rule.code, node.code);
    }
  }
  const lines = readFileSync(gbt, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n')
    .slice(1);
  let count = 0;
  for (const line of lines) {
    const [code, level, name, , , description] = parseCsvLine(line);
    if (level !== 'class' || !code || !name) continue;
    const label = nodeByCode.get(code) ?? OFF_CLASS;
    const text = [name, description].filter(Boolean).join('，');
    examples.push(example({ name: '', businessScope: text }, label, 0.5));
    examples.push(example({ name: '', businessScope: text, industryCode: code }, label, 0.5));
    // A class name without its activity word is also a product line (化学农药, 食品添加剂, 化妆品).
    const product = name.replace(/(制造|生产|加工|批发|零售|服务)$/u, '');
    examples.push(example({ name: '', products: product.split('、') }, label, GBT_PRODUCT_WEIGHT));
    count++;
  }
  trainedOn.push({ set: 'GB/T 4754-2017 class names and explanations', records: count });
} else {
  console.warn(`GB/T 4754 table not found at ${gbt}: training without it`);
}

// 3. Labelled records, `train` split only; `tune` is kept for the thresholds.
const tune: TuneRecord[] = [];
const project = readProjectSet();
for (const record of project.filter((r) => r.split === 'train')) {
  examples.push(example(record, record.expected[0] ?? OFF_CLASS, 1));
}
tune.push(...project.filter((r) => r.split === 'tune'));
trainedOn.push({
  set: 'project evaluation set (ids ≡ 1 mod 4)',
  records: project.filter((r) => r.split === 'train').length,
});
for (const set of readRepoSets()) {
  const train = set.records.filter((r) => splitOf(r) === 'train');
  for (const record of train) {
    // A record labelled only "on the chain" has no node to learn: its first acceptable node stands in.
    const label =
      record.expected[0] ?? (record.onChain ? record.acceptablePrimary?.[0] : OFF_CLASS);
    if (label) examples.push(example(record, label, 1));
  }
  tune.push(...set.records.filter((r) => splitOf(r) === 'tune'));
  trainedOn.push({ set: `eval/classification/${set.name} (train split)`, records: train.length });
}

const random = new SeededRandom(20261203);
const shuffle = (n: number) => {
  const order = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
};
const { bias, weights } = trainLinearModel(examples, classes, {
  epochs: 12,
  rate: 0.2,
  l2: 1e-4,
  keep: 0.15,
  shuffle,
});

const model: LearnedModel = {
  format: 'chainlead-linear-1',
  chain: template.code,
  classes,
  bias,
  weights,
  thresholds: { member: 0.5, uncertain: 0.35, secondary: 0.3 },
  trainedOn,
};
model.thresholds = tuneThresholds(model, tune);

const out = join(DEFAULT_TEMPLATES_DIR, 'models', `${template.code}.json`);
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(
  `wrote ${out}: ${examples.length} examples, ${Object.keys(weights).length} features, thresholds ${JSON.stringify(model.thresholds)}, tuned on ${tune.length} records`,
);

/** The thresholds that give the best membership F1 (then node F1) on the tuning records. */
function tuneThresholds(trained: LearnedModel, records: TuneRecord[]): LearnedModel['thresholds'] {
  if (records.length === 0) return trained.thresholds;
  let best = { score: -1, thresholds: trained.thresholds };
  for (const member of [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
    for (const secondary of [0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.7]) {
      // Below `member` and down to `uncertain` a firm is placed for review, not counted.
      const thresholds = { member, uncertain: Math.round(member * 0.6 * 100) / 100, secondary };
      const classifier = new ChainClassifier(nodes, { ...trained, thresholds });
      let tp = 0;
      let fp = 0;
      let fn = 0;
      let nodeTp = 0;
      let nodeFp = 0;
      let nodeFn = 0;
      for (const record of records) {
        const confirmed = classifier.classify(record).filter((r) => r.decision === 'confirmed');
        const truth = record.expected.length > 0 || record.onChain === true;
        const predicted = confirmed.length > 0;
        if (truth && predicted) tp++;
        else if (predicted) fp++;
        else if (truth) fn++;
        const codes = new Set(confirmed.map((c) => c.nodeCode));
        for (const code of codes)
          if (record.expected.includes(code)) nodeTp++;
          else nodeFp++;
        nodeFn += record.expected.filter((code) => !codes.has(code)).length;
      }
      const f1 = (2 * tp) / (2 * tp + fp + fn || 1);
      const nodeF1 = (2 * nodeTp) / (2 * nodeTp + nodeFp + nodeFn || 1);
      const score = f1 + nodeF1 * 0.5;
      if (score > best.score) best = { score, thresholds };
    }
  }
  return best.thresholds;
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch ?? '';
  }
  cells.push(cell);
  return cells;
}
