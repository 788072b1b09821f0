/**
 * The chain office's metrics, as pure functions: concentration (HHI), growth (year on year, CAGR,
 * the rate a target needs, a projection on the recent trend), a node's status (strong, weak,
 * missing) with its reasons in words, the chain's completeness and extension candidates (延链).
 * Definitions: docs/analysis.md, which states them for users.
 */

/** A node is weak when its location quotient is below this (under-represented locally). */
export const LQ_WEAK_BELOW = 1;
/**
 * A node is weak when its HHI is above this: "highly concentrated" in the US DOJ/FTC Horizontal
 * Merger Guidelines (2010), the threshold most regional studies quote.
 */
export const HHI_WEAK_ABOVE = 2_500;
/** A node is weak when one enterprise holds more than this share of its output ("most of it"). */
export const TOP_SHARE_WEAK_ABOVE = 0.5;
/**
 * A node with at least this many open enterprise problems, one of them overdue, gets a reason
 * saying so: a few open problems are routine, several with one overdue need the chain office.
 */
export const OPEN_PROBLEMS_NOTICE_AT_LEAST = 3;
/** Years of history behind a trend projection (the recent trend, not the whole series). */
export const TREND_YEARS = 3;
/** In extension ranking, a supply link to a strong node counts 1, to a weak (present) node this. */
export const WEAK_LINK_FACTOR = 0.5;

export type NodeStatus = 'strong' | 'weak' | 'missing';
export type Bilingual = { zh: string; en: string };

export interface StatusReason extends Bilingual {
  code:
    | 'no_enterprises'
    | 'secondary_only'
    | 'no_output'
    | 'low_lq'
    | 'lq_at_least_one'
    | 'lq_unknown'
    | 'lq_no_benchmark'
    | 'concentrated'
    | 'dominant_enterprise'
    | 'diverse'
    | 'open_problems_overdue'
    | 'no_local_supplier';
}

export interface YearValue {
  year: number;
  value: number;
}

/**
 * The Herfindahl–Hirschman index of the shares of `values` (0–10,000: 10,000 is one enterprise
 * holding everything). Null when there is nothing to share; negative values are not shares.
 */
export function hhi(values: readonly number[]): number | null {
  const total = values.reduce((sum, v) => sum + v, 0);
  if (!(total > 0) || values.some((v) => v < 0)) return null;
  return values.reduce((sum, v) => sum + (v / total) ** 2, 0) * 10_000;
}

/** The largest value's share of the total (0–1), or null when the total is not positive. */
export function topShare(values: readonly number[]): number | null {
  const total = values.reduce((sum, v) => sum + v, 0);
  if (!(total > 0) || values.some((v) => v < 0)) return null;
  return Math.max(...values) / total;
}

/** Relative change from `previous` to `current` (0.1 is +10%), or null without a positive base. */
export function growthRate(previous: number | null, current: number | null): number | null {
  if (previous === null || current === null || !(previous > 0) || current < 0) return null;
  return current / previous - 1;
}

/**
 * Compound annual growth rate from `first` to `last` over `years` years, or null when it is not
 * defined (no positive start, a negative end, or no time between them).
 */
export function cagr(first: number, last: number, years: number): number | null {
  if (!(first > 0) || last < 0 || !(years > 0)) return null;
  return (last / first) ** (1 / years) - 1;
}

/**
 * The yearly growth needed to go from `value` in `year` to `target` in `targetYear` (Wuxi: 100
 * billion in 2020 to 250 billion in 2025 needs 20.1% a year). Null when the target year is not
 * after `year` or the rate is undefined.
 */
export function requiredGrowth(input: {
  value: number;
  year: number;
  target: number;
  targetYear: number;
}): number | null {
  return cagr(input.value, input.target, input.targetYear - input.year);
}

/** The CAGR over the last `window` years of a series ending at its latest year, and its start. */
export function recentTrend(
  series: readonly YearValue[],
  window = TREND_YEARS,
): { rate: number; fromYear: number; toYear: number } | null {
  const sorted = [...series]
    .filter((p) => Number.isFinite(p.value))
    .sort((a, b) => a.year - b.year);
  const last = sorted.at(-1);
  if (!last) return null;
  // The earliest positive point within the window: a shorter history gives a shorter trend.
  const first = sorted.find(
    (p) => p.year >= last.year - window && p.year < last.year && p.value > 0,
  );
  if (!first) return null;
  const rate = cagr(first.value, last.value, last.year - first.year);
  return rate === null ? null : { rate, fromYear: first.year, toYear: last.year };
}

