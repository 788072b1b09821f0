import type { ClassificationRules } from './chain-template.ts';
import {
  LinearClassifier,
  ruleFeatures,
  type LearnedModel,
  type RuleSignal,
} from './classification-model.ts';
import { KeywordAutomaton, type KeywordHit } from './keyword-automaton.ts';

/** What the classifier reads of an enterprise. */
export interface ClassifiableEnterprise {
  name: string;
  nameEn?: string | null;
  businessScope?: string | null;
  products?: readonly string[];
  industryCode?: string | null;
}

export type EvidenceKind =
  'products' | 'scope' | 'name' | 'industry_code' | 'exclusion' | 'learned';
export type Decision = 'confirmed' | 'uncertain' | 'rejected';

/** One reason for (or, for exclusions, against) placing an enterprise on a node. */
export interface Evidence {
  kind: EvidenceKind;
  /** The template rule that fired, e.g. `products.zh`, `industryCodes`, `exclusions.en`. */
  rule: string;
  /** The keyword or code of the rule. */
  keyword: string;
  /** The enterprise text it matched, with a little context. */
  matched: string;
  weight: number;
}

export interface NodeClassification {
  nodeCode: string;
  score: number;
  decision: Decision;
  primary: boolean;
  evidence: Evidence[];
}

/**
 * A result with its evidence already the JSON the table stores: what an import's worker thread
 * sends, so the main thread neither rebuilds nor re-serialises the evidence objects.
 */
export type SerializedClassification = Omit<NodeClassification, 'evidence'> & {
  evidenceJson: string;
};

export function serializeClassification(result: NodeClassification): SerializedClassification {
  return {
    nodeCode: result.nodeCode,
    score: result.score,
    decision: result.decision,
    primary: result.primary,
    evidenceJson: JSON.stringify(result.evidence),
  };
}

/**
 * How much each kind of evidence counts. Products name what a firm makes (strong); the scope on
 * its licence and its industry code say what it may do (medium); its name hints (weak).
 */
export const EVIDENCE_WEIGHTS = {
  products: 3,
  scope: 1.5,
  industry_code: 1.5,
  name: 0.75,
  exclusion: -2.5,
  learned: 0,
} as const;
/** Repeated hits of one kind add less each time, so a long scope cannot outvote a product. */
const REPEAT_FACTOR = 0.35;
/** A product keyword inside a product name, not at its end, describes rather than names it. */
const MODIFIER_FACTOR = 0.5;
/** score = raw / (raw + SCORE_HALF): a single product hit scores 0.5. */
const SCORE_HALF = 3;
export const CONFIRM_SCORE = 0.4;
export const UNCERTAIN_SCORE = 0.25;
/** A secondary node must carry this share of the primary's raw weight to be kept. */
const SECONDARY_SHARE = 0.45;
/** A product line argues for a node when the node holds this share of the line's chain probability. */
const LINE_SHARE = 0.5;

type TextField = 'products' | 'scope' | 'name';
interface KeywordRule {
  nodeCode: string;
  kind: TextField | 'exclusion';
  rule: string;
}

/** A bracketed note closing a product name (…注射液（10ml）) is not its head. */
const TRAILING_NOTE = /[\s(（][^()（）]*[)）]\s*$/u;

function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function isLatin(keyword: string): boolean {
  return /^[\x20-\x7e]+$/.test(keyword);
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[a-z0-9]/.test(ch);
}

/** One text of an enterprise as the keyword rules read it, normalised once for every chain. */
export interface ClassifiableText {
  field: TextField;
  /** NFKC-folded (what evidence quotes) and lower-cased (what keywords are matched in). */
  folded: string;
  normalized: string;
  /** Where a product name's head ends (before a closing note such as （10ml））. */
  headEnd: number;
  /** The product line's index; -1 for the scope and the name. */
  line: number;
}

/** A text with the keyword hits found in it. */
export interface FoundText {
  text: ClassifiableText;
  hits: readonly KeywordHit<KeywordRule>[];
}

/**
 * The texts the keyword rules read. Each product is read on its own: Chinese product names are
 * head-final, so a keyword that ends the name (…注射液, …灌装加塞机) says what the product is, while
 * one inside it (肝素钠 in 依诺肝素钠注射液, 西林瓶 in 西林瓶灌装加塞机) only says what it is made
 * of or for.
 */
