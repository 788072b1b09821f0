// Formatters shared by the API's summaries, the CLI, the briefing and the web app, so a figure
// reads the same everywhere: money in 亿元 in Chinese and billion yuan in English.

export type FormatLang = 'zh' | 'en';

/** 1,234,567 (grouped, no decimals beyond `digits`). */
export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** Money: "1,918.0 亿元" in Chinese, "191.8 bn yuan" in English; "—" for null. */
export function formatYuan(value: number | null, lang: FormatLang, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (lang === 'zh') {
    const yi = value / 1e8;
    return Math.abs(yi) >= 0.1 || value === 0
      ? `${formatNumber(yi, digits)} 亿元`
      : `${formatNumber(value / 1e4, digits)} 万元`;
  }
  const billions = value / 1e9;
  return Math.abs(billions) >= 0.1 || value === 0
    ? `${formatNumber(billions, digits)} bn yuan`
    : `${formatNumber(value / 1e6, digits)} m yuan`;
}

/** A share or rate as a percentage: 0.2011 → "20.1%"; "—" for null. */
export function formatPercent(value: number | null, digits = 1, signed = false): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const text = `${formatNumber(value * 100, digits)}%`;
  return signed && value > 0 ? `+${text}` : text;
}

/** A ratio such as a location quotient: 2 decimals; "—" for null. */
export function formatRatio(value: number | null, digits = 2): string {
  return value === null || !Number.isFinite(value) ? '—' : formatNumber(value, digits);
}
