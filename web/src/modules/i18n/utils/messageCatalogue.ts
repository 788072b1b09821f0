import type { Locale } from './Locale.ts';
import { messagesEn } from './messagesEn.ts';
import { messagesZh } from './messagesZh.ts';

/** One area's texts in both languages, key for key (so switching the language needs no load). */
export interface MessageBundle {
  zh: Readonly<Record<string, string>>;
  en: Readonly<Record<string, string>>;
}

// The shell's texts load with the shell; a page area's join when its page's chunk loads, so the
// first page carries only its own texts (the cockpit's JavaScript budget, e2e/session-and-language).
const catalogue: Record<Locale, Record<string, string>> = {
  'zh-CN': { ...messagesZh },
  en: { ...messagesEn },
};

/** Adds an area's texts to the catalogue; adding the same bundle again changes nothing. */
export function registerMessages(bundle: MessageBundle): void {
  Object.assign(catalogue['zh-CN'], bundle.zh);
  Object.assign(catalogue.en, bundle.en);
}

/** The text for `key` in `locale`, or undefined when no loaded area has it. */
export function messageText(locale: Locale, key: string): string | undefined {
  return catalogue[locale][key];
}

/**
 * Loads a page's module together with its area's texts and registers them before the page
 * renders: `lazy(() => withMessages(ecologyMessages, import('…/ChainMastersPage.tsx')))`.
 */
export async function withMessages<T>(
  area: () => Promise<{ messages: MessageBundle }>,
  page: Promise<T>,
): Promise<T> {
  const [{ messages }, loaded] = await Promise.all([area(), page]);
  registerMessages(messages);
  return loaded;
}
