import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';

const CSV = [
  '企业名称,行政区划代码,经营范围,主营产品,营业收入（万元）,年份',
  '无锡浏览器测试生物科技有限公司,320214,体外诊断试剂的研发和生产,化学发光检测试剂盒,3000,2024',
  '坏行测试企业有限公司,999999,,,-5,2024',
].join('\n');

describe.skipIf(!chromiumPath())('importing a file in the browser', () => {
  const browser = useBrowserSession();

  it('uploads a CSV with a bad row, follows it, and shows the summary and the error', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'analyst', 'chainlead-analyst');
    await page.goto(`${browser.baseUrl}/imports`);
    await page.locator('input[type="file"]').setInputFiles({
      name: '企业名录.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    await page.locator('#source').fill('浏览器测试');
    await page.locator('[data-testid="import-start"]').click();

    const progress = page.locator('[data-testid="import-progress"]');
    await expect
      .poll(() => progress.locator('[data-testid="import-status"]').first().textContent(), {
        timeout: 30_000,
      })
      .toBe('已完成');
    expect(await progress.textContent()).toContain('企业名录.csv');
    const errors = page.locator('[data-testid="import-errors"]');
    expect(await errors.textContent()).toContain('行政区划代码');
    expect(await errors.textContent()).toContain('999999');
    expect(await errors.locator('tbody tr.ant-table-row').first().textContent()).toMatch(/^3/);
    const report = page.locator('[data-testid="import-errors-csv"]');
    expect(await report.getAttribute('href')).toMatch(/^\/api\/imports\/\d+\/errors\.csv\?lang=zh$/);

    // The error report downloads as CSV with the bad row, in the reader's language.
    const [download] = await Promise.all([page.waitForEvent('download'), report.click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path, 'utf8')).toMatch(
      /^\uFEFF文件,行,列,值,原因\n企业名录\.csv,3,行政区划代码,999999,没有代码为 999999 的地区/,
    );

    // The history lists it; the new enterprise is in the registry.
    expect(
      await page.locator('.ant-table-row', { hasText: '企业名录.csv' }).count(),
    ).toBeGreaterThan(0);
    await page.goto(`${browser.baseUrl}/enterprises?q=${encodeURIComponent('浏览器测试')}`);
    await expect
      .poll(() => page.locator('[data-testid="enterprise-table"] tbody tr.ant-table-row').count())
      .toBe(1);
  });
});
