import { AppError } from '../../domain/app-error.ts';
import type { Db, Tx } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import {
  findIndustryTypeConflicts,
  inheritIndustryTypes,
  upsertRegionStats,
  type RegionStatRow,
} from '../../db/region-stat.repository.ts';
import type { RowError } from '../tables/error-report.ts';
import {
  openTable,
  tableSourceName,
  type ReadTableOptions,
  type TableInput,
  type TableSource,
} from '../tables/table-reader.ts';
import {
  STAT_COLUMNS,
  buildStatRecord,
  mapStatHeaders,
  statColumnLabel,
  type StatRecord,
} from './stat-record.ts';

export interface ImportStatsOptions {
  /** A path, or an upload's bytes with its name. */
  file: TableSource;
  /** Shown in messages instead of the path (an uploaded file's own name). */
  displayName?: string;
  table?: ReadTableOptions;
  progress?: (progress: { rowsRead: number; bytesRead: number; totalBytes: number }) => void;
}

export interface ImportStatsResult {
  file: string;
  encoding: string;
  /** done, or rolled_back when any row was invalid and nothing was written. */
  status: 'done' | 'rolled_back';
  rowsRead: number;
  counts: { inserted: number; updated: number; unchanged: number; rejected: number };
  errors: RowError[];
  unknownColumns: string[];
  /** What the file holds, per scheme. */
  schemes: { scheme: string; years: number[]; regions: number; industries: number }[];
}

/** Rows written per statement while the file is read. */
const BATCH = 2_000;
const PROGRESS_EVERY = 1_000;

/** Aborts the import's transaction on purpose when a row was invalid. */
class Rejected extends Error {}

/**
 * Imports a regional statistics file (CSV in UTF-8 or GB18030, or XLSX) into region_stat in one
 * transaction: with any invalid row nothing is written and every row error is returned (status
 * rolled_back); otherwise rows are upserted on (region, scheme, industry, year), so a re-run
 * changes nothing. Throws VALIDATION_FAILED for an unreadable file or missing columns.
 */