function classifiableTexts(enterprise: ClassifiableEnterprise): ClassifiableText[] {
  const raw: { field: TextField; text: string; line: number }[] = [
    ...(enterprise.products ?? []).map((text, line) => ({
      field: 'products' as const,
      text,
      line,
    })),
    { field: 'scope', text: enterprise.businessScope ?? '', line: -1 },
    { field: 'name', text: `${enterprise.name} ${enterprise.nameEn ?? ''}`, line: -1 },
  ];
  const texts: ClassifiableText[] = [];
  for (const { field, text, line } of raw) {
    if (!text.trim()) continue;
    const folded = text.normalize('NFKC');
    const normalized = folded.toLowerCase();
    const headEnd =
      field === 'products'
        ? normalized.replace(TRAILING_NOTE, '').trimEnd().length
        : normalized.length;
    texts.push({ field, folded, normalized, headEnd, line });
  }
  return texts;
}

/**
 * Classifies enterprises on several chains at once (an import classifies every row on every
 * loaded chain): each text is normalised once and searched once, by one automaton holding every
 * chain's keywords; each chain then weighs its own hits as `ChainClassifier.classify` does.
 */
export class ChainClassifiers {
  private readonly automaton = new KeywordAutomaton<{ chain: number; rule: KeywordRule }>();

  constructor(readonly chains: readonly ChainClassifier[]) {
    chains.forEach((classifier, chain) => {
      for (const { keyword, rule } of classifier.keywords)
        this.automaton.add(keyword, { chain, rule });
    });
  }

  /** Each chain's results for the enterprise, in the order of `chains`. */
  classify(enterprise: ClassifiableEnterprise): NodeClassification[][] {
    const texts = classifiableTexts(enterprise);
    const found: FoundText[][] = this.chains.map(() => []);
    for (const text of texts) {
      const byChain: KeywordHit<KeywordRule>[][] = this.chains.map(() => []);
      for (const hit of this.automaton.search(text.normalized)) {
        // A keyword of several chains is one hit here: each chain gets it with its own rules.
        let last = -1;
        for (const { chain, rule } of hit.payloads) {
          const list = byChain[chain] as KeywordHit<KeywordRule>[];
          if (chain !== last) {
            list.push({ start: hit.start, end: hit.end, keyword: hit.keyword, payloads: [rule] });
            last = chain;
          } else (list.at(-1)?.payloads as KeywordRule[]).push(rule);
        }
      }
      byChain.forEach((hits, chain) => found[chain]?.push({ text, hits }));
    }
    return this.chains.map((classifier, chain) =>
      classifier.classifyFound(enterprise, found[chain] ?? []),
    );
  }
}

/**
 * Classifies enterprises onto the nodes of one chain. Build it once per chain; `classify` is pure
 * and fast (one automaton pass per text field).
 */
export class ChainClassifier {
  /** The chain's keywords (normalised), each with its rule: what an automaton searches for. */
  readonly keywords: { keyword: string; rule: KeywordRule }[] = [];
  /** This chain's own automaton, built when the classifier is used alone (see ChainClassifiers). */
  private ownAutomaton: KeywordAutomaton<KeywordRule> | null = null;
  private readonly codeRules = new Map<string, { nodeCode: string; requiresText: boolean }[]>();
  private readonly nodeCodes: string[];
  private readonly learned: LinearClassifier | null;
  /** The model's classes that are nodes of this chain (a template edited after training may differ). */
  private readonly learnedNodeIndexes: number[];
  /** Positive keywords (normalized) → the nodes they argue for. */
  private readonly positiveOwners = new Map<string, string[]>();
  /** Each node's stage, numbered upstream first. */
  private readonly stageOf = new Map<string, number>();
  private readonly lastStage: number;

