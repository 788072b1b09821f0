import type { ApiQueryOf } from '../../api/utils/apiClient.ts';
import type { EnterpriseListState } from './EnterpriseListState.ts';

type ListQuery = ApiQueryOf<'/enterprises'>;

/**
 * The API query of the list's filter alone (for the export) or with page and order. With the chain
 * in view, each firm's node is its node on that chain, and `onChain` keeps only that chain's firms.
 */
export function enterpriseFilterQuery(
  state: EnterpriseListState,
  withPage: boolean,
  chainCode?: string,
): ListQuery {
  const query: ListQuery = {};
  if (chainCode) {
    query.nodeChain = chainCode;
    if (state.onChain) query.chain = chainCode;
  }
  // Empty text means no filter: the address and the API leave it out.
  if (state.q) query.q = state.q;
  if (state.region) query.region = state.region;
  if (state.node) query.node = state.node;
  if (state.decision) query.decision = state.decision;
  if (state.park !== undefined) query.park = state.park;
  if (state.tag) query.tag = state.tag;
  if (withPage) {
    query.page = state.page;
    query.pageSize = state.pageSize;
    query.sort = state.sort;
    query.order = state.order;
  }
  return query;
}

/** The same query as URL search parameters, for the page's own address. */
export function enterpriseFilterSearch(state: EnterpriseListState): URLSearchParams {
  const entries = Object.entries(enterpriseFilterQuery(state, true));
  const search = new URLSearchParams(entries.map(([key, value]) => [key, String(value)]));
  if (state.onChain) search.set('onChain', '1');
  return search;
}
