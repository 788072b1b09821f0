import type { Locale } from './Locale.ts';

/** The name in the interface's language from a `{ zh, en }` pair. */
export function localName(name: { zh: string; en: string }, locale: Locale): string {
  return locale === 'en' ? name.en : name.zh;
}
