import type { ClassifiableEnterprise } from './classification.ts';

/**
 * The learned half of classification: a multinomial logistic regression over sparse features of
 * an enterprise (character pairs of each product line, of its scope and name, the last characters
 * of each product line, its industry code at 2, 3 and 4 digits, and the keyword rules that fired).
 * Its classes are the chain's nodes and `off` (not on the chain). It is trained by
 * `scripts/train-classifier.ts` from labelled records and stored beside the chain's template; no
 * weights are downloaded. Every weight has a readable feature name, so a placement can say which
 * features carried it.
 */
export interface LearnedModel {
  format: 'chainlead-linear-1';
  chain: string;
  /** Class names: node codes, then OFF_CLASS. */
  classes: string[];
  bias: number[];
  /** Feature name → [class index, weight, class index, weight, …] (only non-zero weights). */
  weights: Record<string, number[]>;
  /** Decision thresholds, tuned on data held out from training. */
  thresholds: { member: number; uncertain: number; secondary: number };
  /** What it was trained on, for the record (sets, counts, date). */
  trainedOn: { set: string; records: number }[];
}

export const OFF_CLASS = 'off';

/** Scope text read at most, so a long licence cannot cost more than a short one. */
const SCOPE_CHARS = 240;

/** A value of a rule-evidence feature: how strongly the rules argued for a node (see classification.ts). */
export type RuleSignal = { nodeCode: string; kind: string; weight: number };

/*
 * Text features are numbers, not strings, so extracting and looking them up allocates nothing:
 * key = tag × 2^48 + payload, where a pair of characters is c1 × 2^16 + c2 and three are
 * c1 × 2^32 + c2 × 2^16 + c3 (UTF-16 code units). The stored model names them (`p:注射`);
 * `featureKey` and `featureName` convert.
 */
const SHIFT = 2 ** 48;
const TAGS = { p: 1, pe: 2, pe3: 3, s: 4, n: 5, c4: 6, c3: 7, c2: 8 } as const;
type Tag = keyof typeof TAGS;
const TAG_NAMES = Object.fromEntries(Object.entries(TAGS).map(([k, v]) => [v, k])) as Record<
  number,
  Tag
>;

/** Characters that separate words: a pair across them means nothing. */
const SEPARATORS = new Set(
  [...' ,，。;；:：、()（）[]【】"\'“”‘’/\\|·.-—_\t\n\r'].map((ch) => ch.charCodeAt(0)),
);

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function addPairs(out: Set<number>, tag: number, text: string): void {
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 32 || SEPARATORS.has(code)) {
      previous = -1;
      continue;
    }
    if (previous >= 0) out.add(tag * SHIFT + previous * 65536 + code);
    previous = code;
  }
}

/** Legal-form endings carry nothing about the trade. */
const NAME_ENDINGS =
  /(股份有限公司|有限责任公司|有限公司|集团|股份|公司|co\.?,? ?ltd\.?|inc\.?|corp\.?)$/u;

/** The sparse binary features of an enterprise (rule signals are added by the caller). */
export function textFeatures(enterprise: ClassifiableEnterprise): Set<number> {
  const out = new Set<number>();
  for (const raw of enterprise.products ?? []) {
    const line = normalize(raw).trim();
    if (!line) continue;
    addPairs(out, TAGS.p, line);
    const head = line.replace(/[\s(（][^()（）]*[)）]\s*$/u, '').trim();
    const n = head.length;
    if (n >= 2) {
      const pair = head.charCodeAt(n - 2) * 65536 + head.charCodeAt(n - 1);
      out.add(TAGS.pe * SHIFT + pair);
      if (n >= 3) out.add(TAGS.pe3 * SHIFT + head.charCodeAt(n - 3) * 2 ** 32 + pair);
    }
  }
  const scope = normalize((enterprise.businessScope ?? '').slice(0, SCOPE_CHARS));
  if (scope) addPairs(out, TAGS.s, scope);
  const name = normalize(enterprise.name).replace(NAME_ENDINGS, '').trim();
  addPairs(out, TAGS.n, name.slice(-8));
  const code = enterprise.industryCode?.trim();
  if (code && /^\d{4}$/.test(code)) {
    out.add(TAGS.c4 * SHIFT + Number(code));
    out.add(TAGS.c3 * SHIFT + Number(code.slice(0, 3)));
    out.add(TAGS.c2 * SHIFT + Number(code.slice(0, 2)));
  }
  return out;
}