  /**
   * `model`, when the chain has one, decides membership and the primary node from the rules'
   * evidence and the enterprise's text together; without one the rules decide alone.
   */
  constructor(
    nodes: readonly { code: string; rules: ClassificationRules }[],
    model: LearnedModel | null = null,
  ) {
    this.nodeCodes = nodes.map((n) => n.code);
    // A template's node codes start with their stage's code (biomed.up.api), listed upstream first.
    const stages: string[] = [];
    for (const code of this.nodeCodes) {
      const stage = code.slice(0, Math.max(0, code.lastIndexOf('.')));
      if (!stages.includes(stage)) stages.push(stage);
      this.stageOf.set(code, stages.indexOf(stage));
    }
    this.lastStage = stages.length - 1;
    this.learned = model ? new LinearClassifier(model) : null;
    const learnedClasses = this.learned?.classes ?? [];
    this.learnedNodeIndexes = learnedClasses.flatMap((code, index) =>
      this.nodeCodes.includes(code) ? [index] : [],
    );
    for (const { code, rules } of nodes) {
      const groups = [
        ['products', rules.products],
        ['scope', rules.scope],
        ['name', rules.names],
        ['exclusion', rules.exclusions],
      ] as const;
      for (const [kind, keywords] of groups) {
        for (const language of ['zh', 'en'] as const) {
          const rule = `${kind === 'exclusion' ? 'exclusions' : kind === 'name' ? 'names' : kind}.${language}`;
          for (const keyword of keywords[language]) {
            this.keywords.push({
              keyword: normalizeText(keyword),
              rule: { nodeCode: code, kind, rule },
            });
            if (kind !== 'exclusion') {
              const owners = this.positiveOwners.get(normalizeText(keyword)) ?? [];
              this.positiveOwners.set(normalizeText(keyword), [...owners, code]);
            }
          }
        }
      }
      for (const industry of rules.industryCodes) {
        const list = this.codeRules.get(industry.code) ?? [];
        list.push({ nodeCode: code, requiresText: industry.requiresText });
        this.codeRules.set(industry.code, list);
      }
    }
  }

  /** The nodes an enterprise belongs on (none when it is off the chain), with evidence. */
  classify(enterprise: ClassifiableEnterprise): NodeClassification[] {
    return this.classifyFound(enterprise, this.findKeywords(enterprise));
  }

  /** The enterprise's texts, each with this chain's keyword hits in it. */
  findKeywords(enterprise: ClassifiableEnterprise): FoundText[] {
    if (!this.ownAutomaton) {
      this.ownAutomaton = new KeywordAutomaton<KeywordRule>();
      for (const { keyword, rule } of this.keywords) this.ownAutomaton.add(keyword, rule);
    }
    const automaton = this.ownAutomaton;
    return classifiableTexts(enterprise).map((text) => ({
      text,
      hits: automaton.search(text.normalized),
    }));
  }

  /** `classify` on texts whose keyword hits were found already (on this chain's keywords only). */
  classifyFound(
    enterprise: ClassifiableEnterprise,
    found: readonly FoundText[],
  ): NodeClassification[] {
    // Two product lines or more are also read one by one (see decideLearned).
    let lines = 0;
    for (const product of enterprise.products ?? []) if (product.trim()) lines++;
    const lineSignals = this.learned && lines >= 2 ? [] : undefined;
    const evidence = this.ruleEvidence(enterprise, lineSignals, found);
    return this.learned
      ? this.decideLearned(enterprise, evidence, this.learned, lineSignals)
      : this.decideByRules(evidence);
  }

  /**
   * What the keyword and code rules found, by node. `lineSignals`, when given, receives what they
   * found in each product line, by line index.
   */
  ruleEvidence(
    enterprise: ClassifiableEnterprise,
    lineSignals?: RuleSignal[][],
    found: readonly FoundText[] = this.findKeywords(enterprise),
  ): Map<string, Evidence[]> {
    const evidence = new Map<string, Evidence[]>();
    const push = (nodeCode: string, item: Evidence) => {
      const list = evidence.get(nodeCode);
      if (!list) evidence.set(nodeCode, [item]);
      else if (!list.some((e) => e.rule === item.rule && e.keyword === item.keyword))
        list.push(item);
    };

    for (const { text, hits } of found) {
      const { field, folded, normalized, headEnd, line } = text;
      for (const hit of this.keptHits(normalized, hits)) {
        for (const payload of hit.payloads) {
          const kind = evidenceKind(payload.kind, field);
          if (kind === null) continue;
          const matched = folded.slice(Math.max(0, hit.start - 6), hit.end + 6);
          const modifier = field === 'products' && kind === 'products' && hit.end < headEnd;
          const weight = EVIDENCE_WEIGHTS[kind] * (modifier ? MODIFIER_FACTOR : 1);
          push(payload.nodeCode, {
            kind,
            rule: payload.rule,
            keyword: hit.keyword,
            matched,
            weight,
          });
          if (lineSignals && line >= 0) {
            (lineSignals[line] ??= []).push({ nodeCode: payload.nodeCode, kind, weight });
          }
        }
      }
    }

    const code = enterprise.industryCode?.trim();
    for (const rule of code ? (this.codeRules.get(code) ?? []) : []) {
      const textEvidence = (evidence.get(rule.nodeCode) ?? []).some((e) => e.kind !== 'exclusion');
      if (rule.requiresText && !textEvidence) continue;
      push(rule.nodeCode, {
        kind: 'industry_code',
        rule: 'industryCodes',
        keyword: code ?? '',
        matched: code ?? '',
        weight: EVIDENCE_WEIGHTS.industry_code,
      });
    }

    return evidence;
  }

