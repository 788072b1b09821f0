import type { DbOrTx } from '../../db/connection.ts';
import { insertRegionStatsFromRegistry } from '../../db/region-stat.repository.ts';

/** The scheme of statistics derived from the registry's GB/T 4754-2017 class codes. */
export const DEMO_STATS_SCHEME = 'gbt4754';

/**
 * GB/T 4754-2017 divisions typed traded, after the US Cluster Mapping's split: traded industries
 * sell beyond their region and concentrate in a few places, local ones serve local demand and
 * follow population. Agriculture, mining and manufacturing (01–43), wholesale (51), telecoms,
 * internet and software (63–65), and research and technical services (73–74: R&D, testing) are
 * traded; utilities, construction, retail, transport, health care and the other services local.
 */
export const TRADED_DIVISIONS: readonly string[] = [
  ...Array.from({ length: 43 }, (_, i) => String(i + 1).padStart(2, '0')),
  '51',
  '63',
  '64',
  '65',
  '73',
  '74',
];

/**
 * Derives the demo's regional statistics from the demo registry (in `industryCodes` when given), so
 * that they agree with it: per
 * city × 4-digit industry × year, employees, enterprises (as establishments) and output (revenue
 * where no output is recorded), scheme gbt4754, typed by TRADED_DIVISIONS. One SQL statement;
 * returns the rows written. Demo figures cover the registry's industries only, so the "total"
 * denominator is the registry's total, not a city's whole economy.
 */
export async function loadDemoStatistics(
  db: DbOrTx,
  industryCodes?: readonly string[],
): Promise<number> {
  return insertRegionStatsFromRegistry(db, {
    scheme: DEMO_STATS_SCHEME,
    tradedDivisions: TRADED_DIVISIONS,
    demoOnly: true,
    industryCodes,
  });
}
