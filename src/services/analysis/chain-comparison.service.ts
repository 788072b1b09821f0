import { AppError } from '../../domain/app-error.ts';
import { completeness } from '../../domain/chain-metrics.ts';
import { listRegionalNodeFigures } from '../../db/chain-analysis.repository.ts';
import type { Db } from '../../db/connection.ts';
import type { ChainComparison } from '../../shared/api/analysis.ts';
import { buildNodeAnalyses, countStatuses, nationalBenchmark } from './chain-analysis.service.ts';
import { loadChainContext, requireRegion, resolveFigureYear } from '../lookup/lookup.service.ts';

/** More regions than this make a table no one reads; compare in groups instead. */
export const MAX_COMPARED_REGIONS = 12;

/**
 * Two or more regions side by side on one chain, node by node: enterprises, output, share,
 * location quotient, HHI and status with reasons, against the same national benchmark.
 * Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND, VALIDATION_FAILED.
 */
export async function compareRegions(
  db: Db,
  input: { chainCode: string; regionCodes: readonly string[]; year?: number | undefined },
): Promise<ChainComparison> {
  const codes = [...new Set(input.regionCodes)];
  if (codes.length < 2 || codes.length > MAX_COMPARED_REGIONS) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Compare 2 to ${MAX_COMPARED_REGIONS} different regions, e.g. 3202,3205; got ${codes.length}.`,
      { field: 'regions' },
    );
  }
  const [scope, regions, year] = await Promise.all([
    loadChainContext(db, input.chainCode),
    Promise.all(codes.map((code) => requireRegion(db, code))),
    resolveFigureYear(db, input.year),
  ]);
  const nodeIds = scope.nodes.map((n) => n.id);
  const [national, regional] = await Promise.all([
    nationalBenchmark(db, { nodeIds, year }),
    listRegionalNodeFigures(db, { nodeIds, regionCodes: codes, year }),
  ]);
  const byRegion = regions.map((region) => {
    const nodes = buildNodeAnalyses({
      context: scope,
      year,
      national,
      regional: regional.filter((r) => r.regionCode === region.code),
    });
    return { region, nodes };
  });
  return {
    chain: { code: scope.chain.code, name: { zh: scope.chain.nameZh, en: scope.chain.nameEn } },
    year,
    regions: byRegion.map(({ region, nodes }) => ({
      code: region.code,
      name: region.name,
      enterprises: nodes.reduce((sum, n) => sum + n.enterprises, 0),
      outputYuan: nodes.reduce((sum, n) => sum + (n.outputYuan ?? 0), 0),
      completeness: completeness(nodes).weighted,
      statusCounts: countStatuses(nodes),
    })),
    nodes: scope.nodes.map((node, index) => {
      const first = byRegion[0]?.nodes[index];
      return {
        code: node.code,
        stageCode: first?.stageCode ?? '',
        name: { zh: node.nameZh, en: node.nameEn },
        cells: byRegion.map(({ region, nodes }) => {
          const n = nodes[index];
          return {
            regionCode: region.code,
            enterprises: n?.enterprises ?? 0,
            outputYuan: n?.outputYuan ?? null,
            share: n?.share ?? null,
            lq: n?.lq ?? null,
            hhi: n?.hhi ?? null,
            status: n?.status ?? 'missing',
            reasons: n?.reasons ?? [],
          };
        }),
      };
    }),
  };
}
