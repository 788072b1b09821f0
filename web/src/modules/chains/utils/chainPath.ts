/** The chain a page looks at is the address's first part: `/chains/ic/map?region=3202`. */
export const CHAIN_PATH_PATTERN = '/chains/:chain/*';

/**
 * A chain page's address: `chainPagePath('ic', '/chain-map')` → `/chains/ic/map`. `page` is the
 * page's address without a chain (the app's older flat addresses: `/`, `/chain-map`, `/reports`,
 * `/analysis/lq` …), with its query if any.
 */
export function chainPagePath(chain: string, page: string): string {
  const base = `/chains/${encodeURIComponent(chain)}`;
  const [path = '', query] = splitQuery(page);
  const suffix =
    path === '/' || path === ''
      ? ''
      : path === '/chain-map' || path.startsWith('/chain-map/')
        ? `/map${path.slice('/chain-map'.length)}`
        : path;
  return `${base}${suffix}${query === undefined ? '' : `?${query}`}`;
}

/** The same page on another chain: `/chains/biomed/map` → `/chains/ic/map`; keeps only `region`. */
export function switchChainPath(pathname: string, search: string, chain: string): string {
  const match = /^\/chains\/[^/]+(\/.*)?$/.exec(pathname);
  const page = match ? (match[1] ?? '/') : '/';
  const region = new URLSearchParams(search).get('region');
  const query = region ? `?region=${encodeURIComponent(region)}` : '';
  // The filters of a page (a node, a tab's own) belong to the chain left: only the region carries.
  return chainPagePath(chain, `${page}${query}`);
}

function splitQuery(page: string): [string, string | undefined] {
  const at = page.indexOf('?');
  return at < 0 ? [page, undefined] : [page.slice(0, at), page.slice(at + 1)];
}
