import type { ClassificationRules } from '../../domain/chain-template.ts';
import { SeededRandom } from '../../domain/random.ts';
import { buildUscc } from '../../domain/uscc.ts';
import type { RegionRow } from '../../db/region.repository.ts';
import type { DemoEnterprise, DemoYear } from './demo-generator.ts';
import {
  DEMO_EXTRA_CHAINS,
  DEMO_SEED,
  DEMO_TARGET_YEAR,
  DEMO_YEARS,
  WUXI,
  type DemoExtraChainPlan,
} from './demo-plan.ts';
import {
  DEMO_STATS_INDUSTRIES,
  LEGAL_FORMS,
  WUXI_PLACE_WORDS,
  WUXI_ROADS,
} from './demo-vocabulary.ts';

// The Wuxi demo's other chains (集成电路, 物联网, 新能源汽车, 高端装备 …): firms generated for any
// loaded template from that template's own words, so a template added later is picked up by a row
// in DEMO_EXTRA_CHAINS alone. Every firm is marked demo; its name, scope and products are made of
// its node's product keywords, scope keywords and name keywords, so the classifier places it.

/** A loaded chain as the generator needs it: its nodes' rules, in template order. */
export interface DemoChainInput {
  code: string;
  nodes: readonly { code: string; focus: boolean; weight: number; rules: ClassificationRules }[];
}

/** A generated firm of another chain; `chainCodes` are the chains it was written for. */
export interface ExtraChainFirm extends DemoEnterprise {
  chainCode: string;
  chainCodes: string[];
  /** Every node it was written for: its own and, for a firm on two chains, the other's. */
  nodeCodes: string[];
}

export interface ExtraChainTarget {
  chainCode: string;
  nodeCode: string | null;
  year: number;
  valueYuan: number;
}

export interface ExtraChainsDataset {
  /** The chains generated (their templates are loaded and they have a plan), in plan order. */
  chains: string[];
  firms: ExtraChainFirm[];
  targets: ExtraChainTarget[];
}

/** Invented trade-name syllables; pairs that spell well-known company names are left out. */
const STEM_FIRST = [
  '华',
  '锡',
  '新',
  '联',
  '科',
  '恒',
  '凯',
  '瑞',
  '德',
  '博',
  '汇',
  '泰',
  '宏',
  '卓',
  '远',
  '启',
  '嘉',
  '鸿',
  '睿',
  '聚',
];
const STEM_SECOND = [
  '芯',
  '微',
  '创',
  '晟',
  '源',
  '拓',
  '盛',
  '讯',
  '诚',
  '越',
  '邦',
  '信',
  '展',
  '弘',
  '航',
  '力',
  '智',
  '驰',
  '擎',
  '衡',
];
const AVOIDED_STEMS = new Set(['华微', '科创', '华力', '联创', '汇智', '华信', '科力', '德力']);
const NAME_ENDINGS = ['科技', '技术', ''];
const LEGAL_ENDING = /(有限公司|股份|厂|集团)$/u;
const GENERIC_SCOPE =
  '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；货物进出口；技术进出口';
const LATEST_YEAR = DEMO_YEARS[DEMO_YEARS.length - 1] ?? 2024;
const MONEY_KEYS = ['outputYuan', 'revenueYuan', 'taxYuan', 'rdSpendYuan', 'exportsYuan'] as const;

/** Rounds to two significant figures: how a city writes a target (26亿, 1.7亿). */
export function roundTarget(value: number): number {
  if (value <= 0) return 0;
  const unit = Math.pow(10, Math.floor(Math.log10(value)) - 1);
  return Math.round(value / unit) * unit;
}

/**
 * Firms, targets and node targets of the extra chains whose templates are loaded. Seeded: the same
 * on every run for the same loaded templates. `taken` holds the names and USCCs already used.
 */