  private decideByRules(evidence: Map<string, Evidence[]>): NodeClassification[] {
    const scored = [...evidence.entries()].map(([nodeCode, items]) => ({
      nodeCode,
      items,
      raw: rawWeight(items),
    }));
    const top = Math.max(0, ...scored.map((s) => s.raw));
    const results: NodeClassification[] = [];
    for (const { nodeCode, items, raw } of scored) {
      const positive = items.some((e) => e.weight > 0);
      if (!positive) continue;
      const score = raw > 0 ? raw / (raw + SCORE_HALF) : 0;
      let decision: Decision;
      if (raw <= 0) decision = 'rejected';
      else if (raw < top * SECONDARY_SHARE) continue;
      else if (score >= CONFIRM_SCORE) decision = 'confirmed';
      else if (score >= UNCERTAIN_SCORE) decision = 'uncertain';
      else continue;
      results.push({ nodeCode, score: round(score), decision, primary: false, evidence: items });
    }
    results.sort(
      (a, b) =>
        b.score - a.score ||
        this.nodeCodes.indexOf(a.nodeCode) - this.nodeCodes.indexOf(b.nodeCode),
    );
    const first = results[0];
    if (first && first.decision !== 'rejected') first.primary = true;
    return results;
  }

  /**
   * Membership from the learned model's probability that the firm is on the chain; the primary
   * node is its most probable node; other nodes are kept when they carry a share of the chain's
   * probability and the rules found evidence for them, or when one of the firm's product lines,
   * read on its own, clearly argues for them. A firm whose lines name products of a later stage
   * than its most probable node (片剂 beside 原料药) is placed at the later one: the chain places a
   * firm at the most downstream product it makes. Each placement keeps the rules' evidence for its
   * node and adds the learned features (or the product line) that carried it.
   */
  private decideLearned(
    enterprise: ClassifiableEnterprise,
    evidence: Map<string, Evidence[]>,
    model: LinearClassifier,
    lineSignals: RuleSignal[][] | undefined,
  ): NodeClassification[] {
    const signals = [...evidence.entries()].flatMap(([nodeCode, items]) =>
      items.map((e) => ({ nodeCode, kind: e.kind, weight: e.weight })),
    );
    const products = enterprise.products ?? [];
    // Only a line the rules found something in can argue for a node (see arguedByLines).
    const readLines =
      lineSignals && lineSignals.length > 0
        ? products.map((_, line) => lineSignals[line] !== undefined)
        : undefined;
    const output = model.score(enterprise, ruleFeatures(signals), readLines);
    const { member, uncertain, secondary } = model.model.thresholds;
    const pMember = 1 - (output.probabilities[model.offIndex] ?? 0);
    if (pMember < uncertain) {
      // Off the chain: exclusions that outweighed a node still say why it was turned down.
      if (evidence.size === 0) return [];
      return this.decideByRules(evidence).filter((r) => r.decision === 'rejected');
    }
    // A name alone never confirms a placement, as with the rules: it goes to review.
    const substance =
      products.some((p) => p.trim()) ||
      Boolean(enterprise.businessScope?.trim()) ||
      Boolean(enterprise.industryCode?.trim()) ||
      signals.some((s) => s.weight > 0 && s.kind !== 'name');
    const lineProbabilities = lineSignals
      ? output.lineProbabilities(
          products.map((_, line) => {
            const found = lineSignals[line];
            return found ? ruleFeatures(found) : undefined;
          }),
        )
      : null;
    const argued = this.arguedByLines(evidence, lineProbabilities, lineSignals, products, model);
    const ranked: { nodeCode: string; index: number; p: number }[] = [];
    let top = 0;
    for (const index of this.learnedNodeIndexes)
      top = Math.max(top, output.probabilities[index] ?? 0);
    for (const index of this.learnedNodeIndexes) {
      const p = output.probabilities[index] ?? 0;
      const nodeCode = model.classes[index] ?? '';
      if (p === top || p / pMember >= secondary || argued.has(nodeCode)) {
        ranked.push({ nodeCode, index, p });
      }
    }
    ranked.sort((a, b) => b.p - a.p);
    this.promoteDownstream(ranked, argued);
    const results: NodeClassification[] = [];
    for (const [rank, candidate] of ranked.entries()) {
      const share = candidate.p / pMember;
      const line = argued.get(candidate.nodeCode);
      // A second node needs the rules' own evidence too, or a product line of its own that argues
      // for it: the model alone, reading the firm as a whole, names one node at most.
      const ruleSupport = (evidence.get(candidate.nodeCode) ?? []).some((e) => e.weight > 0);
      if (rank > 0 && !line && (share < secondary || !ruleSupport)) continue;
      // The first node placed gets the learned features that carried it; a further node is kept
      // on the rules' evidence or its product line, which already say why.
      const learnedEvidence: Evidence[] = (
        results.length === 0 ? output.topFeatures(candidate.index, 3) : []
      )
        .filter((f) => !f.feature.startsWith('r:'))
        .map((f) => ({
          kind: 'learned',
          weight: f.weight,
          ...describeLearnedFeature(f.feature, enterprise),
        }));
      if (line) {
        learnedEvidence.push({
          kind: 'learned',
          rule: 'model.product_line',
          keyword: line.text,
          matched: line.text,
          weight: round(line.p),
        });
      }
      const reasons = [...(evidence.get(candidate.nodeCode) ?? []), ...learnedEvidence];
      // Every placement says why: a node nothing argued for is not placed.
      if (!reasons.some((e) => e.weight > 0)) continue;
      results.push({
        nodeCode: candidate.nodeCode,
        score: round(results.length === 0 ? pMember : Math.max(candidate.p, line?.p ?? 0)),
        // Exclusions that outweigh the rules' every hit for a node (原药 beside 制剂: a pesticide
        // maker) leave the model's placement there to review.
        decision:
          pMember >= member && substance && this.standing(candidate.nodeCode, evidence) >= 0
            ? 'confirmed'
            : 'uncertain',
        primary: results.length === 0,
        evidence: reasons,
      });
    }
    return results;
  }

