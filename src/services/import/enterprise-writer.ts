import {
  importMatchAction,
  importYearFigures,
  mergedAliases,
} from '../../domain/enterprise-merge.ts';
import {
  decideMatch,
  matchScore,
  sameBranch,
  scoreMatch,
  MATCH_THRESHOLDS,
} from '../../domain/entity-matching.ts';
import type { DbOrTx } from '../../db/connection.ts';
import { insertDuplicateCandidate } from '../../db/duplicate.repository.ts';
import { insertYearHistory } from '../../db/merge.repository.ts';
import type { EnterpriseYearRow } from '../../db/enterprise.repository.ts';
import {
  findEnterpriseYear,
  findEnterpriseYears,
  findEnterprisesByIds,
  findFuzzyCandidates,
  findStagedNameMatches,
  findStagedUsccMatches,
  insertStagedEnterprises,
  stageImportRows,
  updateEnterprisesInBulk,
  upsertEnterpriseYears,
  type FuzzyCandidate,
  type MatchableEnterprise,
  type StagedMatch,
} from '../../db/import.repository.ts';
import {
  classifyBatchOnChains,
  type ClassifiableRow,
  type PrecomputedResults,
  type PreparedChainClassifier,
} from '../classification/classification.service.ts';
import { figureSourceOf } from '../merge/figure-source.ts';
import { enterpriseKeys } from '../registry/enterprise-keys.ts';
import type { EnterpriseRecord } from './enterprise-record.ts';
import type { SerializedClassification } from '../../domain/classification.ts';
import type { PreparedRecord } from './record-work.ts';
import { matchReasonPhrase } from '../../shared/match-reasons.ts';

// The write half of an enterprise import: each batch of validated records is matched against the
// registry (USCC, then name key, then a fuzzy score) and inserted, updated or merged.

/** Fuzzy-match candidates fetched per blocking key: enough for name variants, bounded for common keys. */
const CANDIDATES_PER_KEY = 50;

/**
 * Possible-duplicate pairs one import queues at most. Each new enterprise queues at most one pair
 * (its best-scoring look-alike), but a large file of look-alike names once queued 93,143: more
 * than anyone reviews, and a queue that slows every page reading it. Past the cap the import's
 * message says how many were left out.
 */
export const MAX_DUPLICATES_PER_IMPORT = 10_000;

/** What an import did, row by row. */
export interface ImportCounts {
  inserted: number;
  updated: number;
  merged: number;
  unchanged: number;
  rejected: number;
  possibleDuplicates: number;
}

type Change = Partial<Record<string, unknown>>;

/** A record of the batch with its place in it (its row in the staging table) and its keys. */
interface Keyed {
  idx: number;
  record: PreparedRecord;
  keys: ReturnType<typeof enterpriseKeys>;
}

/** A look-alike to queue with a new record: the other record, its score and why. */
interface PossibleDuplicate {
  other: FuzzyCandidate;
  score: number;
  reasons: string[];
}

/** Writes validated records: match, then insert or update, one batch at a time. */
export class RecordWriter {
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
  /**
   * The classifier's results a worker thread worked out for a touched record, kept while the
   * record as written reads the same as the row it was worked out from.
   */
  private readonly precomputed = new Map<number, SerializedClassification[][]>();
  /** Records this batch inserted: they have no placements yet. */
  private readonly inserted = new Set<number>();

  constructor(
    private readonly importId: number,
    private readonly source: string,
    private readonly counts: ImportCounts,
    private readonly chains: readonly PreparedChainClassifier[],
    /** Possible-duplicate pairs this import may queue at most; past it they are counted, not queued. */
    private readonly duplicateCap: number = MAX_DUPLICATES_PER_IMPORT,
  ) {}

  /** Possible-duplicate pairs found past the cap and not queued. */
  duplicatesOverCap = 0;

