// Plain values of the statistics contract, without zod, so the web app can import them cheaply.

/** The columns of `chainlead import stats`, in the order templates and exports write them. */
export const STAT_COLUMNS = [
  'region_code',
  'region_name',
  'scheme',
  'industry_code',
  'industry_name',
  'industry_type',
  'year',
  'employment',
  'establishments',
  'payroll',
  'output',
] as const;
export type StatColumn = (typeof STAT_COLUMNS)[number];

/** The columns every row must fill. */
export const REQUIRED_STAT_COLUMNS: readonly StatColumn[] = [
  'region_code',
  'scheme',
  'industry_code',
  'year',
];
