import type { ChainDetail, ChainNode } from '@shared/api/chains.ts';
import { useMemo } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useChainCode } from './useChainCode.ts';

export interface ChainView {
  chain: ChainDetail | undefined;
  /** Every node of the chain by code (stages included). */
  nodeByCode: Map<string, { code: string; name: ChainNode['name'] }>;
}

/**
 * The chain in view (see useChainCode) with its nodes, or the chain `chainCode` names (an
 * enterprise's placement on another chain than the one in view).
 */
export function useChain(chainCode?: string): ChainView {
  const inView = useChainCode();
  const code = chainCode ?? inView;
  const detail = useApiQuery(
    code ? apiGet('/chains/{code}', { params: { path: { code } } }) : null,
  );
  const chain = detail.data;
  const nodeByCode = useMemo(() => {
    const map = new Map<string, { code: string; name: ChainNode['name'] }>();
    for (const stage of chain?.stages ?? []) {
      map.set(stage.code, { code: stage.code, name: stage.name });
      for (const node of stage.nodes) map.set(node.code, node);
    }
    return map;
  }, [chain]);
  return { chain, nodeByCode };
}
