import { PROJECT_STAGES, type ProjectStage, type ProjectStatus } from '../shared/api/projects.ts';
import type { StageProbabilities } from './project-pipeline.ts';

/**
 * The road to the target: recorded output, its baseline into the future, plus the pipeline's
 * expected output weighted by stage probability, against the target, by year and by node.
 * Pure arithmetic; the service gathers the figures.
 */

export type Baseline = 'trend' | 'flat';

export interface RoadProjectInput {
  id: number;
  name: string;
  nodeCode: string | null;
  stage: ProjectStage;
  status: ProjectStatus;
  expectedOutputYuan: number | null;
  outputStartYear: number | null;
}

export interface RoadInput {
  /** Recorded output by year, by node code. */
  actual: ReadonlyMap<number, ReadonlyMap<string, number>>;
  /** Output targets: the chain's (nodeCode null) and nodes'. */
  targets: readonly { year: number; nodeCode: string | null; valueYuan: number }[];
  projects: readonly RoadProjectInput[];
  probabilities: StageProbabilities;
  /** Project ids left out (what-if). */
  exclude: readonly number[];
  /** Dropped project ids counted anyway, at the stage they reached (what-if). */
  include: readonly number[];
  baseline: Baseline;
  /** The nodes to report gaps for, in chain order. */
  nodeCodes: readonly string[];
}

export interface RoadYearFigures {
  year: number;
  actualYuan: number | null;
  baselineYuan: number;
  pipelineYuan: number;
  pipelineByStage: Record<ProjectStage, number>;
  projectedYuan: number;
  targetYuan: number | null;
  /** The gap, as on every page: target − the latest actual. */
  gapYuan: number | null;
  /** target − projected (baseline + counted pipeline): what the pipeline still leaves short. */
  shortfallYuan: number | null;
}

export interface RoadNodeFigures {
  code: string;
  actualYuan: number;
  pipelineYuan: number;
  projectedYuan: number;
  targetYuan: number | null;
  /** target − the node's latest actual. */
  gapYuan: number | null;
  /** target − projected by the target year. */
  shortfallYuan: number | null;
}

export interface RoadProjectFigures extends RoadProjectInput {
  probability: number;
  weightedOutputYuan: number;
  /** Producing since a recorded year: its output is already in the recorded figures. */
  alreadyRecorded: boolean;
  counted: boolean;
}

export interface RoadFigures {
  latestActualYear: number | null;
  targetYear: number | null;
  trendGrowth: number | null;
  years: RoadYearFigures[];
  nodes: RoadNodeFigures[];
  projects: RoadProjectFigures[];
}

/** The trend looks back this many years at most. */
const TREND_YEARS = 3;
/** With no target the road runs this many years past the latest record. */
const HORIZON_WITHOUT_TARGET = 3;
/** Never further than this past the latest record. */
const MAX_HORIZON = 10;

/**
 * The target and what stands between it and the figures: the gap (target − the latest actual)
 * and the shortfall (target − projected); nulls without a target.
 */
function againstTarget(
  target: { valueYuan: number } | undefined,
  latestActualYuan: number,
  projectedYuan: number,
): { targetYuan: number | null; gapYuan: number | null; shortfallYuan: number | null } {
  if (!target) return { targetYuan: null, gapYuan: null, shortfallYuan: null };
  return {
    targetYuan: target.valueYuan,
    gapYuan: target.valueYuan - latestActualYuan,
    shortfallYuan: target.valueYuan - projectedYuan,
  };
}

/**
 * Compound yearly growth of a series over its last (up to) three years; null with fewer than two
 * positive points.
 */
export function trendGrowth(series: ReadonlyMap<number, number>): number | null {
  const years = [...series.keys()].filter((y) => (series.get(y) ?? 0) > 0).sort((a, b) => a - b);
  const last = years.at(-1);
  if (last === undefined) return null;
  const first = years.find((y) => y >= last - TREND_YEARS);
  if (first === undefined || first === last) return null;
  const from = series.get(first) ?? 0;
  const to = series.get(last) ?? 0;
  return Math.pow(to / from, 1 / (last - first)) - 1;
}

function emptyByStage(): Record<ProjectStage, number> {
  return Object.fromEntries(PROJECT_STAGES.map((s) => [s, 0])) as Record<ProjectStage, number>;
}

/** Whether a project counts: active and not excluded, or dropped and explicitly included. */
export function isCounted(
  project: { id: number; status: ProjectStatus },
  exclude: readonly number[],
  include: readonly number[],
): boolean {
  if (exclude.includes(project.id)) return false;
  return project.status === 'active' || include.includes(project.id);
}

/**
 * A project producing since a year already recorded is in the recorded output; counting it again
 * would count it twice. A project late to produce still has its output ahead, so it counts.
 */
export function isAlreadyRecorded(
  project: { stage: ProjectStage; outputStartYear: number | null },
  latestActualYear: number | null,
): boolean {
  return (
    project.stage === 'producing' &&
    project.outputStartYear !== null &&
    latestActualYear !== null &&
    project.outputStartYear <= latestActualYear
  );
}

