import type { CandidateComponentKey } from '../shared/api/attract.ts';
import { formatPercent, formatYuan } from '../shared/format.ts';

/**
 * Scores enterprises elsewhere as candidates (招商目标) for a node the region lacks. Each score is
 * the sum of five components, each on 0–1 times its weight, and each says why in Chinese and
 * English, so a person can see at once why one firm ranks above another.
 */

export interface Bilingual {
  zh: string;
  en: string;
}

export interface CandidateYear {
  year: number;
  outputYuan: number | null;
  revenueYuan: number | null;
}

/** What the ranking knows of one enterprise on one node. */
export interface CandidateFacts {
  enterpriseId: number;
  name: string;
  regionCode: string;
  nodeCode: string;
  decision: 'confirmed' | 'uncertain';
  /** The classifier's score on this node, 0–1. */
  classificationScore: number;
  /** Whether this node is the enterprise's primary one. */
  primary: boolean;
  tags: readonly string[];
  years: readonly CandidateYear[];
}

export interface LinkedNode {
  code: string;
  name: Bilingual;
  /** Confirmed enterprises of the region on this node. */
  localEnterprises: number;
}

/** A node with its supplier and customer nodes through the chain's flows. */
export interface NodeLinks {
  code: string;
  name: Bilingual;
  suppliers: readonly LinkedNode[];
  customers: readonly LinkedNode[];
}

export interface ScoreComponent {
  key: CandidateComponentKey;
  weight: number;
  value: number;
  points: number;
  reason: Bilingual;
}

export interface ScoredCandidate {
  facts: CandidateFacts;
  node: NodeLinks;
  score: number;
  components: ScoreComponent[];
  latestYear: number | null;
  latestOutputYuan: number | null;
}

export interface RankedCandidate extends ScoredCandidate {
  /** Rank within its node, from 1. */
  rank: number;
}

/** How much each component counts; they sum to 1 so the score runs 0–100. */
export const CANDIDATE_WEIGHTS: Readonly<Record<CandidateComponentKey, number>> = {
  fit: 0.3,
  size: 0.25,
  growth: 0.15,
  innovation: 0.15,
  links: 0.15,
};

/** What each innovation tag adds (capped at 1): listed firms bring capital, the rest capability. */
export const INNOVATION_TAGS: readonly { tag: string; value: number; zh: string; en: string }[] = [
  { tag: 'listed', value: 0.4, zh: '上市公司', en: 'listed' },
  { tag: 'high_tech', value: 0.3, zh: '高新技术企业', en: 'high-tech' },
  { tag: 'specialized_new', value: 0.3, zh: '专精特新', en: 'specialized-and-new' },
  { tag: 'chain_master', value: 0.2, zh: '链主企业', en: 'chain master' },
];

/** Size runs on a log scale from 10 million yuan (0) to 10 billion yuan (1) a year. */
const SIZE_FLOOR_LOG = 7;
const SIZE_SPAN_LOG = 3;
/** Growth runs from −10% (0) to +30% (1) a year; no figures count as flat (0.25). */
const GROWTH_FLOOR = -0.1;
const GROWTH_SPAN = 0.4;
const GROWTH_YEARS = 3;
/** A firm placed on the node only as a side line fits less than one whose main business it is. */
const SECONDARY_FIT_FACTOR = 0.8;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number, digits = 4) => Number(x.toFixed(digits));

/** The latest year with a positive output (or else revenue) figure, with the measure used. */
export function latestFigure(
  years: readonly CandidateYear[],
): { year: number; yuan: number; measure: 'output' | 'revenue' } | null {
  const sorted = [...years].sort((a, b) => b.year - a.year);
  for (const y of sorted) {
    if (y.outputYuan !== null && y.outputYuan > 0) {
      return { year: y.year, yuan: y.outputYuan, measure: 'output' };
    }
    if (y.revenueYuan !== null && y.revenueYuan > 0) {
      return { year: y.year, yuan: y.revenueYuan, measure: 'revenue' };
    }
  }
  return null;
}

