import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { buildScorecard } from '../../services/leadership/scorecard.service.ts';
import { csvDocument } from '../../shared/csv.ts';
import type { Figure, Scorecard } from '../../shared/api/leadership.ts';
import { formatNumber, formatPercent, formatYuan } from '../../shared/format.ts';
import {
  withDatabase,
  type GlobalOptions,
  CHAIN_OPTION_HELP,
  defaultCliChain,
} from '../cli-context.ts';
import { formatOfFile, parseRegion, parseYear } from '../option-parsers.ts';
import { renderTable } from '../text-table.ts';

type Shown = 'count' | 'percent' | 'yuan';

/** The scorecard's figures in reading order: label, the figure, and how its value reads. */
function figureRows(card: Scorecard): [string, Figure, Shown][] {
  return [
    ['产值 output', card.output.outputYuan, 'yuan'],
    ['完整度 completeness', card.completeness, 'percent'],
    ['补链环节 weak links filled', card.weakLinksFilled, 'count'],
    ['签约项目 projects signed', card.projectsSigned, 'count'],
    ['开工项目 projects started', card.projectsStarted, 'count'],
    ['受理诉求 problems received', card.problemsReceived, 'count'],
    ['办结诉求 problems closed', card.problemsClosed, 'count'],
    ['按期办结率 on-time rate', card.onTimeRate, 'percent'],
    ['满意率 satisfaction', card.satisfactionRate, 'percent'],
    ['走访 visits', card.visits, 'count'],
    ['会议 meetings', card.meetings, 'count'],
    ['到期督办 督办 due', card.supervisionDue, 'count'],
    ['按期完成 closed on time', card.supervisionClosedOnTime, 'count'],
    ['逾期 overdue', card.supervisionOverdue, 'count'],
  ];
}

function show(figure: Figure, shown: Shown): string {
  if (shown === 'yuan') return formatYuan(figure.value, 'zh');
  if (shown === 'percent') return formatPercent(figure.value);
  return formatNumber(figure.value);
}

function render(card: Scorecard): string {
  const head =
    `${card.chain.name.zh}产业链 · ${card.region.name}（${card.region.code}）· ${card.year} 年考核看板` +
    `（截至 ${card.asOf}）`;
  const target =
    card.output.targetYuan === null
      ? (card.output.note ?? '')
      : `目标 ${formatYuan(card.output.targetYuan, 'zh')}（${card.output.targetYear} 年），` +
        `完成 ${formatPercent(card.output.progress)}，缺口 ${formatYuan(card.output.gapYuan, 'zh')}，` +
        `需年均增长 ${formatPercent(card.output.requiredGrowth)}`;
  const figures = renderTable(
    ['figure', 'value', 'records', 'link'],
    figureRows(card).map(([label, f, shown]) => [label, show(f, shown), String(f.records), f.link]),
    ['left', 'right', 'right', 'left'],
  );
  const quarters = renderTable(
    ['q', 'received', 'closed', 'visits', 'meetings', '督办 done', 'signed'],
    card.quarters.map((q) =>
      [
        q.q,
        q.problemsReceived,
        q.problemsClosed,
        q.visits,
        q.meetings,
        q.supervisionDone,
        q.projectsSigned,
      ].map(String),
    ),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  const notes = [target, card.weakLinksFilled.note ?? ''].filter((line) => line !== '');
  return `${head}\n${notes.join('\n')}\n\n${figures}\n\n${quarters}`;
}

function toCsv(card: Scorecard): string {
  return csvDocument(
    ['figure', 'value', 'records', 'link'],
    figureRows(card).map(([label, f]) => [label, f.value, f.records, f.link]),
  );
}

export function registerScorecardCommand(program: Command): void {
  program
    .command('scorecard')
    .description(
      "The chain leader's yearly scorecard (考核看板): figures with their records and links",
    )
    .requiredOption('--region <code>', 'region code, e.g. 3202')
    .requiredOption('--year <year>', 'the year, e.g. 2025')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--json', 'print JSON')
    .option('--out <file>', 'also write the scorecard to a file: .csv (figures) or .json')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead scorecard --chain biomed --region 3202 --year 2025\n' +
        '  $ chainlead scorecard --region 3202 --year 2025 --json --out scorecard.json',
    )
    .action(
      async (
        options: { region: string; year: string; chain: string; json?: boolean; out?: string },
        command: Command,
      ) => {
        const outFormat = options.out ? formatOfFile(options.out, ['csv', 'json'] as const) : null;
        const query = {
          chain: options.chain,
          region: parseRegion(options.region),
          year: parseYear(options.year) ?? 0,
        };
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const card = await buildScorecard(database.db, null, query);
          if (options.out) {
            writeFileSync(
              options.out,
              outFormat === 'csv' ? toCsv(card) : `${JSON.stringify(card, null, 2)}\n`,
            );
          }
          console.log(options.json ? JSON.stringify(card, null, 2) : render(card));
        });
      },
    );
}