/** The series' latest value carried forward to `toYear` at its recent trend rate. */
export function projectTrend(
  series: readonly YearValue[],
  toYear: number,
  window = TREND_YEARS,
): { value: number; rate: number; fromYear: number; baseYear: number } | null {
  const trend = recentTrend(series, window);
  const base = series.find((p) => p.year === trend?.toYear);
  if (!trend || !base) return null;
  return {
    value: base.value * (1 + trend.rate) ** (toYear - base.year),
    rate: trend.rate,
    fromYear: trend.fromYear,
    baseYear: base.year,
  };
}

export type TargetState = 'achieved' | 'missed' | 'on_track' | 'off_track' | 'no_data';

export interface TargetOutlook {
  state: TargetState;
  /** The latest actual used (the analysis year's value), or null without one. */
  actual: YearValue | null;
  /** actual / target. */
  progress: number | null;
  /** Yearly growth needed from the actual to the target; null once the target year is reached. */
  requiredGrowth: number | null;
  /** The recent trend's yearly growth and the years it spans. */
  trendGrowth: number | null;
  trendFromYear: number | null;
  /** Where the recent trend leads by the target year (the actual itself once it is reached). */
  projected: number | null;
  /**
   * The gap to the target, the one definition every page and the briefing show: target − the
   * latest actual (positive: still to cover; zero or negative: reached). Not a forecast.
   */
  gap: number | null;
  /** gap / target. */
  gapShare: number | null;
}

/**
 * How a target stands on a series up to the analysis year: progress, the growth it still needs,
 * the projection on the recent trend, and whether that reaches it (and by how much).
 */
export function targetOutlook(
  series: readonly YearValue[],
  target: { year: number; value: number },
  window = TREND_YEARS,
): TargetOutlook {
  const known = [...series].sort((a, b) => a.year - b.year).filter((p) => p.year <= target.year);
  const actual = known.at(-1) ?? null;
  const none: TargetOutlook = {
    state: 'no_data',
    actual,
    progress: null,
    requiredGrowth: null,
    trendGrowth: null,
    trendFromYear: null,
    projected: null,
    gap: null,
    gapShare: null,
  };
  if (!actual || !(target.value > 0)) return none;
  const progress = actual.value / target.value;
  const trend = recentTrend(known, window);
  const gap = target.value - actual.value;
  if (actual.year === target.year) {
    return {
      ...none,
      state: gap <= 0 ? 'achieved' : 'missed',
      progress,
      trendGrowth: trend?.rate ?? null,
      trendFromYear: trend?.fromYear ?? null,
      projected: actual.value,
      gap,
      gapShare: gap / target.value,
    };
  }
  const projection = projectTrend(known, target.year, window);
  const projected = projection?.value ?? null;
  return {
    state: projected === null ? 'no_data' : projected >= target.value ? 'on_track' : 'off_track',
    actual,
    progress,
    requiredGrowth: requiredGrowth({ ...actual, target: target.value, targetYear: target.year }),
    trendGrowth: projection?.rate ?? null,
    trendFromYear: projection?.fromYear ?? null,
    projected,
    gap,
    gapShare: gap / target.value,
  };
}

export interface NodeStatusInput {
  /** Confirmed local enterprises counted on the node. */
  enterprises: number;
  /** Confirmed local enterprises active on the node but counted on their primary node. */
  alsoOnNode?: number;
  /** Local output of the node in the year (null when none of them reports it). */
  outputYuan: number | null;
  lq: number | null;
  /**
   * True when the national pool holds no chain output outside this region: a location quotient
   * would compare the region with itself, so there is none (and the reason says so).
   */
  benchmarkIsLocalOnly?: boolean;
  hhi: number | null;
  topShare: number | null;
}

/**
 * A node's status per docs/analysis.md "Status": missing with no confirmed local enterprise (weak when only
 * firms mainly on other nodes are confirmed on it as well); weak when its
 * location quotient is below 1, its HHI above 2,500 or one enterprise holds most of its output
 * (or no output is reported, so it cannot be judged); strong otherwise. Reasons say why, zh and en.
 */
