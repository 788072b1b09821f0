import { basename } from 'node:path';
import { AppError } from '../../domain/app-error.ts';
import { decideMatch, scoreMatch, MATCH_THRESHOLDS } from '../../domain/entity-matching.ts';
import { mapHeaders, type MoneyUnit } from '../../domain/import-values.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import { insertDuplicateCandidate } from '../../db/duplicate.repository.ts';
import { insertEnterpriseYears, insertEnterprises } from '../../db/enterprise.repository.ts';
import {
  findEnterprisesByIds,
  findFuzzyCandidates,
  findEnterprisesByNameKey,
  findEnterprisesByUscc,
  insertImportBatch,
  updateEnterprise,
  updateImportBatch,
  upsertEnterpriseYear,
  type FuzzyCandidate,
  type MatchableEnterprise,
} from '../../db/import.repository.ts';
import { region } from '../../db/schema.ts';
import { listChains } from '../../db/chain.repository.ts';
import {
  classifyBatch,
  emptyClassifySummary,
  loadChainClassifier,
  type ClassifiableRow,
  type PreparedChainClassifier,
} from '../classification/classification.service.ts';
import { enterpriseKeys } from '../registry/enterprise-keys.ts';
import {
  buildEnterpriseRecord,
  type EnterpriseRecord,
  type RowError,
} from './enterprise-record.ts';
import { readTable, type ReadTableOptions, type Table } from './table-reader.ts';

export interface ImportOptions {
  file: string;
  /** Shown in messages and reports instead of the file path (an uploaded file's own name). */
  displayName?: string;
  source?: string;
  defaultRegion?: string | null;
  revenueUnit?: MoneyUnit;
  dryRun?: boolean;
  strict?: boolean;
  /** Classify what the import touched on every chain afterwards (default true). */
  classify?: boolean;
  table?: ReadTableOptions;
  progress?: (progress: ImportProgress) => void;
  /** Called with the import's id as soon as it is recorded (before any row is read). */
  onStart?: (importId: number) => void;
}

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ImportCounts {
  inserted: number;
  updated: number;
  merged: number;
  unchanged: number;
  rejected: number;
  possibleDuplicates: number;
}

export interface ImportResult {
  importId: number;
  file: string;
  status: 'done' | 'rolled_back';
  dryRun: boolean;
  rowsRead: number;
  counts: ImportCounts;
  errors: RowError[];
  unknownColumns: string[];
  encoding: string;
}

const BATCH = 2_000;
/** Fuzzy-match candidates fetched per blocking key: enough for name variants, bounded for common keys. */
const CANDIDATES_PER_KEY = 50;
/** Errors kept in the import record for the API; the CSV report from the CLI has them all. */
const STORED_ERRORS = 5_000;

/** Rolls the dry run's transaction back on purpose. */
class Rollback extends Error {}

/**
 * Imports an enterprise registry file: validates every row, matches each record against the
 * registry (USCC, then normalised name in the same city, then a fuzzy score), inserts, updates or
 * merges, queues possible duplicates, and classifies what changed. Batches commit one by one and
 * a re-run is idempotent; a dry run, or --strict with any bad row, leaves the database as it was.
 * Throws VALIDATION_FAILED for an unreadable file or missing required columns.
 */
