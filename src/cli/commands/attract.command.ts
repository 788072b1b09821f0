import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import { rankCandidates } from '../../services/attract/candidates.service.ts';
import { roadToTarget } from '../../services/attract/road-to-target.service.ts';
import { csvDocument } from '../../shared/csv.ts';
import type { CandidateList, RoadToTarget } from '../../shared/api/attract.ts';
import { formatNumber, formatPercent, formatYuan } from '../../shared/format.ts';
import {
  printAnswer,
  withDatabase,
  type GlobalOptions,
  CHAIN_OPTION_HELP,
  defaultCliChain,
  chainOfNodeOption,
} from '../cli-context.ts';

const CANDIDATE_COLUMNS = ['enterprise_id', 'name', 'region_code', 'node_code', 'score', 'reasons'];

function idList(text: string | undefined, option: string): number[] {
  if (!text) return [];
  if (!/^\d+(,\d+)*$/.test(text)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${option} takes project ids separated by commas, e.g. 3,7.`,
    );
  }
  return text.split(',').map(Number);
}

function positiveInt(text: string, option: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 500) {
    throw new AppError('VALIDATION_FAILED', `${option} must be a whole number from 1 to 500.`);
  }
  return n;
}

/** The candidates as CSV: one line each, reasons joined in the chosen language. */
export function candidatesCsv(list: CandidateList, lang: 'zh' | 'en'): string {
  return csvDocument(
    CANDIDATE_COLUMNS,
    list.items.map((c) => [
      c.enterpriseId,
      c.name,
      c.regionCode,
      c.nodeCode,
      c.score.toFixed(2),
      c.reasons.map((r) => r[lang]).join(lang === 'zh' ? '；' : '; '),
    ]),
    { bom: false },
  );
}

// The table's unit is stated once (亿元); cells are grouped numbers with one decimal, as formatYuan writes them.
const yi = (yuan: number | null) => (yuan === null ? '' : formatNumber(yuan / 1e8, 1));

/** The road to the target as a table people read (亿元). */
export function roadTable(road: RoadToTarget): string {
  const pad = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(6) : c.padStart(10))).join(' ');
  const lines = [
    `Road to the target: chain ${road.chainCode}, region ${road.regionCode} (亿元; gap = target − latest actual, shortfall = target − projected; baseline ${road.baseline}` +
      (road.trendGrowth ? `, trend ${formatPercent(road.trendGrowth)} a year` : '') +
      ')',
    pad(['YEAR', 'ACTUAL', 'BASELINE', 'PIPELINE', 'PROJECTED', 'TARGET', 'GAP', 'SHORTFALL']),
    ...road.years.map((y) =>
      pad([
        String(y.year),
        yi(y.actualYuan),
        yi(y.baselineYuan),
        yi(y.pipelineYuan),
        yi(y.projectedYuan),
        yi(y.targetYuan),
        yi(y.gapYuan),
        yi(y.shortfallYuan),
      ]),
    ),
  ];
  const gaps = road.nodes.filter((n) => n.targetYuan !== null || n.status !== 'strong');
  if (gaps.length > 0) {
    lines.push('', `Nodes to fill or with targets (by ${road.targetYear ?? 'the last year'}):`);
    for (const n of gaps) {
      lines.push(
        `  ${n.name.zh} (${n.code}): ${n.status}, actual ${formatYuan(n.actualYuan, 'zh')}, ` +
          `pipeline ${formatYuan(n.pipelineYuan, 'zh')}` +
          (n.targetYuan === null
            ? ''
            : `, target ${formatYuan(n.targetYuan, 'zh')}, gap ${formatYuan(n.gapYuan ?? 0, 'zh')}` +
              `, shortfall ${formatYuan(n.shortfallYuan ?? 0, 'zh')}`),
      );
    }
  }
  const left = road.projects.filter((p) => !p.counted).map((p) => `#${p.id}`);
  if (left.length > 0) lines.push('', `Not counted: ${left.join(', ')}`);
  return lines.join('\n');
}

export function registerAttractCommand(program: Command): void {
  const attract = program
    .command('attract')
    .description(
      'Investment attraction (招商): candidates for weak and missing links, the road to the target',
    )
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead attract candidates --chain biomed --region 3202 --top 20',
    );

  attract
    .command('candidates')
    .description('Rank enterprises elsewhere as candidates for the nodes a region should fill')
    .requiredOption('--region <code>', 'the region, e.g. 3202 (Wuxi)')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--node <code>', 'one node (default: every missing and weak node)')
    .option('--top <n>', 'candidates per node', '50')
    .option('--out <file.csv>', 'write CSV here (default: standard output)')
    .option('--lang <zh|en>', 'language of the reasons', 'zh')
    .option('--json', 'print JSON with every score component')
    .addHelpText(
      'after',
      '\nColumns: enterprise_id,name,region_code,node_code,score,reasons\n' +
        'Example:\n  $ chainlead attract candidates --chain biomed --region 3202 --node biomed.mid.blood --top 10\n' +
        '  $ chainlead attract candidates --region 3202 --out candidates.csv',
    )
    .action(
      async (
        options: {
          region: string;
          chain: string;
          node?: string;
          top: string;
          out?: string;
          lang: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        if (options.lang !== 'zh' && options.lang !== 'en') {
          throw new AppError('VALIDATION_FAILED', '--lang must be zh or en.');
        }
        const lang = options.lang;
        const top = positiveInt(options.top, '--top');
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const list = await rankCandidates(database.db, {
            chainCode: chainOfNodeOption(command, options) ?? options.chain,
            regionCode: options.region,
            nodeCode: options.node,
            top,
          });
          if (options.json) return void console.log(JSON.stringify(list, null, 2));
          const csv = candidatesCsv(list, lang);
          if (options.out) {
            writeFileSync(options.out, '\uFEFF' + csv);
            console.error(
              `Wrote ${list.total} candidates for ${list.nodes.length} nodes ` +
                `(${list.nodes.map((n) => `${n.code} ${n.status}`).join(', ')}) to ${options.out}.`,
            );
          } else {
            process.stdout.write(csv);
          }
        });
      },
    );

  attract
    .command('road')
    .description('Actual output plus the weighted pipeline against the target, by year and node')
    .requiredOption('--region <code>', 'the region, e.g. 3202 (Wuxi)')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--exclude <ids>', 'what-if: leave these project ids out, e.g. 3,7')
    .option('--include <ids>', 'what-if: count these dropped projects')
    .option('--baseline <trend|flat>', 'future actual output: recent trend or held flat', 'trend')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead attract road --chain biomed --region 3202\n' +
        '  $ chainlead attract road --region 3202 --exclude 3,7 --json',
    )
    .action(
      async (
        options: {
          region: string;
          chain: string;
          exclude?: string;
          include?: string;
          baseline: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        if (options.baseline !== 'trend' && options.baseline !== 'flat') {
          throw new AppError('VALIDATION_FAILED', '--baseline must be trend or flat.');
        }
        const baseline = options.baseline;
        await printAnswer(
          command,
          options.json,
          (db) =>
            roadToTarget(db, {
              chainCode: options.chain,
              regionCode: options.region,
              exclude: idList(options.exclude, '--exclude'),
              include: idList(options.include, '--include'),
              baseline,
            }),
          roadTable,
        );
      },
    );
}
