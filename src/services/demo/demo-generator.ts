import { SeededRandom } from '../../domain/random.ts';
import { buildUscc } from '../../domain/uscc.ts';
import type { RegionRow } from '../../db/region.repository.ts';
import {
  BIOMED_VOCABULARY,
  LEGAL_FORMS,
  OFF_CHAIN_VOCABULARY,
  WUXI_PLACE_WORDS,
  WUXI_ROADS,
  type NodeVocabulary,
} from './demo-vocabulary.ts';
import {
  DEFAULT_NODE_GROWTH,
  DEMO_PARKS,
  DEMO_SEED,
  DEMO_YEARS,
  DOMINATED_NODES,
  ILLUSTRATIVE_ENTERPRISES,
  NATIONAL_CITIES,
  NATIONAL_NODE_COUNTS,
  NATIONAL_OFF_CHAIN_COUNT,
  NODE_GROWTH,
  WUXI,
  WUXI_CHAIN_OUTPUT_YUAN,
  WUXI_NODE_COUNTS,
  WUXI_OFF_CHAIN_COUNT,
} from './demo-plan.ts';

export interface DemoYear {
  year: number;
  outputYuan: number;
  revenueYuan: number;
  taxYuan: number;
  rdSpendYuan: number;
  exportsYuan: number;
  employees: number;
}

export interface DemoEnterprise {
  uscc: string | null;
  name: string;
  nameEn: string | null;
  regionCode: string;
  address: string;
  foundedOn: string;
  registeredCapitalYuan: number;
  industryCode: string;
  businessScope: string;
  products: string[];
  tags: string[];
  /** The node the generator wrote it for, or null for an off-chain look-alike. */
  nodeCode: string | null;
  /** Index into DEMO_PARKS, or null. */
  parkIndex: number | null;
  years: DemoYear[];
}

export interface DemoSpace {
  parkIndex: number;
  code: string;
  building: string;
  kind: string;
  floor: number;
  areaM2: number;
  occupiedM2: number;
  availableFrom: string | null;
  rentYuanPerM2Month: number;
}

export interface DemoDataset {
  enterprises: DemoEnterprise[];
  spaces: DemoSpace[];
}

const MONEY_KEYS = ['outputYuan', 'revenueYuan', 'taxYuan', 'rdSpendYuan', 'exportsYuan'] as const;
const SERIAL_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const FIRST_YEAR = DEMO_YEARS[0];
const LAST_YEAR = DEMO_YEARS[DEMO_YEARS.length - 1] ?? 2024;

/** Generates the Wuxi demo and the national pool from a fixed seed: the same data every time. */
export function generateDemoDataset(regions: readonly RegionRow[], seed = DEMO_SEED): DemoDataset {
  const random = new SeededRandom(seed);
  const generator = new EnterpriseFactory(random, regions);
  const enterprises: DemoEnterprise[] = [];

  for (const [nodeCode, count] of Object.entries(WUXI_NODE_COUNTS)) {
    const firms = Array.from({ length: count }, () => generator.wuxiOnChain(nodeCode));
    if (DOMINATED_NODES.includes(nodeCode) && firms[0]) firms[0].dominant = true;
    enterprises.push(...firms.map((f) => f.enterprise));
    generator.remember(firms);
  }
  for (const real of ILLUSTRATIVE_ENTERPRISES) {
    enterprises.push(generator.illustrative(real));
  }
  for (let i = 0; i < WUXI_OFF_CHAIN_COUNT; i++) enterprises.push(generator.offChain(true));
  for (const [nodeCode, count] of Object.entries(NATIONAL_NODE_COUNTS)) {
    for (let i = 0; i < count; i++) enterprises.push(generator.national(nodeCode));
  }
  for (let i = 0; i < NATIONAL_OFF_CHAIN_COUNT; i++) enterprises.push(generator.offChain(false));

  calibrateWuxiOutput(enterprises);
  tagChainMasters(enterprises);
  return { enterprises, spaces: generateSpaces(random) };
}

interface DraftFirm {
  enterprise: DemoEnterprise;
  dominant: boolean;
}

