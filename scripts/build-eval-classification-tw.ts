/**
 * Builds the records.jsonl of the two Taiwanese evaluation sets from their source extracts (rows
 * copied as published, traditional characters): eval/classification/tw-fda-drug-licences/
 * licences.tsv and eval/classification/tw-pesticide-registrants/registrations.tsv. One record per
 * firm; names and products are converted to simplified characters (character by character, as
 * the importer does), labels follow from the licence kind (see each set's SOURCE.md).
 *   npx tsx scripts/build-eval-classification-tw.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js/t2cn';
import type { RealRecord } from '../src/services/classification/real-evaluation.ts';
import { REPO_SETS_DIR } from '../src/services/classification/real-evaluation-sets.ts';

const makeConverter = OpenCC.Converter as unknown as (options: {
  from: string;
  to: string;
}) => (text: string) => string;
const simplified = makeConverter({ from: 'hk', to: 'cn' });

function readTsv(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const columns = (header ?? '').split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim()]));
  });
}

/**
 * A plant or local branch (…股份有限公司新竹廠, …屏東農科分公司) is counted with its company; a foreign
 * firm's Taiwan branch (…台灣分公司) is the licence holder itself and stays as it is.
 */
function firmOf(name: string): string {
  if (name.endsWith('台灣分公司')) return name;
  const match = /^(.*?(?:股份有限公司|有限公司))(.+(?:廠|分公司))$/u.exec(name);
  return match?.[1] ?? name;
}

function writeJsonl(set: string, records: RealRecord[]): void {
  const file = join(REPO_SETS_DIR, set, 'records.jsonl');
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`${file}: ${records.length} records`);
}

interface Firm {
  name: string;
  products: string[];
  licences: string[];
  domesticProducts: boolean;
  importKinds: Set<string>;
}

/** Import licence kinds and the node of what is imported, accepted as an importer's primary. */
const IMPORT_SEGMENTS: Record<string, string[]> = {
  原料藥: ['biomed.up.api'],
  製劑: ['biomed.mid.chem'],
  菌疫: ['biomed.mid.bio', 'biomed.mid.vaccine'],
};

/**
 * One drug-licence set from its licences.tsv. `skipFirms` are firms another set already holds:
 * left out, so no firm is counted twice across the sets.
 */
function buildDrugSet(
  set: string,
  idPrefix: string,
  source: string,
  skipFirms: Set<string> = new Set(),
): void {
  const rows = readTsv(join(REPO_SETS_DIR, set, 'licences.tsv'));
  const firms = new Map<string, Firm>();
  const firm = (name: string) => {
    const key = firmOf(name);
    let entry = firms.get(key);
    if (!entry) {
      entry = {
        name: key,
        products: [],
        licences: [],
        domesticProducts: false,
        importKinds: new Set(),
      };
      firms.set(key, entry);
    }
    return entry;
  };
  const note = (entry: Firm, row: Record<string, string>) => {
    const product = row.product ?? '';
    if (!entry.products.includes(product)) entry.products.push(product);
    if (!entry.licences.includes(row.licence ?? '')) entry.licences.push(row.licence ?? '');
  };
  for (const row of rows) {
    // A domestic product licence (…藥製字…); on an import licence (…輸字…) a Taiwanese "maker" is
    // only the packager or labeller, so the applicant alone is counted, as importer.
    const domestic = row.kind === '製劑' && (row.licence ?? '').includes('製字');
    const applicant = firm(row.applicant ?? '');
    note(applicant, row);
    if (domestic) {
      applicant.domesticProducts = true;
      const maker = firm(row.maker ?? '');
      note(maker, row);
      maker.domesticProducts = true;
    } else {
      applicant.importKinds.add(row.kind ?? '');
    }
  }
  const records = [...firms.values()]
    .filter((f) => !skipFirms.has(f.name))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
    .map((f, index): RealRecord => {
      const base = {
        id: `${idPrefix}-${String(index + 1).padStart(3, '0')}`,
        name: simplified(f.name),
        products: f.products.slice(0, 6).map(simplified),
        source,
        sourceRef: f.licences.slice(0, 6).join(', '),
      };
      if (f.domesticProducts) {
        return {
          ...base,
          expected: ['biomed.mid.chem'],
          labelledFrom:
            'licence kind 製劑 under 藥製字 (domestic western-medicine product), firm is its applicant or maker',
        };
      }
      // An importer: the Taiwanese holder of licences for products made abroad.
      const acceptable = [...f.importKinds].flatMap((kind) => IMPORT_SEGMENTS[kind] ?? []);
      return {
        ...base,
        expected: ['biomed.down.distribution'],
        acceptablePrimary: [...new Set(acceptable)],
        labelledFrom: `holds only import licences (${[...f.importKinds].join(', ')}), maker abroad: importer`,
      };
    });
  writeJsonl(set, records);
}

