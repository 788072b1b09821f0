/**
 * Builds eval/classification/cn-miit-nev-catalogue/ — new-energy vehicle makers and fuel-cell system
 * makers with their product names, from MIIT's 新能源汽车推广应用推荐车型目录 (2017–2018 batches) as
 * parsed into KivenCkl/New_Energy_Vehicles_Info_Crawler (see the set's SOURCE.md).
 *
 *   npx tsx scripts/build-eval-classification-nev-catalogue.ts --extract <推荐车型目录.xlsx>
 *     writes catalogue.tsv: one row per (firm, role, product name) as published, with the first
 *     catalogue batch, model code and configuration id it appears under, and how many models.
 *   npx tsx scripts/build-eval-classification-nev-catalogue.ts
 *     writes records.jsonl and set.json from catalogue.tsv: one record per firm.
 *
 * Labels follow the catalogue's own columns: the firm in 生产企业公司 makes the listed vehicle (a
 * new-energy vehicle maker, nev.down.vehicle); a firm in 燃料电池系统生产企业(主要包含电堆) makes
 * that model's fuel-cell system (nev.mid.fuelcell). Products are the catalogue's 车型分类 (the
 * vehicle's class as published, e.g. 纯电动厢式运输车) and, for a fuel-cell maker, the column's own
 * words 燃料电池系统. Nothing is chosen by hand and nothing is read from the classifier's keywords.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { RealRecord } from '../src/services/classification/real-evaluation.ts';
import { REPO_SETS_DIR } from '../src/services/classification/real-evaluation-sets.ts';

export const NEV_CATALOGUE_SET = 'cn-miit-nev-catalogue';
const DIR = join(REPO_SETS_DIR, NEV_CATALOGUE_SET);
export const NEV_CATALOGUE_TSV = join(DIR, 'catalogue.tsv');

export const NEV_CATALOGUE_SOURCE =
  '工业和信息化部 新能源汽车推广应用推荐车型目录 (2017年第1批–2019年第3批), as parsed into KivenCkl/New_Energy_Vehicles_Info_Crawler data/output/新能源汽车推广应用推荐车型目录.xlsx @43befdea19cb64e983225ae3842effa79eaabb87 (2019-04-18); an official MIIT catalogue (PRC Copyright Law art. 5: not protected)';

const ROLES = {
  vehicle: { column: '生产企业公司', node: 'nev.down.vehicle' },
  fuelcell: { column: '燃料电池系统生产企业(主要包含电堆)', node: 'nev.mid.fuelcell' },
} as const;
type Role = keyof typeof ROLES;

const COLUMNS = ['firm', 'role', 'product', 'models', 'first_batch', 'first_model', 'first_config'];

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) {
    return value.richText.map((t) => t.text).join('');
  }
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
  throw new Error(`unexpected cell ${JSON.stringify(value)}`);
}

async function extract(xlsx: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(cellText);
  const at = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${xlsx}: no column ${name}`);
    return index;
  };
  const col = {
    batch: at('来源'),
    model: at('车型'),
    vehicleClass: at('车型分类'),
    config: at('配置 ID'),
    vehicle: at(ROLES.vehicle.column),
    fuelcell: at(ROLES.fuelcell.column),
  };
  const rows = new Map<string, { cells: string[]; models: Set<string> }>();
  sheet.eachRow((row, index) => {
    if (index === 1) return;
    const values = row.values as ExcelJS.CellValue[];
    const get = (i: number) => cellText(values[i]);
    const add = (firm: string, role: Role, product: string) => {
      if (!firm || !product) return;
      const key = `${firm}\t${role}\t${product}`;
      const entry = rows.get(key) ?? {
        cells: [firm, role, product, '', get(col.batch), get(col.model), get(col.config)],
        models: new Set<string>(),
      };
      entry.models.add(get(col.model));
      rows.set(key, entry);
    };
    add(get(col.vehicle), 'vehicle', get(col.vehicleClass));
    add(get(col.fuelcell), 'fuelcell', '燃料电池系统');
  });
  const lines = [...rows.values()]
    .map(({ cells, models }) => {
      cells[3] = String(models.size);
      return cells.join('\t');
    })
    .sort((a, b) => a.localeCompare(b, 'zh'));
  writeFileSync(NEV_CATALOGUE_TSV, [COLUMNS.join('\t'), ...lines].join('\n') + '\n');
  console.log(`${NEV_CATALOGUE_TSV}: ${lines.length} rows`);
}

export function readTsv(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const columns = (header ?? '').split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim()]));
  });
}

/** The set's records, one per firm, from catalogue.tsv. */
export function nevCatalogueRecords(rows: Record<string, string>[]): RealRecord[] {
  const firms = new Map<
    string,
    { roles: Set<Role>; products: Map<string, number>; refs: string[] }
  >();
  for (const row of rows) {
    const role = row.role as Role;
    if (!ROLES[role]) throw new Error(`catalogue.tsv: unknown role ${row.role}`);
    const firm = row.firm ?? '';
    const entry = firms.get(firm) ?? {
      roles: new Set<Role>(),
      products: new Map<string, number>(),
      refs: [] as string[],
    };
    entry.roles.add(role);
    entry.products.set(row.product ?? '', Number(row.models ?? 0));
    if (entry.refs.length < 3) {
      entry.refs.push(`${row.first_batch} 车型 ${row.first_model} (配置 ID ${row.first_config})`);
    }
    firms.set(firm, entry);
  }
  const records: RealRecord[] = [];
  for (const [name, entry] of [...firms.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh'))) {
    const roles = (Object.keys(ROLES) as Role[]).filter((role) => entry.roles.has(role));
    const nodes = roles.map((role) => ROLES[role].node);
    const products = [...entry.products.entries()]
      .sort(([a, n], [b, m]) => m - n || a.localeCompare(b, 'zh'))
      .map(([product]) => product);
    const said = roles.map((role) =>
      role === 'vehicle'
        ? `named as 生产企业 of listed models (a new-energy vehicle maker: ${ROLES.vehicle.node})`
        : `named as 燃料电池系统生产企业 of a listed model (${ROLES.fuelcell.node})`,
    );
    records.push({
      id: `miit-nev-${String(records.length + 1).padStart(4, '0')}`,
      name,
      products,
      expected: nodes,
      ...(nodes.length > 1 ? { acceptablePrimary: nodes } : {}),
      source: NEV_CATALOGUE_SOURCE,
      sourceRef: entry.refs.join('; '),
      labelledFrom: `新能源汽车推广应用推荐车型目录: ${said.join('; ')}`,
    });
  }
  return records;
}

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--extract');
  if (flag >= 0) {
    const xlsx = process.argv[flag + 1];
    if (!xlsx) throw new Error('--extract needs the path of 新能源汽车推广应用推荐车型目录.xlsx');
    await extract(xlsx);
  }
  const records = nevCatalogueRecords(readTsv(NEV_CATALOGUE_TSV));
  writeFileSync(
    join(DIR, 'records.jsonl'),
    records.map((r) => JSON.stringify(r)).join('\n') + '\n',
  );
  writeFileSync(join(DIR, 'set.json'), JSON.stringify({ chains: ['nev'] }, null, 2) + '\n');
  const fc = records.filter((r) => r.expected.includes(ROLES.fuelcell.node)).length;
  const vehicle = records.filter((r) => r.expected.includes(ROLES.vehicle.node)).length;
  console.log(
    `${DIR}/records.jsonl: ${records.length} firms (${vehicle} vehicle makers, ${fc} fuel-cell makers)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