export async function importEnterprises(
  db: Db,
  actor: Actor,
  options: ImportOptions,
): Promise<ImportResult> {
  const shown = options.displayName ?? basename(options.file);
  const table = await readTable(options.file, options.table);
  const mapping = mapHeaders(table.headers);
  if (mapping.missingRequired.length > 0) {
    table.close();
    throw new AppError(
      'VALIDATION_FAILED',
      `${shown}: no column for ${mapping.missingRequired.map((c) => (c === 'name' ? 'name (企业名称)' : c)).join(', ')}. ` +
        `Headers found: ${table.headers.join(', ') || '(none)'}.`,
      { file: shown, missing: mapping.missingRequired },
    );
  }
  const regionCodes = new Set(
    (await db.select({ code: region.code }).from(region)).map((row) => row.code),
  );
  const batchRow = await insertImportBatch(db, {
    kind: 'enterprises',
    fileName: shown,
    source: options.source ?? shown,
    options: {
      dryRun: options.dryRun ?? false,
      strict: options.strict ?? false,
      region: options.defaultRegion ?? null,
    },
    actorName: actor.name,
  });
  options.onStart?.(batchRow.id);
  const counts: ImportCounts = {
    inserted: 0,
    updated: 0,
    merged: 0,
    unchanged: 0,
    rejected: 0,
    possibleDuplicates: 0,
  };
  const errors: RowError[] = mapping.badUnits.map((message) => ({
    row: 1,
    column: message,
    value: '',
    reason: 'unit not supported; the column was ignored',
    code: 'HEADER_UNIT_UNSUPPORTED' as const,
  }));
  let rowsRead = 0;
  // Classification runs inside each batch's transaction, on the records as written: no second
  // pass over the registry, and a batch is never committed unclassified.
  const chains: PreparedChainClassifier[] =
    options.classify === false
      ? []
      : await Promise.all((await listChains(db)).map((c) => loadChainClassifier(db, c.code)));
  const context = {
    mapping,
    headers: table.headers,
    defaultRegion: options.defaultRegion ?? null,
    defaultMoneyUnit: options.revenueUnit ?? 'yuan',
    regionExists: (code: string) => regionCodes.has(code),
  };
  const source = options.source ?? shown;
  const writer = new RecordWriter(batchRow.id, source, counts, chains);
  let status: ImportResult['status'] = 'done';

  // One pass over the file; `writeBatch` (when given) writes each batch of valid records.
  const runPass = async (
    source: Table,
    writeBatch: ((records: EnterpriseRecord[]) => Promise<void>) | null,
  ): Promise<void> => {
    rowsRead = 0;
    let pending: EnterpriseRecord[] = [];
    // One batch is written while the next is read and validated: on a server the two overlap.
    // Batches still write in file order, one at a time.
    let writing: Promise<void> = Promise.resolve();
    const write = async (batch: EnterpriseRecord[]): Promise<void> => {
      if (!writeBatch) return;
      await writing;
      writing = writeBatch(batch);
      // Handled here so that a failure never goes unobserved; it is rethrown by the next await.
      writing.catch(() => undefined);
    };
    try {
      for await (const row of source.rows) {
        rowsRead++;
        const built = buildEnterpriseRecord(row.rowNumber, row.cells, context);
        if ('errors' in built) {
          counts.rejected++;
          errors.push(...built.errors);
        } else if (writeBatch) {
          pending.push(built.record);
        }
        if (pending.length >= BATCH) {
          await write(pending);
          pending = [];
        }
        if (rowsRead % BATCH === 0) options.progress?.({ rowsRead, ...source.progress() });
      }
      await write(pending);
      await writing;
      options.progress?.({ rowsRead, ...source.progress() });
    } finally {
      source.close();
      // Nothing may still be writing when the import reports how it ended.
      await writing.catch(() => undefined);
    }
  };
  // Each batch commits on its own, so a long import does not hold the embedded database (one
  // connection) away from everyone else; a failure leaves whole batches, and a re-run completes.
  const writeInOwnTransaction = (records: EnterpriseRecord[]) =>
    db.transaction((tx) => writer.write(tx, records));

  try {
    if (options.dryRun) {
      await db
        .transaction(async (tx) => {
          await runPass(table, (records) => writer.write(tx, records));
          throw new Rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) throw error;
        });
      status = 'rolled_back';
    } else if (options.strict) {
      // Validate the whole file first: with any invalid row, nothing is written at all.
      await runPass(table, null);
      if (counts.rejected > 0) status = 'rolled_back';
      else await runPass(await readTable(options.file, options.table), writeInOwnTransaction);
    } else {
      await runPass(table, writeInOwnTransaction);
    }
  } catch (error) {
    await updateImportBatch(db, batchRow.id, {
      status: 'failed',
      rowsRead,
      counts,
      message: error instanceof Error ? error.message : String(error),
      finishedAt: new Date(),
    });
    throw error;
  } finally {
    table.close();
  }

  await updateImportBatch(db, batchRow.id, {
    status,
    rowsRead,
    counts,
    errors: errors.slice(0, STORED_ERRORS),
    message:
      status === 'rolled_back'
        ? options.dryRun
          ? 'dry run: nothing was written'
          : `--strict: ${counts.rejected} invalid rows, nothing was written`
        : null,
    finishedAt: new Date(),
  });
  if (status === 'done') {
    await recordAudit(db, actor, {
      action: 'import.enterprises',
      entityType: 'import',
      entityId: batchRow.id,
      after: { file: shown, source, rowsRead, ...counts },
    });
  }
  return {
    importId: batchRow.id,
    file: shown,
    status,
    dryRun: options.dryRun ?? false,
    rowsRead,
    counts,
    errors,
    unknownColumns: mapping.unknown,
    encoding: table.encoding,
  };
}

type Change = Partial<Record<string, unknown>>;

/** Writes validated records: match, then insert or update, one batch at a time. */
class RecordWriter {
  /**
   * Records written by this batch, so a batch that repeats an enterprise merges it. Earlier
   * batches are in the database (committed, or in the dry run's transaction) and are found there,
   * so memory stays bounded by the batch, not the file.
   */
  private readonly seenUscc = new Map<string, MatchableEnterprise>();
  private readonly seenName = new Map<string, MatchableEnterprise>();