function buildPesticideSet(): void {
  const set = 'tw-pesticide-registrants';
  const rows = readTsv(join(REPO_SETS_DIR, set, 'registrations.tsv'));
  // A holder that also holds drug licences (台灣拜耳) is on the chain as well: not a look-alike.
  const drugFirms = new Set(
    readTsv(join(REPO_SETS_DIR, 'tw-fda-drug-licences', 'licences.tsv')).flatMap((row) =>
      [row.applicant ?? '', row.maker ?? ''].map(firmOf),
    ),
  );
  const holders = new Map<string, { products: string[]; licences: string[] }>();
  for (const row of rows) {
    const holder = row.holder ?? '';
    if (drugFirms.has(firmOf(holder))) continue;
    const entry = holders.get(holder) ?? { products: [], licences: [] };
    // A registration names its product by common name and formulation (馬拉松 可溼性粉劑);
    // technical grades (農藥原製/原進) carry no formulation.
    const formulation = (row.formulation ?? '').replace(/^[A-Z]+\s*/, '');
    const product = `${row.commonName ?? ''}${formulation}`;
    if (!entry.products.includes(product)) entry.products.push(product);
    entry.licences.push(row.licence ?? '');
    holders.set(holder, entry);
  }
  const source =
    'Taiwan pesticide licences (農藥資訊服務網, pesticide.aphia.gov.tw) as stored in Raingel/Pesticides data/registered.csv @01fefb89963c2492cdba18057ab5a365ee62388a and data/registered_2022-01-09.csv @24599bfa0fb113252cb1aabaf6d46ae1b0486e14; Taiwan Open Government Data License v1.0';
  const records = [...holders.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'zh'))
    .map(([holder, entry], index): RealRecord => ({
      id: `twpest-${String(index + 1).padStart(3, '0')}`,
      name: simplified(holder),
      products: entry.products.slice(0, 6).map(simplified),
      expected: [],
      source,
      sourceRef: entry.licences.slice(0, 6).join(', '),
      labelledFrom: 'holder of pesticide licences (on the pesticide list ⇒ off the chain)',
    }));
  writeJsonl(set, records);
}

/**
 * TFDA 健康食品 licences: every firm holding at least one licence in force (證況 核可) is a
 * health-food firm; firms whose licences have all lapsed (失效, 併証, 註銷, 廢止) are left out.
 */
