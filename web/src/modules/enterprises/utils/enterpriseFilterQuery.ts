import type { EnterpriseListState } from './EnterpriseListState.ts';

/** The API query string of the list's filter alone (for the export) or with page and order. */
export function enterpriseFilterQuery(state: EnterpriseListState, withPage: boolean): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(key, String(value));
  };
  set('q', state.q);
  set('region', state.region);
  set('node', state.node);
  set('decision', state.decision);
  set('park', state.park);
  set('tag', state.tag);
  if (withPage) {
    set('page', state.page);
    set('pageSize', state.pageSize);
    set('sort', state.sort);
    set('order', state.order);
  }
  return params.toString();
}
