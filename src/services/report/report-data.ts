import type {
  ChainAnalysis,
  ChainReport,
  Lang,
  NodeAnalysis,
  ReportProblems,
} from '../../shared/api/analysis.ts';
import { formatNumber, formatPercent, formatRatio, formatYuan } from '../../shared/format.ts';

// The briefing's content, assembled once from the analysis in one language: the HTML and
// Markdown renderers only lay it out, so every figure they show is the analysis's own.

/** The briefing in one language, with the labels its renderers print. */
export type ReportData = ChainReport & { labels: ReportLabels };
export type ReportFigure = ChainReport['headline'][number];

export type ReportLabels = (typeof LABELS)[Lang];

const LABELS = {
  zh: {
    headline: '核心指标',
    targets: '目标进展',
    chainMap: '产业链图谱：环节状态',
    gaps: '缺失与薄弱环节',
    missing: '缺失环节（补链）',
    weak: '薄弱环节（强链）',
    extension: '延链方向',
    top: '重点企业',
    changes: '较上年变化',
    charts: '图表',
    method: '口径说明',
    none: '无',
    columns: {
      stage: '段',
      node: '环节',
      enterprises: '企业',
      output: '产值',
      share: '占比',
      growth: '同比',
      lq: '区位熵',
      hhi: 'HHI',
      status: '状态',
      reasons: '原因',
      rank: '序',
      name: '企业',
      chainMaster: '链主',
    },
    status: { strong: '强', weak: '弱', missing: '缺' },
    chartTrend: '全链产值与目标',
    chartNodes: '各环节产值',
    chartLq: '各环节区位熵',
    actual: '实际',
    target: '目标',
    trend: '趋势外推',
    yi: '亿元',
    problems: '企业诉求与督办',
    problemsNodes: '在办诉求最多的环节',
    problemsSupervision: '督办事项',
    problemsColumns: { node: '环节', open: '在办', overdue: '逾期', received: '本年受理' },
    problemsNote:
      '受理、办结、按期办结率和满意率按诉求办理口径统计本年数据；在办与逾期截至生成日期（挂起的诉求不计逾期）；督办事项以办结期限判断是否按期。',
  },
  en: {
    headline: 'Headline figures',
    targets: 'Targets',
    chainMap: 'Chain map: node status',
    gaps: 'Missing and weak links',
    missing: 'Missing links (to fill)',
    weak: 'Weak links (to strengthen)',
    extension: 'Extension candidates',
    top: 'Top enterprises',
    changes: 'Change since last year',
    charts: 'Charts',
    method: 'Method',
    none: 'None',
    columns: {
      stage: 'Stage',
      node: 'Node',
      enterprises: 'Firms',
      output: 'Output',
      share: 'Share',
      growth: 'Growth',
      lq: 'LQ',
      hhi: 'HHI',
      status: 'Status',
      reasons: 'Reasons',
      rank: '#',
      name: 'Enterprise',
      chainMaster: 'Chain master',
    },
    status: { strong: 'strong', weak: 'weak', missing: 'missing' },
    chartTrend: 'Chain output and target',
    chartNodes: 'Output by node',
    chartLq: 'Location quotient by node',
    actual: 'Actual',
    target: 'Target',
    trend: 'Trend',
    yi: 'bn yuan',
    problems: 'Enterprise problems and supervised tasks',
    problemsNodes: 'Nodes with the most open problems',
    problemsSupervision: 'Supervised tasks (督办)',
    problemsColumns: {
      node: 'Node',
      open: 'Open',
      overdue: 'Overdue',
      received: 'Received this year',
    },
    problemsNote:
      'Received, closed, on-time and satisfaction count this year; open and overdue are as of the briefing date (suspended problems are not overdue); a supervised task is on time when done by its deadline.',
  },
} as const;

/** The briefing's labels in one language (for renderers and charts). */
export function reportLabels(lang: Lang): ReportLabels {
  return LABELS[lang];
}

/**
 * Assembles the briefing in `lang` from an analysis; `today` dates it (YYYY-MM-DD); `problems`
 * is the section on enterprise problems and 督办 items, already written in `lang`, when loaded.
 */
