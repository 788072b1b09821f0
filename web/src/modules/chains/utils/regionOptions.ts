import type { Region } from '@shared/api/regions.ts';
import type { Locale } from '../../i18n/utils/Locale.ts';
import { nameIn } from '../../i18n/utils/localName.ts';

/**
 * A page's region choices: the province's cities by name in the reader's language (English:
 * Wuxi), with the region in view first when it is not one of them (a district, say).
 */
export function regionSelectOptions(
  cities: readonly Region[],
  current: { code: string; name: string } | undefined,
  locale: Locale,
): { value: string; label: string; search: string }[] {
  const list: { code: string; name: string; nameEn?: string }[] =
    current && !cities.some((c) => c.code === current.code) ? [current, ...cities] : [...cities];
  return list.map((c) => ({
    value: c.code,
    label: nameIn(c.name, c.nameEn, locale),
    // What typing finds it by (optionFilterProp="search"): 无锡, wuxi (its pinyin name) or 3202.
    search: `${c.name} ${c.nameEn ?? ''} ${c.code}`,
  }));
}
