/**
 * Builds the records.jsonl of the factory-registry sets of the four chains beside biomed
 * (eval/classification/tw-factory-{ic,iot,nev,equipment}/) from their extracts (factories.tsv,
 * rows copied as published, traditional characters). One record per firm (factories of one company
 * counted together), its name converted to simplified characters as the importer does; the label
 * follows from the product classes the registry gives (see each set's SOURCE.md). Name only: the
 * registry gives product classes, not product names, and the class is the label.
 *   npx tsx scripts/build-eval-classification-chains.ts
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

/** Per chain: the registry's product classes that put a firm on it, and the look-alike classes. */
export const FACTORY_CHAIN_CLASSES: Record<
  string,
  { on: Record<string, string>; lookAlike: Record<string, string> }
> = {
  ic: {
    on: { '261': '半導體' },
    lookAlike: {
      '262': '被動電子元件',
      '263': '印刷電路板',
      '284': '照明設備',
    },
  },
  iot: {
    on: { '272': '通訊傳播設備' },
    lookAlike: {
      '262': '被動電子元件',
      '273': '視聽電子產品',
      '274': '資料儲存媒體',
      '283': '電線及配線器材',
    },
  },
  nev: {
    on: { '301': '汽車', '302': '車體', '303': '汽車零件' },
    lookAlike: {
      '311': '船舶及其零件',
      '312': '機車及其零件',
      '313': '自行車及其零件',
    },
  },
  equipment: {
    on: {
      '291': '金屬加工用機械設備',
      '292': '其他專用機械設備',
      '293': '通用機械設備',
    },
    lookAlike: { '252': '金屬結構及建築組件', '253': '金屬容器', '259': '其他金屬製品' },
  },
};

const SOURCE =
  '經濟部 工廠公示資料 (gcis.nat.gov.tw/Fidbweb), factory details as scraped into kiang/twfactory Console/Command/data/details @d8a26e1afe602d12bf621934a6c71cc8a370e8c1 (2014-12); Taiwan Open Government Data License v1.0';

function readTsv(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const columns = (header ?? '').split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim()]));
  });
}

/**
 * A plant, site or local branch (…股份有限公司新竹廠, …十二廠六期, …Fab8S) is counted with its
 * company; a foreign firm's Taiwan branch (…台灣分公司) is the registrant itself.
 */
function firmOf(name: string): string {
  if (name.endsWith('台灣分公司')) return name;
  const match = /^(.*?(?:股份有限公司|有限公司))(.+)$/u.exec(name);
  return match?.[1] ?? name;
}

function classList(codes: Iterable<string>, names: Record<string, string>): string {
  return [...codes]
    .sort()
    .map((code) => `${code} ${names[code] ?? ''}`.trim())
    .join(', ');
}

function buildChainSet(chain: string): void {
  const spec = FACTORY_CHAIN_CLASSES[chain]!;
  const set = `tw-factory-${chain}`;
  const rows = readTsv(join(REPO_SETS_DIR, set, 'factories.tsv'));
  const firms = new Map<string, { codes: Set<string>; registrations: string[] }>();
  for (const row of rows) {
    const name = firmOf(row.name ?? '');
    const entry = firms.get(name) ?? { codes: new Set<string>(), registrations: [] };
    for (const product of (row.products ?? '').split(';')) {
      const code = product.split(' ')[0];
      if (code) entry.codes.add(code);
    }
    entry.registrations.push(row.registration ?? '');
    firms.set(name, entry);
  }
  const records: RealRecord[] = [];
  for (const [name, entry] of [...firms.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh'))) {
    const onClasses = [...entry.codes].filter((code) => spec.on[code]);
    const base = {
      id: `twfac-${chain}-${String(records.length + 1).padStart(4, '0')}`,
      name: simplified(name),
      products: [],
      source: SOURCE,
      sourceRef: `工廠登記編號 ${entry.registrations.slice(0, 6).join(', ')}`,
    };
    if (onClasses.length > 0) {
      records.push({
        ...base,
        expected: [],
        onChains: [chain],
        labelledFrom: `factory in production registered for product class ${classList(onClasses, spec.on)}: on the ${chain} chain (the class does not say which node)`,
      });
    } else if ([...entry.codes].every((code) => spec.lookAlike[code])) {
      records.push({
        ...base,
        expected: [],
        labelledFrom: `factories in production registered only for product classes ${classList(entry.codes, spec.lookAlike)}: off the ${chain} chain (look-alike)`,
      });
    } else {
      throw new Error(
        `${set}: ${name} has classes ${[...entry.codes].join(', ')} outside the set's rule`,
      );
    }
  }
  const file = join(REPO_SETS_DIR, set, 'records.jsonl');
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  writeFileSync(
    join(REPO_SETS_DIR, set, 'set.json'),
    JSON.stringify({ chains: [chain] }, null, 2) + '\n',
  );
  const on = records.filter((r) => r.onChains).length;
  console.log(
    `${file}: ${records.length} records (${on} on the chain, ${records.length - on} look-alikes)`,
  );
}

for (const chain of Object.keys(FACTORY_CHAIN_CLASSES)) buildChainSet(chain);
