import type { Command } from 'commander';
import { analyzeChain } from '../../services/analysis/chain-analysis.service.ts';
import { compareRegions } from '../../services/analysis/chain-comparison.service.ts';
import type { ChainAnalysis, ChainComparison, Lang } from '../../shared/api/analysis.ts';
import { formatNumber, formatPercent, formatRatio, formatYuan } from '../../shared/format.ts';
import { printAnswer, CHAIN_OPTION_HELP, defaultCliChain } from '../cli-context.ts';
import { parseLang, parseRegion, parseYear } from '../option-parsers.ts';
import { renderTable } from '../text-table.ts';

interface AnalyzeOptions {
  chain: string;
  year?: string;
  json?: boolean;
  lang: string;
}

/** The `analyze` group, shared with other analyses (statistics) that register beside these. */
export function analyzeGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'analyze') ??
    program
      .command('analyze')
      .description('Analyse a chain in a region, compare regions, or analyse regional statistics')
      .addHelpText('after', '\nExample:\n  $ chainlead analyze chain --chain biomed --region 3202')
  );
}

const STATUS = {
  zh: { strong: '强', weak: '弱', missing: '缺' },
  en: { strong: 'strong', weak: 'weak', missing: 'missing' },
} as const;

/** The analysis as a person reads it in a terminal. */
export function formatAnalysis(a: ChainAnalysis, lang: Lang): string {
  const zh = lang === 'zh';
  const t = a.totals;
  const growth = formatPercent(t.growth, 1, true);
  const cagr = t.cagr === null ? '' : `${t.cagrFromYear}–${a.year} ${formatPercent(t.cagr)}`;
  const lines = [
    zh
      ? `${a.chain.name.zh}产业链 · ${a.region.name}（${a.region.code}）· ${a.year} 年`
      : `${a.chain.name.en} chain · ${a.region.name} (${a.region.code}) · ${a.year}`,
    zh
      ? `企业 ${formatNumber(t.enterprises)} 家 · 产值 ${formatYuan(t.outputYuan, 'zh')}（同比 ${growth}${cagr ? `，${cagr.replace(' ', ' 年均 ')}` : ''}）· 占全国样本 ${formatPercent(t.nationalShare)} · 链主 ${t.chainMasters} 家`
      : `${formatNumber(t.enterprises)} enterprises · output ${formatYuan(t.outputYuan, 'en')} (${growth} on the year${cagr ? `; CAGR ${cagr}` : ''}) · ${formatPercent(t.nationalShare)} of the national pool · ${t.chainMasters} chain masters`,
    zh
      ? `链条完整度 ${formatPercent(a.completeness.weighted)}（${a.completeness.present}/${a.completeness.total} 个环节有企业）· 强 ${a.statusCounts.strong} · 弱 ${a.statusCounts.weak} · 缺 ${a.statusCounts.missing}`
      : `Completeness ${formatPercent(a.completeness.weighted)} (${a.completeness.present} of ${a.completeness.total} nodes present) · ${a.statusCounts.strong} strong · ${a.statusCounts.weak} weak · ${a.statusCounts.missing} missing`,
    '',
    renderTable(
      zh
        ? ['环节', '名称', '企业', '产值', '占比', '同比', '区位熵', 'HHI', '状态', '原因']
        : ['node', 'name', 'firms', 'output', 'share', 'growth', 'LQ', 'HHI', 'status', 'reasons'],
      a.nodes.map((n) => [
        n.code,
        n.name[lang],
        formatNumber(n.enterprises),
        formatYuan(n.outputYuan, lang),
        formatPercent(n.share),
        formatPercent(n.growth, 1, true),
        formatRatio(n.lq),
        n.hhi === null ? '—' : formatNumber(n.hhi),
        STATUS[lang][n.status],
        n.reasons.map((r) => r[lang]).join(zh ? '；' : '; '),
      ]),
      ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'left'],
    ),
  ];
  if (a.targets.length > 0) {
    lines.push('', zh ? '目标' : 'Targets', ...a.targets.map((x) => `  ${x.summary[lang]}`));
  }
  if (a.extensionCandidates.length > 0) {
    lines.push(
      '',
      zh ? '延链方向' : 'Extension candidates',
      ...a.extensionCandidates.map((c) => `  ${c.name[lang]} (${c.code}): ${c.reason[lang]}`),
    );
  }
  lines.push('', zh ? `口径：${a.method.counting.zh}。` : `Counting: ${a.method.counting.en}.`);
  return lines.join('\n');
}

