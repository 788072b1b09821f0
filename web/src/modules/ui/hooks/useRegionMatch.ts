import type { RegionMatch } from '@shared/api/regions.ts';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import type { Locale } from '../../i18n/utils/Locale.ts';
import { regionPathText } from '@shared/region-path.ts';

/** A region found by its code, with its path and English name (undefined until it is known). */
export function useRegionMatch(code: string | null | undefined): RegionMatch | undefined {
  const found = useApiQuery(
    code ? apiGet('/regions/search', { params: { query: { q: code, limit: 1 } } }) : null,
  );
  return found.data?.items.find((r) => r.code === code);
}

/** 江苏省·无锡市·新吴区; in English, the region's own English name after the Chinese path. */
export function regionMatchLabel(match: RegionMatch, locale: Locale): string {
  const path = regionPathText(match.path);
  return locale === 'en' ? `${path} (${match.nameEn})` : path;
}