class EnterpriseFactory {
  private readonly usedNames = new Set<string>();
  private readonly usedSerials = new Set<string>();
  private readonly countiesByCity = new Map<string, RegionRow[]>();
  private readonly countyName = new Map<string, string>();
  private readonly cityName = new Map<string, string>();
  private readonly provinceName = new Map<string, string>();
  private readonly drafts: DraftFirm[] = [];

  constructor(
    private readonly random: SeededRandom,
    regions: readonly RegionRow[],
  ) {
    for (const region of regions) {
      if (region.level === 'county' && region.parentCode) {
        const list = this.countiesByCity.get(region.parentCode) ?? [];
        list.push(region);
        this.countiesByCity.set(region.parentCode, list);
        this.countyName.set(region.code, region.name);
      }
      if (region.level === 'city') this.cityName.set(region.code, region.name);
      if (region.level === 'province') this.provinceName.set(region.code, region.name);
    }
  }

  remember(firms: DraftFirm[]): void {
    this.drafts.push(...firms);
    // The dominant firm of a thin node gets three quarters of the node's output: three times what
    // the others make together (the node stays small; one firm holds most of it).
    const latest = (firm: DraftFirm) => firm.enterprise.years.at(-1)?.outputYuan ?? 0;
    for (const firm of firms) {
      if (!firm.dominant) continue;
      const others = firms.filter((other) => other !== firm).reduce((sum, f) => sum + latest(f), 0);
      if (others <= 0 || latest(firm) <= 0) continue;
      const factor = (3 * others) / latest(firm);
      for (const year of firm.enterprise.years) {
        for (const key of MONEY_KEYS) year[key] *= factor;
        year.employees = Math.max(3, Math.round(year.employees * factor));
      }
    }
  }

  wuxiOnChain(nodeCode: string): DraftFirm {
    const place = this.random.pick(WUXI_PLACE_WORDS);
    const regionCode =
      place.regionCode.length === 6 ? place.regionCode : this.random.pick(wuxiDistricts(this));
    const enterprise = this.onChain(nodeCode, regionCode, place.text);
    return { enterprise, dominant: false };
  }

  national(nodeCode: string): DemoEnterprise {
    const city = this.random.weighted(NATIONAL_CITIES, (c) => c.weight);
    const county = this.random.pick(this.countiesOf(city.code));
    const place = shortPlaceName(this.cityName.get(city.code) ?? '');
    return this.onChain(nodeCode, county.code, place);
  }

  illustrative(real: (typeof ILLUSTRATIVE_ENTERPRISES)[number]): DemoEnterprise {
    const vocabulary = vocabularyOf(real.nodeCode);
    const years = this.yearSeries(real.nodeCode, real.outputYuan2024, 1995);
    this.usedNames.add(real.name);
    return {
      uscc: null,
      name: real.name,
      nameEn: real.nameEn,
      regionCode: real.regionCode,
      address: this.address(real.regionCode),
      foundedOn: '1995-01-01',
      registeredCapitalYuan: 1e9,
      industryCode: vocabulary.industryCodes[0] ?? '',
      businessScope: this.random.pick(vocabulary.scopes),
      products: this.sample(vocabulary.products, 4),
      tags: [...real.tags],
      nodeCode: real.nodeCode,
      parkIndex: null,
      years,
    };
  }

  offChain(inWuxi: boolean): DemoEnterprise {
    const kind = this.random.pick(OFF_CHAIN_VOCABULARY);
    const { regionCode, place } = inWuxi ? this.wuxiPlace() : this.nationalPlace();
    const name = this.uniqueName(place, kind.nameStems, kind.nameSuffixes);
    const founded = this.random.int(1998, 2022);
    return {
      uscc: this.uscc(regionCode),
      name,
      nameEn: null,
      regionCode,
      address: this.address(regionCode),
      foundedOn: this.date(founded),
      registeredCapitalYuan: this.capital(),
      industryCode: this.random.pick(kind.industryCodes),
      businessScope: this.random.pick(kind.scopes),
      products: this.sample(kind.products, this.random.int(2, 4)),
      tags: this.random.chance(0.15) ? ['high_tech'] : [],
      nodeCode: null,
      parkIndex: null,
      years: this.yearSeries(null, this.random.logNormal(8_000e4, 2.2), founded),
    };
  }

