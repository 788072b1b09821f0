import type { Locale } from './Locale.ts';

const KEY = 'chainlead.locale';

/** The language chosen last time in this browser (zh-CN at first), kept in localStorage. */
export const storedLocale = {
  read(): Locale {
    try {
      return window.localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
    } catch {
      return 'zh-CN';
    }
  },
  write(locale: Locale): void {
    try {
      window.localStorage.setItem(KEY, locale);
    } catch {
      // Private modes may refuse storage: the choice then lasts for this visit only.
    }
  },
};