/** Compound yearly growth over up to three years before the latest figure, or null. */
export function recentGrowth(
  years: readonly CandidateYear[],
): { rate: number; from: number; to: number } | null {
  const latest = latestFigure(years);
  if (!latest) return null;
  const value = (y: CandidateYear) => (latest.measure === 'output' ? y.outputYuan : y.revenueYuan);
  const earlier = years
    .filter((y) => y.year < latest.year && y.year >= latest.year - GROWTH_YEARS)
    .filter((y) => (value(y) ?? 0) > 0)
    .sort((a, b) => a.year - b.year)[0];
  const base = earlier ? value(earlier) : null;
  if (!earlier || base === null || base <= 0) return null;
  const span = latest.year - earlier.year;
  return { rate: Math.pow(latest.yuan / base, 1 / span) - 1, from: earlier.year, to: latest.year };
}

/** A score component at its key's weight. */
function component(
  key: CandidateComponentKey,
  value: number,
  reason: Bilingual,
): Omit<ScoreComponent, 'points'> {
  return { key, weight: CANDIDATE_WEIGHTS[key], value, reason };
}

function fitComponent(facts: CandidateFacts, node: NodeLinks): Omit<ScoreComponent, 'points'> {
  const base =
    facts.decision === 'confirmed'
      ? 0.5 + 0.5 * clamp01(facts.classificationScore)
      : 0.5 * clamp01(facts.classificationScore);
  const value = clamp01(facts.primary ? base : base * SECONDARY_FIT_FACTOR);
  const score = facts.classificationScore.toFixed(2);
  const decisionZh = facts.decision === 'confirmed' ? '已确认' : '待确认';
  const decisionEn = facts.decision === 'confirmed' ? 'confirmed' : 'uncertain';
  return component('fit', value, {
    zh: `${decisionZh}属于${node.name.zh}（${facts.primary ? '主营' : '兼营'}，分类得分 ${score}）`,
    en: `${decisionEn} on ${node.name.en} (${facts.primary ? 'main business' : 'side line'}, classification score ${score})`,
  });
}

function sizeComponent(facts: CandidateFacts): Omit<ScoreComponent, 'points'> {
  const latest = latestFigure(facts.years);
  if (!latest) {
    return component('size', 0, { zh: '无产值或营收数据', en: 'no output or revenue figures' });
  }
  const value = clamp01((Math.log10(latest.yuan) - SIZE_FLOOR_LOG) / SIZE_SPAN_LOG);
  const measureZh = latest.measure === 'output' ? '产值' : '营收';
  return component('size', value, {
    zh: `${latest.year} 年${measureZh} ${formatYuan(latest.yuan, 'zh')}`,
    en: `${latest.measure} ${formatYuan(latest.yuan, 'en')} in ${latest.year}`,
  });
}

function growthComponent(facts: CandidateFacts): Omit<ScoreComponent, 'points'> {
  const growth = recentGrowth(facts.years);
  if (!growth) {
    return component('growth', clamp01(-GROWTH_FLOOR / GROWTH_SPAN), {
      zh: '年度数据不足，按持平计',
      en: 'too few yearly figures; counted as flat',
    });
  }
  const rate = formatPercent(growth.rate);
  return component('growth', clamp01((growth.rate - GROWTH_FLOOR) / GROWTH_SPAN), {
    zh: `${growth.from}–${growth.to} 年均增长 ${rate}`,
    en: `grew ${rate} a year ${growth.from}–${growth.to}`,
  });
}

function innovationComponent(facts: CandidateFacts): Omit<ScoreComponent, 'points'> {
  const held = INNOVATION_TAGS.filter((t) => facts.tags.includes(t.tag));
  const value = clamp01(held.reduce((sum, t) => sum + t.value, 0));
  return component(
    'innovation',
    value,
    held.length === 0
      ? { zh: '无上市、高新、专精特新标签', en: 'not listed, high-tech or specialized-and-new' }
      : { zh: held.map((t) => t.zh).join('、'), en: held.map((t) => t.en).join(', ') },
  );
}

