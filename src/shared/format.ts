// The one set of formatters for the web app, the API's summaries, the briefing, the exports and
// the CLI, so a figure reads the same everywhere. No toLocaleString and no Intl: their output
// depends on the runtime's ICU data and the browser's locale (a US browser wrote 12/2/2026).
//
// Money, one rule per language, always one decimal above the smallest unit:
//   zh: ≥ 1 亿 → "2,500.0 亿元"; ≥ 1 万 → "850.0 万元"; below → "3,200 元"
//   en: ≥ 1 bn → "250.0 bn yuan"; ≥ 1 m → "8.5 m yuan"; below → "3,200 yuan"
// Dates and times show in Asia/Shanghai (UTC+8, no daylight saving since 1991), whatever the
// zone of the server or the browser: the data are Chinese regions' and a date must not change
// with the reader's laptop. zh: "2026-12-02 11:29"; en: "2 Dec 2026 11:29".

/** 'zh' and 'en'; the web's 'zh-CN' is accepted as Chinese. */
export type FormatLang = 'zh' | 'en';
type Lang = FormatLang | 'zh-CN';

const DASH = '—';
const isEn = (lang: Lang) => lang === 'en';
const missing = (value: number | null | undefined): value is null | undefined =>
  value === null || value === undefined || !Number.isFinite(value);

/** 1,234,567 with `digits` decimals (default none); "—" for null. Negative zero reads 0. */
export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (missing(value)) return DASH;
  const fixed = Math.abs(value).toFixed(digits);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

interface MoneyUnit {
  divisor: number;
  label: string;
}
const YI: MoneyUnit = { divisor: 1e8, label: '亿元' };
const WAN: MoneyUnit = { divisor: 1e4, label: '万元' };
const BN: MoneyUnit = { divisor: 1e9, label: 'bn yuan' };
const MN: MoneyUnit = { divisor: 1e6, label: 'm yuan' };

/** Money: "2,500.0 亿元" / "850.0 万元" / "3,200 元", or "250.0 bn yuan" / "8.5 m yuan"; "—" for null. */
export function formatYuan(value: number | null | undefined, lang: Lang, digits = 1): string {
  if (missing(value)) return DASH;
  const [big, small] = isEn(lang) ? [BN, MN] : [YI, WAN];
  const yuan = isEn(lang) ? 'yuan' : '元';
  const abs = Math.abs(value);
  // Choose the unit on the rounded figure: 99,999,999 元 reads "1.0 亿元", not "10,000.0 万元".
  const rounded = (unit: MoneyUnit) => Number((abs / unit.divisor).toFixed(digits));
  if (rounded(big) >= 1) return `${formatNumber(value / big.divisor, digits)} ${big.label}`;
  if (rounded(small) >= 1) return `${formatNumber(value / small.divisor, digits)} ${small.label}`;
  return `${formatNumber(value)} ${yuan}`;
}

/** The unit a money chart's axis uses so its smallest non-zero bar still shows (not a flat 0.00). */
export function moneyAxisUnit(
  values: readonly (number | null | undefined)[],
  lang: Lang,
): { divisor: number; label: string } {
  const present = values.filter((v): v is number => !missing(v) && v !== 0).map(Math.abs);
  const [big, small] = isEn(lang) ? [BN, MN] : [YI, WAN];
  // The big unit only when every bar is at least a tenth of it: 0.1 亿 still reads as a bar.
  const unit = present.length > 0 && Math.min(...present) >= big.divisor / 10 ? big : small;
  return { divisor: unit.divisor, label: unit.label };
}

/**
 * Money for a table column: one unit for all its cells (the axis rule of moneyAxisUnit), so rows
 * compare at a glance ("7.2 亿元" beside "3,000.0 万元" read as the same size).
 */
export function moneyColumnFormat(
  values: readonly (number | null | undefined)[],
  lang: Lang,
  digits = 1,
): (value: number | null | undefined) => string {
  const unit = moneyAxisUnit(values, lang);
  return (value) =>
    missing(value) ? DASH : `${formatNumber(value / unit.divisor, digits)} ${unit.label}`;
}

/** A share or rate as a percentage: 0.2011 → "20.1%"; `signed` writes "+" before gains. */
export function formatPercent(
  value: number | null | undefined,
  digits = 1,
  signed = false,
): string {
  if (missing(value)) return DASH;
  const text = `${formatNumber(value * 100, digits)}%`;
  return signed && Number((value * 100).toFixed(digits)) > 0 ? `+${text}` : text;
}

/** A small share (of a national total) with two decimals: 0.0014 → "0.14%". */
export function formatShare(value: number | null | undefined): string {
  return formatPercent(value, 2);
}

/** A ratio such as a location quotient: two decimals; "—" for null. */
export function formatRatio(value: number | null | undefined, digits = 2): string {
  return formatNumber(value, digits);
}

/** An area: "1,200 m²". */
export function formatArea(m2: number | null | undefined): string {
  return missing(m2) ? DASH : `${formatNumber(m2)} m²`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The wall clock in Asia/Shanghai of an instant, or null when it is not a date. */
function shanghaiParts(value: string | number | Date) {
  const ms = value instanceof Date ? value.getTime() : new Date(value).getTime();
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

function dayText(year: number, month: number, day: number, lang: Lang): string {
  return isEn(lang)
    ? `${day} ${MONTHS[month - 1] ?? ''} ${year}`
    : `${year}-${pad(month)}-${pad(day)}`;
}

/** A calendar date: "2026-12-02" / "2 Dec 2026". A bare YYYY-MM-DD is taken as is, an instant in Shanghai. */
export function formatDate(value: string | number | Date | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return DASH;
  const bare = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (bare) return dayText(Number(bare[1]), Number(bare[2]), Number(bare[3]), lang);
  const p = shanghaiParts(value);
  return p ? dayText(p.year, p.month, p.day, lang) : DASH;
}

/** An instant in Asia/Shanghai: "2026-12-02 11:29" / "2 Dec 2026 11:29". */
export function formatDateTime(
  value: string | number | Date | null | undefined,
  lang: Lang,
): string {
  if (value === null || value === undefined || value === '') return DASH;
  const p = shanghaiParts(value);
  return p ? `${dayText(p.year, p.month, p.day, lang)} ${pad(p.hour)}:${pad(p.minute)}` : DASH;
}