export async function importStats(
  db: Db,
  actor: Actor,
  options: ImportStatsOptions,
): Promise<ImportStatsResult> {
  const shown = options.displayName ?? tableSourceName(options.file);
  const table = await openTable(options.file, options.table);
  const mapping = mapStatHeaders(table.headers);
  if (mapping.missing.length > 0 || mapping.duplicates.length > 0) {
    table.close();
    const problems = [
      mapping.missing.length > 0 ? `no column for ${mapping.missing.join(', ')}` : null,
      mapping.duplicates.length > 0
        ? `repeated columns ${mapping.duplicates.map((h) => `"${h}"`).join(', ')}`
        : null,
    ].filter((p) => p !== null);
    throw new AppError(
      'VALIDATION_FAILED',
      `${shown}: ${problems.join('; ')}. Headers found: ${table.headers.join(', ') || '(none)'}. ` +
        `Expected: ${STAT_COLUMNS.join(',')}.`,
      {
        file: shown,
        missing: mapping.missing,
        duplicates: mapping.duplicates,
        // Said by the web app: what is missing or repeated, and what the first row holds.
        reason: mapping.missing.length > 0 ? 'STATS_COLUMNS_MISSING' : 'STATS_COLUMNS_REPEATED',
        columns:
          mapping.missing.length > 0
            ? mapping.missing.map(statColumnLabel).join('、')
            : mapping.duplicates.join('、'),
        headers: table.headers.join(', ') || '—',
      },
    );
  }

  const errors: RowError[] = [];
  const counts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const keys = new Map<string, number>();
  const types = new Map<string, { type: string | null; row: number }>();
  const contents = new Map<
    string,
    { years: Set<number>; regions: Set<string>; industries: Set<string> }
  >();
  let rowsRead = 0;
  let pending: RegionStatRow[] = [];

  /** Problems a row has only in the light of earlier rows: a repeated key, a changed type. */
  const crossCheck = (record: StatRecord): RowError[] => {
    const problems: RowError[] = [];
    const key = [record.regionCode, record.scheme, record.industryCode, record.year].join('\u0000');
    const first = keys.get(key);
    if (first !== undefined) {
      problems.push({
        row: record.row,
        column: 'region_code, scheme, industry_code, year',
        value: `${record.regionCode}, ${record.scheme}, ${record.industryCode}, ${record.year}`,
        reason: `repeats row ${first}; each region, industry and year appears once`,
        code: 'ROW_REPEATED',
        params: { first },
      });
    } else keys.set(key, record.row);
    const industry = `${record.scheme}\u0000${record.industryCode}`;
    const known = types.get(industry);
    if (known === undefined) types.set(industry, { type: record.industryType, row: record.row });
    else if (known.type !== record.industryType) {
      problems.push({
        row: record.row,
        column: 'industry_type',
        value: record.industryType ?? '',
        reason: `industry ${record.industryCode} is "${known.type ?? ''}" on row ${known.row}; an industry has one type`,
        code: 'INDUSTRY_TYPE_CONFLICT',
        params: { industry: record.industryCode, type: known.type ?? '', first: known.row },
      });
    }
    return problems;
  };

  const flush = async (tx: Tx): Promise<void> => {
    if (pending.length === 0) return;
    const written = await upsertRegionStats(tx, pending);
    counts.inserted += written.inserted;
    counts.updated += written.updated;
    counts.unchanged += pending.length - written.inserted - written.updated;
    pending = [];
  };

  let status: ImportStatsResult['status'] = 'done';
  try {
    await db.transaction(async (tx) => {
      for await (const row of table.rows) {
        rowsRead++;
        const built = buildStatRecord(row.rowNumber, row.cells, table.headers, mapping);
        const problems = 'errors' in built ? built.errors : crossCheck(built.record);
        if (problems.length > 0) {
          counts.rejected++;
          errors.push(...problems);
        } else if ('record' in built) {
          const { row: _row, ...stored } = built.record;
          noteContents(contents, built.record);
          // Once a row failed nothing will be kept, so writing more is wasted work.
          if (errors.length === 0) pending.push(stored);
        }
        if (pending.length >= BATCH) await flush(tx);
        if (rowsRead % PROGRESS_EVERY === 0) options.progress?.({ rowsRead, ...table.progress() });
      }
      options.progress?.({ rowsRead, ...table.progress() });
      if (errors.length > 0) throw new Rejected();
      await flush(tx);
      // A file without the type column says nothing of types: its rows keep the stored one.
      if (!mapping.columns.includes('industry_type')) {
        await inheritIndustryTypes(tx, [...contents.keys()]);
      }
      // Other years or regions already stored may give an industry another type.
      for (const conflict of await findIndustryTypeConflicts(tx, [...contents.keys()])) {
        const first = types.get(`${conflict.scheme}\u0000${conflict.industryCode}`);
        if (!first) continue;
        counts.rejected++;
        const stored = conflict.types.filter((t) => t !== first.type).map((t) => `"${t ?? ''}"`);
        errors.push({
          row: first.row,
          column: 'industry_type',
          value: first.type ?? '',
          reason: `stored figures of scheme ${conflict.scheme} give industry ${conflict.industryCode} the type ${stored.join(', ')}; an industry has one type (fix this file, or re-import the other years with the new type)`,
          code: 'INDUSTRY_TYPE_STORED_CONFLICT',
          params: {
            scheme: conflict.scheme,
            industry: conflict.industryCode,
            types: stored.join(', '),
          },
        });
      }
      if (errors.length > 0) throw new Rejected();
      await recordAudit(tx, actor, {
        action: 'import.stats',
        entityType: 'region_stat',
        entityId: shown,
        after: { file: shown, rowsRead, ...counts, schemes: describe(contents) },
      });
    });
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    status = 'rolled_back';
    counts.inserted = 0;
    counts.updated = 0;
    counts.unchanged = 0;
  } finally {
    table.close();
  }
  return {
    file: shown,
    encoding: table.encoding,
    status,
    rowsRead,
    counts,
    errors,
    unknownColumns: mapping.unknown,
    schemes: describe(contents),
  };
}

function noteContents(
  contents: Map<string, { years: Set<number>; regions: Set<string>; industries: Set<string> }>,
  record: StatRecord,
): void {
  const entry = contents.get(record.scheme) ?? {
    years: new Set<number>(),
    regions: new Set<string>(),
    industries: new Set<string>(),
  };
  entry.years.add(record.year);
  entry.regions.add(record.regionCode);
  entry.industries.add(record.industryCode);
  contents.set(record.scheme, entry);
}

function describe(
  contents: Map<string, { years: Set<number>; regions: Set<string>; industries: Set<string> }>,
): ImportStatsResult['schemes'] {
  return [...contents.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([scheme, entry]) => ({
      scheme,
      years: [...entry.years].sort((a, b) => a - b),
      regions: entry.regions.size,
      industries: entry.industries.size,
    }));
}

/** Row errors returned with a refused upload; the CLI's --errors report has them all. */
const UPLOAD_ERRORS = 1_000;

/**
 * Imports an uploaded statistics file, read as it streams in. Unlike `importStats`, a file with
 * any invalid row is refused with VALIDATION_FAILED whose details list the row errors (file, row,
 * column, value, reason); nothing is written then.
 */
export async function importStatsUpload(
  db: Db,
  actor: Actor,
  upload: TableInput,
): Promise<ImportStatsResult> {
  const result = await importStats(db, actor, { file: upload });
  if (result.status === 'rolled_back') {
    const first = result.errors[0];
    const example = first
      ? ` First: row ${first.row}, ${first.column}: ${first.reason}${first.value ? ` ("${first.value}")` : ''}.`
      : '';
    throw new AppError(
      'VALIDATION_FAILED',
      `${result.file}: ${result.counts.rejected} invalid rows, so nothing was imported; fix them and upload the file again.${example}`,
      {
        file: result.file,
        rowsRead: result.rowsRead,
        rejected: result.counts.rejected,
        errors: result.errors.slice(0, UPLOAD_ERRORS),
      },
    );
  }
  return result;
}
