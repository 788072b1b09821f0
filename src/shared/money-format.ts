/** Yuan as a Chinese reader writes it: 12.3 亿元, 850 万元, 3,200 元. */
export function formatYuanZh(yuan: number): string {
  const abs = Math.abs(yuan);
  if (abs >= 1e8) return `${trim(yuan / 1e8)} 亿元`;
  if (abs >= 1e4) return `${trim(yuan / 1e4)} 万元`;
  return `${Math.round(yuan).toLocaleString('en')} 元`;
}

/** Yuan as an English reader writes it: 1.23 billion yuan, 8.5 million yuan. */
export function formatYuanEn(yuan: number): string {
  const abs = Math.abs(yuan);
  if (abs >= 1e9) return `${trim(yuan / 1e9)} billion yuan`;
  if (abs >= 1e6) return `${trim(yuan / 1e6)} million yuan`;
  return `${Math.round(yuan).toLocaleString('en')} yuan`;
}

/** A share as a percentage with one decimal: 0.182 → 18.2%. */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function trim(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return Number(value.toFixed(digits)).toLocaleString('en');
}
