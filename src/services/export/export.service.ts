import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import {
  ENTERPRISE_COLUMNS,
  REFERENCE_COLUMNS,
  type CanonicalColumn,
  type ReferenceColumn,
} from '../../domain/import-values.ts';
import type { Db } from '../../db/connection.ts';
import { requireChain, requireRegion } from '../lookup/lookup.service.ts';
import {
  listEnterprisesWithLatestYear,
  type EnterpriseFilter,
} from '../../db/enterprise.repository.ts';
import {
  listClassificationsOfEnterprises,
  listClassifiedEnterpriseIds,
  listPlacementNamesOfEnterprises,
} from '../../db/classification.repository.ts';
import { AppError } from '../../domain/app-error.ts';
import { CSV_BOM, csvLine } from '../../shared/csv.ts';
import type { Evidence } from '../../domain/classification.ts';
import { countsOnChain } from '../../domain/placement.ts';
import { joinList } from '../../domain/import-values.ts';
import { gbt4754Name } from '../../shared/industry/industry-names.ts';
import { regionPaths } from '../reference/region-paths.ts';
import { regionPathText } from '../../shared/region-path.ts';
import { tagNameZh } from '../../shared/enterprise-values.ts';

const PAGE = 5_000;

/**
 * The import's own columns, so an exported file imports back unchanged, with the region's and the
 * industry class's names beside their codes and the node each firm counts on per chain, for the
 * reader (an import reads past them: placements come from classification, not from a file). Headed
 * by code in CSV and by name in XLSX (see enterpriseExportHeader).
 */
export const EXPORT_ENTERPRISE_COLUMNS: (CanonicalColumn | ReferenceColumn)[] = [
  'uscc',
  'name',
  'name_en',
  'region_code',
  'region_name',
  'address',
  'founded_on',
  'registered_capital',
  'industry_code',
  'industry_name',
  'business_scope',
  'products',
  'employees',
  'revenue',
  'output',
  'year',
  'tags',
  'chain_nodes',
];

type Cell = string | number | null;

/**
 * A column's header: a spreadsheet (for a person) gets the Chinese name, money with its unit
 * (营业收入（元）), which the import reads as it reads the code; CSV (for scripts) the code.
 */
export function enterpriseExportHeader(
  column: CanonicalColumn | ReferenceColumn,
  format: ExportFormat,
): string {
  if (format === 'csv') return column;
  if (column in REFERENCE_COLUMNS) return REFERENCE_COLUMNS[column as ReferenceColumn].label;
  const spec = ENTERPRISE_COLUMNS[column as CanonicalColumn];
  return spec.kind === 'money' ? `${spec.label}（元）` : spec.label;
}

/** A sink for rows: CSV (UTF-8 with BOM, formula-safe) or XLSX (streamed). */
interface RowSink {
  row(cells: Cell[]): void;
  close(): Promise<void>;
}

/** Where an export goes: a file, standard output (null), or a stream the caller owns and ends. */
type Target = string | null | Writable;

function csvSink(target: Target): RowSink {
  const out: Writable =
    typeof target === 'string' ? createWriteStream(target) : (target ?? process.stdout);
  if (target !== null) out.write(CSV_BOM);
  return {
    row: (cells) => out.write(csvLine(cells)),
    close: () =>
      new Promise((resolve, reject) => {
        if (target === null) return resolve();
        out.end(() => resolve());
        out.on('error', reject);
      }),
  };
}

