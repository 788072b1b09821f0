import type { Decision, EnterpriseSort } from '@shared/enterprise-values.ts';

/** What the enterprise list shows: its filter, page and order (kept in the address). */
export interface EnterpriseListState {
  q?: string | undefined;
  region?: string | undefined;
  node?: string | undefined;
  decision?: Decision | undefined;
  park?: number | undefined;
  tag?: string | undefined;
  /** Only the enterprises placed on the chain in view (else the whole registry). */
  onChain?: boolean | undefined;
  page: number;
  pageSize: number;
  sort: EnterpriseSort;
  order: 'asc' | 'desc';
}
