import type { StatusReason } from './chain-metrics.ts';

// 补链 from real demand: open needs of local enterprises that no local firm serves say where a
// node is missing, in the node's reasons and in the investment candidates' reasons for it.

/**
 * The reason a node carries when local enterprises have open needs on it that no local firm
 * serves, naming a few of the products; null when there are none.
 */
export function noLocalSupplierReason(
  needs: number,
  products: readonly string[],
): StatusReason | null {
  if (needs < 1) return null;
  // Product names are data, in the enterprises' words (Chinese): the English reason counts them.
  const named = [...new Set(products)].slice(0, 3);
  return {
    code: 'no_local_supplier',
    zh: `本地企业有 ${needs} 条需求无本地供应商（${named.join('、')}），可据此补链`,
    en: `${needs} local need${needs === 1 ? '' : 's'} with no local supplier: fill the link from real demand`,
  };
}
