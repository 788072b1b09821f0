import type { Command } from 'commander';
import { buildRegionOverview } from '../../services/overview/region-overview.service.ts';
import type { RegionOverview } from '../../shared/api/overview.ts';
import { formatNumber, formatPercent, formatYuan } from '../../shared/format.ts';
import { withDatabase, type GlobalOptions } from '../cli-context.ts';
import { parseRegion } from '../option-parsers.ts';
import { renderTable } from '../text-table.ts';

function render(overview: RegionOverview): string {
  const head = `${overview.region.name}（${overview.region.code}）市级总览 · ${overview.items.length} 条产业链`;
  const table = renderTable(
    [
      'chain',
      '链长 leader',
      'output',
      'target',
      'progress',
      'growth needed',
      'strong/weak/missing',
      'complete',
      'masters',
      'projects',
      'open/overdue',
    ],
    overview.items.map((item) => [
      `${item.chain.code} ${item.chain.name.zh}`,
      item.leader ? item.leader.name : '—',
      formatYuan(item.outputYuan, 'zh'),
      item.target ? `${formatYuan(item.target.valueYuan, 'zh')}（${item.target.year}）` : '—',
      formatPercent(item.target?.progress ?? null),
      formatPercent(item.target?.requiredGrowth ?? null),
      `${item.statusCounts.strong}/${item.statusCounts.weak}/${item.statusCounts.missing}`,
      formatPercent(item.completeness),
      formatNumber(item.chainMasters),
      formatNumber(item.projects.active),
      `${item.problems.open}/${item.problems.overdue}`,
    ]),
    [
      'left',
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
    ],
  );
  return `${head}\n\n${table}`;
}

export function registerOverviewCommand(program: Command): void {
  program
    .command('overview')
    .description(
      'The city overview (市级总览): every chain of a region with its leader, output against ' +
        'target, node statuses, completeness, chain masters, projects and problems',
    )
    .requiredOption('--region <code>', 'region code, e.g. 3202')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead overview --region 3202\n  $ chainlead overview --region 3202 --json',
    )
    .action(async (options: { region: string; json?: boolean }, command: Command) => {
      const region = parseRegion(options.region);
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const overview = await buildRegionOverview(database.db, region);
        console.log(options.json ? JSON.stringify(overview, null, 2) : render(overview));
      });
    });
}
