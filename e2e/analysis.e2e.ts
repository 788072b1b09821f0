import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';

interface LqItem {
  regionCode: string;
  industryCode: string;
  industryName: string | null;
  lq: number | null;
}
interface ShiftItem {
  industryCode: string;
  change: number;
  nationalShare: number;
  industryMix: number;
  regionalShare: number;
}

/** The API's answer, asked from the page so that it carries the page's session. */
async function api<T>(page: Page, path: string): Promise<T> {
  const data: unknown = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return response.json();
  }, path);
  return data as T;
}

const rows = (page: Page, table: string) =>
  page.locator(`[data-testid="${table}"] tbody tr.ant-table-row`);

const STATS_CSV = (employment: string) =>
  [
    'region_code,region_name,scheme,industry_code,industry_name,industry_type,year,employment,establishments,payroll,output',
    '3202,无锡市,e2eweb,2762,疫苗制造,traded,2024,1200,12,9000,500000',
    `3205,苏州市,e2eweb,2762,疫苗制造,traded,2024,${employment},8,6000,300000`,
  ].join('\n');

describe.skipIf(!chromiumPath())('the analysis pages', () => {
  const browser = useBrowserSession();

  it('shows Wuxi location quotients that match the API, its chart and cluster strength', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'viewer', 'chainlead-viewer');
    // A link to the analysis (no tab) opens the first tab with the link's query kept.
    await page.goto(`${browser.baseUrl}/analysis?scheme=gbt4754&year=2024&region=3202`);
    await page.waitForURL(
      (url) => url.pathname.endsWith('/analysis/lq') && url.searchParams.get('year') === '2024',
    );
    await rows(page, 'lq-table').first().waitFor();
    const base = '/api/statistics/lq?scheme=gbt4754&year=2024&measure=employment&region=3202';
    const total = await api<{ items: LqItem[] }>(page, `${base}&denominator=total`);
    const sorted = (items: LqItem[]) => [...items].sort((a, b) => (b.lq ?? -1) - (a.lq ?? -1));
    // Sorted by LQ, highest first: the first rows are the API's highest quotients.
    const expectTop = async (items: LqItem[]) => {
      const top = sorted(items).slice(0, 5);
      await expect
        .poll(() => rows(page, 'lq-table').locator('[data-testid="lq-value"]').allTextContents())
        .toEqual(expect.arrayContaining(top.map((item) => item.lq?.toFixed(2) ?? '—')));
      const codes = rows(page, 'lq-table').locator('[data-testid="lq-industry-code"]');
      const shown: (string | null)[] = [];
      for (let i = 0; i < 5; i += 1) shown.push(await codes.nth(i).getAttribute('data-code'));
      expect(shown).toEqual(top.map((item) => item.industryCode));
    };
    expect(total.items.length).toBeGreaterThan(20);
    await expectTop(total.items);
    // The scheme by its name, not the code the upload gave it.
    expect(await page.locator('[data-testid="lq-scheme"]').textContent()).toBe('GB/T 4754');
    // Names, not codes: the GB/T 4754-2017 class name leads the cell, its code beside it.
    const best = sorted(total.items)[0];
    expect(best?.industryName).toMatch(/制造|研究|批发|零售|服务/);
    expect(
      await rows(page, 'lq-table')
        .locator('[data-testid="lq-industry-code"]')
        .first()
        .textContent(),
    ).toContain(`${best?.industryName} ${best?.industryCode}`);
    expect(await page.locator('.ant-pagination-total-text').first().textContent()).toBe(
      `共 ${total.items.length} 行`,
    );
    expect(await page.locator('[data-testid="lq-chart"] canvas').count()).toBe(1);
    expect(await rows(page, 'strength-table').count()).toBeGreaterThan(5);
    expect(
      await rows(page, 'lq-table').locator('.ant-tag', { hasText: '优势' }).count(),
    ).toBeGreaterThan(0);

    // The same-type denominator, chosen in the page, gives the API's same-type figures.
    await page.locator('[data-testid="lq-denominator"]').click();
    await page.locator('.ant-select-item-option', { hasText: '分母：同类型行业' }).click();
    await page.waitForURL(/denominator=same-type/);
    const sameType = await api<{ items: LqItem[] }>(page, `${base}&denominator=same-type`);
    await expectTop(sameType.items);
  });

  it('splits Wuxi’s change into three parts that sum to it, as the API does', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'viewer', 'chainlead-viewer');
    await page.goto(
      `${browser.baseUrl}/analysis/shift-share?scheme=gbt4754&from=2019&to=2024&region=3202`,
    );
    await rows(page, 'shift-share-table').first().waitFor();
    // Employment (the default measure) is counted in jobs, and the headers say so.
    expect(await page.locator('[data-testid="shift-share-table"] thead').textContent()).toMatch(
      /基期（人）.*末期（人）/,
    );
    const answer = await api<{ items: ShiftItem[]; totals: ShiftItem[] }>(
      page,
      '/api/statistics/shift-share?scheme=gbt4754&from=2019&to=2024&region=3202',
    );
    const byCode = new Map(answer.items.map((item) => [item.industryCode, item]));
    const shown: ShiftItem[] = [];
    const table = rows(page, 'shift-share-table');
    for (let i = 0; i < (await table.count()); i += 1) {
      const tr = table.nth(i);
      const value = async (part: string) =>
        Number(await tr.locator(`[data-testid="ss-${part}"]`).getAttribute('data-value'));
      shown.push({
        industryCode: ((await tr.locator('td').first().textContent()) ?? '').split(' ')[0] ?? '',
        change: await value('change'),
        nationalShare: await value('nationalShare'),
        industryMix: await value('industryMix'),
        regionalShare: await value('regionalShare'),
      });
    }
    expect(shown.length).toBe(Math.min(20, answer.items.length));
    for (const row of shown) {
      expect(row.nationalShare + row.industryMix + row.regionalShare).toBeCloseTo(row.change, 6);
      const want = byCode.get(row.industryCode);
      expect(row).toEqual({
        industryCode: want?.industryCode,
        change: want?.change,
        nationalShare: want?.nationalShare,
        industryMix: want?.industryMix,
        regionalShare: want?.regionalShare,
      });
    }
    const [total] = answer.totals;
    expect(await page.locator('[data-testid="shift-share-identity"]').textContent()).toContain(
      `变化 ${Math.round(total?.change ?? NaN).toLocaleString('zh-CN')}`,
    );
    expect(await page.locator('[data-testid="shift-share-chart"] canvas').count()).toBe(1);
  });

  it('compares Wuxi with Nantong node by node', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'viewer', 'chainlead-viewer');
    await page.goto(`${browser.baseUrl}/analysis/compare?regions=3202,3206`);
    await rows(page, 'comparison-table').first().waitFor();
    const answer = await api<{
      nodes: {
        name: { zh: string };
        cells: { regionCode: string; enterprises: number; status: string }[];
      }[];
    }>(page, '/api/chains/biomed/comparison?regions=3202,3206');
    expect(await rows(page, 'comparison-table').count()).toBe(answer.nodes.length);
    const header = await page.locator('[data-testid="comparison-table"] thead').textContent();
    // Regions read by their names, not their codes.
    expect(header).toContain('无锡市');
    expect(header).toContain('南通市');
    expect(header).not.toContain('3202');
    expect(await page.locator('[data-testid="comparison-node"]').allTextContents()).toEqual(
      answer.nodes.map((node) => node.name.zh),
    );
    const statuses = answer.nodes.flatMap((node) => node.cells.map((cell) => cell.status));
    const label: Record<string, string> = { strong: '强', weak: '弱', missing: '缺失' };
    expect(
      await page
        .locator('[data-testid="comparison-table"] [data-testid="node-status"]')
        .allTextContents(),
    ).toEqual(statuses.map((status) => label[status]));
    expect(await page.locator('[data-testid="comparison-region"]').count()).toBe(2);
  });

  it('refuses a statistics file with a bad row, shows the row, then imports a good one', async () => {
    const page = await browser.newPage();
    browser.allowConsoleError(/status of 400 \(Bad Request\)/);
    await signIn(page, browser.baseUrl, 'analyst', 'chainlead-analyst');
    await page.goto(`${browser.baseUrl}/analysis/upload`);
    expect(await page.locator('[data-testid="stats-columns"]').textContent()).toContain(
      'industry_type',
    );
    const upload = async (employment: string) => {
      await page.locator('input[type="file"]').setInputFiles({
        name: '统计.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(STATS_CSV(employment), 'utf8'),
      });
      await page.locator('[data-testid="stats-upload"]').click();
    };
    await upload('-5');
    const errors = rows(page, 'stats-errors');
    await errors.first().waitFor();
    expect(await errors.count()).toBe(1);
    const cells = await errors.first().locator('td').allTextContents();
    // The reason is said in the interface's language (Chinese here), from its code.
    expect(cells).toEqual(['3', 'employment', '-5', '不能为负数']);

    await upload('800');
    await page.locator('[data-testid="stats-summary"]').waitFor();
    expect(await page.locator('[data-testid="stats-inserted"]').textContent()).toBe('2');
    expect(await page.locator('[data-testid="stats-refused"]').count()).toBe(0);
    await expect
      .poll(() => rows(page, 'loaded-stats').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/^e2eweb2024/)]));
  });

  it('shows a viewer no upload, and renders in English', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'viewer', 'chainlead-viewer');
    await page.goto(`${browser.baseUrl}/analysis/lq`);
    await rows(page, 'lq-table').first().waitFor();
    // With no region asked for, the home region (Wuxi, 3202) is shown; 'all' asks for every one.
    const region = page.locator('[data-testid="lq-region"]');
    await expect.poll(() => region.textContent()).toContain('无锡市');
    expect(await region.textContent()).not.toContain('3202');
    await page.goto(`${browser.baseUrl}/analysis/lq?region=all`);
    await rows(page, 'lq-table').first().waitFor();
    expect(await region.textContent()).not.toContain('无锡市');
    expect(await page.locator('.ant-tabs-tab').allTextContents()).toEqual([
      '区位熵',
      '偏离-份额',
      '区域对比',
    ]);
    await page.goto(`${browser.baseUrl}/analysis/upload`);
    await page.getByText('页面不存在').waitFor();
    expect(await page.locator('input[type="file"]').count()).toBe(0);

    await page.goto(`${browser.baseUrl}/analysis/lq?region=3202`);
    await rows(page, 'lq-table').first().waitFor();
    await page.locator('[data-testid="language-switch"]').getByText('English').click();
    await expect.poll(() => page.locator('h3').first().textContent()).toBe('Analysis');
    expect(await page.locator('.ant-tabs-tab').allTextContents()).toEqual([
      'Location quotients',
      'Shift-share',
      'Region comparison',
    ]);
    expect(await page.locator('[data-testid="lq-table"] thead').textContent()).toContain(
      'National share',
    );
    await page.locator('[data-testid="language-switch"]').getByText('中文').click();
    await expect.poll(() => page.locator('h3').first().textContent()).toBe('统计分析');
  });
});