/** The comparison as a terminal table: one row per node, one column group per region. */
export function formatComparison(c: ChainComparison, lang: Lang): string {
  const zh = lang === 'zh';
  const header = zh
    ? `${c.chain.name.zh}产业链 · 地区比较 · ${c.year} 年`
    : `${c.chain.name.en} chain · regions compared · ${c.year}`;
  const summary = c.regions.map((r) =>
    zh
      ? `  ${r.name}（${r.code}）：企业 ${formatNumber(r.enterprises)} 家，产值 ${formatYuan(r.outputYuan, 'zh')}，完整度 ${formatPercent(r.completeness)}，强 ${r.statusCounts.strong} · 弱 ${r.statusCounts.weak} · 缺 ${r.statusCounts.missing}`
      : `  ${r.name} (${r.code}): ${formatNumber(r.enterprises)} enterprises, output ${formatYuan(r.outputYuan, 'en')}, completeness ${formatPercent(r.completeness)}, ${r.statusCounts.strong} strong · ${r.statusCounts.weak} weak · ${r.statusCounts.missing} missing`,
  );
  const headers = [
    zh ? '环节' : 'node',
    ...c.regions.map((r) =>
      zh ? `${r.code} 企业/产值/区位熵/状态` : `${r.code} firms/output/LQ/status`,
    ),
  ];
  const rows = c.nodes.map((n) => [
    n.name[lang],
    ...n.cells.map(
      (cell) =>
        `${cell.enterprises} / ${formatYuan(cell.outputYuan, lang)} / ${formatRatio(cell.lq)} / ${STATUS[lang][cell.status]}`,
    ),
  ]);
  return [header, ...summary, '', renderTable(headers, rows)].join('\n');
}

/** The options every chain analysis takes: --chain, --year, --lang. */
function chainYearLangOptions(command: Command): Command {
  return command
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--year <year>', 'year of the figures (default: the latest with figures)')
    .option('--lang <lang>', 'zh or en', 'zh');
}

export function registerAnalyzeChainCommands(program: Command): void {
  const analyze = analyzeGroup(program);
  chainYearLangOptions(
    analyze
      .command('chain')
      .description(
        "A chain's node metrics in a region: enterprises, output, growth, HHI, location quotient, " +
          'status (strong/weak/missing) with reasons, targets, completeness, extension candidates',
      )
      .requiredOption('--region <code>', 'region code, e.g. 3202 (Wuxi)'),
  )
    .option('--json', 'print the full analysis as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead analyze chain --chain biomed --region 3202 --year 2024\n' +
        '  $ chainlead analyze chain --region 3202 --json > wuxi.json',
    )
    .action(async (options: AnalyzeOptions & { region: string }, command: Command) => {
      const lang = parseLang(options.lang);
      const input = {
        chainCode: options.chain,
        regionCode: parseRegion(options.region),
        year: parseYear(options.year),
      };
      await printAnswer(
        command,
        options.json,
        (db) => analyzeChain(db, input),
        (analysis) => formatAnalysis(analysis, lang),
      );
    });

  chainYearLangOptions(
    analyze
      .command('compare')
      .description('Two or more regions side by side on one chain, node by node')
      .requiredOption('--regions <codes>', 'region codes separated by commas, e.g. 3202,3205'),
  )
    .option('--json', 'print the comparison as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead analyze compare --chain biomed --regions 3202,3205 --year 2024',
    )
    .action(async (options: AnalyzeOptions & { regions: string }, command: Command) => {
      const lang = parseLang(options.lang);
      const input = {
        chainCode: options.chain,
        regionCodes: options.regions
          .split(',')
          .map((code) => parseRegion(code.trim(), '--regions')),
        year: parseYear(options.year),
      };
      await printAnswer(
        command,
        options.json,
        (db) => compareRegions(db, input),
        (comparison) => formatComparison(comparison, lang),
      );
    });
}
