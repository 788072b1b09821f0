import type { ChainAnalysis } from '../src/shared/api/analysis.ts';
import type { ChainMasterNetwork, ChainMasters } from '../src/shared/api/links.ts';
import { formatPercent } from '../src/shared/format.ts';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';

describe.skipIf(!chromiumPath())('the chain master pages (链主生态)', () => {
  const browser = useBrowserSession();

  it("lists the chain masters with the API's rates, opens one as a graph and a table, and the cockpit shows the average", async () => {
    const page = await browser.newPage({ width: 1600, height: 1000 });
    await signIn(page, browser.baseUrl, 'analyst', 'chainlead-analyst');
    const masters = (await page.evaluate(async () => {
      const response = await fetch('/api/chains/biomed/chain-masters?region=3202');
      return await response.json();
    })) as ChainMasters;
    const master = masters.items.find((m) => m.rate.total > 0);
    if (!master) throw new Error('the demo has no chain master with links');

    await page.goto(`${browser.baseUrl}/chains/biomed/chain-masters?region=3202`);
    await page.locator('[data-testid="chain-masters-table"] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid="chain-masters-average"]').textContent()).toContain(
      formatPercent(masters.average.byCount),
    );
    const row = page.locator('[data-testid="chain-masters-table"] tbody tr', {
      hasText: master.name,
    });
    expect(await row.textContent()).toContain(formatPercent(master.rate.byCount));

    await row.locator('[data-testid="chain-master-link"]').click();
    await page.locator('[data-testid="chain-master-graph"] canvas').waitFor();
    expect(await page.locator('[data-testid="master-rate-count"]').textContent()).toContain(
      formatPercent(master.rate.byCount),
    );
    expect(await page.locator('[data-testid="master-local-suppliers"]').textContent()).toContain(
      `${master.rate.local} / ${master.rate.total}`,
    );
    const network = (await page.evaluate(async (id) => {
      const response = await fetch(`/api/chains/biomed/chain-masters/${id}?region=3202`);
      return await response.json();
    }, master.id)) as ChainMasterNetwork;
    const partners = page.locator('[data-testid="master-partners"] tbody tr');
    await expect.poll(() => partners.count()).toBe(network.partners.length);

    // The enterprise page leads to the same network.
    await page.goto(`${browser.baseUrl}/enterprises/${master.id}`);
    await page.locator('[data-testid="enterprise-chain-master"]').click();
    await page.locator('[data-testid="chain-master-graph"] canvas').waitFor();

    const analysis = (await page.evaluate(async () => {
      const response = await fetch('/api/chains/biomed/analysis?region=3202');
      return await response.json();
    })) as ChainAnalysis;
    await page.goto(`${browser.baseUrl}/chains/biomed?region=3202`);
    await expect
      .poll(() => page.locator('[data-testid="figure-local-rate"]').textContent())
      .toContain(formatPercent(analysis.totals.chainMasterLocalRate.byCount));
  });
});
