import { blockingKeys, normalizeEnterpriseName } from '../../domain/entity-matching.ts';

/**
 * The matching keys stored with an enterprise, so later imports find it by name or fuzzily.
 * Fuzzy keys are scoped to the city (the first four digits of the region code): a record without
 * a USCC is matched within its region, and a key such as two characters of a trade name, shared
 * by thousands of enterprises nationally, stays selective within one city.
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
    matchKeys: blockingKeys(record).map((key) => (key.startsWith('u:') ? key : `${city}|${key}`)),
  };
}