function linkList(nodes: readonly LinkedNode[], lang: 'zh' | 'en'): string {
  return nodes
    .map((n) =>
      lang === 'zh'
        ? `${n.name.zh}（${n.localEnterprises} 家）`
        : `${n.name.en} (${n.localEnterprises})`,
    )
    .join(lang === 'zh' ? '、' : ', ');
}

/** The links component depends on the node only: how much of its supply chain is already local. */
function linksComponent(node: NodeLinks): Omit<ScoreComponent, 'points'> {
  const neighbours = [...node.suppliers, ...node.customers];
  if (neighbours.length === 0) {
    return component('links', 0, {
      zh: '链图上无上下游关系',
      en: 'no supply links on the chain map',
    });
  }
  const localSuppliers = node.suppliers.filter((n) => n.localEnterprises > 0);
  const localCustomers = node.customers.filter((n) => n.localEnterprises > 0);
  const present = localSuppliers.length + localCustomers.length;
  const partsZh: string[] = [];
  const partsEn: string[] = [];
  if (localSuppliers.length > 0) {
    partsZh.push(`上游 ${linkList(localSuppliers, 'zh')}`);
    partsEn.push(`suppliers ${linkList(localSuppliers, 'en')}`);
  }
  if (localCustomers.length > 0) {
    partsZh.push(`下游 ${linkList(localCustomers, 'zh')}`);
    partsEn.push(`customers ${linkList(localCustomers, 'en')}`);
  }
  return component(
    'links',
    present / neighbours.length,
    present === 0
      ? { zh: '本地尚无其上下游企业', en: 'none of its suppliers or customers is local yet' }
      : {
          zh: `本地已有${partsZh.join('；')}`,
          en: `local ${partsEn.join('; ')}`,
        },
  );
}

/** Scores one enterprise as a candidate for one node; every component carries its reason. */
export function scoreCandidate(facts: CandidateFacts, node: NodeLinks): ScoredCandidate {
  const components = [
    fitComponent(facts, node),
    sizeComponent(facts),
    growthComponent(facts),
    innovationComponent(facts),
    linksComponent(node),
  ].map((c) => ({ ...c, value: round(c.value), points: round(c.value * c.weight * 100, 2) }));
  const latest = latestFigure(facts.years);
  return {
    facts,
    node,
    score: round(
      components.reduce((sum, c) => sum + c.points, 0),
      2,
    ),
    components,
    latestYear: latest?.year ?? null,
    latestOutputYuan: latest?.yuan ?? null,
  };
}

/**
 * Scores candidates and keeps the best `top` of each node, best first; ties go to the larger
 * firm, then the lower id, so the order is the same on every run.
 */
export function rankCandidates(
  candidates: readonly CandidateFacts[],
  nodes: ReadonlyMap<string, NodeLinks>,
  top: number,
): RankedCandidate[] {
  const byNode = new Map<string, ScoredCandidate[]>();
  for (const facts of candidates) {
    const node = nodes.get(facts.nodeCode);
    if (!node) continue;
    const list = byNode.get(facts.nodeCode) ?? [];
    list.push(scoreCandidate(facts, node));
    byNode.set(facts.nodeCode, list);
  }
  const ranked: RankedCandidate[] = [];
  for (const code of nodes.keys()) {
    const list = byNode.get(code) ?? [];
    list.sort(
      (a, b) =>
        b.score - a.score ||
        (b.latestOutputYuan ?? 0) - (a.latestOutputYuan ?? 0) ||
        a.facts.enterpriseId - b.facts.enterpriseId,
    );
    list.slice(0, top).forEach((c, index) => ranked.push({ ...c, rank: index + 1 }));
  }
  return ranked;
}
