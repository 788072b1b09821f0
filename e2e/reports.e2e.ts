import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';

describe.skipIf(!chromiumPath())('the reports page', () => {
  const browser = useBrowserSession();

  it('generates the briefing, previews it, and offers HTML and Markdown', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'analyst', 'chainlead-analyst');
    await page.locator('.ant-menu').getByText('分析报告').click();
    await page.locator('[data-testid="report-year"]').getByText('2024').waitFor();
    await page.locator('[data-testid="report-generate"]').click();
    const preview = page.frameLocator('[data-testid="report-preview"]');
    await expect.poll(() => preview.locator('h1').textContent()).toContain('生物医药');
    expect(await preview.locator('svg').count()).toBeGreaterThan(0);
    const md = await page.locator('[data-testid="report-download-md"]').getAttribute('href');
    expect(md).toContain('format=md');
    const download = page.waitForEvent('download');
    await page.locator('[data-testid="report-download-html"]').click();
    expect((await download).suggestedFilename()).toMatch(/\.html$/);

    // In English: the briefing's own language, chosen here.
    await page.locator('[data-testid="report-lang"]').click();
    await page.locator('.ant-select-dropdown:visible').getByText('English').click();
    await page.locator('[data-testid="report-generate"]').click();
    await expect.poll(() => preview.locator('h1').textContent()).toContain('Biomedicine');
  });
});
