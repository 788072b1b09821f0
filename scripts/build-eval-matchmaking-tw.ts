/**
 * Builds the match-quality set eval/matchmaking/tw-fda-products/ from the TFDA extracts the
 * classification sets already hold (rows copied as published, traditional characters):
 * eval/classification/tw-fda-drug-licences{,-b}/licences.tsv, tw-fda-health-food/licences.tsv and
 * tw-fda-device-licences-at/licences.tsv. Writes `firms.jsonl` (the candidate pool: every
 * Taiwanese firm holding or making a licence in force, with the product names of those licences)
 * and `records.jsonl` (the needs: a product category as the source states it, and the firms whose
 * licences fall in it). Nothing comes from the classifier's vocabulary; see the set's SOURCE.md.
 *   npx tsx scripts/build-eval-matchmaking-tw.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js/t2cn';
import { normalizeEnterpriseName } from '../src/domain/enterprise-names.ts';
import { REPO_ROOT, REPO_SETS_DIR } from '../src/services/classification/real-evaluation-sets.ts';
import type { MatchFirm, MatchNeed } from '../src/services/ecology/match-quality.ts';

const makeConverter = OpenCC.Converter as unknown as (options: {
  from: string;
  to: string;
}) => (text: string) => string;
const simplified = makeConverter({ from: 'hk', to: 'cn' });

const OUT = join(REPO_ROOT, 'eval', 'matchmaking', 'tw-fda-products');

function readTsv(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const columns = (header ?? '').split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim()]));
  });
}

/** A plant or local branch is counted with its company (as the classification sets do). */
function firmOf(name: string): string {
  const clean = name.replace(/\([^()]*核准[^()]*\)$/u, '').trim();
  if (clean.endsWith('台灣分公司')) return clean;
  const match = /^(.*?(?:股份有限公司|有限公司))(.+(?:廠|分公司))$/u.exec(clean);
  return match?.[1] ?? clean;
}

const DRUG_SOURCE =
  'TFDA 全部藥品許可證資料集 (data.fda.gov.tw, infoId 37), 37_2.csv as stored in kuochili-ops/TWDrugMarket @85645e3287193af942d11249c707327cf4fa94f5; Taiwan OGDL 1.0';
const FOOD_SOURCE =
  'TFDA 健康食品資料集 (data.fda.gov.tw, infoId 19), 19_2.csv as stored in DeDe426/line-chatbot @21f5f7175179befeedd51ef301e35fbd3af17037; Taiwan OGDL 1.0';
const DEVICE_SOURCE =
  'TFDA 醫療器材許可證資料集 (infoId 68), assistive-technology table in JediLin/Taiwan-Assistive-Technology-medical-device-permit-license-data-table-generator @6fd0393168cea8b18a931a8860baa8d94f4378e6; Taiwan OGDL 1.0';
const DEVICE_SNAPSHOT = '2026/10/04';

/**
 * Dosage forms as TFDA product names end in them (中文品名: 使爾寧注射液, 痛風停錠300毫克): a
 * product is of a form when its name holds the form's word, or, for the one-character forms, when
 * the name ends in it (a strength after it allowed).
 */
const LONG_FORMS = [
  '注射液',
  '注射劑',
  '膠囊',
  '乳膏',
  '軟膏',
  '藥膏',
  '凝膠',
  '眼藥水',
  '點眼液',
  '口服液',
  '內服液',
  '糖漿',
  '顆粒',
  '貼布',
  '洗劑',
];
// 片 and 散 are left out: 燕麥片 and 胃散 say nothing of a form a buyer could ask for by that word.
const SHORT_FORMS = ['錠'];

function formsOf(product: string): string[] {
  const bare = product
    .replace(/[（(][^()（）]*[)）]$/u, '')
    .replace(/[\s０-９\d.．,，%％/／]+[^\s]*$/u, '')
    .trim();
  return [
    ...LONG_FORMS.filter((f) => product.includes(f)),
    ...SHORT_FORMS.filter((f) => bare.endsWith(f)),
  ];
}

interface Firm {
  name: string;
  products: string[];
  refs: Set<string>;
  sources: Set<string>;
}

const firms = new Map<string, Firm>();
/** Category (as the source states it, traditional) → firm keys and the licences that say so. */
const categories = new Map<
  string,
  { sources: Set<string>; rules: Set<string>; firms: Set<string>; refs: Set<string> }
>();

/**
 * One firm per name as the importer matches names (its normalised form: 臺/台, spacing, legal
 * form), so two spellings of one holder are one candidate, as they would be once imported.
 */
function noteFirm(rawName: string, product: string, licence: string, source: string): string {
  const name = firmOf(rawName);
  const key = normalizeEnterpriseName(simplified(name));
  const firm = firms.get(key) ?? { name, products: [], refs: new Set(), sources: new Set() };
  if (product && !firm.products.includes(product)) firm.products.push(product);
  firm.refs.add(licence);
  firm.sources.add(source);
  firms.set(key, firm);
  return key;
}

