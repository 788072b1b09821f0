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
    await page.locator('[data-testid="report-lang"]').click();
    await page.locator('.ant-select-dropdown:visible').getByText('English').click();
    await page.locator('[data-testid="report-generate"]').click();
    await expect.poll(() => preview.locator('h1').textContent()).toContain('Biomedicine');
  });
});
