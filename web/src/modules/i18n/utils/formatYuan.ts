import type { Locale } from './Locale.ts';

/** An amount of yuan the way each language reads it: 1.62 亿元 / 万元, or ¥1.62 bn / m. */
export function formatYuan(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  if (locale === 'en') {
    const abs = Math.abs(value);
    if (abs >= 1e9) return `¥${(value / 1e9).toFixed(2)} bn`;
    if (abs >= 1e6) return `¥${(value / 1e6).toFixed(1)} m`;
    return `¥${Math.round(value).toLocaleString('en')}`;
  }
  if (Math.abs(value) >= 1e8) return `${(value / 1e8).toFixed(2)} 亿元`;
  if (Math.abs(value) >= 1e4) return `${(value / 1e4).toFixed(0)} 万元`;
  return `${Math.round(value)} 元`;
}
