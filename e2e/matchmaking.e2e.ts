import type { Page } from 'playwright-core';
import type { ChainMasterNetwork, ChainMasters } from '../src/shared/api/links.ts';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';

/** The number a cockpit figure shows. */
async function figureValue(page: Page, testId: string): Promise<number> {
  const text = await page.locator(`[data-testid="${testId}"] .cockpit-figure-amount`).textContent();
  return Number((text ?? '').replace(/,/g, ''));
}

describe.skipIf(!chromiumPath())('supply–demand matchmaking (供需对接)', () => {
  const browser = useBrowserSession();
  const product = `无血清细胞培养基 E2E-${Date.now() % 100000}`;

  it('as firm: publishes a need and sees local suppliers first, with reasons', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'firm', 'chainlead-firm');
    // The office's pages are not an enterprise's: their addresses lead back to its service page.
    for (const path of ['/chains/biomed', '/admin/users', '/enterprises']) {
      await page.goto(`${browser.baseUrl}${path}`);
      await page.waitForURL((url) => url.pathname === '/service');
    }
    await page.locator('[data-testid="firm-matchmaking"]').click();
    await page.waitForURL((url) => url.pathname === '/chains/biomed/matchmaking');
    await page.locator('[data-testid="publish-need"]').click();
    await page.locator('[data-testid="need-form-product"]').fill(product);
    const quantity = page.locator(
      'input[data-testid="need-form-quantity"], [data-testid="need-form-quantity"] input',
    );
    // A negative quantity and a period that ends before it starts are said at their fields,
    // not clamped or left to a toast.
    await quantity.fill('-5');
    await page.locator('[data-testid="need-form-starts"]').fill('2026-12-01');
    await page.locator('[data-testid="need-form-ends"]').fill('2026-11-01');
    await page.locator('[data-testid="need-form-save"]').click();
    await page.getByText('数量不能为负数').waitFor();
    await page.getByText('截止日期不能早于开始日期').waitFor();
    // Left open-ended: a need with no end stays open whenever the test runs.
    await page.locator('[data-testid="need-form-starts"]').fill('');
    await page.locator('[data-testid="need-form-ends"]').fill('');
    await quantity.fill('600');
    await page.locator('[data-testid="need-form-unit"]').fill('升');
    await page.locator('[data-testid="need-form-contact"]').fill('采购部 王经理');
    await page.locator('[data-testid="need-form-save"]').click();
    const row = page.locator('[data-testid="needs-table"] tr', { hasText: product });
    await row.waitFor();
    expect(await row.textContent()).toContain('生物试剂与培养基');
    expect(await row.textContent()).toContain('采购部 王经理');
    await row.locator('button', { hasText: '推荐匹配' }).click();
    const drawer = page.locator('[data-testid="matches-drawer"]');
    const matches = drawer.locator('[data-testid="match-row"]');
    await matches.first().waitFor();
    const local = (
      await Promise.all((await matches.all()).map((m) => m.getAttribute('data-local')))
    ).map((value) => value === 'true');
    expect(local[0]).toBe(true);
    // Local first: no local proposal after one from elsewhere.
    expect(local.indexOf(false) === -1 || local.lastIndexOf(true) < local.indexOf(false)).toBe(
      true,
    );
    const reasons = await matches
      .first()
      .locator('[data-testid="match-reasons"] li')
      .allTextContents();
    expect(reasons.some((r) => /同区县|同城/.test(r))).toBe(true);
    expect(reasons.some((r) => /培养基|环节/.test(r))).toBe(true);
    // A firm records no outcome.
    expect(await drawer.locator('[data-testid="outcome-save"]').count()).toBe(0);
  });

  it('as office: records an outcome and the cockpit figure moves', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'office', 'chainlead-office');
    await page.goto(`${browser.baseUrl}/chains/biomed?region=3202`);
    await page.locator('[data-testid="figure-matches"]').waitFor();
    const before = await figureValue(page, 'figure-matches');

    await page.goto(`${browser.baseUrl}/chains/biomed/matchmaking`);
    const row = page.locator('[data-testid="needs-table"] tr', { hasText: product });
    await row.waitFor();
    await row.locator('button', { hasText: '推荐匹配' }).click();
    const first = page.locator('[data-testid="matches-drawer"] [data-testid="match-row"]').first();
    await first.waitFor();
    await first.locator('[data-testid="outcome-select"]').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '已送样' })
      .click();
    await first.locator('[data-testid="outcome-save"]').click();
    await first.locator('[data-testid="match-outcome"]').getByText('已送样').waitFor();

    await page.goto(`${browser.baseUrl}/chains/biomed?region=3202`);
    await page.locator('[data-testid="figure-matches"]').waitFor();
    await expect.poll(() => figureValue(page, 'figure-matches')).toBe(before + 1);
  });

  it('as office: closes the need, and records a supplier of a chain master picked by name', async () => {
    const page = await browser.newPage({ width: 1440, height: 900 });
    await signIn(page, browser.baseUrl, 'office', 'chainlead-office');
    await page.goto(`${browser.baseUrl}/chains/biomed/matchmaking`);
    const row = page.locator('[data-testid="needs-table"] tr', { hasText: product });
    await row.waitFor();
    // The actions column is named and stays whole on a laptop's screen: the table scrolls
    // sideways under it rather than cutting its buttons off at the right edge.
    const close = row.locator('button', { hasText: '关闭需求' });
    const header = page.locator('[data-testid="needs-table"] thead th', { hasText: '操作' });
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await header.first().waitFor();
      // Bring the row into view by scrolling the page only: the table stays scrolled to its left.
      // (The e2e TypeScript has no DOM types: the script travels as text.)
      const rowTop = (await close.boundingBox())?.y ?? 0;
      await page.evaluate(`window.scrollBy(0, ${Math.round(rowTop - 450)})`);
      for (const target of [header.first(), close]) {
        const box = await target.boundingBox();
        expect(box, `${width} px`).not.toBeNull();
        expect(box?.x ?? -1, `${width} px`).toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? 0), `${width} px`).toBeLessThanOrEqual(width);
      }
      // Nothing lies over the button: a click would reach it (checked, not made).
      await close.click({ trial: true });
    }
    await close.click();
    await page.locator('[data-testid="need-close-confirm"]').click();
    await expect.poll(() => row.textContent()).toContain('已关闭');

    const { master, partner } = await page.evaluate(async () => {
      const list = (await (
        await fetch('/api/chains/biomed/chain-masters?region=3202')
      ).json()) as ChainMasters;
      const first = list.items[0];
      const network = (await (
        await fetch(`/api/chains/biomed/chain-masters/${first?.id}?region=3202`)
      ).json()) as ChainMasterNetwork;
      const known = new Set([first?.id, ...network.partners.map((p) => p.enterprise.id)]);
      const firms = (await (await fetch('/api/enterprises?region=3202&pageSize=100')).json()) as {
        items: { id: number; name: string }[];
      };
      return { master: network, partner: firms.items.find((e) => !known.has(e.id)) };
    });
    if (!partner) throw new Error('no Wuxi firm outside the chain master network');
    await page.goto(
      `${browser.baseUrl}/chains/biomed/chain-masters/${master.master.id}?region=3202`,
    );
    const partners = page.locator('[data-testid="master-partners"] tbody tr.ant-table-row');
    await expect.poll(() => partners.count()).toBe(master.partners.length);
    await page.locator('[data-testid="record-link"]').click();
    await page.locator('[data-testid="link-form-partner"] input').fill(partner.name);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: partner.name })
      .first()
      .click();
    await page.locator('[data-testid="link-form-product"]').fill('E2E 供货');
    await page.locator('[data-testid="link-form-save"]').click();
    await expect.poll(() => partners.count()).toBe(master.partners.length + 1);
    expect(
      await page.locator('[data-testid="master-partners"] tr', { hasText: partner.name }).count(),
    ).toBeGreaterThan(0);
  });
});
