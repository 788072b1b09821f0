import { readDataVersion } from '../db/chain-analysis.repository.ts';
import type { Db } from '../db/connection.ts';

/** Results kept per database and kind; the oldest goes first when full. */
const DEFAULT_MAX_ENTRIES = 64;

interface Entry {
  version: string;
  value: Promise<unknown>;
}

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
 * Runs `compute` once per data version: a result is reused only while the database has not
 * changed since it was computed (any committed write moves the version), so it is never stale.
 * Concurrent callers with the same key share one computation.
 */
export async function cachedPerDataVersion<T>(
  db: Db,
  key: string,
  compute: () => Promise<T>,
  {
    kind = 'analysis',
    maxEntries = DEFAULT_MAX_ENTRIES,
  }: { kind?: string; maxEntries?: number } = {},
): Promise<T> {
  const cache = cacheFor(db, kind);
  // Read before computing: a write that lands during the computation moves the version past
  // the one stored, so the next caller recomputes rather than trusting a mixed result.
  const version = await readDataVersion(db);
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