  /**
   * The nodes that some product line, read on its own, clearly argues for: the rules and the model
   * agree on it — the rules' evidence in the line is for the node on balance, the line is on the
   * chain by the membership threshold and the node holds most of its probability. (The model
   * alone reads too much into a brand name such as 痛风停锭.) An exclusion elsewhere in the firm's
   * text still counts against the node (重组蛋白 beside 科研用 is a reagent). Each node keeps its
   * most confident line.
   */
  private arguedByLines(
    evidence: ReadonlyMap<string, readonly Evidence[]>,
    lineProbabilities: readonly (readonly number[] | null)[] | null,
    lineSignals: readonly (readonly RuleSignal[] | undefined)[] | undefined,
    products: readonly string[],
    model: LinearClassifier,
  ): Map<string, { text: string; p: number }> {
    const argued = new Map<string, { text: string; p: number }>();
    if (!lineProbabilities || !lineSignals) return argued;
    const { member } = model.model.thresholds;
    lineProbabilities.forEach((probabilities, line) => {
      if (!probabilities) return;
      const pMember = 1 - (probabilities[model.offIndex] ?? 0);
      if (pMember < member) return;
      let best = -1;
      let bestP = 0;
      for (const index of this.learnedNodeIndexes) {
        const p = probabilities[index] ?? 0;
        if (p > bestP) {
          best = index;
          bestP = p;
        }
      }
      if (best < 0 || bestP / pMember < LINE_SHARE) return;
      const nodeCode = model.classes[best] ?? '';
      const forNode = (lineSignals[line] ?? []).filter((signal) => signal.nodeCode === nodeCode);
      if (rawWeight(forNode) <= 0 || this.standing(nodeCode, evidence) <= 0) return;
      const text = (products[line] ?? '').normalize('NFKC').trim();
      if ((argued.get(nodeCode)?.p ?? 0) < bestP) argued.set(nodeCode, { text, p: bestP });
    });
    return argued;
  }

  /**
   * Moves to the front the most downstream node a product line argues for, when it lies at a
   * later stage than the model's first node but before the chain's last stage (trade and care:
   * where products reach their users, not a product the firm makes).
   */
  private promoteDownstream(
    ranked: { nodeCode: string; index: number; p: number }[],
    argued: ReadonlyMap<string, { p: number }>,
  ): void {
    const first = ranked[0];
    if (!first || argued.size === 0) return;
    let stage = this.stageOf.get(first.nodeCode) ?? 0;
    let promoted = -1;
    ranked.forEach((candidate, at) => {
      const candidateStage = this.stageOf.get(candidate.nodeCode) ?? 0;
      if (!argued.has(candidate.nodeCode) || candidateStage >= this.lastStage) return;
      if (candidateStage > stage) [stage, promoted] = [candidateStage, at];
    });
    if (promoted > 0) ranked.unshift(...ranked.splice(promoted, 1));
  }