/** The readable name of a text feature: `p:注射`, `pe:注射液`, `c4:2720`. */
export function featureName(key: number): string {
  const tag = TAG_NAMES[Math.floor(key / SHIFT)];
  const payload = key % SHIFT;
  if (tag === 'c4' || tag === 'c3' || tag === 'c2') {
    return `${tag}:${String(payload).padStart(Number(tag.slice(1)), '0')}`;
  }
  const chars =
    tag === 'pe3'
      ? [Math.floor(payload / 2 ** 32), Math.floor(payload / 65536) % 65536, payload % 65536]
      : [Math.floor(payload / 65536), payload % 65536];
  return `${tag === 'pe3' ? 'pe' : tag}:${String.fromCharCode(...chars)}`;
}

/** The key of a readable text feature name, or null for a rule feature (`r:…`). */
export function featureKey(name: string): number | null {
  const colon = name.indexOf(':');
  const prefix = name.slice(0, colon);
  const value = name.slice(colon + 1);
  if (prefix === 'c4' || prefix === 'c3' || prefix === 'c2') {
    return TAGS[prefix] * SHIFT + Number(value);
  }
  if (prefix === 'pe' && value.length === 3) {
    return (
      TAGS.pe3 * SHIFT +
      value.charCodeAt(0) * 2 ** 32 +
      value.charCodeAt(1) * 65536 +
      value.charCodeAt(2)
    );
  }
  if (
    (prefix === 'p' || prefix === 'pe' || prefix === 's' || prefix === 'n') &&
    value.length === 2
  ) {
    return TAGS[prefix] * SHIFT + value.charCodeAt(0) * 65536 + value.charCodeAt(1);
  }
  return null;
}

/** Rule signals as features: `r:<node>:<kind>`, valued by the rule weight. */
export function ruleFeatures(signals: readonly RuleSignal[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of signals) {
    const key = `r:${s.nodeCode}:${s.kind}`;
    out.set(key, Math.min(3, (out.get(key) ?? 0) + s.weight / 3));
  }
  return out;
}

export interface ModelOutput {
  /** Probability per class, in `model.classes` order. */
  probabilities: number[];
  /** For a class: the features that pushed it up most, strongest first. */
  topFeatures(classIndex: number, count: number): { feature: string; weight: number }[];
}

/** Scores an enterprise's features with a learned model. */
export class LinearClassifier {
  private readonly textWeights = new Map<number, number[]>();
  private readonly ruleWeights = new Map<string, number[]>();
  readonly classes: readonly string[];
  readonly offIndex: number;

  constructor(readonly model: LearnedModel) {
    for (const [name, weights] of Object.entries(model.weights)) {
      const key = featureKey(name);
      if (key === null) this.ruleWeights.set(name, weights);
      else this.textWeights.set(key, weights);
    }
    this.classes = model.classes;
    this.offIndex = model.classes.indexOf(OFF_CLASS);
    if (this.offIndex < 0) {
      throw new Error(`learned model for ${model.chain} has no "${OFF_CLASS}" class`);
    }
  }

  score(binary: ReadonlySet<number>, valued: ReadonlyMap<string, number>): ModelOutput {
    const logits = Float64Array.from(this.model.bias);
    const seenFeatures: (number | string)[] = [];
    const seenWeights: number[][] = [];
    const seenValues: number[] = [];
    const visit = (feature: number | string, w: number[] | undefined, value: number) => {
      if (!w) return;
      seenFeatures.push(feature);
      seenWeights.push(w);
      seenValues.push(value);
      for (let i = 0; i < w.length; i += 2) logits[w[i] as number]! += (w[i + 1] as number) * value;
    };
    for (const feature of binary) visit(feature, this.textWeights.get(feature), 1);
    for (const [feature, value] of valued) visit(feature, this.ruleWeights.get(feature), value);
    const probabilities = softmax(logits);
    return {
      probabilities,
      topFeatures: (classIndex, count) => {
        const contributions: { feature: number | string; weight: number }[] = [];
        for (let f = 0; f < seenWeights.length; f++) {
          const w = seenWeights[f] as number[];
          for (let i = 0; i < w.length; i += 2) {
            if (w[i] !== classIndex) continue;
            const weight = (w[i + 1] as number) * (seenValues[f] as number);
            if (weight > 0) contributions.push({ feature: seenFeatures[f] as number, weight });
            break;
          }
        }
        return contributions
          .sort((a, b) => b.weight - a.weight)
          .slice(0, count)
          .map(({ feature, weight }) => ({
            feature: typeof feature === 'number' ? featureName(feature) : feature,
            weight: round(weight),
          }));
      },
    };
  }
}

