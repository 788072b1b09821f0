import type { Locale } from './Locale.ts';

/** The name in the interface's language from a `{ zh, en }` pair. */
export function localName(name: { zh: string; en: string }, locale: Locale): string {
  return locale === 'en' ? name.en : name.zh;
}

/** A stored name with an optional English one (parks): the English in English when there is one. */
export function nameIn(name: string, nameEn: string | null | undefined, locale: Locale): string {
  return locale === 'en' && nameEn ? nameEn : name;
}
