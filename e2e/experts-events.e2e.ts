import type { ChainAnalysis } from '../src/shared/api/analysis.ts';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';
import { nodePixel } from './support/chain-map-layout.ts';

const NODE = 'biomed.mid.device';

describe.skipIf(!chromiumPath())('experts (专家库) and events (活动)', () => {
  const browser = useBrowserSession();

  it("adds an expert to a node and finds them in the node's drawer; records a signing whose project shows in the pipeline", async () => {
    const page = await browser.newPage({ width: 1920, height: 1080 });
    await signIn(page, browser.baseUrl, 'office', 'chainlead-office');

    await page.goto(`${browser.baseUrl}/chains/biomed/experts`);
    await page.locator('[data-testid="experts-table"] tbody tr.ant-table-row').first().waitFor();
    await page.locator('[data-testid="expert-add"]').click();
    await page.locator('[data-testid="expert-form-name"]').fill('浏览器测试专家');
    await page.locator('[data-testid="expert-form-fields"]').fill('监护设备, 注册申报');
    await page.locator('[data-testid="expert-form-nodes"]').click();
    await page.keyboard.type('医疗设备');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="expert-form-save"]').click();
    await expect
      .poll(() => page.locator('[data-testid="experts-table"]').textContent())
      .toContain('浏览器测试专家');

    // The chain map's drawer of that node lists the expert.
    await page.locator('.ant-menu').getByText('产业链图谱').click();
    const map = page.locator('[data-testid="chain-map"] canvas').first();
    await map.waitFor();
    const analysis = (await page.evaluate(async () => {
      const response = await fetch('/api/chains/biomed/analysis?region=3202');
      return await response.json();
    })) as ChainAnalysis;
    const box = await page.locator('[data-testid="chain-map"]').boundingBox();
    if (!box) throw new Error('No chain map.');
    const { x, y } = nodePixel(analysis, NODE, box);
    await page.mouse.move(x, y);
    await page.mouse.click(x, y);
    const drawer = page.locator('.ant-drawer-content');
    await expect
      .poll(() => drawer.locator('[data-testid="node-experts"]').textContent())
      .toContain('浏览器测试专家');

    // A signing ceremony whose outcome is a new project at 签约, found in the pipeline.
    await page.goto(`${browser.baseUrl}/chains/biomed/events`);
    await page.locator('[data-testid="events-table"] tbody tr.ant-table-row').first().waitFor();
    await page.locator('[data-testid="event-add"]').click();
    await page.locator('[data-testid="event-form-title"]').fill('浏览器测试签约仪式');
    await page.locator('[data-testid="event-form-date"]').fill('2026-06-18');
    await page.locator('[data-testid="event-form-region"]').fill('320214');
    await page.locator('[data-testid="event-form-save"]').click();
    const eventDrawer = page.locator('[data-testid="event-drawer"]');
    await page.locator('[data-testid="outcome-project-name"]').waitFor();
    expect(await eventDrawer.textContent()).toContain('签约仪式');
    await page.locator('[data-testid="outcome-project-name"]').fill('浏览器测试监护仪项目');
    await page.locator('[data-testid="outcome-save"]').click();
    await expect
      .poll(() => page.locator('[data-testid="event-outcomes"]').textContent())
      .toContain('浏览器测试监护仪项目');
    // A project already in the pipeline is picked by its name, not typed in by id.
    const pipeline = (await (
      await page.request.get(`${browser.baseUrl}/api/projects?chain=biomed&stage=negotiating`)
    ).json()) as { items: { id: number; name: string }[] };
    const existing = pipeline.items[0];
    expect(existing).toBeDefined();
    const picker = page.locator('[data-testid="outcome-project-id"]');
    await picker.click();
    await picker.locator('input').fill(existing?.name.slice(0, 4) ?? '');
    await page
      .locator('.ant-select-item-option', { hasText: existing?.name ?? '' })
      .first()
      .click();
    await page.locator('[data-testid="outcome-save"]').click();
    await expect
      .poll(() => page.locator('[data-testid="event-outcomes"]').textContent())
      .toContain(existing?.name ?? '');
    await page.locator('[data-testid="event-project-link"]').first().click();
    await expect
      .poll(() => page.locator('[data-testid="column-signed"]').textContent())
      .toContain('浏览器测试监护仪项目');
  });
});
