import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportProblemList } from '../../services/problems/problem-export.service.ts';
import { summarizeProblems } from '../../services/problems/problem-figures.service.ts';
import type { Lang } from '../../shared/api/analysis.ts';
import {
  problemExportQuerySchema,
  problemFiguresQuerySchema,
  type ProblemFiguresView,
  type ProblemSummary,
} from '../../shared/api/problem-figures.ts';
import { formatNumber, formatPercent } from '../../shared/format.ts';
import type { ScopedUser } from '../../shared/problem-scope.ts';
import {
  cliActor,
  withDatabase,
  type GlobalOptions,
  CHAIN_OPTION_HELP,
  defaultCliChain,
} from '../cli-context.ts';
import { formatOfFile, parseLang, parseOptions } from '../option-parsers.ts';
import { renderTable } from '../text-table.ts';
import { registerProblemFileCommands } from './problem-file.command.ts';

/**
 * The CLI runs on the server with its database: it sees every problem, contacts included (masked
 * in exports unless --include-personal-data).
 */
const OPERATOR: ScopedUser = {
  role: 'admin',
  parkId: null,
  departmentId: null,
  enterpriseId: null,
  chainCodes: null,
};

type ExportOptions = PeriodOptions & { out: string; lang?: string; includePersonalData?: boolean };

interface PeriodOptions {
  chain: string;
  region: string;
  year?: string;
  from?: string;
  to?: string;
}

/** The `problem` group, shared with the commands that list and import problems. */
export function problemGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'problem') ??
    program
      .command('problem')
      .description('Enterprise problems (企呼我应): list, import, figures and the 问题清单')
      .addHelpText(
        'after',
        '\nExample:\n  $ chainlead problem summary --chain biomed --region 3202 --year 2025',
      )
  );
}

function periodOptions(command: Command): Command {
  return command
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .requiredOption('--region <code>', 'region code prefix, e.g. 3202 (Wuxi)')
    .option('--year <year>', 'the calendar year (default: the current year in Asia/Shanghai)')
    .option('--from <date>', 'first day of the period, YYYY-MM-DD (with --to, instead of --year)')
    .option('--to <date>', 'last day of the period, included');
}

function figureCells(f: ProblemFiguresView): string[] {
  return [
    formatNumber(f.received),
    formatNumber(f.closed),
    formatPercent(f.closeRate),
    formatPercent(f.onTimeRate),
    formatPercent(f.satisfactionRate),
    formatNumber(f.openNow),
    formatNumber(f.overdueNow),
    formatNumber(f.averageWorkingDaysToClose, 1),
    formatNumber(f.reopened),
  ];
}

const FIGURE_HEADERS = {
  zh: [
    '受理',
    '办结',
    '办结率',
    '按期办结率',
    '满意率',
    '未办结',
    '逾期',
    '平均办结工作日',
    '重新办理',
  ],
  en: [
    'received',
    'closed',
    'close rate',
    'on time',
    'satisfied',
    'open',
    'overdue',
    'avg days',
    'reopened',
  ],
};