export function assembleReport(
  a: ChainAnalysis,
  lang: Lang,
  today: string,
  problems: ReportProblems | null = null,
): ReportData {
  const zh = lang === 'zh';
  const labels = LABELS[lang];
  const sep = zh ? '；' : '; ';
  // Stage names read "上游：原料…"; the table needs only the part before the colon.
  const stageName = new Map(a.stages.map((s) => [s.code, s.name[lang].split(/[：:]/)[0] ?? '']));
  const nodeName = new Map(a.nodes.map((n) => [n.code, n.name[lang]]));
  const t = a.totals;
  const chainTarget = a.targets.find((x) => x.nodeCode === null && x.year > a.year) ?? null;
  const reasonsOf = (n: NodeAnalysis) => n.reasons.map((r) => r[lang]).join(sep);
  const headline: ReportFigure[] = [
    {
      label: zh ? `${a.year} 年产业规模` : `Output ${a.year}`,
      value: formatYuan(t.outputYuan, lang),
      note: zh
        ? `同比 ${formatPercent(t.growth, 1, true)}${t.cagr === null ? '' : `，${t.cagrFromYear}–${a.year} 年均 ${formatPercent(t.cagr)}`}`
        : `${formatPercent(t.growth, 1, true)} on the year${t.cagr === null ? '' : `; ${formatPercent(t.cagr)} a year since ${t.cagrFromYear}`}`,
    },
  ];
  if (chainTarget) {
    headline.push({
      label: zh ? `${chainTarget.year} 年目标` : `Target ${chainTarget.year}`,
      value: formatYuan(chainTarget.valueYuan, lang),
      note: zh
        ? `完成 ${formatPercent(chainTarget.progress)}，缺口 ${formatYuan(Math.max(0, chainTarget.gapYuan ?? 0), lang)}（目标 − ${chainTarget.actualYear ?? ''} 年实际），需年均增长 ${formatPercent(chainTarget.requiredGrowth)}`
        : `${formatPercent(chainTarget.progress)} reached; gap ${formatYuan(Math.max(0, chainTarget.gapYuan ?? 0), lang)} (target − ${chainTarget.actualYear ?? ''} actual); needs ${formatPercent(chainTarget.requiredGrowth)} a year`,
    });
    headline.push({
      label: zh ? '按趋势预计' : 'On the trend',
      value: formatYuan(chainTarget.projectedYuan, lang),
      note:
        chainTarget.state === 'on_track'
          ? zh
            ? '按趋势可以达成'
            : 'on track'
          : zh
            ? '按趋势难以达成'
            : 'off track',
    });
  }
  headline.push(
    {
      label: zh ? '确认企业' : 'Confirmed enterprises',
      value: formatNumber(t.enterprises),
      note: zh ? `链主 ${t.chainMasters} 家` : `${t.chainMasters} chain masters`,
    },
    {
      label: zh ? '链条完整度' : 'Chain completeness',
      value: formatPercent(a.completeness.weighted),
      note: zh
        ? `${a.completeness.present}/${a.completeness.total} 个环节；强 ${a.statusCounts.strong} · 弱 ${a.statusCounts.weak} · 缺 ${a.statusCounts.missing}`
        : `${a.completeness.present} of ${a.completeness.total} nodes; ${a.statusCounts.strong} strong · ${a.statusCounts.weak} weak · ${a.statusCounts.missing} missing`,
    },
    {
      label: zh ? '占全国样本' : 'Share of the national pool',
      value: formatPercent(t.nationalShare),
      note:
        t.nationalShare === null
          ? zh
            ? '登记库只有本地区的本链产值，无从比较'
            : "the registry holds this region's chain output only: nothing to compare with"
          : zh
            ? '登记库全部地区的本链产值'
            : "of the registry's chain output, all regions",
    },
  );
  const gapRow = (n: NodeAnalysis) => ({ name: n.name[lang], code: n.code, reasons: reasonsOf(n) });
  return {
    lang,
    title: zh
      ? `${a.region.name}${a.chain.name.zh}产业链运行简报`
      : `${a.chain.name.en} chain briefing: ${a.region.name}`,
    subtitle: zh
      ? `${a.year} 年数据 · ${a.region.name} · 生成于 ${today}`
      : `Figures for ${a.year} · ${a.region.name} · generated ${today}`,
    generatedOn: today,
    labels,
    headline,
    targets: a.targets.map((x) => x.summary[lang]),
    nodes: a.nodes.map((n) => ({
      code: n.code,
      stage: stageName.get(n.stageCode) ?? n.stageCode,
      name: n.name[lang],
      status: n.status,
      statusLabel: labels.status[n.status],
      enterprises: formatNumber(n.enterprises),
      output: formatYuan(n.outputYuan, lang),
      share: formatPercent(n.share),
      growth: formatPercent(n.growth, 1, true),
      lq: formatRatio(n.lq),
      hhi: n.hhi === null ? '—' : formatNumber(n.hhi),
      reasons: reasonsOf(n),
    })),
    missing: a.nodes.filter((n) => n.status === 'missing').map(gapRow),
    weak: a.nodes.filter((n) => n.status === 'weak').map(gapRow),
    extension: a.extensionCandidates.map((c) => ({
      name: c.name[lang],
      code: c.code,
      reason: c.reason[lang],
    })),
    topEnterprises: a.topEnterprises.map((e, index) => ({
      rank: index + 1,
      name: lang === 'en' && e.nameEn ? e.nameEn : e.name,
      node: nodeName.get(e.nodeCode) ?? e.nodeCode,
      output: formatYuan(e.outputYuan, lang),
      growth: formatPercent(e.growth, 1, true),
      chainMaster: e.chainMaster,
    })),
    changes: describeChanges(a, lang),
    method: [
      a.method.counting[lang],
      a.method.output[lang],
      a.method.benchmark[lang],
      zh
        ? `状态：无确认企业为"缺"；区位熵低于 ${a.method.thresholds.lqWeakBelow}、HHI 高于 ${formatNumber(a.method.thresholds.hhiWeakAbove)} 或最大企业占比超过 ${formatPercent(a.method.thresholds.topShareWeakAbove, 0)} 为"弱"；其余为"强"。趋势取最近 ${a.method.thresholds.trendYears} 年的年均增速。`
        : `Status: "missing" without a confirmed enterprise; "weak" when LQ < ${a.method.thresholds.lqWeakBelow}, HHI > ${formatNumber(a.method.thresholds.hhiWeakAbove)} or the largest enterprise holds over ${formatPercent(a.method.thresholds.topShareWeakAbove, 0)}; "strong" otherwise. The trend is the CAGR of the last ${a.method.thresholds.trendYears} years.`,
    ],
    problems,
    analysis: a,
  };
}