  /**
   * The rules' weight for a node, leaving out exclusions that name another node's product (中成药
   * on chemical drugs is TCM's keyword): in a firm that lists both, each is a product line of its
   * own and does not count against the other. Exclusions that name no node (农药, 科研用) count.
   */
  private standing(nodeCode: string, evidence: ReadonlyMap<string, readonly Evidence[]>): number {
    const items = (evidence.get(nodeCode) ?? []).filter(
      (e) =>
        e.kind !== 'exclusion' ||
        !(this.positiveOwners.get(e.keyword) ?? []).some((owner) => owner !== nodeCode),
    );
    return rawWeight(items);
  }

  /**
   * The hits that count: Latin keywords only as whole words, and no hit that lies inside a longer
   * hit of another node.
   */
  private keptHits(text: string, found: readonly KeywordHit<KeywordRule>[]) {
    const hits = found.filter((hit) => {
      if (!isLatin(hit.keyword)) return true;
      return !isWordChar(text[hit.start - 1]) && !isWordChar(text[hit.end]);
    });
    return hits.filter(
      (hit) =>
        !hits.some(
          (other) =>
            other !== hit &&
            other.start <= hit.start &&
            other.end >= hit.end &&
            other.end - other.start > hit.end - hit.start &&
            other.payloads.some((p) => p.kind !== 'exclusion') &&
            !other.payloads.some((p) => hit.payloads.some((h) => h.nodeCode === p.nodeCode)),
        ),
    );
  }
}

/**
 * What a keyword hit counts as. Exclusions read every field. Product and scope keywords both
 * describe what a firm does, so either counts in either field: as a product only when a product
 * keyword names a product, otherwise at the scope's weight. Name keywords count only in names.
 */
function evidenceKind(keyword: KeywordRule['kind'], field: TextField): EvidenceKind | null {
  if (keyword === 'exclusion') return 'exclusion';
  if (field === 'name') return keyword === 'name' ? 'name' : null;
  if (keyword === 'name') return null;
  return keyword === 'products' && field === 'products' ? 'products' : 'scope';
}

const FEATURE_FIELDS: Record<string, { rule: string; field: 'products' | 'scope' | 'code' }> = {
  p: { rule: 'model.products', field: 'products' },
  pe: { rule: 'model.product_ending', field: 'products' },
  pe1: { rule: 'model.product_ending', field: 'products' },
  s: { rule: 'model.scope', field: 'scope' },
  c4: { rule: 'model.industry_code', field: 'code' },
  c3: { rule: 'model.industry_code', field: 'code' },
  c2: { rule: 'model.industry_code', field: 'code' },
};

/**
 * A learned feature as evidence a person can check: the characters it is about (`keyword`) and
 * the enterprise's text they came from (`matched`), e.g. 注射 in 盐酸二甲双胍注射液.
 */
function describeLearnedFeature(
  feature: string,
  enterprise: ClassifiableEnterprise,
): { rule: string; keyword: string; matched: string } {
  const colon = feature.indexOf(':');
  const keyword = feature.slice(colon + 1);
  const source = FEATURE_FIELDS[feature.slice(0, colon)];
  if (!source) return { rule: 'model', keyword, matched: keyword };
  const texts =
    source.field === 'products'
      ? (enterprise.products ?? [])
      : source.field === 'scope'
        ? [enterprise.businessScope ?? '']
        : [enterprise.industryCode ?? ''];
  for (const text of texts) {
    const folded = text.normalize('NFKC');
    const at = folded.toLowerCase().indexOf(keyword);
    if (at >= 0) {
      return {
        rule: source.rule,
        keyword: folded.slice(at, at + keyword.length),
        matched: folded.slice(Math.max(0, at - 6), at + keyword.length + 6),
      };
    }
  }
  return { rule: source.rule, keyword, matched: keyword };
}

function rawWeight(items: readonly { kind: string; weight: number }[]): number {
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item) continue;
    let repeat = false;
    for (let j = 0; j < i && !repeat; j++) repeat = items[j]?.kind === item.kind;
    total += repeat ? item.weight * REPEAT_FACTOR : item.weight;
  }
  return total;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
