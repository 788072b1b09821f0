import type { ClassifiableEnterprise } from './classification.ts';
import { IntPairTable } from './int-pair-table.ts';

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
 * Text features, by tag: `p` a pair of characters in a product line, `pe` the last two characters
 * of a product line and `pe1` its last one (Chinese product names end in what they are: 注射液,
 * 片), `s` a pair in the scope, `c4`/`c3`/`c2` the industry code at 4, 3
 * and 2 digits. One traversal (`visitTextFeatures`) feeds both the readable names training
 * stores (`p:注射`) and the small-integer keys the classifier looks up, so they cannot differ.
 */
// The name is left to the rules (their weak name evidence reaches the model as `r:` features):
// learned from real lists, pairs in names picked up places and trading words (台湾, 实业).
// Tag 5 stays reserved so keys keep their numbers.
const TAGS = ['p', 'pe', 'pe1', 's', 'n', 'c4', 'c3', 'c2'] as const;
const TAG_INDEX = new Map<string, number>(TAGS.map((tag, index) => [tag, index + 1]));
const CODE_TAGS = new Set(['c4', 'c3', 'c2']);

/**
 * Receives one feature: two characters (b = -1 for one), or an industry code (a, b = -1); `line`
 * is the index of the product line it came from (-1 for the scope and the code).
 */
type FeatureSink = (tag: number, a: number, b: number, line: number) => void;

/** Characters that separate words (1, by UTF-16 code unit): a pair across them means nothing. */
const SEPARATORS = new Uint8Array(65_536);
for (const ch of ' ,，。;；:：、()（）[]【】"\'“”‘’/\\|·.-—_\t\n\r')
  SEPARATORS[ch.charCodeAt(0)] = 1;

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function visitPairs(sink: FeatureSink, tag: number, text: string, line: number): void {
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 32 || SEPARATORS[code] === 1) {
      previous = -1;
      continue;
    }
    if (previous >= 0) sink(tag, previous, code, line);
    previous = code;
  }
}

const TRAILING_NOTE = /[\s(（][^()（）]*[)）]\s*$/u;

/** Every text feature of an enterprise, once or more (callers keep a set). */
export function visitTextFeatures(enterprise: ClassifiableEnterprise, sink: FeatureSink): void {
  const products = enterprise.products ?? [];
  for (let index = 0; index < products.length; index++) {
    const line = normalize(products[index] ?? '').trim();
    if (!line) continue;
    visitPairs(sink, 1, line, index);
    const head = line.replace(TRAILING_NOTE, '').trimEnd();
    const n = head.length;
    if (n >= 1) sink(3, head.charCodeAt(n - 1), -1, index);
    if (n >= 2) sink(2, head.charCodeAt(n - 2), head.charCodeAt(n - 1), index);
  }
  const scope = normalize((enterprise.businessScope ?? '').slice(0, SCOPE_CHARS));
  if (scope) visitPairs(sink, 4, scope, -1);
  const code = enterprise.industryCode?.trim();
  if (code && /^\d{4}$/.test(code)) {
    sink(6, Number(code), -1, -1);
    sink(7, Number(code.slice(0, 3)), -1, -1);
    sink(8, Number(code.slice(0, 2)), -1, -1);
  }
}

function nameOf(tag: number, a: number, b: number): string {
  const label = TAGS[tag - 1] ?? '?';
  if (CODE_TAGS.has(label)) return `${label}:${String(a).padStart(Number(label.slice(1)), '0')}`;
  return `${label}:${String.fromCharCode(a)}${b >= 0 ? String.fromCharCode(b) : ''}`;
}

/** The readable names of an enterprise's text features (`p:注射`, `pe:射液`, `c4:2720`). */
export function textFeatureNames(enterprise: ClassifiableEnterprise): Set<string> {
  const out = new Set<string>();
  visitTextFeatures(enterprise, (tag, a, b) => out.add(nameOf(tag, a, b)));
  return out;
}

/** Parses a readable text feature name; null for a rule feature (`r:…`) or anything else. */
function parseFeatureName(name: string): { tag: number; a: number; b: number } | null {
  const colon = name.indexOf(':');
  const label = name.slice(0, colon);
  const value = name.slice(colon + 1);
  const tag = TAG_INDEX.get(label);
  if (tag === undefined) return null;
  if (CODE_TAGS.has(label)) return { tag, a: Number(value), b: -1 };
  if (value.length === 1) return { tag, a: value.charCodeAt(0), b: -1 };
  if (value.length === 2) return { tag, a: value.charCodeAt(0), b: value.charCodeAt(1) };
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
  /**
   * When the score read lines: per product line, the probabilities the model gives that line read
   * on its own (its text features and `lineRules`, the rules' evidence found in it), as if it were
   * the enterprise's only product; null for a line it knows nothing of. Null otherwise.
   */
  lineProbabilities(
    lineRules: readonly (ReadonlyMap<string, number> | undefined)[],
  ): (number[] | null)[] | null;
  /** For a class: the features that pushed it up most, strongest first. */
  topFeatures(classIndex: number, count: number): { feature: string; weight: number }[];
}

