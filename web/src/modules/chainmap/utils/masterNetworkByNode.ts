import type { ChainMasterNetwork } from '@shared/api/links.ts';

export interface NodeNetworkCounts {
  suppliersLocal: number;
  suppliersElsewhere: number;
  customersLocal: number;
  customersElsewhere: number;
  local: number;
  elsewhere: number;
}

/** A chain master's partners counted per chain node (partners on no node are left out). */
export function masterNetworkByNode(network: ChainMasterNetwork): Map<string, NodeNetworkCounts> {
  const counts = new Map<string, NodeNetworkCounts>();
  for (const row of network.byNode) {
    if (!row.node) continue;
    counts.set(row.node.code, {
      suppliersLocal: row.suppliersLocal,
      suppliersElsewhere: row.suppliersElsewhere,
      customersLocal: row.customersLocal,
      customersElsewhere: row.customersElsewhere,
      local: row.suppliersLocal + row.customersLocal,
      elsewhere: row.suppliersElsewhere + row.customersElsewhere,
    });
  }
  return counts;
}