function buildHealthFoodSet(): void {
  const set = 'tw-fda-health-food';
  const rows = readTsv(join(REPO_SETS_DIR, set, 'licences.tsv'));
  const holders = new Map<string, { products: string[]; licences: string[]; inForce: boolean }>();
  for (const row of rows) {
    // A note on a licence transfer is not part of the name: 愛健…股份有限公司(95/8/11核准將許可證…).
    const holder = firmOf((row.applicant ?? '').replace(/\([^()]*核准[^()]*\)$/u, ''));
    const entry = holders.get(holder) ?? { products: [], licences: [], inForce: false };
    const product = row.product ?? '';
    if (!entry.products.includes(product)) entry.products.push(product);
    entry.licences.push((row.licence ?? '').replace(/\(本證失效\)$/u, ''));
    if (row.status === '核可') entry.inForce = true;
    holders.set(holder, entry);
  }
  const source =
    'TFDA 健康食品資料集 (data.fda.gov.tw, infoId 19), 19_2.csv as stored in DeDe426/line-chatbot @21f5f7175179befeedd51ef301e35fbd3af17037; Taiwan Open Government Data License v1.0';
  // A firm that also holds or makes drug licences in the drug sets is on both lists: its drug
  // node is expected as well, and accepted as primary.
  const drugNodes = new Map<string, string>();
  for (const drugSet of ['tw-fda-drug-licences', 'tw-fda-drug-licences-b']) {
    const file = join(REPO_SETS_DIR, drugSet, 'records.jsonl');
    for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      const record = JSON.parse(line) as RealRecord;
      if (record.expected[0]) drugNodes.set(record.name, record.expected[0]);
    }
  }
  const records = [...holders.entries()]
    .filter(([, entry]) => entry.inForce)
    .sort(([a], [b]) => a.localeCompare(b, 'zh'))
    .map(([holder, entry], index): RealRecord => {
      const name = simplified(holder);
      const drugNode = drugNodes.get(name);
      return {
        id: `twhf-${String(index + 1).padStart(3, '0')}`,
        name,
        products: entry.products.slice(0, 6).map(simplified),
        expected: drugNode ? ['biomed.mid.healthfood', drugNode] : ['biomed.mid.healthfood'],
        ...(drugNode ? { acceptablePrimary: [drugNode] } : {}),
        source,
        sourceRef: entry.licences.slice(0, 6).join(', '),
        labelledFrom: drugNode
          ? 'holds a 健康食品 licence in force (健食字 / 健食規字, 證況 核可) and drug licences (see the drug sets)'
          : 'holds a 健康食品 licence in force (健食字 / 健食規字, 證況 核可)',
      };
    });
  writeJsonl(set, records);
}

/** Factory-registry product classes on the chain, with the nodes each class allows as primary. */
const FACTORY_ON_CHAIN: Record<string, string[]> = {
  // 藥品及醫用化學製品: every kind of drug maker, from APIs to vaccines and veterinary drugs.
  '200': [
    'biomed.up.api',
    'biomed.mid.chem',
    'biomed.mid.tcm',
    'biomed.mid.bio',
    'biomed.mid.vaccine',
    'biomed.mid.blood',
    'biomed.mid.vet',
  ],
  // 醫療器材及用品: equipment, consumables and diagnostics.
  '332': ['biomed.mid.device', 'biomed.mid.consumable', 'biomed.mid.ivd'],
};

/**
 * Taiwanese factory registry (工廠公示資料): factories in production whose registered product
 * classes include 藥品及醫用化學製品 (200) or 醫療器材及用品 (332) are on the chain (membership and
 * the class's nodes as primary); companies whose factories make only food, drink, feed, basic
 * chemicals, fertiliser, resins, fibres, pesticides, paints, cleaning products or cosmetics are the
 * look-alikes. Name only: the registry gives product classes, not product names.
 */