  /** Writes one batch through `tx` (a transaction of its own, or the dry run's). */
  async write(tx: DbOrTx, records: PreparedRecord[]): Promise<void> {
    if (records.length === 0) return;
    this.tx = tx;
    this.at = new Date().toISOString();
    const keyed = records.map((record, idx) => ({
      idx,
      record,
      keys: record.prepared?.keys ?? enterpriseKeys(record),
    }));
    // The batch goes to the staging table by COPY; exact matches are two joins against it.
    await stageImportRows(
      this.tx,
      keyed.map(({ idx, record, keys }) => ({
        idx,
        ...recordFields(record),
        products: record.products ?? [],
        tags: record.tags ?? [],
        ...keys,
        provenance: [insertProvenance(record, this.source, this.importId, this.at)],
        figures: record.figures,
      })),
    );
    // One object per record of the registry, however many rows found it.
    const loaded = new Map<number, MatchableEnterprise>();
    const byIdx = (matches: StagedMatch[]) => {
      const map = new Map<number, MatchableEnterprise[]>();
      for (const { idx, ...found } of matches) {
        const shared = loaded.get(found.id) ?? found;
        loaded.set(found.id, shared);
        const list = map.get(idx);
        if (list) list.push(shared);
        else map.set(idx, [shared]);
      }
      return map;
    };
    const byUscc = byIdx(await findStagedUsccMatches(this.tx));
    // A name key leaves branch markers out: a branch and its head office (or two branches) share
    // one, but are two records, left to the fuzzy score (which queues or keeps them apart).
    const byName = byIdx(await findStagedNameMatches(this.tx));
    for (const [idx, found] of byName) {
      const name = records[idx]?.name ?? '';
      const kept = found.filter((e) => sameBranch(e.name, name));
      if (kept.length > 0) byName.set(idx, kept);
      else byName.delete(idx);
    }
    // The figures the matched records hold for the batch's years, in one query.
    const years = [...new Set(records.flatMap((r) => (r.figures ? [r.figures.year] : [])))];
    for (const id of loaded.keys()) for (const year of years) this.years.set(`${id}|${year}`, null);
    for (const row of await findEnterpriseYears(this.tx, [...loaded.keys()], years))
      this.years.set(`${row.enterpriseId}|${row.year}`, row);
    // Fuzzy candidates for the whole batch in one query, indexed by blocking key. A record with a
    // USCC is matched by its USCC or exact name only: fuzzy matching is for records without one.
    const unmatched = keyed.filter(({ idx, record }) => !record.uscc && !byName.has(idx));
    const candidatesByKey = new Map<string, FuzzyCandidate[]>();
    const wanted = [...new Set(unmatched.flatMap(({ keys }) => keys.matchKeys))];
    for (const candidate of await findFuzzyCandidates(this.tx, wanted, CANDIDATES_PER_KEY)) {
      const list = candidatesByKey.get(candidate.key);
      if (list) list.push(candidate);
      else candidatesByKey.set(candidate.key, [candidate]);
    }
    let inserts: Keyed[] = [];
    const pendingKeys = new Set<string>();
    // The records this batch inserts, by fuzzy key: a look-alike later in the batch finds them as
    // it would in the registry had a batch ended between the two rows (batches adapt their size
    // to time, so where one ends must not change what matches what).
    const batchCandidates = new Map<string, Keyed[]>();
    const anyFuzzy = keyed.some(({ record }) => !record.uscc);
    const candidatesFor = (matchKeys: readonly string[]) =>
      matchKeys.flatMap((key) => {
        const fromRegistry = candidatesByKey.get(key) ?? [];
        const fromBatch = batchCandidates.get(key);
        if (!fromBatch) return fromRegistry;
        const room = CANDIDATES_PER_KEY - fromRegistry.length;
        return [
          ...fromRegistry,
          ...fromBatch.slice(0, room).map((other) => batchCandidate(other, key)),
        ];
      });
    for (const item of keyed) {
      const { idx, record, keys } = item;
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
      if (record.uscc) match = this.seenUscc.get(record.uscc) ?? byUscc.get(idx)?.[0];
      if (!match) {
        how = 'name';
        // The same name first, then a record as unregistered as the row, then any other.
        const sameKey =
          byName.get(idx)?.filter((e) => sameCity(e) && (!e.uscc || !record.uscc)) ?? [];
        const seen = this.seenName.get(nameKeyInCity);
        match =
          (seen && sameBranch(seen.name, record.name) ? seen : undefined) ??
          sameKey.find((e) => e.name === record.name) ??
          sameKey.find((e) => !e.uscc) ??
          sameKey[0];
      }
      let possible: PossibleDuplicate | null = null;
      if (!match && !record.uscc) {
        how = 'fuzzy';
        const candidates = new Map(candidatesFor(keys.matchKeys).map((c) => [c.id, c]));
        const best = bestFuzzyCandidate(record, candidates.values());
        // A record of this batch: written first if it is still pending, so that it has an id.
        let ofBatch: MatchableEnterprise | undefined;
        if (best && best.score >= MATCH_THRESHOLDS.review && best.other.id < 0) {
          const batchIdx = -best.other.id - 1;
          if (!this.insertedByIdx.has(batchIdx)) {
            await this.insert(inserts);
            inserts = [];
            pendingKeys.clear();
          }
          ofBatch = this.insertedByIdx.get(batchIdx);
          if (ofBatch) best.other = { ...best.other, id: ofBatch.id };
        }
        if (best && decideMatch(best.score) === 'match') {
          match =
            ofBatch ??
            loaded.get(best.other.id) ??
            (await findEnterprisesByIds(this.tx, [best.other.id]))[0];
          if (match) loaded.set(match.id, match);
        } else if (best && best.score >= MATCH_THRESHOLDS.review) {
          possible = best;
        }
      }
      const action = match
        ? importMatchAction({
            how,
            recordUscc: record.uscc,
            existingUscc: match.uscc,
            sameName: match.name === record.name,
          })
        : null;
      if (match && action === 'queue') {
        // A row without USCC never rewrites a registered enterprise: it stands on its own and
        // the pair waits for an analyst.
        possible = {
          other: { ...match, key: keys.nameKey },
          score: how === 'name' ? 1 : scoreMatch(record, match).score,
          reasons: [
            ...(how === 'name'
              ? [matchReasonPhrase('SAME_NAME')]
              : scoreMatch(record, match).reasons),
            matchReasonPhrase('ROW_WITHOUT_USCC'),
          ],
        };
        match = undefined;
      }
      if (match) {
        await this.update(match, record, how, action === 'fill');
      } else {
        inserts.push(item);
        if (record.uscc) pendingKeys.add(record.uscc);
        pendingKeys.add(nameKeyInCity);
        // Only rows without a USCC are matched fuzzily: none in the batch, nothing to keep.
        if (anyFuzzy) {
          for (const key of keys.matchKeys) {
            const list = batchCandidates.get(key);
            if (list) list.push(item);
            else batchCandidates.set(key, [item]);
          }
        }
        if (possible) this.pendingDuplicates.set(record, possible);
      }
    }
    await this.insert(inserts);
    await this.flushChanges();
    this.seenUscc.clear();
    this.seenName.clear();
    this.insertedByIdx.clear();
    this.years.clear();
    const touched = [...this.touched.values()];
    const precomputed: PrecomputedResults = new Map(this.precomputed);
    const fresh = new Set(this.inserted);
    this.touched.clear();
    this.precomputed.clear();
    this.inserted.clear();
    // Every chain's placements for the batch in one set-based write (new records' by COPY).
    await classifyBatchOnChains(this.tx, this.chains, touched, null, precomputed, fresh);
  }

