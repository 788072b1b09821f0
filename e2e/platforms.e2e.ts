import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';

describe.skipIf(!chromiumPath())('innovation platforms (创新平台)', () => {
  const browser = useBrowserSession();

  it("as office: opens an innovation centre's page with the firms using it, and records a platform", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'office', 'chainlead-office');
    await page.goto(`${browser.baseUrl}/chains/biomed/platforms`);
    await page
      .locator('[data-testid="platform-link"]', { hasText: '无锡创新药物研发创新中心' })
      .click();
    await page.waitForURL((url) => /^\/chains\/biomed\/platforms\/\d+$/.test(url.pathname));
    const firms = page.locator('[data-testid="platform-users"] [data-testid="platform-user-link"]');
    await firms.first().waitFor();
    expect(await firms.count()).toBeGreaterThanOrEqual(12);
    expect(await page.locator('[data-testid="platform-nodes"]').textContent()).toContain('合同研发生产');
    const firstFirm = (await firms.first().textContent()) ?? '';
    await firms.first().click();
    await page.waitForURL((url) => /^\/enterprises\/\d+$/.test(url.pathname));
    await page.getByText(firstFirm).first().waitFor();

    const name = `E2E 中试平台 ${Date.now() % 100000}`;
    await page.goto(`${browser.baseUrl}/chains/biomed/platforms`);
    await page.locator('[data-testid="platform-add"]').click();
    await page.locator('[data-testid="platform-form-name"]').fill(name);
    for (const [field, option] of [
      ['platform-form-kind', '公共服务平台'],
      ['platform-form-level', '市级'],
    ] as const) {
      await page.locator(`[data-testid="${field}"]`).click();
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .filter({ hasText: option })
        .click();
    }
    await page.locator('[data-testid="platform-form-region"]').fill('320214');
    await page.locator('[data-testid="platform-form-save"]').click();
    await page.locator('[data-testid="platform-name"]', { hasText: name }).waitFor();
  });
});
