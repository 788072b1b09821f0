import { createWriteStream } from 'node:fs';
import { SeededRandom } from '../src/domain/random.ts';
import { buildUscc } from '../src/domain/uscc.ts';
import { csvLine } from '../src/shared/csv.ts';
import {
  BIOMED_VOCABULARY,
  LEGAL_FORMS,
  OFF_CHAIN_VOCABULARY,
} from '../src/services/demo/demo-vocabulary.ts';
import type { RegionRow } from '../src/db/region.repository.ts';
import { EXPORT_ENTERPRISE_COLUMNS } from '../src/services/export/export.service.ts';
import { ENTERPRISE_COLUMNS, type CanonicalColumn } from '../src/domain/import-values.ts';

/**
 * The import's own columns, in an export's order, without the names an export writes beside the
 * codes for people: the file a registry office would hand over (and the same file as before those
 * names were exported, so figures stay comparable).
 */
export const REGISTRY_HEADER = EXPORT_ENTERPRISE_COLUMNS.filter(
  (column): column is CanonicalColumn => column in ENTERPRISE_COLUMNS,
);

const SERIAL = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * Writes a national registry CSV of `rows` enterprises (60% on the biomedical chain, the rest
 * look-alikes) across every county, streamed so any size fits in memory. Deterministic per seed.
 */
export async function writeRegistryCsv(
  path: string,
  rows: number,
  regions: readonly RegionRow[],
  seed = 7,
): Promise<void> {
  const random = new SeededRandom(seed);
  const counties = regions.filter((r) => r.level === 'county');
  const cityName = new Map(regions.filter((r) => r.level === 'city').map((r) => [r.code, r.name]));
  const nodes = Object.values(BIOMED_VOCABULARY);
  const out = createWriteStream(path);
  const write = (line: string) =>
    out.write(line)
      ? Promise.resolve()
      : new Promise<void>((resolve) => out.once('drain', resolve));
  await write(csvLine(REGISTRY_HEADER));
  for (let i = 0; i < rows; i++) {
    const county = random.pick(counties);
    const onChain = random.chance(0.6);
    const vocabulary = onChain ? random.pick(nodes) : random.pick(OFF_CHAIN_VOCABULARY);
    const place = (cityName.get(county.parentCode ?? '') ?? county.name).replace(/市$/, '');
    // The row number makes every name unique, as registries' names are within a region.
    const name = `${place}${random.pick(vocabulary.nameStems)}${i.toString(36)}${random.pick(vocabulary.nameSuffixes)}${random.weighted(LEGAL_FORMS, (f) => f.weight).text}`;
    let serial = '';
    for (let k = 0; k < 8; k++) serial += SERIAL.charAt(random.int(0, SERIAL.length - 1));
    const row: Record<(typeof REGISTRY_HEADER)[number], string | number> = {
      uscc: random.chance(0.85) ? buildUscc(county.code, serial) : '',
      name,
      name_en: '',
      region_code: county.code,
      address: `${county.name}${random.pick(['科技', '创新', '发展', '人民'])}路${random.int(1, 999)}号`,
      founded_on: `${random.int(1995, 2023)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
      registered_capital: random.int(100, 50_000) * 10_000,
      industry_code: random.chance(0.7) ? random.pick(vocabulary.industryCodes) : '',
      business_scope: random.pick(vocabulary.scopes),
      products: Array.from({ length: random.int(1, 3) }, () =>
        random.pick(vocabulary.products),
      ).join('；'),
      employees: random.int(5, 3_000),
      revenue: random.int(100, 500_000) * 1_000,
      output: '',
      year: 2024,
      tags: '',
    };
    await write(csvLine(REGISTRY_HEADER.map((column) => row[column])));
  }
  await new Promise<void>((resolve, reject) => {
    out.end(() => resolve());
    out.on('error', reject);
  });
}