export function generateExtraChains(
  loaded: readonly DemoChainInput[],
  regions: readonly RegionRow[],
  taken: { names: ReadonlySet<string>; usccs: ReadonlySet<string> },
  plans: Readonly<Record<string, DemoExtraChainPlan>> = DEMO_EXTRA_CHAINS,
): ExtraChainsDataset {
  const byCode = new Map(loaded.map((chain) => [chain.code, chain]));
  const factory = new FirmFactory(new SeededRandom(DEMO_SEED + 7), regions, taken);
  const dataset: ExtraChainsDataset = { chains: [], firms: [], targets: [] };
  for (const [code, plan] of Object.entries(plans)) {
    const chain = byCode.get(code);
    if (!chain || chain.nodes.length === 0) continue;
    dataset.chains.push(code);
    const firms = factory.chainFirms(chain, plan, byCode);
    calibrate(firms, plan);
    tagChainMasters(firms);
    dataset.firms.push(...firms);
  }
  // Node targets count every firm written for the node, those of other chains included.
  for (const code of dataset.chains) {
    const chain = byCode.get(code);
    const plan = plans[code];
    if (chain && plan) dataset.targets.push(...chainTargets(chain, plan, dataset.firms));
  }
  return dataset;
}

/** The chain target and a node target on each focus node (else the two heaviest nodes). */
function chainTargets(
  chain: DemoChainInput,
  plan: DemoExtraChainPlan,
  firms: readonly ExtraChainFirm[],
): ExtraChainTarget[] {
  const focus = chain.nodes.filter((n) => n.focus);
  const nodes =
    focus.length > 0 ? focus : [...chain.nodes].sort((a, b) => b.weight - a.weight).slice(0, 2);
  const years = DEMO_TARGET_YEAR - LATEST_YEAR;
  const targets: ExtraChainTarget[] = [
    { chainCode: chain.code, nodeCode: null, year: DEMO_TARGET_YEAR, valueYuan: plan.targetYuan },
  ];
  for (const node of nodes) {
    const latest = latestOutput(firms.filter((f) => f.nodeCodes.includes(node.code)));
    if (latest <= 0) continue;
    targets.push({
      chainCode: chain.code,
      nodeCode: node.code,
      year: DEMO_TARGET_YEAR,
      valueYuan: roundTarget(latest * Math.pow(1 + plan.nodeTargetGrowth, years)),
    });
  }
  return targets;
}

/** Output of some firms in the latest demo year. */
export function latestOutput(firms: readonly DemoEnterprise[]): number {
  return firms.reduce(
    (sum, f) => sum + (f.years.find((y) => y.year === LATEST_YEAR)?.outputYuan ?? 0),
    0,
  );
}

class FirmFactory {
  private readonly names: Set<string>;
  private readonly usccs: Set<string>;
  private readonly districts: RegionRow[];
  private readonly districtName = new Map<string, string>();
  private readonly stems: string[];

  constructor(
    private readonly random: SeededRandom,
    regions: readonly RegionRow[],
    taken: { names: ReadonlySet<string>; usccs: ReadonlySet<string> },
  ) {
    this.names = new Set(taken.names);
    this.usccs = new Set(taken.usccs);
    this.districts = regions.filter((r) => r.level === 'county' && r.parentCode === WUXI);
    if (this.districts.length === 0) {
      throw new Error('demo: no districts loaded for Wuxi (3202); load the regions first');
    }
    for (const d of this.districts) this.districtName.set(d.code, d.name);
    this.stems = STEM_FIRST.flatMap((a) => STEM_SECOND.map((b) => `${a}${b}`)).filter(
      (stem) => !AVOIDED_STEMS.has(stem),
    );
  }

  /** The chain's firms, spread over its nodes by node weight; some also on a second chain. */
  chainFirms(
    chain: DemoChainInput,
    plan: DemoExtraChainPlan,
    loaded: ReadonlyMap<string, DemoChainInput>,
  ): ExtraChainFirm[] {
    const totalWeight = chain.nodes.reduce((sum, n) => sum + nodeShare(n), 0);
    const growth = chainGrowth(plan);
    const firms: ExtraChainFirm[] = [];
    for (const node of chain.nodes) {
      const count = Math.max(3, Math.round((plan.firms * nodeShare(node)) / totalWeight));
      for (let i = 0; i < count; i++) firms.push(this.firm(chain.code, [node], growth));
    }
    for (const shared of plan.sharedWith) {
      const other = loaded.get(shared.chain);
      if (!other || other.nodes.length === 0) continue;
      const own = chain.nodes.find((n) => n.code === shared.from) ?? firstFocus(chain);
      const theirs = other.nodes.find((n) => n.code === shared.node) ?? firstFocus(other);
      for (let i = 0; i < shared.firms; i++) {
        const firm = this.firm(chain.code, [own, theirs], growth);
        firm.chainCodes.push(other.code);
        firms.push(firm);
      }
    }
    return firms;
  }