export function nodeStatus(input: NodeStatusInput): {
  status: NodeStatus;
  reasons: StatusReason[];
} {
  const secondary = input.alsoOnNode ?? 0;
  if (input.enterprises <= 0 && secondary > 0) {
    return {
      status: 'weak',
      reasons: [
        {
          code: 'secondary_only',
          zh: `仅有 ${secondary} 家以其他环节为主业的企业兼营此环节，本环节未计产值`,
          en: `Only ${secondary} enterprise(s) mainly on other nodes are also active here; no output is counted on this node`,
        },
      ],
    };
  }
  if (input.enterprises <= 0) {
    return {
      status: 'missing',
      reasons: [
        {
          code: 'no_enterprises',
          zh: '本地没有确认在该环节的企业（补链）',
          en: 'No confirmed local enterprise on this node (a missing link to fill)',
        },
      ],
    };
  }
  if (input.outputYuan === null || !(input.outputYuan > 0)) {
    return {
      status: 'weak',
      reasons: [
        {
          code: 'no_output',
          zh: `有 ${input.enterprises} 家企业，但没有产值数据，无法判断强弱`,
          en: `${input.enterprises} enterprise(s) but no output reported, so its strength cannot be judged`,
        },
      ],
    };
  }
  const weak: StatusReason[] = [];
  const strong: StatusReason[] = [];
  const lq = input.lq;
  if (input.benchmarkIsLocalOnly) {
    strong.push({
      code: 'lq_no_benchmark',
      zh: '全国样本只有本地区的本链产值，区位熵无从比较',
      en: "Location quotient not computed: the national pool holds this chain's output of this region only",
    });
  } else if (lq === null) {
    strong.push({
      code: 'lq_unknown',
      zh: '区位熵无法计算（全国样本无该环节产值）',
      en: 'Location quotient undefined (no output on this node in the national pool)',
    });
  } else if (lq < LQ_WEAK_BELOW) {
    weak.push({
      code: 'low_lq',
      zh: `区位熵 ${fixed(lq, 2)}，低于 ${LQ_WEAK_BELOW}：产值占比低于全国样本`,
      en: `Location quotient ${fixed(lq, 2)} is below ${LQ_WEAK_BELOW}: a smaller share of output than in the national pool`,
    });
  } else {
    strong.push({
      code: 'lq_at_least_one',
      zh: `区位熵 ${fixed(lq, 2)}，不低于 ${LQ_WEAK_BELOW}`,
      en: `Location quotient ${fixed(lq, 2)} is at least ${LQ_WEAK_BELOW}`,
    });
  }
  const share = input.topShare;
  if (share !== null && share > TOP_SHARE_WEAK_ABOVE) {
    weak.push({
      code: 'dominant_enterprise',
      zh: `最大一家企业占该环节产值的 ${percent(share)}，超过一半`,
      en: `One enterprise holds ${percent(share)} of the node's output, more than half`,
    });
  }
  const index = input.hhi;
  if (index !== null && index > HHI_WEAK_ABOVE) {
    weak.push({
      code: 'concentrated',
      zh: `集中度 HHI ${grouped(index)}，高于 ${grouped(HHI_WEAK_ABOVE)}（高度集中）`,
      en: `HHI ${grouped(index)} is above ${grouped(HHI_WEAK_ABOVE)} (highly concentrated)`,
    });
  } else if (index !== null) {
    strong.push({
      code: 'diverse',
      zh: `集中度 HHI ${grouped(index)}，不高于 ${grouped(HHI_WEAK_ABOVE)}`,
      en: `HHI ${grouped(index)} is at most ${grouped(HHI_WEAK_ABOVE)}`,
    });
  }
  return weak.length > 0
    ? { status: 'weak', reasons: weak }
    : { status: 'strong', reasons: strong };
}

/**
 * The reason a node's open enterprise problems give, or null: at least
 * OPEN_PROBLEMS_NOTICE_AT_LEAST open, of which at least one overdue. It explains, it does not
 * change the node's status (that judges the industry, not the service to it).
 */
export function openProblemsReason(open: number, overdue: number): StatusReason | null {
  if (open < OPEN_PROBLEMS_NOTICE_AT_LEAST || overdue < 1) return null;
  return {
    code: 'open_problems_overdue',
    zh: `企业诉求 ${open} 件未办结，其中 ${overdue} 件已逾期`,
    en: `${open} enterprise problems open, ${overdue} of them overdue`,
  };
}

