import type { ChainAnalysis } from '../src/shared/api/analysis.ts';
import { formatPercent, formatYuan } from '../src/shared/format.ts';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';

describe.skipIf(!chromiumPath())('the cockpit', () => {
  const browser = useBrowserSession();

  it('shows the target and the growth it needs as the API computes them, fast', async () => {
    const page = await browser.newPage({ width: 1920, height: 1080 });
    await signIn(page, browser.baseUrl, 'analyst', 'chainlead-analyst');
    const analysis = (await page.evaluate(async () => {
      const response = await fetch('/api/chains/biomed/analysis?region=3202');
      return await response.json();
    })) as ChainAnalysis;
    const target = analysis.targets.find((t) => t.nodeCode === null);
    expect(target?.valueYuan).toBe(250e9);
    const needed = formatPercent(target?.requiredGrowth ?? null);

    // A fresh load of the cockpit: from navigation to the target figures on screen.
    const started = Date.now();
    await page.goto(`${browser.baseUrl}/`);
    await page.locator('[data-testid="figure-needed"]').getByText(needed).waitFor();
    const elapsed = Date.now() - started;
    console.log(`Cockpit figures visible ${elapsed} ms after navigation`);
    expect(elapsed).toBeLessThan(2000);

    // The tab names the page as well as the product.
    await expect.poll(() => page.title()).toMatch(/^\S+ · chainlead 链长制$/);
    expect(await page.locator('[data-testid="figure-target"]').textContent()).toContain(
      formatYuan(250e9, 'zh'),
    );
    expect(await page.locator('[data-testid="cockpit"] h3.cockpit-title').textContent()).toBe(
      '生物医药产业链驾驶舱',
    );
    await page.locator('[data-testid="target-gauge"] canvas').waitFor();
    await page.locator('[data-testid="output-trend"] canvas').waitFor();
    const weak = await page.locator('[data-testid="weak-links"] li').allTextContents();
    const missing = analysis.nodes.find((n) => n.status === 'missing');
    expect(weak[0]).toContain(missing?.name.zh);
    expect(weak[0]).toContain(missing?.reasons[0]?.zh);

    await page.locator('[data-testid="cockpit-fullscreen"]').click();
    await page.locator('.cockpit-large').waitFor();
    await page.locator('[data-testid="cockpit-fullscreen"]').click();
    await expect.poll(() => page.locator('.cockpit-large').count()).toBe(0);

    // A city is found by its pinyin name as well as by 苏州 or 3205.
    await page.locator('[data-testid="cockpit-region"]').click();
    await page.keyboard.type('suzhou');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    // The list narrows to 苏州市 alone (无锡市 and the rest are filtered out), then it is picked.
    await expect.poll(() => options.allTextContents()).toEqual(['苏州市']);
    await options.first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('3205');
    // The chain's other pages stay on 苏州.
    const mapLink = page.locator('.ant-menu a[href*="/map"]').first();
    await expect.poll(() => mapLink.getAttribute('href')).toMatch(/\/map\?region=3205$/);
  });

  it('reads in English after the switch', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'analyst', 'chainlead-analyst');
    await page.locator('[data-testid="language-switch"]').getByText('English').click();
    await expect
      .poll(() => page.locator('[data-testid="cockpit"] h3.cockpit-title').textContent())
      .toBe('Biomedicine chain cockpit');
    const figures = await page.locator('[data-testid="cockpit-figures"]').textContent();
    expect(figures).toContain(formatYuan(250e9, 'en'));
    expect(figures).toContain('Growth needed a year');
    expect(await page.locator('[data-testid="weak-links"]').textContent()).not.toMatch(
      /[\u4e00-\u9fff]/,
    );
    await page.locator('[data-testid="language-switch"]').getByText('中文').click();
  });

  it("fits a chain leader's phone: two figures a row, the header's controls in view", async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await signIn(page, browser.baseUrl, 'leader', 'chainlead-leader');
    await page.locator('[data-testid="figure-target"]').waitFor();
    // Nothing wider than the screen, two figures a row, every header control inside the screen.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBe(390);
    const boxes = await Promise.all(
      [0, 1, 2].map((i) => page.locator('.cockpit-figure').nth(i).boundingBox()),
    );
    expect(boxes[1]?.y).toBe(boxes[0]?.y);
    expect(boxes[2]?.y).toBeGreaterThan((boxes[0]?.y ?? 0) + (boxes[0]?.height ?? 0) - 1);
    for (const testId of ['chain-switcher', 'language-switch', 'user-menu']) {
      const box = await page.locator(`[data-testid="${testId}"]`).boundingBox();
      expect(box, testId).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0), testId).toBeLessThanOrEqual(390);
    }

    // The leader's other pages, and the office's lists, stay as wide as the phone: filters wrap,
    // wide tables scroll within themselves.
    const pages = [
      ['leader', '/chains/biomed/scorecard', '/chains/biomed/leader', '/chains/biomed/problems'],
      ['office', '/chains/biomed/enterprises', '/chains/biomed/platforms', '/parks'],
    ] as const;
    for (const [role, ...paths] of pages) {
      if (role === 'office') await signIn(page, browser.baseUrl, 'office', 'chainlead-office');
      for (const path of paths) {
        await page.goto(`${browser.baseUrl}${path}`);
        await page.locator('.app-content h3').first().waitFor();
        await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
        expect(await page.evaluate<number>('document.documentElement.scrollWidth'), path).toBe(390);
      }
    }
  });
});
