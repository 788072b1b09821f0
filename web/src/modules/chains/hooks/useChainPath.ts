import { useCallback } from 'react';
import { chainPagePath } from '../utils/chainPath.ts';
import { useChainCode } from './useChainCode.ts';

/**
 * Links to chain pages on the chain in view: `chainPath('/chain-map')` → `/chains/ic/map`. Before
 * any chain is known the flat address is kept (it redirects once one is).
 */
export function useChainPath(): (page: string) => string {
  const code = useChainCode();
  return useCallback((page: string) => (code ? chainPagePath(code, page) : page), [code]);
}