  /** One Wuxi firm described with the words of its node (and of a second chain's node). */
  private firm(
    chainCode: string,
    nodes: readonly DemoChainInput['nodes'][number][],
    growth: number,
  ): ExtraChainFirm {
    const [node] = nodes;
    if (!node) throw new Error('demo: a firm needs a node');
    const place = this.random.pick(WUXI_PLACE_WORDS);
    const regionCode =
      place.regionCode.length === 6 ? place.regionCode : this.random.pick(this.districts).code;
    const founded = this.random.int(1995, 2022);
    const scopeWords = nodes.flatMap((n) =>
      this.sample(n.rules.scope.zh, nodes.length > 1 ? 1 : 2),
    );
    const products = nodes.flatMap((n) =>
      this.sample(n.rules.products.zh, nodes.length > 1 ? 2 : this.random.int(2, 4)),
    );
    const tags: string[] = [];
    if (this.random.chance(0.35)) tags.push('high_tech');
    if (this.random.chance(0.12)) tags.push('specialized_new');
    // A firm on two chains is a mid-sized specialist: it adds little to the other chain's total.
    const output2024 = this.random.logNormal(nodes.length > 1 ? 3e7 : 3e8, 3);
    return {
      uscc: this.uscc(regionCode),
      name: this.name(place.text, node.rules),
      nameEn: null,
      regionCode,
      address: this.address(regionCode),
      foundedOn: `${founded}-${String(this.random.int(1, 12)).padStart(2, '0')}-${String(this.random.int(1, 28)).padStart(2, '0')}`,
      registeredCapitalYuan:
        Math.round(Math.exp(this.random.between(Math.log(1e6), Math.log(5e8))) / 1e4) * 1e4,
      industryCode: industryCodeOf(node.rules),
      businessScope: `一般项目：${scopeWords.join('、')}；${products.join('、')}的研发、生产和销售；${GENERIC_SCOPE}。（依法须经批准的项目，经相关部门批准后方可开展经营活动）`,
      products,
      tags,
      nodeCode: node.code,
      parkIndex: null,
      years: this.years(output2024, growth, founded),
      chainCode,
      chainCodes: [chainCode],
      nodeCodes: nodes.map((n) => n.code),
    };
  }

  private name(place: string, rules: ClassificationRules): string {
    const words = rules.names.zh.length > 0 ? rules.names.zh : rules.scope.zh;
    for (let attempt = 0; attempt < 60; attempt++) {
      const word = this.random.pick(words);
      const stem = this.random.pick(this.stems);
      let name: string;
      if (LEGAL_ENDING.test(word)) {
        name = `${place}${stem}${word}${word.endsWith('股份') ? '有限公司' : ''}`;
      } else {
        const ending = /(科技|技术|电子)$/u.test(word) ? '' : this.random.pick(NAME_ENDINGS);
        const form = this.random.weighted(LEGAL_FORMS, (f) => f.weight).text;
        name = `${place}${stem}${word}${ending}${form}`;
      }
      if (!this.names.has(name)) {
        this.names.add(name);
        return name;
      }
    }
    let n = 2;
    const base = `${place}${this.random.pick(this.stems)}${this.random.pick(words)}`;
    while (this.names.has(`${base}（${n}）有限公司`)) n++;
    const name = `${base}（${n}）有限公司`;
    this.names.add(name);
    return name;
  }

  private years(output2024: number, growth: number, founded: number): DemoYear[] {
    const own = growth + this.random.normal() * 0.05;
    const productivity = this.random.between(1.5e6, 4e6);
    const rdRatio = this.random.between(0.03, 0.15);
    const exportRatio = this.random.chance(0.4) ? this.random.between(0.05, 0.45) : 0;
    const years: DemoYear[] = [];
    for (const year of DEMO_YEARS) {
      if (year <= founded) continue;
      const outputYuan =
        output2024 * Math.pow(1 + own, year - LATEST_YEAR) * (1 + this.random.normal() * 0.04);
      const revenueYuan = outputYuan * this.random.between(0.9, 1.05);
      years.push({
        year,
        outputYuan,
        revenueYuan,
        taxYuan: revenueYuan * this.random.between(0.03, 0.07),
        rdSpendYuan: revenueYuan * rdRatio,
        exportsYuan: revenueYuan * exportRatio,
        employees: Math.max(3, Math.round(outputYuan / productivity)),
      });
    }
    return years;
  }

