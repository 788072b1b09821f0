import { blockingKeys, normalizeEnterpriseName } from '../../domain/entity-matching.ts';

/** The matching keys stored with an enterprise, so later imports find it by name or fuzzily. */
export function enterpriseKeys(record: {
  name: string;
  nameEn?: string | null;
  address?: string | null;
  regionCode: string;
  uscc?: string | null;
}): { nameKey: string; matchKeys: string[] } {
  return { nameKey: normalizeEnterpriseName(record.name), matchKeys: blockingKeys(record) };
}
