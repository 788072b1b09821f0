import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.ts';
import { createTestDatabase, testDatabaseKind } from '../../test-support/test-database.ts';
import type { ChainAnalysis, ChainReport } from '../../shared/api/analysis.ts';
import { formatRatio, formatYuan } from '../../shared/format.ts';
import { analyzeChain } from '../analysis/chain-analysis.service.ts';
import { prepareInstallation } from '../setup.service.ts';
import { escapeHtml } from './report-html.ts';
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
    for (const lang of ['zh', 'en'] as const) {
      html[lang] = (
        await renderAnalysisReport(analysis, { format: 'html', lang, today: input.today })
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
      const row = page.split('<tr>').find((r) => r.includes(`<small>${node.code}</small>`)) ?? '';
      expect(row, node.code).toContain(`>${formatYuan(node.outputYuan, 'zh')}<`);
      expect(row, node.code).toContain(`>${formatRatio(node.lq)}<`);
      expect(row, node.code).toContain(`class="status ${node.status}"`);
      expect(row, node.code).toContain(escapeHtml(node.reasons[0]?.zh ?? ''));
    }
    const target = analysis.targets.find((t) => t.nodeCode === null);
    expect(page).toContain(escapeHtml(target?.summary.zh ?? '—'));
    expect(page).toMatch(
      /<strong>血液制品<\/strong> \(biomed\.mid\.blood\)：本地没有确认在该环节的企业/,
    );

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
    const rows = md.body.split('\n').filter((line) => line.includes('(`biomed.'));
    for (const node of analysis.nodes) {
      const row = rows.find((r) => r.includes(`(\`${node.code}\`) |`)) ?? '';
      expect(row, node.code).toContain(`| ${formatYuan(node.outputYuan, 'en')} |`);
      expect(row, node.code).toContain(`| ${formatRatio(node.lq)} |`);
    }
    expect(md.body).toContain('## Change since last year');
  });
});
