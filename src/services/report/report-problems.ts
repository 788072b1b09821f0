import type { Db } from '../../db/connection.ts';
import {
  computeSupervisionFigures,
  type SupervisionFigures,
} from '../../domain/supervision-figures.ts';
import { shanghaiDate } from '../../domain/working-calendar.ts';
import type { Lang, ReportProblems } from '../../shared/api/analysis.ts';
import type { ProblemFiguresView } from '../../shared/api/problem-figures.ts';
import { formatNumber, formatPercent } from '../../shared/format.ts';
import { loadSupervisionRecords } from '../leadership/supervision.service.ts';
import { loadChainContext } from '../lookup/lookup.service.ts';
import { summarizeProblems } from '../problems/problem-figures.service.ts';

// The briefing's section on enterprise problems (企业诉求) and 督办 items: the figures of the
// problem loop for the briefing date's year (docs/problems.md, "Figures"), the nodes with the
// most open problems, and the 督办 items: open now, and those due in the year, overdue and done on
// time, counted as the scorecard counts them (computeSupervisionFigures, docs/leadership.md).

/** The section's numbers before they are written in a language. */
export interface ReportProblemsData {
  year: number;
  asOf: string;
  overall: ProblemFiguresView;
  /** The nodes with open problems, most first, at most five. */
  nodes: { name: { zh: string; en: string } | null; figures: ProblemFiguresView }[];
  /** The year's 督办 figures as of `asOf`, the very ones the scorecard of the year shows. */
  supervision: SupervisionFigures;
}

const TOP_NODES = 5;
/** The briefing reads every record of the chain × region: no user scope narrows it. */
const WHOLE_SCOPE = {
  role: 'admin',
  parkId: null,
  departmentId: null,
  enterpriseId: null,
  chainCodes: null,
} as const;

/**
 * The problem figures of `today`'s year and the 督办 items of the chain in the region, as of
 * `today` (Asia/Shanghai). Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND.
 */
export async function loadReportProblems(
  db: Db,
  input: { chainCode: string; regionCode: string; now: Date },
): Promise<ReportProblemsData> {
  const asOf = shanghaiDate(input.now);
  const year = Number(asOf.slice(0, 4));
  const { chain } = await loadChainContext(db, input.chainCode);
  const [summary, records] = await Promise.all([
    summarizeProblems(
      db,
      WHOLE_SCOPE,
      { chain: input.chainCode, region: input.regionCode, year },
      input.now,
    ),
    loadSupervisionRecords(db, { chainId: chain.id, regionCode: input.regionCode }),
  ]);
  return {
    year,
    asOf,
    overall: summary.overall,
    nodes: summary.byNode
      .filter((n) => n.figures.openNow > 0)
      .sort(
        (a, b) =>
          b.figures.openNow - a.figures.openNow || b.figures.overdueNow - a.figures.overdueNow,
      )
      .slice(0, TOP_NODES)
      .map((n) => ({ name: n.node?.name ?? null, figures: n.figures })),
    // As of the briefing's date, which need not be the server's today.
    supervision: computeSupervisionFigures(
      records,
      { from: `${year}-01-01`, to: `${year}-12-31` },
      asOf,
    ),
  };
}

/** The section written in `lang`: figures as text, like the rest of the briefing. */
export function describeReportProblems(data: ReportProblemsData, lang: Lang): ReportProblems {
  const zh = lang === 'zh';
  const o = data.overall;
  const n = (value: number) => formatNumber(value);
  const s = data.supervision;
  return {
    year: data.year,
    asOf: data.asOf,
    figures: [
      {
        label: zh ? `${data.year} 年受理诉求` : `Problems received ${data.year}`,
        value: n(o.received),
        note: zh
          ? `办结 ${n(o.closed)}，办结率 ${formatPercent(o.closeRate)}`
          : `${n(o.closed)} closed; ${formatPercent(o.closeRate)} of those received`,
      },
      {
        label: zh ? '按期办结率' : 'Closed on time',
        value: formatPercent(o.onTimeRate),
        note: zh
          ? `按期办结 ${n(o.closedOnTime)} / 办结 ${n(o.closed)}`
          : `${n(o.closedOnTime)} of ${n(o.closed)} closed`,
      },
      {
        label: zh ? '满意率' : 'Satisfaction',
        value: formatPercent(o.satisfactionRate),
        note: zh
          ? `满意或基本满意 ${n(o.satisfiedRatings)} / 评价 ${n(o.ratings)}`
          : `${n(o.satisfiedRatings)} of ${n(o.ratings)} ratings satisfied`,
      },
      {
        label: zh ? '在办诉求' : 'Open problems',
        value: n(o.openNow),
        note: zh ? `其中逾期 ${n(o.overdueNow)}` : `${n(o.overdueNow)} overdue`,
      },
      {
        label: zh ? '逾期诉求' : 'Overdue problems',
        value: n(o.overdueNow),
        note: zh ? `截至 ${data.asOf}，不含挂起` : `as of ${data.asOf}, suspended ones aside`,
      },
    ],
    nodes: data.nodes.map((node) => ({
      name: node.name ? node.name[lang] : zh ? '未标注环节' : 'No node given',
      open: n(node.figures.openNow),
      overdue: n(node.figures.overdueNow),
      received: n(node.figures.received),
    })),
    supervision: [
      {
        label: zh ? '在办督办事项' : 'Supervised tasks open',
        value: n(s.openNow),
        note: zh
          ? `截至 ${data.asOf}；其中已过办结期限 ${n(s.pastDeadlineNow)}（含往年到期）`
          : `as of ${data.asOf}; ${n(s.pastDeadlineNow)} past the deadline (earlier years' included)`,
      },
      {
        label: zh ? `${data.year} 年到期督办` : `Supervised tasks due ${data.year}`,
        value: n(s.due),
        note: zh
          ? `办结期限在 ${data.year} 年；已办结 ${n(s.done)}`
          : `deadline in ${data.year}; ${n(s.done)} done`,
      },
      {
        label: zh ? `${data.year} 年逾期督办` : `Supervised tasks overdue ${data.year}`,
        value: n(s.overdue),
        note: zh
          ? `${data.year} 年到期、截至 ${data.asOf} 仍在办且已过期限`
          : `due in ${data.year}, open and past the deadline on ${data.asOf}`,
      },
      {
        label: zh ? `${data.year} 年按期办结督办` : `Supervised tasks done on time ${data.year}`,
        value: n(s.doneOnTime),
        note: zh
          ? `${data.year} 年到期 ${n(s.due)} 项中，在期限内办结`
          : `of ${n(s.due)} due in ${data.year}, done by the deadline`,
      },
    ],
  };
}
