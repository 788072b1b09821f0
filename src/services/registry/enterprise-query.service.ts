import { gbt4754Name } from '../../shared/industry/industry-names.ts';
import { regionPathText } from '../../shared/region-path.ts';
import { regionPaths, type RegionStep } from '../reference/region-paths.ts';
import { AppError } from '../../domain/app-error.ts';
import { requireChain } from '../lookup/lookup.service.ts';
import type { Db } from '../../db/connection.ts';
import {
  countEnterprises,
  findEnterpriseById,
  listEnterpriseYears,
  listEnterprises,
  type EnterpriseFilter,
  type EnterpriseRow,
} from '../../db/enterprise.repository.ts';
import { countsOnChain } from '../../domain/placement.ts';
import { listEnterpriseClassifications } from '../../db/classification.repository.ts';
import { listYearHistory, type YearHistoryRow } from '../../db/merge.repository.ts';
import type { FigureHistoryReason, FigureMeasure } from '../../shared/figure-history.ts';
import {
  DECISIONS,
  type EnterpriseClassification,
  type EvidenceView,
  type EnterpriseDetail,
  type EnterpriseFilterQuery,
  type EnterpriseQuery,
  type EnterpriseSummary,
  type FigureHistory,
} from '../../shared/api/enterprises.ts';

function asDecision(value: string): EnterpriseClassification['decision'] {
  return (DECISIONS as readonly string[]).includes(value)
    ? (value as EnterpriseClassification['decision'])
    : 'uncertain';
}

/** A region from its city down (无锡市·新吴区), from its path; null when the path is unknown. */
function placeOf(path: readonly RegionStep[] | undefined): string | null {
  if (!path || path.length === 0) return null;
  // A municipality's districts have no city step (上海市 is both): there the province names it.
  const hasCity = path.some((step) => step.code.length === 4);
  return regionPathText(
    path.filter((step) => !hasCity || step.code.length > 2).map((step) => step.name),
  );
}

function presentSummary(
  row: EnterpriseRow,
  regionName: string | null,
  place: string | null,
  latest: { year: number | null; output: number | null },
  primaryNode: EnterpriseSummary['primaryNode'],
  chains: readonly string[],
): EnterpriseSummary {
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    nameEn: row.nameEn,
    regionCode: row.regionCode,
    regionName,
    place,
    industryCode: row.industryCode,
    industryName: row.industryCode ? gbt4754Name(row.industryCode) : null,
    foundedOn: row.foundedOn,
    tags: row.tags,
    parkId: row.parkId,
    status: row.status,
    source: row.source,
    demo: row.isDemo,
    latestYear: latest.year,
    latestOutputYuan: latest.output,
    primaryNode,
    chains: [...chains],
  };
}

/** The repository's filter from the API's query parameters. */
export function enterpriseFilterOf(query: EnterpriseFilterQuery): EnterpriseFilter {
  return {
    regionCode: query.region,
    tag: query.tag,
    text: query.q,
    nodeCode: query.node,
    chainCode: query.chain,
    nodeChainCode: query.nodeChain,
    decision: query.decision,
    parkId: query.park,
  };
}

