/**
 * The shape of the Wuxi biomedical demo: how many enterprises per node, how big the chain is each
 * year, its parks and targets. Figures follow Wuxi's published ones where they exist (about 100
 * billion yuan in 2020, 162.2 billion in 2022, a 250 billion target for 2025, 4 parks with 860,000
 * m²); everything else is invented and marked demo.
 */
export const DEMO_SEED = 20210601;
export const DEMO_CHAIN = 'biomed';
export const WUXI = '3202';
export const DEMO_YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const;

/** Output of Wuxi's on-chain demo enterprises per year, in yuan. */
export const WUXI_CHAIN_OUTPUT_YUAN: Readonly<Record<number, number>> = {
  2019: 86.4e9,
  2020: 100.0e9,
  2021: 128.6e9,
  2022: 162.2e9,
  2023: 176.5e9,
  2024: 191.8e9,
};

/**
 * Wuxi enterprises per node. Blood products are deliberately empty (a missing link), vaccines and
 * veterinary drugs thin with one dominant firm, precision medicine thin though it is a focus.
 */
export const WUXI_NODE_COUNTS: Readonly<Record<string, number>> = {
  'biomed.up.api': 70,
  'biomed.up.excipient': 40,
  'biomed.up.reagent': 60,
  'biomed.up.equipment': 70,
  'biomed.up.cro': 60,
  'biomed.mid.chem': 90,
  'biomed.mid.tcm': 45,
  'biomed.mid.bio': 70,
  'biomed.mid.vaccine': 2,
  'biomed.mid.blood': 0,
  'biomed.mid.cdmo': 35,
  'biomed.mid.device': 160,
  'biomed.mid.consumable': 110,
  'biomed.mid.ivd': 70,
  'biomed.mid.healthfood': 40,
  'biomed.mid.vet': 3,
  'biomed.down.distribution': 80,
  'biomed.down.retail': 110,
  'biomed.down.medical': 70,
  'biomed.down.diagnostics': 35,
  'biomed.down.precision': 6,
  'biomed.down.digital': 45,
};

/** Nodes where one Wuxi firm holds most of the output, so concentration shows. */
export const DOMINATED_NODES: readonly string[] = ['biomed.mid.vaccine', 'biomed.mid.vet'];

/** Relative yearly growth per node (mean of enterprise growth); focus industries grow faster. */
export const NODE_GROWTH: Readonly<Record<string, number>> = {
  'biomed.mid.device': 0.16,
  'biomed.down.precision': 0.22,
  'biomed.down.digital': 0.25,
  'biomed.up.cro': 0.18,
  'biomed.mid.cdmo': 0.2,
  'biomed.mid.bio': 0.17,
};
export const DEFAULT_NODE_GROWTH = 0.1;

/** Look-alike enterprises that are not on the chain, in Wuxi and in the national pool. */
export const WUXI_OFF_CHAIN_COUNT = 120;
export const NATIONAL_OFF_CHAIN_COUNT = 400;

/** National pool per node: a different mix from Wuxi's, so location quotients differ. */
export const NATIONAL_NODE_COUNTS: Readonly<Record<string, number>> = {
  'biomed.up.api': 400,
  'biomed.up.excipient': 150,
  'biomed.up.reagent': 150,
  'biomed.up.equipment': 200,
  'biomed.up.cro': 150,
  'biomed.mid.chem': 400,
  'biomed.mid.tcm': 350,
  'biomed.mid.bio': 150,
  'biomed.mid.vaccine': 60,
  'biomed.mid.blood': 50,
  'biomed.mid.cdmo': 80,
  'biomed.mid.device': 300,
  'biomed.mid.consumable': 300,
  'biomed.mid.ivd': 150,
  'biomed.mid.healthfood': 200,
  'biomed.mid.vet': 120,
  'biomed.down.distribution': 300,
  'biomed.down.retail': 400,
  'biomed.down.medical': 300,
  'biomed.down.diagnostics': 100,
  'biomed.down.precision': 80,
  'biomed.down.digital': 120,
};

/** Cities of the national pool (city codes) with a relative weight for how many firms they hold. */
export const NATIONAL_CITIES: readonly { code: string; weight: number }[] = [
  { code: '3101', weight: 10 },
  { code: '1101', weight: 9 },
  { code: '3205', weight: 8 },
  { code: '3212', weight: 5 },
  { code: '3301', weight: 7 },
  { code: '4403', weight: 7 },
  { code: '4401', weight: 6 },
  { code: '5101', weight: 6 },
  { code: '4201', weight: 5 },
  { code: '1201', weight: 5 },
  { code: '2201', weight: 4 },
  { code: '1301', weight: 4 },
  { code: '3701', weight: 4 },
  { code: '3702', weight: 3 },
  { code: '2301', weight: 3 },
  { code: '3401', weight: 3 },
  { code: '4301', weight: 3 },
  { code: '6101', weight: 3 },
  { code: '5001', weight: 3 },
  { code: '3502', weight: 2 },
  { code: '3201', weight: 4 },
  { code: '3204', weight: 3 },
  { code: '3206', weight: 2 },
  { code: '3306', weight: 2 },
  { code: '4101', weight: 3 },
  { code: '5301', weight: 2 },
  { code: '2101', weight: 2 },
  { code: '2102', weight: 2 },
  { code: '3501', weight: 2 },
  { code: '3601', weight: 2 },
  { code: '4501', weight: 1 },
  { code: '5201', weight: 1 },
  { code: '1401', weight: 1 },
  { code: '6201', weight: 1 },
  { code: '3707', weight: 1 },
  { code: '4419', weight: 2 },
];

