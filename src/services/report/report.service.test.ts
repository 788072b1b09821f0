import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/connection.ts';
import { shanghaiDate } from '../../domain/working-calendar.ts';
import { createTestDatabase, testDatabaseKind } from '../../test-support/test-database.ts';
import type { ChainAnalysis, ChainReport } from '../../shared/api/analysis.ts';
import { formatNumber, formatRatio, formatYuan } from '../../shared/format.ts';
import { analyzeChain } from '../analysis/chain-analysis.service.ts';
import { prepareInstallation } from '../setup.service.ts';
import { escapeHtml } from './report-html.ts';
import { loadReportProblems } from './report-problems.ts';
import { renderAnalysisReport, renderChainReport } from './report.service.ts';

const input = { chainCode: 'biomed', regionCode: '3202', year: 2024, today: '2025-01-15' };

describe(`the chain-leader briefing on the Wuxi demo (${testDatabaseKind()})`, () => {
  let database: Database;
  let analysis: ChainAnalysis;
  const html: Partial<Record<'zh' | 'en', string>> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, {
      adminPassword: 'admin-password-1',
      demoOnFirstRun: true,
    });
    analysis = await analyzeChain(database.db, input);
    const problems = await loadReportProblems(database.db, {
      ...input,
      now: new Date(`${input.today}T12:00:00+08:00`),
    });
    for (const lang of ['zh', 'en'] as const) {
      html[lang] = (
        await renderAnalysisReport(analysis, {
          format: 'html',
          lang,
          today: input.today,
          problems,
        })
      ).body;
    }
  });
  afterAll(async () => {
    await database.close();
  });

  it('renders in Chinese by default and in English, with three inline SVG charts', async () => {
    const zh = await renderChainReport(database.db, { ...input, format: 'html', lang: 'zh' });
    expect(zh.contentType).toBe('text/html; charset=utf-8');
    expect(zh.fileName).toBe('biomed-3202-2024-zh.html');
    // The same document; ECharts numbers its SVG classes per process, so charts are set aside.
    const text = (page = '') => page.replace(/<svg[\s\S]*?<\/svg>/g, '<svg/>');
    expect(text(zh.body)).toBe(text(html.zh));
    expect(html.zh).toMatch(/<html lang="zh-CN">/);
    expect(html.zh).toMatch(/<h1>无锡市生物医药产业链运行简报<\/h1>/);
    for (const heading of [
      '核心指标',
      '目标进展',
      '产业链图谱：环节状态',
      '缺失环节（补链）',
      '薄弱环节（强链）',
      '延链方向',
      '重点企业',
      '较上年变化',
      '企业诉求与督办',
      '在办诉求最多的环节',
    ]) {
      expect(html.zh).toContain(`>${heading}<`);
    }
    expect(html.en).toMatch(/<html lang="en">/);
    expect(html.en).toContain('<h1>Biomedicine chain briefing: 无锡市</h1>');
    expect(html.en).toContain('>Missing links (to fill)<');
    for (const page of [html.zh, html.en]) {
      expect(page?.match(/<svg[\s>]/g)).toHaveLength(3);
      expect(page).toMatch(/@page \{ size: A4/);
      expect(page).toMatch(/@media print/);
    }
    expect(html.zh).toContain('全链产值与目标');
    expect(html.en).toContain('Chain output and target');
  });

  it("dates the briefing by the office's day (Asia/Shanghai), not UTC's", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 20:00 UTC on 6 December is 04:00 on 7 December in Wuxi.
    vi.setSystemTime(new Date('2026-12-06T20:00:00Z'));
    try {
      const { today: _today, ...rest } = input;
      const report = await renderChainReport(database.db, { ...rest, format: 'json', lang: 'zh' });
      expect((JSON.parse(report.body) as ChainReport).generatedOn).toBe('2026-12-07');
    } finally {
      vi.useRealTimers();
    }
  });

  it('is self-contained: no script, stylesheet, font, image or link to fetch', () => {
    for (const page of [html.zh ?? '', html.en ?? '']) {
      expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
      expect(page).not.toMatch(/\s(src|href)\s*=/i);
      // Namespace declarations name, not fetch; nothing else may point off the page.
      const addresses = page.match(/(https?:)?\/\/[^\s"'<>)]+/g) ?? [];
      expect(addresses.filter((a) => !/^http:\/\/www\.w3\.org\//.test(a))).toEqual([]);
    }
  });

  it('shows the analysis figures: headline, every node, the target and the missing link', async () => {
    const page = html.zh ?? '';
    expect(page).toContain(formatYuan(analysis.totals.outputYuan, 'zh'));
    for (const node of analysis.nodes) {
      const row =
        page.split('<tr>').find((r) => r.includes(`<td>${escapeHtml(node.name.zh)}</td>`)) ?? '';
      expect(row, node.code).toContain(`>${formatYuan(node.outputYuan, 'zh')}<`);
      expect(row, node.code).toContain(`>${formatRatio(node.lq)}<`);
      expect(row, node.code).toContain(`class="status ${node.status}"`);
      expect(row, node.code).toContain(escapeHtml(node.reasons[0]?.zh ?? ''));
    }
    const target = analysis.targets.find((t) => t.nodeCode === null);
    expect(page).toContain(escapeHtml(target?.summary.zh ?? '—'));
    expect(page).toMatch(/<strong>血液制品<\/strong>：本地没有确认在该环节的企业/);
    // The chain leader reads node names; codes are for the JSON form.
    expect(page).not.toMatch(/biomed\.(up|mid|down)\./);

    const json = JSON.parse(
      (await renderChainReport(database.db, { ...input, format: 'json', lang: 'en' })).body,
    ) as ChainReport;
    expect(json.analysis).toEqual(analysis);
    expect(json.missing.map((m) => m.code)).toEqual(['biomed.mid.blood']);
    expect(json.weak.map((m) => m.code)).toEqual(
      expect.arrayContaining(['biomed.mid.vaccine', 'biomed.mid.vet', 'biomed.down.precision']),
    );
    expect(json.headline[0]?.value).toBe(formatYuan(analysis.totals.outputYuan, 'en'));
    expect(json.topEnterprises).toHaveLength(analysis.topEnterprises.length);
  });

  it('writes the same briefing as Markdown tables', async () => {
    const md = await renderChainReport(database.db, { ...input, format: 'md', lang: 'en' });
    expect(md.contentType).toBe('text/markdown; charset=utf-8');
    expect(md.body).toMatch(/^# Biomedicine chain briefing: 无锡市\n/);
    expect(md.body).not.toMatch(/biomed\.(up|mid|down)\./);
    const rows = md.body.split('\n');
    for (const node of analysis.nodes) {
      const row = rows.find((r) => r.includes(`| ${node.name.en} |`)) ?? '';
      expect(row, node.code).toContain(`| ${formatYuan(node.outputYuan, 'en')} |`);
      expect(row, node.code).toContain(`| ${formatRatio(node.lq)} |`);
    }
    expect(md.body).toContain('## Change since last year');
  });

  it("adds the year's enterprise problems and 督办 items, counted from the seeded rows", async () => {
    // The demo's problems and 督办 items are dated around today: brief as of today.
    const today = shanghaiDate(new Date());
    const year = today.slice(0, 4);
    const seeded = await countSeeded(database, today);
    expect(seeded.received).toBeGreaterThan(0);
    expect(seeded.supervisionOpen + seeded.supervisionDoneOnTime).toBeGreaterThan(0);

    const json = JSON.parse(
      (await renderChainReport(database.db, { ...input, today, format: 'json', lang: 'zh' })).body,
    ) as ChainReport;
    const section = json.problems;
    expect(section?.year).toBe(Number(year));
    expect(section?.asOf).toBe(today);
    const value = (figures: { label: string; value: string }[] | undefined, label: string) =>
      figures?.find((f) => f.label === label)?.value;
    expect(value(section?.figures, `${year} 年受理诉求`)).toBe(formatNumber(seeded.received));
    expect(value(section?.figures, '在办诉求')).toBe(formatNumber(seeded.open));
    expect(value(section?.figures, '逾期诉求')).toBe(formatNumber(seeded.overdue));
    expect(value(section?.supervision, '在办督办事项')).toBe(formatNumber(seeded.supervisionOpen));
    expect(value(section?.supervision, `${year} 年到期督办`)).toBe(
      formatNumber(seeded.supervisionDue),
    );
    expect(value(section?.supervision, `${year} 年逾期督办`)).toBe(
      formatNumber(seeded.supervisionOverdue),
    );
    expect(value(section?.supervision, `${year} 年按期办结督办`)).toBe(
      formatNumber(seeded.supervisionDoneOnTime),
    );
    // The nodes with the most open problems, most first, at most five.
    expect(section?.nodes.length).toBe(Math.min(5, seeded.nodesWithOpen.length));
    expect(section?.nodes.map((n) => Number(n.open))).toEqual(
      seeded.nodesWithOpen.slice(0, 5).map((n) => n.open),
    );
    const most = seeded.nodesWithOpen[0]?.open;
    expect(seeded.nodesWithOpen.filter((n) => n.open === most).map((n) => n.name)).toContain(
      section?.nodes[0]?.name,
    );

    const zh = await renderChainReport(database.db, {
      ...input,
      today,
      format: 'html',
      lang: 'zh',
    });
    expect(zh.body).toContain('<h2>企业诉求与督办</h2>');
    expect(zh.body).toContain(`>${formatNumber(seeded.received)}<`);
    const md = await renderChainReport(database.db, { ...input, today, format: 'md', lang: 'en' });
    expect(md.body).toContain('## Enterprise problems and supervised tasks');
    expect(md.body).toContain(
      `| Problems received ${year} | **${formatNumber(seeded.received)}** |`,
    );
  });
});

/** The section's numbers counted straight from the tables (biomed × 3202), as of `today`. */
async function countSeeded(database: Database, today: string) {
  const year = today.slice(0, 4);
  const rows = (query: ReturnType<typeof sql>) =>
    database.db.execute(query).then((r) => (r as { rows: Record<string, unknown>[] }).rows);
  const biomed = sql`chain_id = (select id from chain where code = 'biomed') and region_code like '3202%'`;
  const day = sql`(received_at at time zone 'Asia/Shanghai')::date`;
  const open = sql`stage in ('submitted', 'accepted', 'assigned', 'in_progress', 'suspended', 'answered')`;
  const [problems] = await rows(sql`
    select count(*) filter (where ${day} between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
                              and stage <> 'returned')::int as received,
           count(*) filter (where ${day} <= ${`${year}-12-31`}::date and ${open})::int as open,
           count(*) filter (where ${day} <= ${`${year}-12-31`}::date and ${open}
                              and stage <> 'suspended' and due_on < ${today}::date)::int as overdue
    from problem where ${biomed}`);
  // 督办 items belong to the year of their deadline (docs/leadership.md), as on the scorecard.
  const [items] = await rows(sql`
    select count(*) filter (where state = 'open')::int as open,
           count(*) filter (where to_char(deadline, 'YYYY') = ${year})::int as due,
           count(*) filter (where to_char(deadline, 'YYYY') = ${year}
             and state = 'open' and deadline < ${today}::date)::int as overdue,
           count(*) filter (where state = 'done' and to_char(deadline, 'YYYY') = ${year}
             and (completed_at at time zone 'Asia/Shanghai')::date <= deadline)::int as "doneOnTime"
    from supervision_item where ${biomed}`);
  const nodes = await rows(sql`
    select n.name_zh as name, count(*)::int as open
    from problem p join chain_node n on n.id = p.node_id
    where p.chain_id = (select id from chain where code = 'biomed')
      and p.region_code like '3202%' and ${day} <= ${`${year}-12-31`}::date
      and p.stage in ('submitted', 'accepted', 'assigned', 'in_progress', 'suspended', 'answered')
    group by n.name_zh order by open desc`);
  return {
    received: Number(problems?.received),
    open: Number(problems?.open),
    overdue: Number(problems?.overdue),
    supervisionOpen: Number(items?.open),
    supervisionDue: Number(items?.due),
    supervisionOverdue: Number(items?.overdue),
    supervisionDoneOnTime: Number(items?.doneOnTime),
    nodesWithOpen: nodes.map((n) => ({ name: String(n.name), open: Number(n.open) })),
  };
}