  private onChain(nodeCode: string, regionCode: string, place: string): DemoEnterprise {
    const vocabulary = vocabularyOf(nodeCode);
    const foreign = this.random.chance(0.05);
    const founded = Math.round(this.random.between(1996, 2023.5));
    const [median, spread] = vocabulary.typicalOutputWan;
    const output2024 = this.random.logNormal(median * 1e4, spread);
    const tags: string[] = [];
    if (this.random.chance(0.32)) tags.push('high_tech');
    if (this.random.chance(0.1)) tags.push('specialized_new');
    if (foreign) tags.push('foreign_invested');
    const parkIndex = DEMO_PARKS.findIndex((p) => p.regionCode === regionCode);
    return {
      uscc: this.uscc(regionCode),
      name: this.uniqueName(place, vocabulary.nameStems, vocabulary.nameSuffixes),
      nameEn: foreign ? this.englishName(nodeCode, pinyinPlace(regionCode)) : null,
      regionCode,
      address: this.address(regionCode),
      foundedOn: this.date(founded),
      registeredCapitalYuan: this.capital(),
      industryCode: this.random.pick(vocabulary.industryCodes),
      businessScope: foreign
        ? `${this.random.pick(vocabulary.scopes)} ${this.random.pick(vocabulary.scopesEn)}`
        : this.random.pick(vocabulary.scopes),
      products: foreign
        ? [...this.sample(vocabulary.products, 2), this.random.pick(vocabulary.productsEn)]
        : this.sample(vocabulary.products, this.random.int(2, 4)),
      tags,
      nodeCode,
      parkIndex: parkIndex >= 0 && this.random.chance(0.45) ? parkIndex : null,
      years: this.yearSeries(nodeCode, output2024, founded),
    };
  }

  private yearSeries(nodeCode: string | null, output2024: number, founded: number): DemoYear[] {
    const meanGrowth =
      (nodeCode === null ? undefined : NODE_GROWTH[nodeCode]) ?? DEFAULT_NODE_GROWTH;
    const growth = meanGrowth + this.random.normal() * 0.06;
    const firstYear = Math.max(FIRST_YEAR, founded + 1);
    const productivity = this.random.between(1.2e6, 3.5e6);
    const rdRatio = this.random.between(0.02, 0.14);
    const exportRatio = this.random.chance(0.35) ? this.random.between(0.05, 0.4) : 0;
    const years: DemoYear[] = [];
    for (const year of DEMO_YEARS) {
      if (year < firstYear) continue;
      const noise = 1 + this.random.normal() * 0.04;
      const outputYuan = output2024 * Math.pow(1 + growth, year - LAST_YEAR) * noise;
      years.push(figuresFor(year, outputYuan, productivity, rdRatio, exportRatio, this.random));
    }
    return years;
  }

  private wuxiPlace(): { regionCode: string; place: string } {
    const place = this.random.pick(WUXI_PLACE_WORDS);
    const regionCode =
      place.regionCode.length === 6 ? place.regionCode : this.random.pick(wuxiDistricts(this));
    return { regionCode, place: place.text };
  }

  private nationalPlace(): { regionCode: string; place: string } {
    const city = this.random.weighted(NATIONAL_CITIES, (c) => c.weight);
    const county = this.random.pick(this.countiesOf(city.code));
    return { regionCode: county.code, place: shortPlaceName(this.cityName.get(city.code) ?? '') };
  }

  countiesOf(cityCode: string): RegionRow[] {
    const counties = this.countiesByCity.get(cityCode);
    if (!counties || counties.length === 0) {
      throw new Error(`demo: no counties loaded for city ${cityCode}; load the regions first`);
    }
    return counties;
  }

  private uniqueName(place: string, stems: readonly string[], suffixes: readonly string[]): string {
    for (let attempt = 0; attempt < 40; attempt++) {
      const form = this.random.weighted(LEGAL_FORMS, (f) => f.weight).text;
      const name = `${place}${this.random.pick(stems)}${this.random.pick(suffixes)}${form}`;
      if (!this.usedNames.has(name)) {
        this.usedNames.add(name);
        return name;
      }
    }
    // Registries tell same-named firms apart by a bracketed place; so do we.
    let n = 2;
    const base = `${place}${this.random.pick(stems)}${this.random.pick(suffixes)}`;
    while (this.usedNames.has(`${base}（${n}）有限公司`)) n++;
    const name = `${base}（${n}）有限公司`;
    this.usedNames.add(name);
    return name;
  }

