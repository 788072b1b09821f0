import type { ChainAnalysis } from '../src/shared/api/analysis.ts';
import type { ChainMasterNetwork, ChainMasters } from '../src/shared/api/links.ts';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';
import { nodePixel } from './support/chain-map-layout.ts';

describe.skipIf(!chromiumPath())('the chain map', () => {
  const browser = useBrowserSession();

  it('opens a node in a drawer with its name, status and enterprises', async () => {
    const page = await browser.newPage({ width: 1920, height: 1080 });
    await signIn(page, browser.baseUrl, 'analyst', 'chainlead-analyst');
    await page.locator('.ant-menu').getByText('产业链图谱').click();
    const map = page.locator('[data-testid="chain-map"] canvas').first();
    await map.waitFor();
    const analysis = (await page.evaluate(async () => {
      const response = await fetch('/api/chains/biomed/analysis?region=3202');
      return await response.json();
    })) as ChainAnalysis;
    const device = analysis.nodes.find((n) => n.code === 'biomed.mid.device');
    expect(device?.enterprises).toBeGreaterThan(0);

    // Where the map draws the node: the page's layout (columns 760 apart, rows 86 apart, shorter
    // columns centred, headings a row above), fitted into the chart's box as ECharts fits it.
    const box = await page.locator('[data-testid="chain-map"]').boundingBox();
    if (!box || !device) throw new Error('No chain map or no device node.');
    const { x, y } = nodePixel(analysis, device.code, box);
    await page.mouse.move(x, y);
    await expect
      .poll(() => page.locator('.chart-box div').last().textContent())
      .toContain('企业数');
    await page.mouse.click(x, y);
    const drawer = page.locator('.ant-drawer-content');
    await expect
      .poll(() => drawer.locator('.ant-drawer-title').textContent())
      .toBe(device?.name.zh);
    expect(await drawer.locator('[data-testid="node-status"]').textContent()).toBe(
      { strong: '强', weak: '弱', missing: '缺' }[device?.status ?? 'strong'],
    );
    await drawer
      .locator('[data-testid="node-enterprises"] tbody tr.ant-table-row')
      .first()
      .waitFor();
    expect(await drawer.locator('h5').allTextContents()).toContain(
      `本地已确认企业（${device?.enterprises} 家）`,
    );
    // The node's chain masters lead to their networks (链主生态).
    expect(device.chainMasters.length).toBeGreaterThan(0);
    expect(await drawer.locator('[data-testid="node-chain-master"]').allTextContents()).toEqual(
      device.chainMasters.map((m) => m.name),
    );
    expect(
      await drawer.locator('[data-testid="node-chain-master"]').first().getAttribute('href'),
    ).toBe(`/chains/biomed/chain-masters/${device.chainMasters[0]?.id}?region=3202`);
    await drawer.locator('[data-testid="node-enterprises-link"]').click();
    await page.waitForURL(/\/enterprises\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('node')).toBe('biomed.mid.device');
    expect(url.searchParams.get('decision')).toBe('confirmed');
  });

  it("marks a chosen chain master's partners on the map's nodes, counted local and elsewhere", async () => {
    const page = await browser.newPage({ width: 1600, height: 1000 });
    await signIn(page, browser.baseUrl, 'analyst', 'chainlead-analyst');
    const master = await page.evaluate(async () => {
      const list = (await (
        await fetch('/api/chains/biomed/chain-masters?region=3202')
      ).json()) as ChainMasters;
      const first = list.items.find((m) => m.rate.total > 0);
      if (!first) return null;
      return (await (
        await fetch(`/api/chains/biomed/chain-masters/${first.id}?region=3202`)
      ).json()) as ChainMasterNetwork;
    });
    if (!master) throw new Error('the demo has no chain master with links');
    await page.goto(`${browser.baseUrl}/chains/biomed/map?region=3202`);
    await page.locator('[data-testid="chain-map"] canvas').first().waitFor();
    await page.locator('[data-testid="chain-map-master"]').click();
    await page.locator('.ant-select-dropdown').getByText(master.master.name).click();
    const summary = page.locator('[data-testid="chain-map-network"]');
    await summary.waitFor();
    const nodes = master.byNode.flatMap((row) => (row.node ? [row.node.code] : []));
    expect((await summary.getAttribute('data-nodes'))?.split(' ').sort()).toEqual(nodes.sort());
    expect(await summary.textContent()).toContain(
      `${master.master.name}：${master.partners.length} 家关联企业`,
    );
  });
});