/** Change since last year: the chain, then the nodes that grew and shrank most. */
function describeChanges(a: ChainAnalysis, lang: Lang): string[] {
  const zh = lang === 'zh';
  const t = a.totals;
  const lines: string[] = [];
  if (t.previousOutputYuan === null) {
    lines.push(
      zh
        ? `没有 ${a.year - 1} 年数据，无法比较。`
        : `No figures for ${a.year - 1} to compare with.`,
    );
    return lines;
  }
  const reportingBefore = t.series.find((s) => s.year === a.year - 1)?.reporting ?? 0;
  lines.push(
    zh
      ? `全链产值由 ${formatYuan(t.previousOutputYuan, 'zh')} 增至 ${formatYuan(t.outputYuan, 'zh')}（${formatPercent(t.growth, 1, true)}）；报送数据的企业由 ${formatNumber(reportingBefore)} 家变为 ${formatNumber(t.reporting)} 家。`
      : `Chain output went from ${formatYuan(t.previousOutputYuan, 'en')} to ${formatYuan(t.outputYuan, 'en')} (${formatPercent(t.growth, 1, true)}); enterprises reporting figures went from ${formatNumber(reportingBefore)} to ${formatNumber(t.reporting)}.`,
  );
  const moving = a.nodes
    .filter((n) => n.growth !== null)
    .sort((x, y) => (y.growth ?? 0) - (x.growth ?? 0));
  const describe = (nodes: NodeAnalysis[]) =>
    nodes.map((n) => `${n.name[lang]} ${formatPercent(n.growth, 1, true)}`).join(zh ? '、' : ', ');
  const fastest = moving.slice(0, 3);
  if (fastest.length > 0) {
    lines.push(zh ? `增长最快：${describe(fastest)}。` : `Fastest growing: ${describe(fastest)}.`);
  }
  const falling = moving
    .filter((n) => (n.growth ?? 0) < 0)
    .reverse()
    .slice(0, 3);
  lines.push(
    falling.length > 0
      ? zh
        ? `下降：${describe(falling)}。`
        : `Shrinking: ${describe(falling)}.`
      : zh
        ? '没有产值下降的环节。'
        : 'No node shrank.',
  );
  return lines;
}