  private englishName(nodeCode: string, place: string): string {
    const stem = this.random.pick(['Sino', 'Orient', 'Lakeside', 'Jade', 'Grand', 'Vita', 'Nova']);
    const business = ENGLISH_BUSINESS[nodeCode.split('.')[1] ?? ''] ?? ['Life Sciences'];
    return `${stem} ${this.random.pick(business)} (${place}) Co., Ltd.`;
  }

  private uscc(regionCode: string): string {
    for (;;) {
      let serial = '';
      for (let i = 0; i < 8; i++) serial += this.random.pick([...SERIAL_ALPHABET]);
      if (this.usedSerials.has(serial)) continue;
      this.usedSerials.add(serial);
      return buildUscc(regionCode, serial);
    }
  }

  private address(regionCode: string): string {
    const cityCode = regionCode.slice(0, 4);
    const provinceCode = regionCode.slice(0, 2);
    const province = this.provinceName.get(provinceCode) ?? '';
    const city = this.cityName.get(cityCode) ?? '';
    const roads = WUXI_ROADS[regionCode];
    const road = roads
      ? this.random.pick(roads)
      : `${this.random.pick(['科技', '创新', '发展', '人民', '建设', '工业', '高新', '滨江'])}路`;
    const cityPart = city === province ? '' : city;
    return `${province}${cityPart}${this.countyName.get(regionCode) ?? ''}${road}${this.random.int(1, 999)}号`;
  }

  private date(year: number): string {
    const month = String(this.random.int(1, 12)).padStart(2, '0');
    const day = String(this.random.int(1, 28)).padStart(2, '0');
    return `${year}-${month}-${day}`;
  }

  private capital(): number {
    return Math.round(Math.exp(this.random.between(Math.log(1e6), Math.log(5e8))) / 1e4) * 1e4;
  }

  private sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < n && pool.length > 0) {
      chosen.push(pool.splice(this.random.int(0, pool.length - 1), 1)[0] as T);
    }
    return chosen;
  }
}

function wuxiDistricts(factory: EnterpriseFactory): string[] {
  return factory.countiesOf(WUXI).map((r) => r.code);
}

function vocabularyOf(nodeCode: string): NodeVocabulary {
  const vocabulary = BIOMED_VOCABULARY[nodeCode];
  if (!vocabulary) throw new Error(`demo: no vocabulary for node ${nodeCode}`);
  return vocabulary;
}

const ENGLISH_BUSINESS: Readonly<Record<string, readonly string[]>> = {
  up: ['Pharmaceutical Materials', 'Bioscience', 'Life Science Instruments', 'Research Services'],
  mid: ['Pharmaceutical', 'Biotech', 'Medical Technology', 'Healthcare Products'],
  down: ['Health Services', 'Medical Services', 'Healthcare', 'Health Technology'],
};

/** English place names for foreign-invested firms' names; elsewhere the province's pinyin. */
function pinyinPlace(regionCode: string): string {
  const known: Record<string, string> = {
    '3202': 'Wuxi',
    '3101': 'Shanghai',
    '1101': 'Beijing',
    '3205': 'Suzhou',
    '3301': 'Hangzhou',
    '4403': 'Shenzhen',
    '4401': 'Guangzhou',
    '5101': 'Chengdu',
    '4201': 'Wuhan',
    '1201': 'Tianjin',
    '3201': 'Nanjing',
    '3212': 'Taizhou',
    '2201': 'Changchun',
    '3702': 'Qingdao',
  };
  return known[regionCode.slice(0, 4)] ?? 'China';
}

/** 北京市 → 北京, 苏州市 → 苏州: the way a city appears inside an enterprise name. */
function shortPlaceName(name: string): string {
  return name.replace(/(市|地区|自治州)$/, '');
}

