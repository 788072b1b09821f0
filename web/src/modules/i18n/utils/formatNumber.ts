import type { Locale } from './Locale.ts';

/** A whole number with the language's grouping (12,345). */
export function formatNumber(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString(locale === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 0 });
}