/** One page of the registry, filtered by region (prefix), tag, text, node, decision and park, sorted. */
export async function searchEnterprises(
  db: Db,
  query: Omit<EnterpriseQuery, 'sort' | 'order'> & Partial<Pick<EnterpriseQuery, 'sort' | 'order'>>,
): Promise<{ items: EnterpriseSummary[]; total: number }> {
  const filter = enterpriseFilterOf(query);
  // A chain that does not exist is a mistake, not an empty page (or, for nodeChain, a default).
  const chainsExist = Promise.all(
    (['chain', 'nodeChain'] as const).map((field) => {
      const code = query[field];
      return code === undefined ? Promise.resolve(null) : requireChain(db, code, field);
    }),
  );
  const [, rows, total] = await Promise.all([
    chainsExist,
    listEnterprises(
      db,
      filter,
      { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      { field: query.sort ?? 'name', direction: query.order ?? 'asc' },
    ),
    countEnterprises(db, filter),
  ]);
  const paths = await regionPaths(
    db,
    rows.map((row) => row.enterprise.regionCode),
  );
  return {
    items: rows.map((row) =>
      presentSummary(
        row.enterprise,
        row.regionName,
        placeOf(paths.get(row.enterprise.regionCode)),
        {
          year: row.latestYear === null ? null : Number(row.latestYear),
          output: row.latestOutput,
        },
        row.primaryNode
          ? { code: row.primaryNode.code, name: { zh: row.primaryNode.zh, en: row.primaryNode.en } }
          : null,
        row.chains,
      ),
    ),
    total,
  };
}

/** One enterprise with its yearly figures. Throws ENTERPRISE_NOT_FOUND. */
export async function getEnterprise(db: Db, id: number): Promise<EnterpriseDetail> {
  const found = await findEnterpriseById(db, id);
  if (!found) throw new AppError('ENTERPRISE_NOT_FOUND', `No enterprise has id ${id}.`, { id });
  const [years, classifications, history] = await Promise.all([
    listEnterpriseYears(db, id),
    listEnterpriseClassifications(db, id),
    listYearHistory(db, id),
  ]);
  const row = found.enterprise;
  const latest = years.at(-1);
  const paths = await regionPaths(db, [row.regionCode]);
  // One counted placement per chain; the summary names the one on the first chain loaded, as the
  // list does (`classifications` holds every chain's).
  const primary = classifications
    .filter((c) => countsOnChain(c.classification))
    .sort((a, b) => a.chainId - b.chainId)[0];
  return {
    ...presentSummary(
      row,
      found.regionName,
      placeOf(paths.get(row.regionCode)),
      { year: latest?.year ?? null, output: latest?.outputYuan ?? null },
      primary
        ? { code: primary.nodeCode, name: { zh: primary.nodeNameZh, en: primary.nodeNameEn } }
        : null,
      [
        ...new Set(
          classifications
            .filter((c) => countsOnChain(c.classification))
            .map((c) => c.nodeCode.split('.')[0] ?? ''),
        ),
      ].sort(),
    ),
    aliases: row.aliases,
    address: row.address,
    registeredCapitalYuan: row.registeredCapitalYuan,
    businessScope: row.businessScope,
    products: row.products,
    park:
      row.parkId !== null && found.parkName
        ? { id: row.parkId, name: found.parkName, nameEn: found.parkNameEn }
        : null,
    figuresIllustrative: row.tags.includes('illustrative'),
    years: years.map((y) => ({
      year: y.year,
      revenueYuan: y.revenueYuan,
      outputYuan: y.outputYuan,
      taxYuan: y.taxYuan,
      rdSpendYuan: y.rdSpendYuan,
      exportsYuan: y.exportsYuan,
      employees: y.employees,
    })),
    figureHistory: history.map(presentFigureHistory),
    classifications: classifications.map((c) => ({
      nodeCode: c.nodeCode,
      nodeName: { zh: c.nodeNameZh, en: c.nodeNameEn },
      score: c.classification.score,
      decision: asDecision(c.classification.decision),
      primary: countsOnChain(c.classification),
      method: c.classification.method === 'manual' ? 'manual' : 'rule',
      evidence: c.classification.evidence as EvidenceView[],
      decidedAt: c.classification.decidedAt.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function presentFigureHistory(row: YearHistoryRow): FigureHistory {
  return {
    year: row.year,
    measure: row.measure as FigureMeasure,
    value: row.value,
    keptValue: row.keptValue,
    reason: row.reason as FigureHistoryReason,
    source: {
      importId: row.importId,
      fileName: row.fileName,
      name: row.sourceName,
      row: row.row,
      at: row.sourceAt?.toISOString() ?? null,
    },
    mergedEnterprise:
      row.mergedEnterpriseId === null
        ? null
        : { id: row.mergedEnterpriseId, name: row.mergedEnterpriseName ?? '' },
    recordedAt: row.recordedAt.toISOString(),
  };
}