  private readonly pendingDuplicates = new Map<EnterpriseRecord, PossibleDuplicate>();
  /** The records this batch inserted, by their place in the batch. */
  private readonly insertedByIdx = new Map<number, MatchableEnterprise>();
  /**
   * Yearly figures as this batch sees them, by `id|year` (null: none): read for the matched
   * records at once, and kept current as rows change them, so that a later row of the batch
   * sees what an earlier one wrote before anything is written.
   */
  private readonly years = new Map<string, EnterpriseYearRow | null>();
  /** What the batch changed, written by a few set-based statements at its end. */
  private readonly changedRecords = new Map<number, MatchableEnterprise>();
  private readonly changedYears = new Map<string, EnterpriseYearRow>();
  private changedHistory: Parameters<typeof insertYearHistory>[1] = [];

  /** Writes what the batch changed in matched records: fields, yearly figures, figure history. */
  private async flushChanges(): Promise<void> {
    await updateEnterprisesInBulk(this.tx, [...this.changedRecords.values()], new Date());
    await upsertEnterpriseYears(this.tx, [...this.changedYears.values()]);
    for (let start = 0; start < this.changedHistory.length; start += 1_000)
      await insertYearHistory(this.tx, this.changedHistory.slice(start, start + 1_000));
    this.changedRecords.clear();
    this.changedYears.clear();
    this.changedHistory = [];
  }
  /** When this batch was written: the time its provenance entries carry. */
  private at = '';