  private tx!: DbOrTx;
  /** What this batch inserted or changed, as it now stands, for classification. */
  private readonly touched = new Map<number, ClassifiableRow>();

  constructor(
    private readonly importId: number,
    private readonly source: string,
    private readonly counts: ImportCounts,
    private readonly chains: readonly PreparedChainClassifier[],
  ) {}

  /** Writes one batch through `tx` (a transaction of its own, or the dry run's). */
  async write(tx: DbOrTx, records: EnterpriseRecord[]): Promise<void> {
    if (records.length === 0) return;
    this.tx = tx;
    const keyed = records.map((record) => ({ record, keys: enterpriseKeys(record) }));
    const byUscc = groupBy(
      await findEnterprisesByUscc(
        this.tx,
        records.flatMap((r) => (r.uscc ? [r.uscc] : [])),
      ),
      (e) => e.uscc ?? '',
    );
    const byName = groupBy(
      await findEnterprisesByNameKey(
        this.tx,
        keyed.map((k) => k.keys.nameKey),
      ),
      (e) => e.nameKey ?? '',
    );
    // Fuzzy candidates for the whole batch in one query, indexed by blocking key. A record with a
    // USCC is matched by its USCC or exact name only: fuzzy matching is for records without one.
    const unmatched = keyed.filter(({ record, keys }) => !record.uscc && !byName.has(keys.nameKey));
    const candidatesByKey = new Map<string, FuzzyCandidate[]>();
    const wanted = [...new Set(unmatched.flatMap(({ keys }) => keys.matchKeys))];
    for (const candidate of await findFuzzyCandidates(this.tx, wanted, CANDIDATES_PER_KEY)) {
      const list = candidatesByKey.get(candidate.key);
      if (list) list.push(candidate);
      else candidatesByKey.set(candidate.key, [candidate]);
    }
    let inserts: { record: EnterpriseRecord; keys: ReturnType<typeof enterpriseKeys> }[] = [];
    const pendingKeys = new Set<string>();
    for (const { record, keys } of keyed) {
      const city = record.regionCode.slice(0, 4);
      const nameKeyInCity = `${keys.nameKey}|${city}`;
      // A file that repeats an enterprise within a batch: write what is pending, then match it.
      if ((record.uscc && pendingKeys.has(record.uscc)) || pendingKeys.has(nameKeyInCity)) {
        await this.insert(inserts);
        inserts = [];
        pendingKeys.clear();
      }
      const sameCity = (e: MatchableEnterprise) => e.regionCode.slice(0, 4) === city;
      let match: MatchableEnterprise | undefined;
      let how: 'uscc' | 'name' | 'fuzzy' = 'uscc';
      if (record.uscc) match = this.seenUscc.get(record.uscc) ?? byUscc.get(record.uscc)?.[0];
      if (!match) {
        how = 'name';
        match =
          this.seenName.get(nameKeyInCity) ??
          byName.get(keys.nameKey)?.find((e) => sameCity(e) && (!e.uscc || !record.uscc));
      }
      let possible: { other: FuzzyCandidate; score: number; reasons: string[] } | null = null;
      if (!match && !record.uscc) {
        how = 'fuzzy';
        const candidates = new Map(
          keys.matchKeys.flatMap((key) => candidatesByKey.get(key) ?? []).map((c) => [c.id, c]),
        );
        const best = bestFuzzyCandidate(record, candidates.values());
        if (best && decideMatch(best.score) === 'match') {
          match = (await findEnterprisesByIds(this.tx, [best.other.id]))[0];
        } else if (best && best.score >= MATCH_THRESHOLDS.review) {
          possible = best;
        }
      }
      if (match) {
        await this.update(match, record, keys, how);
      } else {
        inserts.push({ record, keys });
        if (record.uscc) pendingKeys.add(record.uscc);
        pendingKeys.add(nameKeyInCity);
        if (possible) this.pendingDuplicates.set(record, possible);
      }
    }
    await this.insert(inserts);
    this.seenUscc.clear();
    this.seenName.clear();
    const touched = [...this.touched.values()];
    this.touched.clear();
    for (const prepared of this.chains) {
      await classifyBatch(this.tx, prepared, touched, emptyClassifySummary(prepared.chain.code));
    }
  }

  private readonly pendingDuplicates = new Map<
    EnterpriseRecord,
    { other: FuzzyCandidate; score: number; reasons: string[] }
  >();