function noteCategory(
  category: string,
  source: string,
  rule: string,
  firmKeys: string[],
  licence: string,
): void {
  const entry = categories.get(category) ?? {
    sources: new Set(),
    rules: new Set(),
    firms: new Set(),
    refs: new Set(),
  };
  entry.sources.add(source);
  entry.rules.add(rule);
  for (const key of firmKeys) entry.firms.add(key);
  entry.refs.add(licence);
  categories.set(category, entry);
}

for (const set of ['tw-fda-drug-licences', 'tw-fda-drug-licences-b']) {
  for (const row of readTsv(join(REPO_SETS_DIR, set, 'licences.tsv'))) {
    const licence = row.licence ?? '';
    const product = row.product ?? '';
    const keys = [noteFirm(row.applicant ?? '', product, licence, DRUG_SOURCE)];
    // A Taiwanese maker of a domestic product makes it too; a foreign maker is not in the pool.
    if (licence.includes('製字') && row.makerCountry === 'TW' && row.maker) {
      keys.push(noteFirm(row.maker, product, licence, DRUG_SOURCE));
    }
    if (row.kind === '原料藥') {
      noteCategory('原料藥', DRUG_SOURCE, '許可證種類 原料藥 (licence kind)', keys, licence);
    } else {
      for (const form of formsOf(product)) {
        noteCategory(
          form,
          DRUG_SOURCE,
          `dosage form in 中文品名 (product name holds or ends in ${form})`,
          keys,
          licence,
        );
      }
    }
  }
}

for (const row of readTsv(join(REPO_SETS_DIR, 'tw-fda-health-food', 'licences.tsv'))) {
  if (row.status !== '核可') continue; // lapsed licences: the list no longer says they make it
  const licence = (row.licence ?? '').replace(/\(本證失效\)$/u, '');
  const key = noteFirm(row.applicant ?? '', row.product ?? '', licence, FOOD_SOURCE);
  noteCategory('健康食品', FOOD_SOURCE, 'data set 健康食品, 證況 核可 (in force)', [key], licence);
  // A health food sold as capsules or tablets is of that form too (魚油膠囊, 益生菌錠).
  for (const form of formsOf(row.product ?? '')) {
    noteCategory(
      form,
      FOOD_SOURCE,
      `form in 中文品名 (product name holds or ends in ${form})`,
      [key],
      licence,
    );
  }
}

for (const row of readTsv(join(REPO_SETS_DIR, 'tw-fda-device-licences-at', 'licences.tsv'))) {
  if (row.cancelled || !row.expiry || row.expiry < DEVICE_SNAPSHOT) continue;
  const licence = row.licence ?? '';
  const keys = [noteFirm(row.applicant ?? '', row.product ?? '', licence, DEVICE_SOURCE)];
  if (licence.includes('醫器製') && row.maker && row.makerCountry === 'TW') {
    keys.push(noteFirm(row.maker, row.product ?? '', licence, DEVICE_SOURCE));
  }
  for (const category of (row.category ?? '').split(';')) {
    const name = category.replace(/^[A-Z]\.\d+\s*/u, '').trim();
    if (!name) continue;
    noteCategory(name, DEVICE_SOURCE, '醫器次類別 (device sub-category), in force', keys, licence);
  }
}

const ordered = [...firms.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
const idOf = new Map<string, string>();
const firmRecords: MatchFirm[] = ordered.map((f, index) => {
  const id = `mqf-${String(index + 1).padStart(3, '0')}`;
  idOf.set(normalizeEnterpriseName(simplified(f.name)), id);
  return {
    id,
    name: simplified(f.name),
    products: f.products.map(simplified),
    source: [...f.sources].join(' | '),
    sourceRef: [...f.refs].slice(0, 8).join(', '),
  };
});

/** A category with fewer firms than this says too little to rank on. */
const MIN_FIRMS = 2;
const needRecords: MatchNeed[] = [...categories.entries()]
  .filter(([, c]) => c.firms.size >= MIN_FIRMS)
  .sort(([a], [b]) => a.localeCompare(b, 'zh'))
  .map(([category, c], index) => ({
    id: `mqn-${String(index + 1).padStart(2, '0')}`,
    product: simplified(category),
    servedBy: [...c.firms].map((key) => idOf.get(key) ?? '').sort(),
    source: [...c.sources].join(' | '),
    sourceRef: [...c.refs].slice(0, 8).join(', '),
    labelledFrom: [...c.rules].join('; '),
  }));

mkdirSync(OUT, { recursive: true });
writeFileSync(
  join(OUT, 'firms.jsonl'),
  firmRecords.map((r) => JSON.stringify(r)).join('\n') + '\n',
);
writeFileSync(
  join(OUT, 'records.jsonl'),
  needRecords.map((r) => JSON.stringify(r)).join('\n') + '\n',
);
console.log(`${OUT}: ${firmRecords.length} firms, ${needRecords.length} needs`);
for (const n of needRecords) console.log(`  ${n.id} ${n.product}: ${n.servedBy.length} firms`);