async function xlsxSink(target: string | Writable, sheetName: string): Promise<RowSink> {
  // exceljs takes half a second to load: only XLSX exports pay for it.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    ...(typeof target === 'string' ? { filename: target } : { stream: target }),
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  return {
    row: (cells) => sheet.addRow(cells).commit(),
    close: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export type ExportFormat = 'csv' | 'xlsx';

/**
 * Writes the registry (optionally one region, or the enterprises matching `filter`) in the
 * import's columns to a file, standard output or `stream` (ended when done). Returns the row
 * count. Throws VALIDATION_FAILED for XLSX without a file or stream.
 */
export async function exportEnterprises(
  db: Db,
  options: {
    format: ExportFormat;
    out: string | null;
    regionCode?: string | undefined;
    filter?: EnterpriseFilter | undefined;
    stream?: Writable | undefined;
  },
): Promise<number> {
  const target: Target = options.stream ?? options.out;
  if (options.format === 'xlsx' && target === null) {
    throw new AppError('VALIDATION_FAILED', 'XLSX goes to a file: give --out FILE.xlsx.');
  }
  // A region that does not exist is a mistake, not an empty registry.
  if (options.regionCode) await requireRegion(db, options.regionCode);
  const sink =
    options.format === 'xlsx' && target !== null ? await xlsxSink(target, '企业') : csvSink(target);
  const filter: EnterpriseFilter = { ...options.filter };
  if (options.regionCode) filter.regionCode = options.regionCode;
  sink.row(EXPORT_ENTERPRISE_COLUMNS.map((c) => enterpriseExportHeader(c, options.format)));
  let afterId = 0;
  let count = 0;
  for (;;) {
    const rows = await listEnterprisesWithLatestYear(db, { afterId, filter, limit: PAGE });
    if (rows.length === 0) break;
    const [paths, placements] = await Promise.all([
      regionPaths(
        db,
        rows.flatMap(({ e }) => (e.regionCode ? [e.regionCode] : [])),
      ),
      listPlacementNamesOfEnterprises(
        db,
        rows.map(({ e }) => e.id),
      ),
    ]);
    // The node each counts on per chain: codes for scripts, 生物医药·医疗器械 for people.
    const nodesOf = new Map<number, string[]>();
    for (const p of placements) {
      const text = options.format === 'xlsx' ? `${p.chainNameZh}·${p.nodeNameZh}` : p.nodeCode;
      nodesOf.set(p.enterpriseId, [...(nodesOf.get(p.enterpriseId) ?? []), text]);
    }
    for (const { e, latest: year } of rows) {
      const path = e.regionCode ? paths.get(e.regionCode) : undefined;
      const values: Record<CanonicalColumn | ReferenceColumn, Cell> = {
        uscc: e.uscc,
        name: e.name,
        name_en: e.nameEn,
        region_code: e.regionCode,
        region_name: path && path.length > 0 ? regionPathText(path.map((step) => step.name)) : null,
        address: e.address,
        founded_on: e.foundedOn,
        registered_capital: e.registeredCapitalYuan,
        industry_code: e.industryCode,
        industry_name: e.industryCode ? gbt4754Name(e.industryCode) : null,
        business_scope: e.businessScope,
        products: joinList(e.products),
        employees: (year?.employees as number | null | undefined) ?? null,
        revenue: numberOrNull(year?.revenue_yuan),
        output: numberOrNull(year?.output_yuan),
        year: (year?.year as number | undefined) ?? null,
        // A spreadsheet is for people: tags by name (an import reads them back as tags).
        tags: joinList(options.format === 'xlsx' ? e.tags.map(tagNameZh) : e.tags),
        chain_nodes: joinList(nodesOf.get(e.id) ?? []) || null,
      };
      sink.row(EXPORT_ENTERPRISE_COLUMNS.map((column) => values[column]));
      count++;
    }
    afterId = rows.at(-1)?.e.id ?? afterId;
  }
  await sink.close();
  return count;
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

export const CLASSIFICATION_EXPORT_COLUMNS = [
  'enterprise_id',
  'uscc',
  'name',
  'node_code',
  'node_name',
  'primary',
  'score',
  'decision',
  'evidence',
] as const;

/** Evidence in one readable cell: `products.zh「缓释片」; industryCodes「2720」`. */
export function formatEvidence(evidence: readonly Evidence[]): string {
  return evidence.map((e) => `${e.rule}「${e.keyword}」`).join('; ');
}

/** Writes every classification of a chain with its evidence. Throws CHAIN_NOT_FOUND. */
export async function exportClassifications(
  db: Db,
  options: { chainCode: string; format: ExportFormat; out: string | null },
): Promise<number> {
  const chainRow = await requireChain(db, options.chainCode);
  if (options.format === 'xlsx' && !options.out) {
    throw new AppError('VALIDATION_FAILED', 'XLSX goes to a file: give --out FILE.xlsx.');
  }
  const sink =
    options.format === 'xlsx' ? await xlsxSink(options.out ?? '', '分类') : csvSink(options.out);
  sink.row([...CLASSIFICATION_EXPORT_COLUMNS]);
  let afterId = 0;
  let count = 0;
  for (;;) {
    const ids = await listClassifiedEnterpriseIds(db, {
      chainId: chainRow.id,
      afterId,
      limit: PAGE,
    });
    if (ids.length === 0) break;
    const last = ids.at(-1) ?? afterId;
    const rows = await listClassificationsOfEnterprises(db, {
      chainId: chainRow.id,
      afterId,
      lastId: last,
    });
    for (const { c, node, e } of rows) {
      sink.row([
        e.id,
        e.uscc,
        e.name,
        node.code,
        node.nameZh,
        countsOnChain(c) ? 'true' : 'false',
        c.score,
        c.decision,
        c.method === 'manual' ? `manual (${c.decision})` : formatEvidence(c.evidence as Evidence[]),
      ]);
      count++;
    }
    afterId = last;
  }
  await sink.close();
  return count;
}
