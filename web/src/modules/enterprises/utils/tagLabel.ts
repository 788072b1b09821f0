import { KNOWN_TAGS } from '@shared/enterprise-values.ts';
import type { LocaleContextValue } from '../../i18n/utils/LocaleContext.ts';

/** A known tag's label in the interface's language; an imported tag as it was written. */
export function tagLabel(tag: string, t: LocaleContextValue['t']): string {
  const known = KNOWN_TAGS.find((k) => k === tag);
  return known ? t(`tag.${known}`) : tag;
}
