import type { FormatLang } from '@shared/format.ts';
import type { Locale } from '../../i18n/utils/Locale.ts';

/** The API's language code (zh, en) for the interface's locale. */
export function langOf(locale: Locale): FormatLang {
  return locale === 'en' ? 'en' : 'zh';
}