/** The summary as a person reads it in a terminal: the overall figures, then one row per node. */
export function formatProblemSummary(s: ProblemSummary, lang: Lang): string {
  const zh = lang === 'zh';
  const o = s.overall;
  const period = `${s.period.from} – ${s.period.to}`;
  const lines = [
    zh
      ? `${s.chain.name.zh}产业链 · ${s.region.name}（${s.region.code}）· ${period} · 截至 ${s.asOf}`
      : `${s.chain.name.en} chain · ${s.region.name} (${s.region.code}) · ${period} · as of ${s.asOf}`,
    zh
      ? `受理 ${formatNumber(o.received)} 件 · 办结 ${formatNumber(o.closed)} 件 · 办结率 ${formatPercent(o.closeRate)} · 按期办结率 ${formatPercent(o.onTimeRate)} · 满意率 ${formatPercent(o.satisfactionRate)}（${formatNumber(o.ratings)} 次评价）`
      : `${formatNumber(o.received)} received · ${formatNumber(o.closed)} closed · close rate ${formatPercent(o.closeRate)} · on time ${formatPercent(o.onTimeRate)} · satisfied ${formatPercent(o.satisfactionRate)} (${formatNumber(o.ratings)} ratings)`,
    zh
      ? `未办结 ${formatNumber(o.openNow)} 件，其中逾期 ${formatNumber(o.overdueNow)} 件 · 平均办结 ${formatNumber(o.averageWorkingDaysToClose, 1)} 个工作日 · 重新办理 ${formatNumber(o.reopened)} 次`
      : `${formatNumber(o.openNow)} open, ${formatNumber(o.overdueNow)} overdue · ${formatNumber(o.averageWorkingDaysToClose, 1)} working days to close on average · ${formatNumber(o.reopened)} reopened`,
  ];
  if (s.beyondCalendar) {
    lines.push(
      zh
        ? '注意：期间有年份不在工作日历中，按周一至周五计算。'
        : 'Note: part of the period is outside the working-day calendar; weekdays were counted.',
    );
  }
  lines.push(
    '',
    renderTable(
      [zh ? '环节' : 'node', zh ? '名称' : 'name', ...FIGURE_HEADERS[lang]],
      s.byNode.map((g) => [
        g.node?.code ?? '—',
        g.node ? g.node.name[lang] : zh ? '（未定环节）' : '(no node)',
        ...figureCells(g.figures),
      ]),
      ['left', 'left', ...FIGURE_HEADERS[lang].map(() => 'right' as const)],
    ),
  );
  return lines.join('\n');
}

export function registerProblemCommand(program: Command): void {
  const problem = problemGroup(program);
  periodOptions(
    problem
      .command('summary')
      .description(
        'Problem figures of a chain in a region: received, closed, close and on-time rates, ' +
          'satisfaction, open and overdue now, by chain node (docs/problems.md)',
      ),
  )
    .option('--lang <lang>', 'zh or en', 'zh')
    .option('--json', 'the whole summary (also by department and category) as JSON')
    .option('--out <file>', 'write to this file instead of the terminal')
    .addHelpText(
      'after',
      '\nExamples:\n  $ chainlead problem summary --chain biomed --region 3202 --year 2025\n' +
        '  $ chainlead problem summary --region 3202 --from 2025-07-01 --to 2025-09-30 --lang en\n' +
        '  $ chainlead problem summary --region 3202 --json --out problems-2025.json',
    )
    .action(
      async (
        options: PeriodOptions & { lang: string; json?: boolean; out?: string },
        command: Command,
      ) => {
        const lang = parseLang(options.lang);
        const query = parseOptions(problemFiguresQuerySchema, {
          chain: options.chain,
          region: options.region,
          year: options.year,
          from: options.from,
          to: options.to,
        });
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const summary = await summarizeProblems(database.db, OPERATOR, query);
          const text = options.json
            ? JSON.stringify(summary, null, 2)
            : formatProblemSummary(summary, lang);
          if (options.out) {
            writeFileSync(options.out, `${text}\n`);
            console.error(`Wrote the summary to ${options.out}.`);
          } else {
            console.log(text);
          }
        });
      },
    );

  periodOptions(
    problem
      .command('export')
      .description(
        '问题清单: one row per problem of the period (received in it, or open at its start) as XLSX or CSV',
      ),
  )
    .requiredOption('--out <file>', 'FILE.xlsx or FILE.csv')
    .option('--lang <lang>', 'header language zh or en (default: Chinese over English)')
    .option(
      '--include-personal-data',
      'contact names and phones whole instead of masked (recorded in the audit log)',
    )
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead problem export --chain biomed --region 3202 --year 2025 --out 问题清单.xlsx',
    )
    .action(async (options: ExportOptions, command: Command) => {
      const query = parseOptions(problemExportQuerySchema, {
        chain: options.chain,
        region: options.region,
        year: options.year,
        from: options.from,
        to: options.to,
        lang: options.lang === undefined ? undefined : parseLang(options.lang),
        format: formatOfFile(options.out, ['xlsx', 'csv'] as const),
        includePersonalData: options.includePersonalData ? 'true' : undefined,
      });
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const file = await exportProblemList(database.db, OPERATOR, cliActor(), query);
        writeFileSync(options.out, file.bytes);
        console.error(`Wrote ${file.count} problems to ${options.out}.`);
      });
    });

  registerProblemFileCommands(problem);
}