export interface DemoSpacePlan {
  kind: 'wet_lab' | 'gmp_plant' | 'office' | 'warehouse';
  areaM2: number;
}

export interface DemoParkPlan {
  code: string;
  name: string;
  nameEn: string;
  regionCode: string;
  address: string;
  focusNodeCodes: string[];
  /** Share of space occupied, overall. */
  occupancy: number;
  spaces: DemoSpacePlan[];
}

/** The four parks; their space adds up to 860,000 m². */
export const DEMO_PARKS: readonly DemoParkPlan[] = [
  {
    code: 'wx-hitech-lifesci',
    name: '无锡高新区生命科技产业园',
    nameEn: 'Wuxi Hi-Tech Zone Life Science Park',
    regionCode: '320214',
    address: '江苏省无锡市新吴区菱湖大道',
    focusNodeCodes: ['biomed.mid.bio', 'biomed.mid.device', 'biomed.up.cro', 'biomed.mid.cdmo'],
    occupancy: 0.82,
    spaces: [
      { kind: 'wet_lab', areaM2: 90_000 },
      { kind: 'gmp_plant', areaM2: 120_000 },
      { kind: 'office', areaM2: 60_000 },
      { kind: 'warehouse', areaM2: 30_000 },
    ],
  },
  {
    code: 'wx-huishan-lifesci',
    name: '惠山生命科技产业园',
    nameEn: 'Huishan Life Science and Technology Park',
    regionCode: '320206',
    address: '江苏省无锡市惠山区惠山大道',
    focusNodeCodes: ['biomed.mid.chem', 'biomed.up.api', 'biomed.mid.consumable', 'biomed.mid.ivd'],
    occupancy: 0.71,
    spaces: [
      { kind: 'wet_lab', areaM2: 50_000 },
      { kind: 'gmp_plant', areaM2: 110_000 },
      { kind: 'office', areaM2: 50_000 },
      { kind: 'warehouse', areaM2: 30_000 },
    ],
  },
  {
    code: 'wx-mashan-lifesci',
    name: '马山国际生命科学创新园',
    nameEn: 'Mashan International Life Science Innovation Park',
    regionCode: '320211',
    address: '江苏省无锡市滨湖区马山梅梁路',
    focusNodeCodes: ['biomed.down.precision', 'biomed.down.digital', 'biomed.up.reagent'],
    occupancy: 0.58,
    spaces: [
      { kind: 'wet_lab', areaM2: 70_000 },
      { kind: 'gmp_plant', areaM2: 40_000 },
      { kind: 'office', areaM2: 55_000 },
      { kind: 'warehouse', areaM2: 15_000 },
    ],
  },
  {
    code: 'jy-hitech-biomed',
    name: '江阴高新区生物医药产业园',
    nameEn: 'Jiangyin Hi-Tech Zone Biomedical Park',
    regionCode: '320281',
    address: '江苏省无锡市江阴市澄江东路',
    focusNodeCodes: ['biomed.mid.chem', 'biomed.mid.tcm', 'biomed.up.excipient'],
    occupancy: 0.76,
    spaces: [
      { kind: 'wet_lab', areaM2: 20_000 },
      { kind: 'gmp_plant', areaM2: 80_000 },
      { kind: 'office', areaM2: 25_000 },
      { kind: 'warehouse', areaM2: 15_000 },
    ],
  },
];

/** The year of every demo target (chain and nodes): the last year of the 14th five-year plan. */
export const DEMO_TARGET_YEAR = 2025;

/** The biomedical chain's 2025 target, in yuan of output (Wuxi's published 250 billion). */
export const DEMO_CHAIN_TARGET_YUAN = 250e9;

/**
 * Node targets for the three focus industries, as the growth a city would ask of each node over
 * its latest recorded output (2024): the value is that output grown by this much a year to 2025,
 * rounded to two significant figures. A city sets node targets it can reach with effort, not ones
 * that need the node to grow thirtyfold.
 */
export const DEMO_NODE_TARGET_GROWTH: Readonly<Record<string, number>> = {
  'biomed.mid.device': 0.22,
  'biomed.down.precision': 0.3,
  'biomed.down.digital': 0.28,
};

/**
 * The other chains of the Wuxi demo, keyed by chain code: a chain whose template is loaded gains
 * generated Wuxi firms (from its own template's keywords), a target, node targets on its focus
 * nodes and a chain leader; a chain whose template is not loaded is skipped. Output figures are
 * ILLUSTRATIVE: of the order of magnitude Wuxi publishes for each industry, not its statistics.
 */
