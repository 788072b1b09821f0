import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';

describe.skipIf(!chromiumPath())('the reports page', () => {
  const browser = useBrowserSession();

  it('generates the briefing, previews it, and offers HTML, Markdown and PDF', async () => {
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
    // The server has Chromium here, so it offers the briefing printed to PDF.
    const pdfDownload = page.waitForEvent('download');
    await page.locator('[data-testid="report-download-pdf"]').click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(/^biomed-3202-2024-zh\.pdf$/);
    const pdfPath = await pdf.path();
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // In English: the briefing's own language, chosen here.
    // The option is clicked once the dropdown is open, and the choice is seen taken before the
    // briefing is asked for (the preview above may have scrolled the controls away).
    const lang = page.locator('[data-testid="report-lang"]');
    await lang.scrollIntoViewIfNeeded();
    await lang.click();
    const option = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'English' });
    await option.waitFor();
    await option.click();
    await expect.poll(() => lang.textContent()).toContain('English');
    const generate = page.locator('[data-testid="report-generate"]');
    await generate.scrollIntoViewIfNeeded();
    await expect.poll(() => generate.isVisible()).toBe(true);
    const english = page.waitForRequest(
      (r) => r.url().includes('/report?') && r.url().includes('lang=en'),
    );
    await generate.click();
    await english;
    await expect.poll(() => preview.locator('h1').textContent()).toContain('Biomedicine');
  });
});