function softmax(logits: ArrayLike<number>): number[] {
  let top = -Infinity;
  for (let i = 0; i < logits.length; i++) top = Math.max(top, logits[i] as number);
  const exps: number[] = [];
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const e = Math.exp((logits[i] as number) - top);
    exps.push(e);
    sum += e;
  }
  return exps.map((e) => e / sum);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** One labelled example for training: its features and its class. */
export interface TrainingExample {
  binary: Set<number>;
  valued: Map<string, number>;
  label: string;
  /** How much the example counts (real records more than vocabulary snippets). */
  weight: number;
}

/**
 * Trains the multinomial logistic regression with AdaGrad and L2, in a seeded order. Pure and
 * deterministic: the same examples give the same model.
 */
export function trainLinearModel(
  examples: readonly TrainingExample[],
  classes: readonly string[],
  options: {
    epochs: number;
    rate: number;
    l2: number;
    /** Weights smaller than this are dropped from the stored model. */
    keep: number;
    shuffle: (n: number) => number[];
  },
): { bias: number[]; weights: Record<string, number[]> } {
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const k = classes.length;
  const featureIndex = new Map<number | string, number>();
  const encoded = examples.map((e) => {
    const entries: [number, number][] = [];
    const add = (f: number | string, v: number) => {
      let index = featureIndex.get(f);
      if (index === undefined) {
        index = featureIndex.size;
        featureIndex.set(f, index);
      }
      entries.push([index, v]);
    };
    for (const f of e.binary) add(f, 1);
    for (const [f, v] of e.valued) add(f, v);
    const label = classIndex.get(e.label);
    if (label === undefined) throw new Error(`training label ${e.label} is not a class`);
    return { entries, label, weight: e.weight };
  });
  const n = featureIndex.size;
  const w = new Float64Array(n * k);
  const g2 = new Float64Array(n * k).fill(1e-8);
  const bias = new Float64Array(k);
  const b2 = new Float64Array(k).fill(1e-8);
  const logits = new Float64Array(k);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const position of options.shuffle(encoded.length)) {
      const example = encoded[position];
      if (!example) continue;
      for (let c = 0; c < k; c++) logits[c] = bias[c] ?? 0;
      for (const [f, v] of example.entries) {
        for (let c = 0; c < k; c++) logits[c]! += (w[f * k + c] ?? 0) * v;
      }
      const probabilities = softmax(logits);
      for (let c = 0; c < k; c++) {
        const gradient = ((probabilities[c] ?? 0) - (c === example.label ? 1 : 0)) * example.weight;
        b2[c]! += gradient * gradient;
        bias[c]! -= (options.rate * gradient) / Math.sqrt(b2[c] ?? 1);
        for (const [f, v] of example.entries) {
          const at = f * k + c;
          const g = gradient * v + options.l2 * (w[at] ?? 0);
          g2[at]! += g * g;
          w[at]! -= (options.rate * g) / Math.sqrt(g2[at] ?? 1);
        }
      }
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [feature, f] of featureIndex) {
    const sparse: number[] = [];
    for (let c = 0; c < k; c++) {
      const value = w[f * k + c] ?? 0;
      if (Math.abs(value) >= options.keep) sparse.push(c, Math.round(value * 1000) / 1000);
    }
    if (sparse.length > 0) {
      weights[typeof feature === 'number' ? featureName(feature) : feature] = sparse;
    }
  }
  return { bias: [...bias].map((b) => Math.round(b * 1000) / 1000), weights };
}