function buildFactorySet(skipFirms: Set<string>): void {
  const set = 'tw-factory-registry';
  const rows = readTsv(join(REPO_SETS_DIR, set, 'factories.tsv'));
  const firms = new Map<string, { codes: Set<string>; registrations: string[] }>();
  for (const row of rows) {
    const name = firmOf(row.name ?? '');
    const entry = firms.get(name) ?? { codes: new Set<string>(), registrations: [] };
    for (const product of (row.products ?? '').split(';'))
      entry.codes.add(product.split(' ')[0] ?? '');
    entry.registrations.push(row.registration ?? '');
    firms.set(name, entry);
  }
  const source =
    '經濟部 工廠公示資料 (gcis.nat.gov.tw/Fidbweb), factory details as scraped into kiang/twfactory Console/Command/data/details @d8a26e1afe602d12bf621934a6c71cc8a370e8c1 (2014-12); Taiwan Open Government Data License v1.0';
  const records: RealRecord[] = [];
  for (const [name, entry] of [...firms.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh'))) {
    const simplifiedName = simplified(name);
    if (skipFirms.has(simplifiedName)) continue;
    const onChainClasses = [...entry.codes].filter((code) => FACTORY_ON_CHAIN[code]);
    const base = {
      id: `twfac-${String(records.length + 1).padStart(4, '0')}`,
      name: simplifiedName,
      products: [],
      source,
      sourceRef: `工廠登記編號 ${entry.registrations.slice(0, 6).join(', ')}`,
    };
    if (onChainClasses.length > 0) {
      records.push({
        ...base,
        expected: [],
        onChain: true,
        acceptablePrimary: [
          ...new Set(onChainClasses.flatMap((code) => FACTORY_ON_CHAIN[code] ?? [])),
        ],
        labelledFrom: `factory in production registered for product class ${onChainClasses.join(', ')} (200 藥品及醫用化學製品, 332 醫療器材及用品)`,
      });
    } else if (name.includes('公司')) {
      // Sole proprietorships (…食品行, …企業社, …工作室) are left out of the look-alikes.
      records.push({
        ...base,
        expected: [],
        labelledFrom: `factories in production registered only for product classes ${[...entry.codes].sort().join(', ')} (food, drink, feed, chemicals, fertiliser, pesticides, paints, cleaning products, cosmetics): off the chain`,
      });
    }
  }
  writeJsonl(set, records);
}

/** The snapshot date of the veterinary-drug data: a licence expiring before it was no longer in force. */
const VET_SNAPSHOT = '2026-10-05';

/**
 * Taiwanese veterinary-drug licences (動物用藥品許可證). Only licences in force at the snapshot
 * count: a domestic licence (動物藥製字) makes its vendor and its maker veterinary-drug firms
 * (`biomed.mid.vet`); a firm holding only import licences (動物藥入字) is an importer, with the
 * veterinary-drug node (and, for 原料藥, the API node) accepted as primary. On an import licence a
 * Taiwanese "maker" is only the packager, so the vendor alone is counted.
 */
function buildVetSet(skipFirms: Set<string>): void {
  const set = 'tw-vet-drug-licences';
  const rows = readTsv(join(REPO_SETS_DIR, set, 'licences.tsv'));
  const firms = new Map<string, Firm>();
  const firm = (name: string) => {
    const key = firmOf(name);
    let entry = firms.get(key);
    if (!entry) {
      entry = {
        name: key,
        products: [],
        licences: [],
        domesticProducts: false,
        importKinds: new Set(),
      };
      firms.set(key, entry);
    }
    return entry;
  };
  const note = (entry: Firm, row: Record<string, string>) => {
    const product = row.product ?? '';
    if (!entry.products.includes(product)) entry.products.push(product);
    if (!entry.licences.includes(row.licence ?? '')) entry.licences.push(row.licence ?? '');
  };
  for (const row of rows) {
    if (!row.expiry || row.expiry < VET_SNAPSHOT) continue;
    const vendor = firm(row.vendor ?? '');
    note(vendor, row);
    if ((row.licence ?? '').includes('製字')) {
      vendor.domesticProducts = true;
      if (row.maker) {
        const maker = firm(row.maker);
        note(maker, row);
        maker.domesticProducts = true;
      }
    } else {
      vendor.importKinds.add((row.dosageForm ?? '').startsWith('原料藥') ? '原料藥' : '製劑');
    }
  }
  const source =
    '農業部動植物防疫檢疫署 動物用藥品許可證 open data, as normalised in brian250713/Search-VeterinaryDrug public/data/drug/000–005.json @d5f5647c3c569534a32bbda58b8b288f6f969bc0 (data of 2026-10-05); Taiwan Open Government Data License v1.0';
  const records = [...firms.values()]
    .filter((f) => !skipFirms.has(simplified(f.name)))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
    .map((f, index): RealRecord => {
      const base = {
        id: `twvet-${String(index + 1).padStart(3, '0')}`,
        name: simplified(f.name),
        products: f.products.slice(0, 6).map(simplified),
        source,
        sourceRef: f.licences.slice(0, 6).join(', '),
      };
      if (f.domesticProducts) {
        return {
          ...base,
          expected: ['biomed.mid.vet'],
          labelledFrom:
            'domestic veterinary-drug licence in force (動物藥製字), firm is its vendor or maker',
        };
      }
      const acceptable = f.importKinds.has('原料藥')
        ? ['biomed.mid.vet', 'biomed.up.api']
        : ['biomed.mid.vet'];
      return {
        ...base,
        expected: ['biomed.down.distribution'],
        acceptablePrimary: acceptable,
        labelledFrom: `holds only veterinary-drug import licences in force (動物藥入字: ${[...f.importKinds].join(', ')}): importer`,
      };
    });
  writeJsonl(set, records);
}

/**
 * Pet-food businesses registered with the Ministry of Agriculture (寵物食品業者): companies (name
 * containing 公司) whose registered foods put them on the list are look-alikes, off the chain.
 * Name only: the summary gives the number of foods, not their names.
 */
const PETFOOD_LEFT_OUT = new Set([
  // A drug developer by its own name: being on the pet-food list does not put it off the chain.
  '威特新藥開發股份有限公司',
]);

function buildPetfoodSet(skipFirms: Set<string>): void {
  const set = 'tw-petfood-vendors';
  const rows = readTsv(join(REPO_SETS_DIR, set, 'vendors.tsv'));
  const source =
    '農業部 寵物食品業者資料 open data, as summarised in brian250713/Search-Petfood data/vendors-summary.json @b99eb8688c27973b4dac89e18dbcb31cf7c320d1; Taiwan Open Government Data License v1.0';
  const records: RealRecord[] = [];
  for (const row of rows) {
    const name = row.name ?? '';
    if (!name.includes('公司') || PETFOOD_LEFT_OUT.has(name)) continue;
    if (skipFirms.has(simplified(firmOf(name)))) continue;
    records.push({
      id: `twpet-${String(records.length + 1).padStart(3, '0')}`,
      name: simplified(name),
      products: [],
      expected: [],
      source,
      sourceRef: `寵物食品業者 ${name} (${row.foodCount ?? '?'} foods registered)`,
      labelledFrom:
        'registered pet-food business (寵物食品業者, on the pet-food list ⇒ off the chain)',
    });
  }
  writeJsonl(set, records);
}

/** The snapshot date of the device table: a licence expiring before it was no longer in force. */
const DEVICE_SNAPSHOT = '2026/10/04';

/**
 * The nodes a device licence's category (醫器次類別, letter A–P of TFDA's classification) allows:
 * A 臨床化學及臨床毒理學, B 血液學及病理學 and C 免疫學及微生物學 are in-vitro diagnostics; the other
 * letters are devices, and the category does not say equipment or consumable.
 */
function deviceNodesOf(category: string): string[] {
  return /^[ABC]\./.test(category)
    ? ['biomed.mid.ivd']
    : ['biomed.mid.device', 'biomed.mid.consumable'];
}

/**
 * TFDA medical-device licences (醫療器材許可證) of the assistive-technology table: licences in force
 * count; a domestic licence (醫器製字, 醫器製壹字) puts its applicant and maker on the chain (primary
 * among the category's nodes), a firm holding only import licences (醫器輸字, 醫器陸輸…) is an importer.
 */
function buildDeviceSet(skipFirms: Set<string>): void {
  const set = 'tw-fda-device-licences-at';
  const rows = readTsv(join(REPO_SETS_DIR, set, 'licences.tsv'));
  const firms = new Map<
    string,
    { products: string[]; licences: string[]; domestic: boolean; nodes: Set<string> }
  >();
  const note = (name: string, row: Record<string, string>, domestic: boolean) => {
    const key = firmOf(name);
    const entry = firms.get(key) ?? {
      products: [],
      licences: [],
      domestic: false,
      nodes: new Set<string>(),
    };
    const product = row.product ?? '';
    if (!entry.products.includes(product)) entry.products.push(product);
    if (!entry.licences.includes(row.licence ?? '')) entry.licences.push(row.licence ?? '');
    if (domestic) entry.domestic = true;
    for (const category of (row.category ?? '').split(';')) {
      for (const node of deviceNodesOf(category)) entry.nodes.add(node);
    }
    firms.set(key, entry);
  };
  for (const row of rows) {
    if (row.cancelled || !row.expiry || row.expiry < DEVICE_SNAPSHOT) continue;
    const domestic = (row.licence ?? '').includes('醫器製');
    note(row.applicant ?? '', row, domestic);
    if (domestic && row.maker) note(row.maker, row, true);
  }
  const source =
    'TFDA 醫療器材許可證資料集 (data.fda.gov.tw, infoId 68), assistive-technology table Sample-20261004.html in JediLin/Taiwan-Assistive-Technology-medical-device-permit-license-data-table-generator @6fd0393168cea8b18a931a8860baa8d94f4378e6; Taiwan Open Government Data License v1.0';
  const records = [...firms.entries()]
    .filter(([name]) => !skipFirms.has(simplified(name)))
    .sort(([a], [b]) => a.localeCompare(b, 'zh'))
    .map(([name, entry], index): RealRecord => {
      const base = {
        id: `twdev-${String(index + 1).padStart(3, '0')}`,
        name: simplified(name),
        products: entry.products.slice(0, 6).map(simplified),
        source,
        sourceRef: entry.licences.slice(0, 6).join(', '),
      };
      if (entry.domestic) {
        return {
          ...base,
          expected: [],
          onChain: true,
          acceptablePrimary: [...entry.nodes],
          labelledFrom:
            'domestic medical-device licence in force (醫器製字 / 醫器製壹字), firm is its applicant or maker; node by the licence category',
        };
      }
      return {
        ...base,
        expected: ['biomed.down.distribution'],
        acceptablePrimary: [...entry.nodes],
        labelledFrom:
          'holds only medical-device import licences in force (醫器陸輸壹登字 / 醫器輸字): importer',
      };
    });
  writeJsonl(set, records);
}

/** Names (simplified) of the records of the given sets, already built. */
function recordNamesOf(sets: string[]): Set<string> {
  const names = new Set<string>();
  for (const set of sets) {
    const file = join(REPO_SETS_DIR, set, 'records.jsonl');
    for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      names.add((JSON.parse(line) as RealRecord).name);
    }
  }
  return names;
}

