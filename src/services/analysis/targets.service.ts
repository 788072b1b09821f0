import { AppError } from '../../domain/app-error.ts';
import {
  targetOutlook,
  type Bilingual,
  type TargetOutlook,
  type YearValue,
} from '../../domain/chain-metrics.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import type { Db } from '../../db/connection.ts';
import {
  findTarget,
  listTargets,
  upsertTarget,
  type TargetRow,
  type TargetWithNode,
} from '../../db/target.repository.ts';
import type { TargetProgress, TargetView } from '../../shared/api/analysis.ts';
import { formatPercent, formatYuan } from '../../shared/format.ts';
import {
  loadChainContext,
  requireChain,
  requireNode,
  requirePlanYear,
  requireRegion,
} from '../lookup/lookup.service.ts';

/** Targets the analysis understands; the table allows more metrics later. */
export const TARGET_METRICS = ['output'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

function presentTarget(row: TargetRow, chainCode: string, nodeCode: string | null): TargetView {
  return {
    id: row.id,
    chainCode,
    regionCode: row.regionCode,
    nodeCode,
    metric: row.metric,
    year: row.year,
    valueYuan: row.value,
    demo: row.isDemo,
  };
}

/**
 * Sets a chain's (or one node's) target for a region and year, replacing an earlier value, and
 * records it in the audit log. Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND, VALIDATION_FAILED.
 */
export async function setTarget(
  db: Db,
  actor: Actor,
  input: {
    chainCode: string;
    regionCode: string;
    year: number;
    valueYuan: number;
    nodeCode?: string | null | undefined;
    metric?: string | undefined;
  },
): Promise<TargetView> {
  const metric = input.metric ?? 'output';
  if (!(TARGET_METRICS as readonly string[]).includes(metric)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Target metric "${metric}" is not supported; use one of: ${TARGET_METRICS.join(', ')}.`,
      { field: 'metric' },
    );
  }
  if (!Number.isFinite(input.valueYuan) || input.valueYuan <= 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `A target value must be a positive amount of yuan (e.g. 250e9), not ${input.valueYuan}.`,
      { field: 'value' },
    );
  }
  requirePlanYear(input.year);
  const [context] = await Promise.all([
    loadChainContext(db, input.chainCode),
    requireRegion(db, input.regionCode),
  ]);
  const chainRow = context.chain;
  const nodeId = input.nodeCode ? requireNode(context, input.nodeCode).id : null;
  const key = {
    chainId: chainRow.id,
    regionCode: input.regionCode,
    metric,
    year: input.year,
    nodeId,
  };
  return db.transaction(async (tx) => {
    const before = await findTarget(tx, key);
    const saved = await upsertTarget(tx, { ...key, value: input.valueYuan });
    const view = presentTarget(saved, chainRow.code, input.nodeCode ?? null);
    await recordAudit(tx, actor, {
      action: 'target.set',
      entityType: 'target',
      entityId: saved.id,
      before: before ? presentTarget(before, chainRow.code, input.nodeCode ?? null) : null,
      after: view,
    });
    return view;
  });
}

/**
 * A chain's targets for a region, or in every region when none is named (how a cockpit finds the
 * region a chain is steered in). Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND.
 */
export async function listTargetViews(
  db: Db,
  input: { chainCode: string; regionCode?: string | undefined },
): Promise<{ items: TargetView[]; total: number }> {
  const chainRow = await requireChain(db, input.chainCode);
  if (input.regionCode !== undefined) await requireRegion(db, input.regionCode);
  const rows = await listTargets(db, { chainId: chainRow.id, regionCode: input.regionCode });
  const items = rows.map((row) => presentTarget(row, chainRow.code, row.nodeCode));
  return { items, total: items.length };
}

/**
 * Each target's progress against the series up to the analysis year: the growth it needs, where
 * the recent trend leads and the gap, with a one-sentence summary in zh and en.
 */
export function targetProgress(
  rows: readonly TargetWithNode[],
  input: {
    chainName: Bilingual;
    nodeNames: ReadonlyMap<string, Bilingual>;
    seriesOf: (nodeCode: string | null) => YearValue[];
  },
): TargetProgress[] {
  return rows
    .filter((row) => row.metric === 'output')
    .map((row) => {
      const name = row.nodeCode
        ? (input.nodeNames.get(row.nodeCode) ?? { zh: row.nodeCode, en: row.nodeCode })
        : input.chainName;
      const outlook = targetOutlook(input.seriesOf(row.nodeCode), {
        year: row.year,
        value: row.value,
      });
      return {
        id: row.id,
        nodeCode: row.nodeCode,
        name,
        metric: row.metric,
        year: row.year,
        valueYuan: row.value,
        demo: row.isDemo,
        state: outlook.state,
        actualYear: outlook.actual?.year ?? null,
        actualYuan: outlook.actual?.value ?? null,
        progress: outlook.progress,
        requiredGrowth: outlook.requiredGrowth,
        trendGrowth: outlook.trendGrowth,
        trendFromYear: outlook.trendFromYear,
        projectedYuan: outlook.projected,
        gapYuan: outlook.gap,
        gapShare: outlook.gapShare,
        summary: summarise(name, row, outlook),
      };
    });
}

function summarise(name: Bilingual, row: TargetRow, o: TargetOutlook): Bilingual {
  const target = { zh: formatYuan(row.value, 'zh'), en: formatYuan(row.value, 'en') };
  if (!o.actual || o.state === 'no_data') {
    return {
      zh: `${name.zh}：${row.year} 年目标 ${target.zh}；尚无可比较的产值数据。`,
      en: `${name.en}: ${row.year} target ${target.en}; no output figures to compare yet.`,
    };
  }
  const actual = o.actual;
  // The gap is target − latest actual (chain-metrics' targetOutlook), the same on every page.
  const gap = {
    zh: formatYuan(Math.max(0, o.gap ?? 0), 'zh'),
    en: formatYuan(Math.max(0, o.gap ?? 0), 'en'),
  };
  const head = {
    zh: `${name.zh}：${row.year} 年目标 ${target.zh}，${actual.year} 年实际 ${formatYuan(actual.value, 'zh')}，完成 ${formatPercent(o.progress)}，缺口 ${gap.zh}`,
    en: `${name.en}: ${row.year} target ${target.en}; ${actual.year} actual ${formatYuan(actual.value, 'en')}, ${formatPercent(o.progress)} of it, gap ${gap.en}`,
  };
  switch (o.state) {
    case 'achieved':
    case 'missed':
      return o.state === 'achieved'
        ? { zh: `${head.zh}，已达成。`, en: `${head.en}: achieved.` }
        : { zh: `${head.zh}，未达成。`, en: `${head.en}: missed.` };
    case 'on_track':
    case 'off_track': {
      const trend = {
        zh: `按 ${o.trendFromYear}–${actual.year} 年趋势（年均 ${formatPercent(o.trendGrowth)}）${row.year} 年约 ${formatYuan(o.projected, 'zh')}`,
        en: `the ${o.trendFromYear}–${actual.year} trend (${formatPercent(o.trendGrowth)} a year) leads to about ${formatYuan(o.projected, 'en')} in ${row.year}`,
      };
      const needs = {
        zh: `需年均增长 ${formatPercent(o.requiredGrowth)}`,
        en: `it needs ${formatPercent(o.requiredGrowth)} a year`,
      };
      return o.state === 'on_track'
        ? {
            zh: `${head.zh}；${needs.zh}，${trend.zh}，可以达成。`,
            en: `${head.en}; ${needs.en}, and ${trend.en}: on track.`,
          }
        : {
            zh: `${head.zh}；${needs.zh}，${trend.zh}，按趋势难以达成。`,
            en: `${head.en}; ${needs.en}, but ${trend.en}: off track.`,
          };
    }
  }
}
