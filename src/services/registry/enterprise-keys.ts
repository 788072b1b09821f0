import { blockingKeys, normalizeEnterpriseName } from '../../domain/entity-matching.ts';

/**
 * The matching keys stored with an enterprise, so later imports find it by name or fuzzily.
 * Fuzzy keys are scoped to the city (the first four digits of the region code): a record without
 * a USCC is matched within its region, and a key such as two characters of a trade name, shared
 * by thousands of enterprises nationally, stays selective within one city. The USCC is not among
 * them: a row with a USCC is matched by the USCC's own unique index and never fuzzily, and a row
 * without one has no USCC key to look up, so such a key would only grow the GIN index (a quarter
 * of its entries, each one unique). Records written before 2026-12-05 may still hold one; it is
 * never read.
 */
export function enterpriseKeys(record: {
  name: string;
  nameEn?: string | null;
  address?: string | null;
  regionCode: string;
  uscc?: string | null;
}): { nameKey: string; matchKeys: string[] } {
  const city = record.regionCode.slice(0, 4);
  return {
    nameKey: normalizeEnterpriseName(record.name),
    matchKeys: blockingKeys(record).flatMap((key) => (key.startsWith('u:') ? [] : [`${city}|${key}`])),
  };
}