  private async insert(items: Keyed[]): Promise<void> {
    if (items.length === 0) return;
    // Rows, keys and figures are in the staging table already: two statements insert them all.
    const ids = await insertStagedEnterprises(
      this.tx,
      items.map(({ idx }) => idx),
      this.source,
    );
    const at = this.at;
    for (const [index, { idx, record, keys }] of items.entries()) {
      const id = ids[index] ?? 0;
      this.counts.inserted++;
      this.inserted.add(id);
      const stored: MatchableEnterprise = {
        id,
        ...recordFields(record),
        nameKey: keys.nameKey,
        matchKeys: keys.matchKeys,
        products: record.products ?? [],
        tags: record.tags ?? [],
        aliases: [],
        source: this.source,
        provenance: [insertProvenance(record, this.source, this.importId, at)],
      };
      this.remember(stored);
      this.insertedByIdx.set(idx, stored);
      this.touch(stored, record);
      const possible = this.pendingDuplicates.get(record);
      if (possible && this.counts.possibleDuplicates >= this.duplicateCap) {
        this.duplicatesOverCap++;
      } else if (possible) {
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

  /**
   * Writes a row into the record it matched. The row is the more recent source: its values win,
   * and the figures it replaces go to the figure history. With `fillOnly` (a row without USCC
   * for a registered record of the same name) it fills empty fields and figures only; its other
   * figures go to the history, not into the analysis. A name that changes stays as an alias.
   */
  private async update(
    existing: MatchableEnterprise,
    record: PreparedRecord,
    how: 'uscc' | 'name' | 'fuzzy',
    fillOnly: boolean,
  ): Promise<void> {
    const incoming = recordFields(record);
    const change: Change = {};
    for (const [field, value] of Object.entries(incoming)) {
      // An empty cell says nothing: it never erases what the registry knows.
      if (value === null || value === undefined) continue;
      const current = existing[field as keyof MatchableEnterprise];
      if (current === value) continue;
      if (fillOnly && current !== null) continue;
      // Only a registered source renames a record; a look-alike name becomes an alias.
      if (field === 'name' && how !== 'uscc') continue;
      change[field] = value;
    }
    const aliases = mergedAliases(
      (change.name as string | undefined) ?? existing.name,
      existing.aliases,
      existing.name,
      record.name,
    );
    if (aliases.join('|') !== existing.aliases.join('|')) change.aliases = aliases;
    if (
      record.products &&
      record.products.join('；') !== existing.products.join('；') &&
      (!fillOnly || existing.products.length === 0)
    ) {
      change.products = record.products;
    }
    const tags = [...new Set([...existing.tags, ...(record.tags ?? [])])];
    if (tags.length !== existing.tags.length) change.tags = tags;
    const yearChanged = record.figures
      ? await this.writeFigures(existing, record, record.figures, {
          incomingWins: !fillOnly,
          movedTo: typeof change.regionCode === 'string' ? change.regionCode : undefined,
        })
      : false;
    const fieldsChanged = Object.keys(change).length > 0;
    // Figures say where they came from too: the history names the import that wrote a year.
    if (fieldsChanged || yearChanged) {
      const provenance = [
        ...(existing.provenance as unknown[]),
        {
          source: this.source,
          importId: this.importId,
          at: new Date().toISOString(),
          row: record.row,
          action: how === 'uscc' ? 'update' : 'merge',
          fields: Object.keys(change),
          ...(yearChanged && record.figures ? { years: [record.figures.year] } : {}),
        },
      ].slice(-20);
      if (change.name || change.nameEn || change.address || change.uscc)
        Object.assign(change, enterpriseKeys({ ...existing, ...change }));
      Object.assign(existing, change, { provenance });
      this.changedRecords.set(existing.id, existing);
    }
    if (fieldsChanged || yearChanged) {
      this.touch(existing, record);
      if (how === 'uscc') this.counts.updated++;
      else this.counts.merged++;
    } else {
      this.counts.unchanged++;
    }
    this.remember(existing);
  }

  /**
   * Writes a row's figures for its year: the row wins (`incomingWins`) or only fills; whatever
   * does not feed the analysis any more (or never did) is kept in the figure history with its
   * source. Returns whether the year's figures changed. A new year's row carries `movedTo`, the
   * region the row moves the firm to, if any (earlier years follow in updateEnterprisesInBulk).
   */
  private async writeFigures(
    existing: MatchableEnterprise,
    record: EnterpriseRecord,
    figures: NonNullable<EnterpriseRecord['figures']>,
    { incomingWins, movedTo }: { incomingWins: boolean; movedTo: string | undefined },
  ): Promise<boolean> {
    const key = `${existing.id}|${figures.year}`;
    const known = this.years.get(key);
    const current =
      known !== undefined ? known : await findEnterpriseYear(this.tx, existing.id, figures.year);
    const { set, overridden } = importYearFigures(current, figures, incomingWins);
    if (overridden.length > 0) {
      const before = figureSourceOf(existing.provenance, existing.source, figures.year);
      const at = new Date();
      this.changedHistory.push(
        ...overridden.map((figure) => {
          // The record's own figure that a newer row replaced, or the row's figure not applied.
          const own = figure.from === 'kept';
          return {
            enterpriseId: existing.id,
            year: figure.year,
            measure: figure.measure,
            value: figure.value,
            keptValue: figure.keptValue,
            reason: own ? 'import_override' : 'import_unregistered',
            importId: own ? before.importId : this.importId,
            sourceName: own ? before.sourceName : this.source,
            row: own ? before.row : record.row,
            sourceAt: own ? before.at : at,
            recordedAt: at,
          };
        }),
      );
    }
    if (Object.keys(set).length === 0) return false;
    const row: EnterpriseYearRow = {
      ...(current ?? {
        enterpriseId: existing.id,
        regionCode: movedTo ?? existing.regionCode,
        year: figures.year,
        revenueYuan: null,
        outputYuan: null,
        taxYuan: null,
        rdSpendYuan: null,
        exportsYuan: null,
        employees: null,
      }),
      ...set,
    };
    this.years.set(key, row);
    this.changedYears.set(key, row);
    return true;
  }

  /** Marks a record for classification, with the row's precomputed results if they still apply. */
  private touch(stored: MatchableEnterprise, record: PreparedRecord): void {
    const row = classifiable(stored);
    this.touched.set(stored.id, row);
    const classified = record.prepared?.classified;
    if (classified && classified.length === this.chains.length && readsTheSame(row, record))
      this.precomputed.set(stored.id, classified);
    else this.precomputed.delete(stored.id);
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

/**
 * A record of the batch as a fuzzy-match candidate. Its id is a placeholder, -(its place in the
 * batch + 1), until it is written: registry ids are positive.
 */
function batchCandidate({ idx, record }: Keyed, key: string): FuzzyCandidate {
  const { name, nameEn, address, regionCode, uscc } = record;
  return {
    id: -(idx + 1),
    name,
    nameEn: nameEn ?? null,
    address: address ?? null,
    regionCode,
    uscc: uscc ?? null,
    key,
  };
}

/**
 * The candidate most likely to be the same enterprise as `record`, with its score and reasons
 * (worked out for that one only: a row may have hundreds of candidates).
 */
function bestFuzzyCandidate(record: EnterpriseRecord, candidates: Iterable<FuzzyCandidate>) {
  let best: FuzzyCandidate | null = null;
  let bestScore = -1;
  for (const other of candidates) {
    const score = matchScore(record, other);
    if (score > bestScore) {
      best = other;
      bestScore = score;
    }
  }
  return best ? { other: best, ...scoreMatch(record, best) } : null;
}

/** Whether the classifier reads the same text in a written record as in the row. */
function readsTheSame(row: ClassifiableRow, record: EnterpriseRecord): boolean {
  const products = record.products ?? [];
  return (
    row.name === record.name &&
    row.nameEn === record.nameEn &&
    row.businessScope === record.businessScope &&
    row.industryCode === record.industryCode &&
    row.products.length === products.length &&
    row.products.every((product, index) => product === products[index])
  );
}

function classifiable(stored: MatchableEnterprise): ClassifiableRow {
  const { id, regionCode, name, nameEn, businessScope, products, industryCode } = stored;
  return { id, regionCode, name, nameEn, businessScope, products, industryCode };
}

/** The provenance entry of an inserted record: the import, the row, and the year its figures are for. */
function insertProvenance(record: EnterpriseRecord, source: string, importId: number, at: string) {
  return {
    source,
    importId,
    at,
    row: record.row,
    action: 'insert',
    ...(record.figures ? { years: [record.figures.year] } : {}),
  };
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
