import { AppError } from '../../domain/app-error.ts';
import { computeProblemFigures, type FigurePeriod } from '../../domain/problem-figures.ts';
import { computeSupervisionFigures } from '../../domain/supervision-figures.ts';
import { shanghaiDate } from '../../domain/working-calendar.ts';
import type { Db } from '../../db/connection.ts';
import {
  listActivities,
  listProblemFigureRecords,
  listProjectStageArrivals,
} from '../../db/leadership.repository.ts';
import type { ChainAnalysis } from '../../shared/api/analysis.ts';
import type { Figure, Scorecard, ScorecardQuery } from '../../shared/api/leadership.ts';
import { analyzeChain } from '../analysis/chain-analysis.service.ts';
import { loadChainContext, requireRegion } from '../lookup/lookup.service.ts';
import { loadWorkingCalendar } from '../problems/working-calendar.service.ts';
import {
  loadSupervisionRecords,
  requireChainInScope,
  type LeaderViewer,
} from './supervision.service.ts';

const MEETING_KINDS = ['chain_meeting', 'coordination_meeting'] as const;
/** How many years back the scale figures may come from when the scorecard's year has none yet. */
const LATEST_DATA_LOOKBACK_YEARS = 2;
const STATUS_RANK = { missing: 0, weak: 1, strong: 2 } as const;

/** The chain analysis of a year, or null when the registry holds no figures for it. */
async function analysisOrNull(
  db: Db,
  input: { chainCode: string; regionCode: string; year: number },
): Promise<ChainAnalysis | null> {
  try {
    return await analyzeChain(db, input);
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') return null;
    throw error;
  }
}

function quarterOf(day: string): number {
  return Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
}

function quarterPeriods(year: number): FigurePeriod[] {
  return [
    { from: `${year}-01-01`, to: `${year}-03-31` },
    { from: `${year}-04-01`, to: `${year}-06-30` },
    { from: `${year}-07-01`, to: `${year}-09-30` },
    { from: `${year}-10-01`, to: `${year}-12-31` },
  ];
}

const countBy = (days: readonly string[], q: number) =>
  days.filter((d) => quarterOf(d) === q).length;

/**
 * The chain leader's yearly scorecard (考核看板) for a chain in a region: output against target,
 * completeness, weak links filled, projects, problems, visits, meetings and 督办 items, each with
 * its record count and the link that lists the records, and a quarterly breakdown of the dated
 * counts, as of `now`. Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND, FORBIDDEN (a chain outside the
 * user's).
 */