/** Scores an enterprise's features with a learned model. */
export class LinearClassifier {
  /**
   * Every feature's weights, flattened: feature f's (class, weight) pairs are at
   * [weightStart[f], weightStart[f + 1]) of weightClass and weightValue.
   */
  private readonly weightStart: Int32Array;
  private readonly weightClass: Int32Array;
  private readonly weightValue: Float64Array;
  /** Every feature's readable name (`p:注射`, `r:biomed.mid.chem:products`), by feature index. */
  private readonly featureNames: string[] = [];
  /**
   * Text features by (tag, key) → feature index: the key is index(a) × K + index(b), where index
   * numbers the characters the model knows (1…K−1; 0 for none), or the code itself for the code
   * tags. Keys are small integers that hash fast and allocate nothing; a character the model never
   * saw ends the lookup at once, since no weight can involve it.
   */
  private readonly textFeatures: IntPairTable;
  private readonly ruleFeatures = new Map<string, number>();
  /** Character code → its index in the model's alphabet (0: a character the model never saw). */
  private readonly charIndex = new Int32Array(65_536);
  private readonly k: number;
  /** Which features a score has counted: `counted[f] === pass` (no set to allocate per firm). */
  private readonly counted: Int32Array;
  private pass = 0;
  readonly classes: readonly string[];
  readonly offIndex: number;

  constructor(readonly model: LearnedModel) {
    const entries = Object.entries(model.weights);
    const parsed = entries.map(([name]) => parseFeatureName(name));
    let alphabet = 1;
    for (const feature of parsed) {
      if (feature === null || CODE_TAGS.has(TAGS[feature.tag - 1] ?? '')) continue;
      for (const ch of [feature.a, feature.b]) {
        if (ch >= 0 && this.charIndex[ch] === 0) this.charIndex[ch] = alphabet++;
      }
    }
    this.k = Math.max(alphabet, 10_000);
    if (this.k * this.k >= 2 ** 31) {
      throw new Error(`learned model for ${model.chain} knows too many characters (${alphabet})`);
    }
    this.textFeatures = new IntPairTable(entries.length);
    this.weightStart = new Int32Array(entries.length + 1);
    let pairs = 0;
    for (const [, weights] of entries) pairs += weights.length / 2;
    this.weightClass = new Int32Array(pairs);
    this.weightValue = new Float64Array(pairs);
    let at = 0;
    entries.forEach(([name, weights], f) => {
      this.weightStart[f] = at;
      for (let i = 0; i < weights.length; i += 2) {
        this.weightClass[at] = weights[i] as number;
        this.weightValue[at] = weights[i + 1] as number;
        at++;
      }
      const feature = parsed[f];
      if (!feature) {
        this.featureNames.push(name);
        this.ruleFeatures.set(name, f);
        return;
      }
      this.featureNames.push(nameOf(feature.tag, feature.a, feature.b));
      const key = this.keyOf(feature.tag, feature.a, feature.b);
      // Two names for one key (c4:0720, c4:720): the later one counts, as in the stored order.
      if (key >= 0) this.textFeatures.set(feature.tag, key, f);
    });
    this.weightStart[entries.length] = at;
    this.counted = new Int32Array(entries.length);
    this.classes = model.classes;
    this.offIndex = model.classes.indexOf(OFF_CLASS);
    if (this.offIndex < 0) {
      throw new Error(`learned model for ${model.chain} has no "${OFF_CLASS}" class`);
    }
  }

  /** A text feature's key within its tag, or -1 when it involves a character the model never saw. */
  private keyOf(tag: number, a: number, b: number): number {
    if (tag >= 6) return a;
    const ia = this.charIndex[a] ?? 0;
    if (ia === 0) return -1;
    if (b < 0) return ia * this.k;
    const ib = this.charIndex[b] ?? 0;
    return ib === 0 ? -1 : ia * this.k + ib;
  }

  /** The index of a text feature the model has weights for, or -1. */
  private textFeature(tag: number, a: number, b: number): number {
    const key = this.keyOf(tag, a, b);
    return key < 0 ? -1 : this.textFeatures.get(tag, key);
  }

  /** Adds feature f's weights, times `value`, to `logits`. */
  addWeights(logits: number[], f: number, value: number): void {
    const end = this.weightStart[f + 1] as number;
    for (let i = this.weightStart[f] as number; i < end; i++) {
      logits[this.weightClass[i] as number]! += (this.weightValue[i] as number) * value;
    }
  }

  /** Feature f's weight for one class (0 when it has none). */
  weightOf(f: number, classIndex: number): number {
    const end = this.weightStart[f + 1] as number;
    for (let i = this.weightStart[f] as number; i < end; i++) {
      if (this.weightClass[i] === classIndex) return this.weightValue[i] as number;
    }
    return 0;
  }

