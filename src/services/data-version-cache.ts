import {
  ANY_WRITE,
  DATA_VERSION_TABLES,
  readDataVersion,
  type DataVersionTable,
} from '../db/chain-analysis.repository.ts';
import type { Db } from '../db/connection.ts';

/** Results kept per database and kind; the oldest goes first when full. */
const DEFAULT_MAX_ENTRIES = 64;

interface Entry {
  version: string;
  value: Promise<unknown>;
}

/**
 * What each kind of result reads, so what moves its version. A kind not listed reads anything:
 * it follows every write.
 */
const READS: Record<string, readonly DataVersionTable[] | typeof ANY_WRITE> = {
  // Analyses (chain analysis, report, attract, road to target, comparison): every input table.
  analysis: DATA_VERSION_TABLES,
  // The national benchmark: the template's nodes and the registry's placements and figures.
  registry: ['chain_node', 'classification', 'enterprise', 'enterprise_year'],
  // A session's user: sessions and accounts, which are no analysis input.
  session: ANY_WRITE,
  // The region names and their pinyin, for region search.
  regions: ['region'],
};

/** Per database, one cache per kind of result (analyses, sessions), each with its own bound. */
const caches = new WeakMap<Db, Map<string, Map<string, Entry>>>();

function cacheFor(db: Db, kind: string): Map<string, Entry> {
  let kinds = caches.get(db);
  if (!kinds) {
    kinds = new Map();
    caches.set(db, kinds);
  }
  let cache = kinds.get(kind);
  if (!cache) {
    cache = new Map();
    kinds.set(kind, cache);
  }
  return cache;
}

/**
 * Runs `compute` once per data version: a result is reused only while the tables its kind reads
 * have not changed since it was computed (a committed write to one of them moves the version; see
 * READS), so it is never stale, and writes elsewhere (notifications, sessions, the audit log) do
 * not throw it away. Concurrent callers with the same key share one computation.
 */
export async function cachedPerDataVersion<T>(
  db: Db,
  key: string,
  compute: () => Promise<T>,
  {
    kind = 'analysis',
    maxEntries = DEFAULT_MAX_ENTRIES,
  }: { kind?: 'analysis' | 'registry' | 'session' | (string & {}); maxEntries?: number } = {},
): Promise<T> {
  const cache = cacheFor(db, kind);
  // Read before computing: a write that lands during the computation moves the version past
  // the one stored, so the next caller recomputes rather than trusting a mixed result.
  const version = await readDataVersion(db, READS[kind] ?? ANY_WRITE);
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = compute();
  const entry = { version, value };
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > maxEntries) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  void value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return value;
}
