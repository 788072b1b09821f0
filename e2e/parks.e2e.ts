import type { ParkDetail, ParkSummary } from '../src/shared/api/parks.ts';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';

describe.skipIf(!chromiumPath())('the parks pages', () => {
  const browser = useBrowserSession();

  it("shows each park's space, occupancy and tenants as the API counts them", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'analyst', 'chainlead-analyst');
    await page.locator('.ant-menu').getByText('园区载体').click();
    await page.waitForURL((url) => url.pathname === '/parks');
    const parks = await page.evaluate(async () => {
      const response = await fetch('/api/parks');
      return (await response.json()) as { items: ParkSummary[] };
    });
    // The demo's four parks hold 860,000 m²; other browser tests may have added a park since.
    const demo = parks.items.filter((p) => p.demo);
    expect(demo).toHaveLength(4);
    expect(demo.reduce((sum, p) => sum + p.totalAreaM2, 0)).toBe(860_000);
    // The page's total is the parks' space added up.
    const total = parks.items.reduce((sum, p) => sum + p.totalAreaM2, 0);
    await expect
      .poll(() => page.locator('[data-testid="parks-summary"]').textContent())
      .toContain(`${parks.items.length} 个园区，专业载体 ${total.toLocaleString('en-US')} m²`);
    const cards = page.locator('[data-testid="park-card"]');
    await expect.poll(() => cards.count()).toBe(parks.items.length);
    // Every card draws its space by kind.
    await expect.poll(() => cards.locator('canvas').count()).toBeGreaterThanOrEqual(demo.length);

    // A park's page: space by kind and tenants by node as charts, its units and tenants as tables.
    const first = demo[0];
    if (!first) throw new Error('The demo has no park.');
    await cards.filter({ hasText: first.name }).first().locator('.ant-card-head a').click();
    await page.waitForURL((url) => url.pathname === `/parks/${first.id}`);
    await expect.poll(() => page.locator('h3').first().textContent()).toContain(first.name);
    const detail = await page.evaluate(async (id) => {
      const response = await fetch(`/api/parks/${id}`);
      return (await response.json()) as ParkDetail;
    }, first.id);
    await expect.poll(() => page.locator('.chart-box canvas').count()).toBeGreaterThanOrEqual(2);
    const tenantsCard = page.locator('.ant-card').filter({ hasText: '入驻企业名单' });
    await expect
      .poll(() => tenantsCard.locator('tbody tr.ant-table-row').count())
      .toBe(Math.min(10, detail.tenants.length));
    const firstTenant = detail.tenants[0];
    if (firstTenant) {
      expect(await tenantsCard.locator('tbody tr.ant-table-row').first().textContent()).toContain(
        firstTenant.name,
      );
    }
    expect(detail.tenants.length).toBe(first.tenantCount);

    // With another chain in view, a tenant on biomed is not called unclassified: it names biomed.
    await page.goto(`${browser.baseUrl}/chains/ic`);
    await page.locator('[data-testid="figure-target"]').waitFor();
    await expect
      .poll(() => page.locator('[data-testid="chain-switcher"]').textContent())
      .toContain('集成电路');
    await page.goto(`${browser.baseUrl}/parks/${first.id}`);
    await expect
      .poll(() => tenantsCard.locator('[data-testid="other-chain"]').first().textContent())
      .toBe('非本链 · 生物医药');
  });
});