const DRUG_SOURCE =
  'TFDA 全部藥品許可證資料集 (data.fda.gov.tw, infoId 37), rows of 37_2.csv as stored in kuochili-ops/TWDrugMarket @85645e3287193af942d11249c707327cf4fa94f5; Taiwan Open Government Data License v1.0';

/** Firms (applicants and makers, plants counted with their company) of a set's licences.tsv. */
function drugFirmsOf(set: string): Set<string> {
  return new Set(
    readTsv(join(REPO_SETS_DIR, set, 'licences.tsv')).flatMap((row) =>
      [row.applicant ?? '', row.maker ?? ''].map(firmOf),
    ),
  );
}

buildDrugSet('tw-fda-drug-licences', 'twdrug', DRUG_SOURCE);
// Further stretches of the same file; firms already in the first set are left out.
buildDrugSet('tw-fda-drug-licences-b', 'twdrugb', DRUG_SOURCE, drugFirmsOf('tw-fda-drug-licences'));
buildPesticideSet();
buildHealthFoodSet();
// Firms already in another set are left out of the registry set (no firm counted twice).
buildFactorySet(
  recordNamesOf([
    'tw-fda-drug-licences',
    'tw-fda-drug-licences-b',
    'tw-pesticide-registrants',
    'tw-fda-health-food',
  ]),
);
buildVetSet(
  recordNamesOf(['tw-fda-drug-licences', 'tw-fda-drug-licences-b', 'tw-fda-health-food']),
);
buildDeviceSet(
  recordNamesOf([
    'tw-fda-drug-licences',
    'tw-fda-drug-licences-b',
    'tw-fda-health-food',
    'tw-factory-registry',
    'tw-vet-drug-licences',
  ]),
);
buildPetfoodSet(
  recordNamesOf([
    'tw-fda-drug-licences',
    'tw-fda-drug-licences-b',
    'tw-pesticide-registrants',
    'tw-fda-health-food',
    'tw-factory-registry',
    'tw-vet-drug-licences',
    'tw-fda-device-licences-at',
  ]),
);
