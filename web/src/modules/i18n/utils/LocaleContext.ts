import { createContext } from 'react';
import type { Locale } from './Locale.ts';
import type { MessageKey } from './messagesZh.ts';

export interface LocaleContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** The message for `key` in the current language, with `{name}` placeholders filled. */
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
}

export const LocaleContext = createContext<LocaleContextValue | null>(null);
