// 本地配套率 (local supporting rate) of a chain master: the local share of its known supply links,
// by count and, where amounts are known, by amount (docs/ecology.md). Pure, so that the chain
// master view, the cockpit and the tests compute it one way.

export interface SupplyLinkFacts {
  /** The supplier sits in the chain master's city. */
  local: boolean;
  /** The yearly amount in yuan, when known. */
  amountYuan: number | null;
}

export interface LocalSupportingRate {
  /** Supply links counted (the chain master is the buyer). */
  total: number;
  local: number;
  /** local / total; null without any link. */
  byCount: number | null;
  /** Links with a known amount, and the amounts: all and local. */
  withAmount: number;
  amountYuan: number;
  localAmountYuan: number;
  /** localAmountYuan / amountYuan over the links with an amount; null without any. */
  byAmount: number | null;
}

/** The local supporting rate over a chain master's known supply links. */
export function localSupportingRate(links: readonly SupplyLinkFacts[]): LocalSupportingRate {
  const local = links.filter((l) => l.local).length;
  const priced = links.filter((l) => l.amountYuan !== null);
  const amountYuan = priced.reduce((sum, l) => sum + (l.amountYuan ?? 0), 0);
  const localAmountYuan = priced
    .filter((l) => l.local)
    .reduce((sum, l) => sum + (l.amountYuan ?? 0), 0);
  return {
    total: links.length,
    local,
    byCount: links.length === 0 ? null : local / links.length,
    withAmount: priced.length,
    amountYuan,
    localAmountYuan,
    byAmount: amountYuan > 0 ? localAmountYuan / amountYuan : null,
  };
}

/**
 * The chain masters' average local supporting rate: the plain mean of each master's rate, over the
 * masters with at least one known supply link (by amount: with a known amount).
 */
export function averageLocalSupportingRate(rates: readonly LocalSupportingRate[]): {
  masters: number;
  byCount: number | null;
  byAmount: number | null;
} {
  const mean = (values: number[]) =>
    values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  const byCount = rates.flatMap((r) => (r.byCount === null ? [] : [r.byCount]));
  const byAmount = rates.flatMap((r) => (r.byAmount === null ? [] : [r.byAmount]));
  return { masters: byCount.length, byCount: mean(byCount), byAmount: mean(byAmount) };
}