  private async insert(
    items: { record: EnterpriseRecord; keys: ReturnType<typeof enterpriseKeys> }[],
  ): Promise<void> {
    if (items.length === 0) return;
    const at = new Date().toISOString();
    const ids = await insertEnterprises(
      this.tx,
      items.map(({ record, keys }) => ({
        ...recordFields(record),
        ...keys,
        products: record.products ?? [],
        tags: record.tags ?? [],
        source: this.source,
        provenance: [
          { source: this.source, importId: this.importId, at, row: record.row, action: 'insert' },
        ],
      })),
    );
    // New enterprises have no yearly figures yet: one bulk insert, no look-ups.
    await insertEnterpriseYears(
      this.tx,
      items.flatMap(({ record }, index) =>
        record.figures
          ? [{ enterpriseId: ids[index] ?? 0, regionCode: record.regionCode, ...record.figures }]
          : [],
      ),
    );
    for (const [index, { record, keys }] of items.entries()) {
      const id = ids[index] ?? 0;
      this.counts.inserted++;
      const stored: MatchableEnterprise = {
        id,
        ...recordFields(record),
        nameKey: keys.nameKey,
        matchKeys: keys.matchKeys,
        products: record.products ?? [],
        tags: record.tags ?? [],
        provenance: [],
      };
      this.remember(stored);
      this.touched.set(id, classifiable(stored));
      const possible = this.pendingDuplicates.get(record);
      if (possible) {
        await insertDuplicateCandidate(this.tx, {
          enterpriseId: id,
          otherId: possible.other.id,
          score: possible.score,
          reasons: possible.reasons,
          importId: this.importId,
        });
        this.counts.possibleDuplicates++;
      }
    }
    this.pendingDuplicates.clear();
  }

  private async update(
    existing: MatchableEnterprise,
    record: EnterpriseRecord,
    keys: ReturnType<typeof enterpriseKeys>,
    how: 'uscc' | 'name' | 'fuzzy',
  ): Promise<void> {
    const incoming = recordFields(record);
    const change: Change = {};
    for (const [field, value] of Object.entries(incoming)) {
      // An empty cell says nothing: it never erases what the registry knows.
      if (value === null || value === undefined) continue;
      if (existing[field as keyof MatchableEnterprise] !== value) change[field] = value;
    }
    if (record.products && record.products.join('；') !== existing.products.join('；')) {
      change.products = record.products;
    }
    const tags = [...new Set([...existing.tags, ...(record.tags ?? [])])];
    if (tags.length !== existing.tags.length) change.tags = tags;
    const yearChanged = record.figures
      ? await upsertEnterpriseYear(this.tx, {
          enterpriseId: existing.id,
          regionCode: existing.regionCode,
          ...record.figures,
        })
      : false;
    const fieldsChanged = Object.keys(change).length > 0;
    if (fieldsChanged) {
      const provenance = [
        ...(existing.provenance as unknown[]),
        {
          source: this.source,
          importId: this.importId,
          at: new Date().toISOString(),
          row: record.row,
          action: how === 'uscc' ? 'update' : 'merge',
          fields: Object.keys(change),
        },
      ].slice(-20);
      if (change.name || change.nameEn || change.address || change.uscc)
        Object.assign(change, keys);
      await updateEnterprise(this.tx, existing.id, { ...change, provenance });
      Object.assign(existing, change, { provenance });
    }
    if (fieldsChanged || yearChanged) {
      this.touched.set(existing.id, classifiable(existing));
      if (how === 'uscc') this.counts.updated++;
      else this.counts.merged++;
    } else {
      this.counts.unchanged++;
    }
    this.remember(existing);
  }

  private remember(enterpriseRow: MatchableEnterprise): void {
    if (enterpriseRow.uscc) this.seenUscc.set(enterpriseRow.uscc, enterpriseRow);
    if (enterpriseRow.nameKey) {
      this.seenName.set(
        `${enterpriseRow.nameKey}|${enterpriseRow.regionCode.slice(0, 4)}`,
        enterpriseRow,
      );
    }
  }
}

/** The candidate most likely to be the same enterprise as `record`, with its score. */
function bestFuzzyCandidate(record: EnterpriseRecord, candidates: Iterable<FuzzyCandidate>) {
  let best: { other: FuzzyCandidate; score: number; reasons: string[] } | null = null;
  for (const other of candidates) {
    const scored = scoreMatch(record, other);
    if (!best || scored.score > best.score) best = { other, ...scored };
  }
  return best;
}

function classifiable(stored: MatchableEnterprise): ClassifiableRow {
  const { id, regionCode, name, nameEn, businessScope, products, industryCode } = stored;
  return { id, regionCode, name, nameEn, businessScope, products, industryCode };
}

function recordFields(record: EnterpriseRecord) {
  return {
    uscc: record.uscc,
    name: record.name,
    nameEn: record.nameEn,
    regionCode: record.regionCode,
    address: record.address,
    foundedOn: record.foundedOn,
    registeredCapitalYuan: record.registeredCapitalYuan,
    industryCode: record.industryCode,
    businessScope: record.businessScope,
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}