/**
 * Chain completeness: the weighted share of nodes with at least one confirmed local enterprise
 * (counted there or, as a secondary placement, on another node) (0–1), with the plain counts.
 */
export function completeness(
  nodes: readonly { weight: number; enterprises: number; alsoOnNode?: number }[],
): {
  weighted: number;
  present: number;
  total: number;
} {
  const totalWeight = nodes.reduce((sum, n) => sum + n.weight, 0);
  const present = nodes.filter((n) => n.enterprises > 0 || (n.alsoOnNode ?? 0) > 0);
  const presentWeight = present.reduce((sum, n) => sum + n.weight, 0);
  return {
    weighted: totalWeight > 0 ? presentWeight / totalWeight : 0,
    present: present.length,
    total: nodes.length,
  };
}

export interface ExtensionNode {
  code: string;
  name: Bilingual;
  weight: number;
  status: NodeStatus;
}

export interface ExtensionLink {
  code: string;
  name: Bilingual;
  status: NodeStatus;
  /** `supplies`: the candidate would supply this local node; `supplied_by`: it would buy from it. */
  direction: 'supplies' | 'supplied_by';
}

export interface ExtensionCandidate {
  code: string;
  name: Bilingual;
  weight: number;
  /** Σ over supply links to local nodes: 1 for a strong node, WEAK_LINK_FACTOR for a weak one. */
  score: number;
  links: ExtensionLink[];
  reason: Bilingual;
}

/**
 * Extension candidates (延链): the missing nodes ranked by how closely the chain's supply flows tie
 * them to the region's strong nodes (then weak ones), heavier nodes first on a tie.
 */
export function rankExtensionCandidates(
  nodes: readonly ExtensionNode[],
  flows: readonly { from: string; to: string }[],
): ExtensionCandidate[] {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const order = new Map(nodes.map((n, i) => [n.code, i]));
  const candidates = nodes
    .filter((n) => n.status === 'missing')
    .map((node): ExtensionCandidate => {
      const links: ExtensionLink[] = [];
      for (const flow of flows) {
        const other =
          flow.from === node.code ? flow.to : flow.to === node.code ? flow.from : undefined;
        const peer = other === undefined ? undefined : byCode.get(other);
        if (!peer || peer.status === 'missing') continue;
        links.push({
          code: peer.code,
          name: peer.name,
          status: peer.status,
          direction: flow.from === node.code ? 'supplies' : 'supplied_by',
        });
      }
      links.sort(
        (a, b) =>
          linkValue(b) - linkValue(a) || (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0),
      );
      const score = links.reduce((sum, l) => sum + linkValue(l), 0);
      return {
        code: node.code,
        name: node.name,
        weight: node.weight,
        score,
        links,
        reason: extensionReason(links),
      };
    });
  return candidates.sort(
    (a, b) =>
      b.score - a.score ||
      b.weight - a.weight ||
      (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0),
  );
}

function linkValue(link: ExtensionLink): number {
  return link.status === 'strong' ? 1 : WEAK_LINK_FACTOR;
}

function extensionReason(links: readonly ExtensionLink[]): Bilingual {
  if (links.length === 0) {
    return {
      zh: '与本地已有环节没有直接供应关系；为补齐产业链而引进',
      en: 'No direct supply link to a local node; worth attracting to complete the chain',
    };
  }
  const describe = (direction: ExtensionLink['direction'], lang: 'zh' | 'en') => {
    const peers = links.filter((l) => l.direction === direction);
    if (peers.length === 0) return null;
    const names = peers
      .map((l) =>
        lang === 'zh'
          ? `${l.name.zh}（${l.status === 'strong' ? '强' : '弱'}）`
          : `${l.name.en} (${l.status})`,
      )
      .join(lang === 'zh' ? '、' : ', ');
    if (lang === 'zh')
      return direction === 'supplies' ? `可为本地${names}供货` : `可采购本地${names}的产品`;
    return direction === 'supplies'
      ? `would supply local ${names}`
      : `would buy from local ${names}`;
  };
  const zh = [describe('supplies', 'zh'), describe('supplied_by', 'zh')].filter(Boolean).join('；');
  const en = [describe('supplies', 'en'), describe('supplied_by', 'en')].filter(Boolean).join('; ');
  return { zh, en: en.charAt(0).toUpperCase() + en.slice(1) };
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

function grouped(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function percent(share: number): string {
  return `${(share * 100).toFixed(0)}%`;
}
