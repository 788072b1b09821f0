import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../utils/Locale.ts';
import { LocaleContext, type LocaleContextValue } from '../utils/LocaleContext.ts';
import { messageText } from '../utils/messageCatalogue.ts';
import type { MessageKey } from '../utils/messagesZh.ts';
import { storedLocale } from '../utils/storedLocale.ts';

const THEME = { token: { colorPrimary: '#1668dc', borderRadius: 6 } };

/** Provides the language (remembered in this browser) to the app and to Ant Design. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => storedLocale.read());

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storedLocale.write(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<LocaleContextValue>(() => {
    const t = (key: MessageKey, values?: Record<string, string | number>) => {
      const text = messageText(locale, key);
      if (text === undefined) {
        // An area's text asked for outside its pages (or before they loaded): say so loudly (the
        // browser tests fail on console errors) and show the key rather than nothing.
        console.error(`No text for "${key}" (${locale}): is its area loaded with this page?`);
        return key;
      }
      return values
        ? text.replace(/\{(\w+)\}/g, (all, name: string) => String(values[name] ?? all))
        : text;
    };
    return { locale, setLocale, t };
  }, [locale, setLocale]);

  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}