  private uscc(regionCode: string): string {
    const alphabet = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
    for (;;) {
      let serial = '';
      for (let i = 0; i < 8; i++) serial += this.random.pick(alphabet);
      const code = buildUscc(regionCode, serial);
      if (this.usccs.has(code)) continue;
      this.usccs.add(code);
      return code;
    }
  }

  private address(regionCode: string): string {
    const roads = WUXI_ROADS[regionCode] ?? ['科技路', '创新路', '高新路'];
    const district = this.districtName.get(regionCode) ?? '';
    return `江苏省无锡市${district}${this.random.pick(roads)}${this.random.int(1, 999)}号`;
  }

  private sample(items: readonly string[], n: number): string[] {
    const pool = [...items];
    const chosen: string[] = [];
    while (chosen.length < n && pool.length > 0) {
      chosen.push(pool.splice(this.random.int(0, pool.length - 1), 1)[0] as string);
    }
    return chosen;
  }
}

/** A node's share of the chain's firms: its weight, a little more for focus nodes. */
function nodeShare(node: { weight: number; focus: boolean }): number {
  return node.weight * (node.focus ? 1.3 : 1);
}

function firstFocus(chain: DemoChainInput): DemoChainInput['nodes'][number] {
  const node = chain.nodes.find((n) => n.focus) ?? chain.nodes[0];
  if (!node) throw new Error(`demo: chain ${chain.code} has no nodes`);
  return node;
}

/**
 * The node's own trade code: its first plain class, else its first class — preferring classes the
 * biomedical demo's regional statistics do not cover (they hold its look-alike industries, such
 * as general machinery and software), so that the other chains' Wuxi-only firms do not make
 * those industries look like Wuxi clusters.
 */
function industryCodeOf(rules: ClassificationRules): string {
  const outsideStats = rules.industryCodes.filter((c) => !DEMO_STATS_INDUSTRIES.includes(c.code));
  for (const codes of [outsideStats, rules.industryCodes]) {
    const chosen = codes.find((c) => !c.requiresText) ?? codes[0];
    if (chosen) return chosen.code;
  }
  return '';
}

/** The chain's mean yearly growth over the plan's years. */
function chainGrowth(plan: DemoExtraChainPlan): number {
  const years = Object.keys(plan.outputYuan).map(Number).sort();
  const first = years[0] ?? LATEST_YEAR;
  const last = years.at(-1) ?? LATEST_YEAR;
  const from = plan.outputYuan[first] ?? 1;
  const to = plan.outputYuan[last] ?? 1;
  return last > first ? Math.pow(to / from, 1 / (last - first)) - 1 : 0.1;
}

/** Scales the chain's firms year by year so their output adds up to the plan's figures. */
function calibrate(firms: readonly ExtraChainFirm[], plan: DemoExtraChainPlan): void {
  for (const year of DEMO_YEARS) {
    const target = plan.outputYuan[year];
    if (target === undefined) continue;
    const figures = firms.flatMap((f) => f.years.filter((y) => y.year === year));
    const raw = figures.reduce((sum, y) => sum + y.outputYuan, 0);
    if (raw <= 0) continue;
    const factor = target / raw;
    for (const y of figures) {
      for (const key of MONEY_KEYS) y[key] = Math.round(y[key] * factor * 100) / 100;
      y.employees = Math.max(3, Math.round(y.employees * factor));
    }
  }
}

/** The largest firm of each node with a dozen firms or more leads it (链主); the first is listed. */
function tagChainMasters(firms: readonly ExtraChainFirm[]): void {
  const byNode = new Map<string, ExtraChainFirm[]>();
  for (const firm of firms) {
    if (firm.nodeCode) byNode.set(firm.nodeCode, [...(byNode.get(firm.nodeCode) ?? []), firm]);
  }
  for (const group of byNode.values()) {
    if (group.length < 12) continue;
    const [leader] = [...group].sort((a, b) => latestOutput([b]) - latestOutput([a]));
    if (!leader) continue;
    leader.tags.push('chain_master');
    if (!leader.tags.includes('listed')) leader.tags.push('listed');
  }
}