  nameOf(f: number): string {
    return this.featureNames[f] ?? '';
  }

  ruleFeature(name: string): number | undefined {
    return this.ruleFeatures.get(name);
  }

  /**
   * Scores an enterprise: its text features, and the rules' evidence as valued features. With
   * `readLines` (by product line index: true for the lines to read), the pass also notes which
   * features those lines hold, so that `lineProbabilities` can score each on its own afterwards.
   */
  score(
    enterprise: ClassifiableEnterprise,
    valued: ReadonlyMap<string, number>,
    readLines?: readonly boolean[],
  ): ModelOutput {
    const logits = this.model.bias.slice();
    const seen = new SeenFeatures(this, this.model.bias);
    if (this.pass === 2 ** 31 - 1) {
      this.counted.fill(0);
      this.pass = 0;
    }
    const pass = ++this.pass;
    const counted = this.counted;
    const lineCount = readLines ? Math.min(enterprise.products?.length ?? 0, MAX_LINES) : 0;
    const { lineOf, lineFeatures } = seen;
    // A line's features are visited together: a feature is counted once for the enterprise and
    // once in each line it occurs in (a line holds few, so a scan back finds repeats).
    let lineStart = 0;
    let currentLine = -1;
    visitTextFeatures(enterprise, (tag, a, b, line) => {
      const f = this.textFeature(tag, a, b);
      if (f < 0) return;
      const inLine = line >= 0 && line < lineCount && readLines?.[line] === true;
      if (counted[f] !== pass) {
        counted[f] = pass;
        seen.add(f, 1, logits);
      }
      if (!inLine) return;
      if (line !== currentLine) {
        currentLine = line;
        lineStart = lineFeatures.length;
      }
      for (let i = lineStart; i < lineFeatures.length; i++) if (lineFeatures[i] === f) return;
      lineOf.push(line);
      lineFeatures.push(f);
    });
    for (const [name, value] of valued) {
      const f = this.ruleFeatures.get(name);
      if (f !== undefined) seen.add(f, value, logits);
    }
    seen.probabilities = softmax(logits);
    seen.lineCount = lineCount;
    return seen;
  }
}

/** Product lines scored on their own at most (a longer list is read as one enterprise only). */
const MAX_LINES = 32;

/** The features that fired for one enterprise, with their values, and the resulting probabilities. */
class SeenFeatures implements ModelOutput {
  probabilities: number[] = [];
  /** Text features by product line, in line order (when the score was asked to read lines). */
  readonly lineOf: number[] = [];
  readonly lineFeatures: number[] = [];
  lineCount = 0;
  private readonly features: number[] = [];
  private readonly values: number[] = [];

  constructor(
    private readonly model: LinearClassifier,
    private readonly bias: readonly number[],
  ) {}

  lineProbabilities(
    lineRules: readonly (ReadonlyMap<string, number> | undefined)[],
  ): (number[] | null)[] | null {
    if (this.lineCount === 0) return null;
    const logits: number[][] = [];
    const known: boolean[] = [];
    for (let line = 0; line < this.lineCount; line++) {
      logits.push(this.bias.slice());
      known.push(false);
    }
    this.lineOf.forEach((line, at) => {
      this.model.addWeights(logits[line] as number[], this.lineFeatures[at] as number, 1);
      known[line] = true;
    });
    return logits.map((lineLogits, line) => {
      for (const [name, value] of lineRules[line] ?? []) {
        const f = this.model.ruleFeature(name);
        if (f !== undefined) {
          this.model.addWeights(lineLogits, f, value);
          known[line] = true;
        }
      }
      // A line the model knows nothing of says nothing (its bias alone is no opinion).
      return known[line] ? softmax(lineLogits) : null;
    });
  }

  add(f: number, value: number, logits: number[]): void {
    this.features.push(f);
    this.values.push(value);
    this.model.addWeights(logits, f, value);
  }

  topFeatures(classIndex: number, count: number): { feature: string; weight: number }[] {
    const contributions: { feature: number; weight: number }[] = [];
    for (let at = 0; at < this.features.length; at++) {
      const f = this.features[at] as number;
      const weight = this.model.weightOf(f, classIndex) * (this.values[at] as number);
      if (weight > 0) contributions.push({ feature: f, weight });
    }
    contributions.sort((a, b) => b.weight - a.weight);
    return contributions.slice(0, count).map(({ feature, weight }) => ({
      feature: this.model.nameOf(feature),
      weight: round(weight),
    }));
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
  /** Text feature names (`textFeatureNames`). */
  binary: Set<string>;
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
  const featureIndex = new Map<string, number>();
  const encoded = examples.map((e) => {
    const entries: [number, number][] = [];
    const add = (f: string, v: number) => {
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
    if (sparse.length > 0) weights[feature] = sparse;
  }
  return { bias: [...bias].map((b) => Math.round(b * 1000) / 1000), weights };
}