function figuresFor(
  year: number,
  outputYuan: number,
  productivity: number,
  rdRatio: number,
  exportRatio: number,
  random: SeededRandom,
): DemoYear {
  const revenueYuan = outputYuan * random.between(0.9, 1.05);
  return {
    year,
    outputYuan,
    revenueYuan,
    taxYuan: revenueYuan * random.between(0.03, 0.08),
    rdSpendYuan: revenueYuan * rdRatio,
    exportsYuan: revenueYuan * exportRatio,
    employees: Math.max(3, Math.round(outputYuan / productivity)),
  };
}

/** Scales Wuxi's on-chain output year by year so the chain totals match the published figures. */
function calibrateWuxiOutput(enterprises: DemoEnterprise[]): void {
  const wuxiOnChain = enterprises.filter(
    (e) => e.nodeCode !== null && e.regionCode.startsWith(WUXI),
  );
  for (const year of DEMO_YEARS) {
    const target = WUXI_CHAIN_OUTPUT_YUAN[year];
    if (target === undefined) continue;
    const figures = wuxiOnChain.flatMap((e) => e.years.filter((y) => y.year === year));
    const illustrative = wuxiOnChain
      .filter((e) => e.tags.includes('illustrative'))
      .flatMap((e) => e.years.filter((y) => y.year === year));
    const fixed = illustrative.reduce((sum, y) => sum + y.outputYuan, 0);
    const scalable = figures.filter((y) => !illustrative.includes(y));
    const raw = scalable.reduce((sum, y) => sum + y.outputYuan, 0);
    const factor = (target - fixed) / raw;
    for (const y of scalable) {
      for (const key of MONEY_KEYS) y[key] *= factor;
      y.employees = Math.max(3, Math.round(y.employees * factor));
    }
    // Yuan amounts are stored to the fen; round now so the stored total is the calibrated one.
    for (const y of figures) y.outputYuan = Math.round(y.outputYuan * 100) / 100;
  }
}

/** The largest one or two Wuxi firms of each well-populated node lead it: chain masters (链主). */
function tagChainMasters(enterprises: DemoEnterprise[]): void {
  const byNode = new Map<string, DemoEnterprise[]>();
  for (const e of enterprises) {
    if (e.nodeCode === null || !e.regionCode.startsWith(WUXI)) continue;
    byNode.set(e.nodeCode, [...(byNode.get(e.nodeCode) ?? []), e]);
  }
  const latest = (e: DemoEnterprise) => e.years.at(-1)?.outputYuan ?? 0;
  for (const firms of byNode.values()) {
    if (firms.length < 20) continue;
    const leaders = [...firms].sort((a, b) => latest(b) - latest(a)).slice(0, 2);
    for (const leader of leaders) {
      if (!leader.tags.includes('chain_master')) leader.tags.push('chain_master');
      if (!leader.tags.includes('listed') && leader === leaders[0]) leader.tags.push('listed');
    }
  }
}

/** Splits each park's space of each kind into units whose areas add up exactly. */
function generateSpaces(random: SeededRandom): DemoSpace[] {
  const spaces: DemoSpace[] = [];
  DEMO_PARKS.forEach((park, parkIndex) => {
    let building = 1;
    for (const plan of park.spaces) {
      let remaining = plan.areaM2;
      let unit = 1;
      while (remaining > 0) {
        const size = Math.min(remaining, random.int(12, 60) * 100);
        remaining -= size;
        const occupied = random.chance(park.occupancy)
          ? random.chance(0.8)
            ? size
            : Math.round(size * random.between(0.3, 0.9))
          : 0;
        const prefix = { wet_lab: 'L', gmp_plant: 'G', office: 'O', warehouse: 'W' }[plan.kind];
        spaces.push({
          parkIndex,
          code: `${prefix}${String(building).padStart(2, '0')}-${String(unit).padStart(2, '0')}`,
          building: `${building}号楼`,
          kind: plan.kind,
          floor: random.int(1, plan.kind === 'gmp_plant' || plan.kind === 'warehouse' ? 2 : 12),
          areaM2: size,
          occupiedM2: occupied,
          availableFrom: occupied < size ? `202${random.int(5, 6)}-0${random.int(1, 9)}-01` : null,
          rentYuanPerM2Month: Math.round(random.between(30, 90)),
        });
        unit++;
        if (unit > 12) {
          unit = 1;
          building++;
        }
      }
      building++;
    }
  });
  return spaces;
}