export async function buildScorecard(
  db: Db,
  viewer: LeaderViewer | null,
  query: ScorecardQuery,
  now: Date = new Date(),
): Promise<Scorecard> {
  const { chain: chainCode, region: regionCode, year } = query;
  const context = await loadChainContext(db, chainCode);
  if (viewer) requireChainInScope(viewer, chainCode);
  const region = await requireRegion(db, regionCode);
  const chainId = context.chain.id;
  const period: FigurePeriod = { from: `${year}-01-01`, to: `${year}-12-31` };
  const today = shanghaiDate(now);
  const where = `chain=${chainCode}&region=${regionCode}`;
  const range = `from=${period.from}&to=${period.to}`;

  // Yearly registry figures arrive months after the year ends: until they do, the chain's scale
  // is shown from the latest of the two years before, and says which year it is.
  let dataYear = year;
  let analysis = await analysisOrNull(db, { chainCode, regionCode, year });
  for (let back = 1; analysis === null && back <= LATEST_DATA_LOOKBACK_YEARS; back += 1) {
    analysis = await analysisOrNull(db, { chainCode, regionCode, year: year - back });
    if (analysis) dataYear = year - back;
  }
  // Links filled are the year's own: only the year's analysis against the year before's counts,
  // never an earlier pair standing in for a year whose figures are not in.
  const [previous, problemRecords, calendar, activities, itemRecords, arrivals] = await Promise.all(
    [
      analysis && dataYear === year
        ? analysisOrNull(db, { chainCode, regionCode, year: year - 1 })
        : null,
      listProblemFigureRecords(db, { chainId, regionCode }),
      loadWorkingCalendar(db),
      listActivities(db, { chainId, regionCode, kinds: ['visit', ...MEETING_KINDS], ...period }),
      loadSupervisionRecords(db, { chainId, regionCode }),
      listProjectStageArrivals(db, {
        chainId,
        regionCode,
        stages: ['signed', 'started'],
        ...period,
      }),
    ],
  );

  // Output is yearly data: the analysis of the scorecard's year against the chain's target.
  const chainTargets = (analysis?.targets ?? [])
    .filter((t) => t.nodeCode === null)
    .sort((a, b) => a.year - b.year);
  const target = chainTargets.find((t) => t.year >= year) ?? chainTargets.at(-1) ?? null;
  // The chain map of that year lists the nodes with their status, strong, weak or missing: what
  // completeness weighs, what a filled link moved between, and each node's output.
  const mapLink = analysis ? `/chain-map?${where}&year=${dataYear}` : `/chain-map?${where}`;

  const weakLinks = (previous ? (analysis?.nodes ?? []) : []).flatMap((node) => {
    const before = previous?.nodes.find((n) => n.code === node.code);
    if (!before || STATUS_RANK[before.status] >= STATUS_RANK[node.status]) return [];
    return [{ code: node.code, name: node.name, from: before.status, to: node.status }];
  });

  const figures = computeProblemFigures(problemRecords, period, today, calendar);
  const quarterFigures = quarterPeriods(year).map((p) =>
    computeProblemFigures(problemRecords, p, today, calendar),
  );

  const visitDays = activities.rows
    .filter((r) => r.activity.kind === 'visit')
    .map((r) => r.activity.heldOn);
  const meetingDays = activities.rows
    .filter((r) => r.activity.kind !== 'visit')
    .map((r) => r.activity.heldOn);
  const supervisionFigures = computeSupervisionFigures(itemRecords, period, today);
  const supervisionQuarters = quarterPeriods(year).map((p) =>
    computeSupervisionFigures(itemRecords, p, today),
  );
  const signedDays = arrivals.filter((a) => a.stage === 'signed').map((a) => a.day);
  const startedDays = arrivals.filter((a) => a.stage === 'started').map((a) => a.day);

  const figure = (value: number | null, records: number, link: string): Figure => ({
    value,
    records,
    link,
  });
  const problems = `/problems?${where}`;
  const supervision = `/supervision?${where}&dueFrom=${period.from}&dueTo=${period.to}`;
  return {
    chain: { code: chainCode, name: { zh: context.chain.nameZh, en: context.chain.nameEn } },
    region: { code: region.code, name: region.name },
    year,
    asOf: today,
    output: {
      outputYuan: figure(
        analysis ? analysis.totals.outputYuan : null,
        analysis?.totals.reporting ?? 0,
        mapLink,
      ),
      targetYuan: target?.valueYuan ?? null,
      targetYear: target?.year ?? null,
      progress: target?.progress ?? null,
      gapYuan: target?.gapYuan ?? null,
      requiredGrowth: target?.requiredGrowth ?? null,
      dataYear: analysis ? dataYear : null,
      note: !analysis
        ? `The registry holds no output figures for ${year}.`
        : dataYear !== year
          ? `The registry holds no output figures for ${year} yet; ${dataYear} is shown.`
          : target
            ? null
            : 'No output target is set for the chain in this region.',
    },
    completeness: figure(
      analysis?.completeness.weighted ?? null,
      analysis?.completeness.present ?? 0,
      mapLink,
    ),
    weakLinksFilled: {
      ...figure(previous ? weakLinks.length : null, weakLinks.length, mapLink),
      nodes: weakLinks,
      note:
        analysis === null || dataYear !== year
          ? `The registry holds no figures for ${year} yet: the links filled in ${year} are not known.`
          : previous === null
            ? `The registry holds no figures for ${year - 1} to compare ${year} with.`
            : null,
    },
    projectsSigned: figure(
      signedDays.length,
      signedDays.length,
      `/projects?${where}&status=all&reached=signed&reachedFrom=${period.from}&reachedTo=${period.to}`,
    ),
    projectsStarted: figure(
      startedDays.length,
      startedDays.length,
      `/projects?${where}&status=all&reached=started&reachedFrom=${period.from}&reachedTo=${period.to}`,
    ),
    problemsReceived: figure(
      figures.received,
      figures.received,
      `${problems}&returned=false&receivedFrom=${period.from}&receivedTo=${period.to}`,
    ),
    problemsClosed: figure(
      figures.closed,
      figures.closed,
      `${problems}&closedFrom=${period.from}&closedTo=${period.to}`,
    ),
    onTimeRate: figure(
      figures.onTimeRate,
      figures.closed,
      `${problems}&closedFrom=${period.from}&closedTo=${period.to}`,
    ),
    satisfactionRate: figure(
      figures.satisfactionRate,
      figures.ratings,
      `${problems}&ratedFrom=${period.from}&ratedTo=${period.to}`,
    ),
    visits: figure(visitDays.length, visitDays.length, `/leader?${where}&kind=visit&${range}`),
    meetings: figure(
      meetingDays.length,
      meetingDays.length,
      `/leader?${where}&kind=${MEETING_KINDS.join(',')}&${range}`,
    ),
    supervisionDue: figure(supervisionFigures.due, supervisionFigures.due, supervision),
    supervisionClosedOnTime: figure(
      supervisionFigures.doneOnTime,
      supervisionFigures.done,
      `${supervision}&state=done`,
    ),
    supervisionOverdue: figure(
      supervisionFigures.overdue,
      supervisionFigures.overdue,
      `${supervision}&state=overdue`,
    ),
    quarters: [1, 2, 3, 4].map((q) => ({
      q,
      problemsReceived: quarterFigures[q - 1]?.received ?? 0,
      problemsClosed: quarterFigures[q - 1]?.closed ?? 0,
      visits: countBy(visitDays, q),
      meetings: countBy(meetingDays, q),
      supervisionDone: supervisionQuarters[q - 1]?.completedInPeriod ?? 0,
      projectsSigned: countBy(signedDays, q),
    })),
  };
}