export interface DemoExtraChainPlan {
  /** Wuxi firms generated for the chain (a few hundred keeps the demo fast). */
  firms: number;
  /** Output of the chain's Wuxi demo firms by year, in yuan (illustrative). */
  outputYuan: Readonly<Record<number, number>>;
  /** The chain target for DEMO_TARGET_YEAR, in yuan. */
  targetYuan: number;
  /** Growth a year asked of each focus node for its node target. */
  nodeTargetGrowth: number;
  leader: { name: string; title: string };
  officeName: string;
  /**
   * Firms that also sit on another chain: `firms` of this chain's firms are written with a node of
   * `chain` as well (its `node` when that node is loaded, else that chain's first focus node).
   * This chain's node is `from` when loaded, else a node of this chain's own choosing.
   */
  sharedWith: readonly { chain: string; firms: number; from?: string; node?: string }[];
}

export const DEMO_EXTRA_CHAINS: Readonly<Record<string, DemoExtraChainPlan>> = {
  ic: {
    firms: 240,
    outputYuan: { 2019: 125e9, 2020: 142e9, 2021: 188e9, 2022: 212e9, 2023: 221e9, 2024: 240e9 },
    targetYuan: 300e9,
    nodeTargetGrowth: 0.25,
    leader: { name: '集成电路链长（演示）', title: '无锡市副市长' },
    officeName: '无锡市集成电路产业链链长办公室',
    sharedWith: [{ chain: 'nev', firms: 6, from: 'ic.mid.discrete', node: 'nev.mid.control' }],
  },
  iot: {
    firms: 260,
    outputYuan: { 2019: 245e9, 2020: 279e9, 2021: 325e9, 2022: 362e9, 2023: 395e9, 2024: 430e9 },
    targetYuan: 500e9,
    nodeTargetGrowth: 0.2,
    leader: { name: '物联网链长（演示）', title: '无锡市副市长' },
    officeName: '无锡市物联网产业链链长办公室',
    // An IoT sensor maker that also designs its sensor chips sits on both chains.
    sharedWith: [{ chain: 'ic', firms: 12, from: 'iot.up.sensor', node: 'ic.mid.design' }],
  },
  nev: {
    firms: 200,
    outputYuan: { 2019: 62e9, 2020: 75e9, 2021: 98e9, 2022: 128e9, 2023: 150e9, 2024: 168e9 },
    targetYuan: 200e9,
    nodeTargetGrowth: 0.25,
    leader: { name: '新能源汽车链长（演示）', title: '无锡市副市长' },
    officeName: '无锡市新能源汽车及零部件产业链链长办公室',
    sharedWith: [{ chain: 'iot', firms: 6, from: 'nev.mid.smart', node: 'iot.down.vehicle' }],
  },
  equipment: {
    firms: 240,
    outputYuan: { 2019: 210e9, 2020: 222e9, 2021: 258e9, 2022: 276e9, 2023: 292e9, 2024: 310e9 },
    targetYuan: 350e9,
    nodeTargetGrowth: 0.18,
    leader: { name: '高端装备链长（演示）', title: '无锡市副市长' },
    officeName: '无锡市高端装备产业链链长办公室',
    // A medical-equipment maker is on the equipment chain and on biomed's medical equipment.
    sharedWith: [
      { chain: 'biomed', firms: 8, from: 'equipment.mid.robot', node: 'biomed.mid.device' },
    ],
  },
};

/** Demo accounts besides the admin; their passwords are printed with the demo. */
export const DEMO_USERS: readonly {
  username: string;
  password: string;
  role: string;
  displayName: string;
}[] = [
  {
    username: 'analyst',
    password: 'chainlead-analyst',
    role: 'analyst',
    displayName: '链办分析员（演示）',
  },
  {
    username: 'viewer',
    password: 'chainlead-viewer',
    role: 'viewer',
    displayName: '观察员（演示，只读）',
  },
];

/**
 * Real Wuxi enterprises shown by name with invented figures (tagged `illustrative`): the name
 * is real, the numbers are not.
 */
export const ILLUSTRATIVE_ENTERPRISES: readonly {
  name: string;
  nameEn: string;
  nodeCode: string;
  regionCode: string;
  outputYuan2024: number;
  tags: readonly string[];
}[] = [
  {
    name: '阿斯利康制药有限公司',
    nameEn: 'AstraZeneca Pharmaceutical Co., Ltd.',
    nodeCode: 'biomed.mid.chem',
    regionCode: '320214',
    outputYuan2024: 9.5e9,
    tags: ['illustrative', 'foreign_invested', 'high_tech', 'listed', 'chain_master'],
  },
  {
    name: '无锡药明康德新药开发股份有限公司',
    nameEn: 'WuXi AppTec Co., Ltd.',
    nodeCode: 'biomed.up.cro',
    regionCode: '320211',
    outputYuan2024: 12.0e9,
    tags: ['illustrative', 'high_tech', 'listed', 'chain_master'],
  },
];
