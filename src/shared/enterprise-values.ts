// Plain values of the enterprise contract, without zod, so the web app can import them cheaply.

/** The decisions a classification can carry. */
export const DECISIONS = ['confirmed', 'uncertain', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Tags the registry knows; imports may add others. */
export const KNOWN_TAGS = [
  'chain_master',
  'listed',
  'high_tech',
  'specialized_new',
  'foreign_invested',
  'illustrative',
] as const;

/** What the enterprise list can be sorted by. */
export const ENTERPRISE_SORTS = ['name', 'foundedOn', 'latestOutput', 'region'] as const;
export type EnterpriseSort = (typeof ENTERPRISE_SORTS)[number];