/**
 * Computes the road to the target. The baseline holds the latest recorded output flat or grows it
 * by its recent trend; the pipeline adds, from each project's output start year on and only after
 * the latest recorded year, its expected output times its stage's probability; projects already
 * producing in a recorded year are in the record and not added again.
 */
export function computeRoad(input: RoadInput): RoadFigures {
  const totals = new Map<number, number>();
  const nodeSeries = new Map<string, Map<number, number>>();
  for (const [year, byNode] of input.actual) {
    let sum = 0;
    for (const [code, yuan] of byNode) {
      sum += yuan;
      const series = nodeSeries.get(code) ?? new Map<number, number>();
      series.set(year, yuan);
      nodeSeries.set(code, series);
    }
    totals.set(year, sum);
  }
  const actualYears = [...totals.keys()].sort((a, b) => a - b);
  const latestActualYear = actualYears.at(-1) ?? null;
  const chainTargets = input.targets.filter((t) => t.nodeCode === null);
  const targetYear = chainTargets.length
    ? Math.max(...chainTargets.map((t) => t.year))
    : input.targets.length
      ? Math.max(...input.targets.map((t) => t.year))
      : null;

  const growth = input.baseline === 'trend' ? (trendGrowth(totals) ?? 0) : 0;
  const baselineOf = (series: ReadonlyMap<number, number>, rate: number, year: number) => {
    const recorded = series.get(year);
    if (recorded !== undefined) return recorded;
    if (latestActualYear === null || year < latestActualYear) return 0;
    return (series.get(latestActualYear) ?? 0) * Math.pow(1 + rate, year - latestActualYear);
  };

  const projects: RoadProjectFigures[] = input.projects.map((p) => {
    const probability = input.probabilities[p.stage];
    const alreadyRecorded = isAlreadyRecorded(p, latestActualYear);
    return {
      ...p,
      probability,
      weightedOutputYuan: (p.expectedOutputYuan ?? 0) * probability,
      alreadyRecorded,
      counted: !alreadyRecorded && isCounted(p, input.exclude, input.include),
    };
  });
  const pipelineIn = (year: number, nodeCode?: string) => {
    const byStage = emptyByStage();
    if (latestActualYear !== null && year <= latestActualYear) return byStage;
    for (const p of projects) {
      if (!p.counted || p.outputStartYear === null || p.outputStartYear > year) continue;
      if (nodeCode !== undefined && p.nodeCode !== nodeCode) continue;
      byStage[p.stage] += p.weightedOutputYuan;
    }
    return byStage;
  };
  const sum = (byStage: Record<ProjectStage, number>) =>
    PROJECT_STAGES.reduce((total, s) => total + byStage[s], 0);

  const firstYear = actualYears[0] ?? targetYear ?? new Date().getUTCFullYear();
  const base = latestActualYear ?? firstYear;
  // The road runs to the target and on to the last counted project's first year of output, so
  // a chart shows what the pipeline brings even after the target year.
  const lastStart = Math.max(
    0,
    ...projects.filter((p) => p.counted).map((p) => p.outputStartYear ?? 0),
  );
  const lastYear = Math.min(
    base + MAX_HORIZON,
    Math.max(targetYear ?? base + HORIZON_WITHOUT_TARGET, base + 1, lastStart),
  );
  const latestTotal = latestActualYear === null ? 0 : (totals.get(latestActualYear) ?? 0);
  const years: RoadYearFigures[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const baselineYuan = baselineOf(totals, growth, year);
    const pipelineByStage = pipelineIn(year);
    const pipelineYuan = sum(pipelineByStage);
    const projectedYuan = baselineYuan + pipelineYuan;
    const target = chainTargets.find((t) => t.year === year);
    years.push({
      year,
      actualYuan: totals.get(year) ?? null,
      baselineYuan,
      pipelineYuan,
      pipelineByStage,
      projectedYuan,
      ...againstTarget(target, latestTotal, projectedYuan),
    });
  }

  const gapYear = targetYear ?? lastYear;
  const nodes = input.nodeCodes.map((code) => {
    const series = nodeSeries.get(code) ?? new Map<number, number>();
    const rate = input.baseline === 'trend' ? (trendGrowth(series) ?? 0) : 0;
    const pipelineYuan = sum(pipelineIn(gapYear, code));
    const projectedYuan = baselineOf(series, rate, gapYear) + pipelineYuan;
    const target = input.targets.find((t) => t.nodeCode === code && t.year === gapYear);
    const actualYuan = latestActualYear === null ? 0 : (series.get(latestActualYear) ?? 0);
    return {
      code,
      actualYuan,
      pipelineYuan,
      projectedYuan,
      ...againstTarget(target, actualYuan, projectedYuan),
    };
  });

  return {
    latestActualYear,
    targetYear,
    trendGrowth: input.baseline === 'trend' ? growth : 0,
    years,
    nodes,
    projects,
  };
}
