import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DistrictFigures } from '../src/shared/api/maps.ts';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';
import { ADMIN_PASSWORD } from './support/global-setup.ts';

/** A square of Wuxi, its south-west corner at (lng, lat): boundaries the test draws itself. */
function square(properties: Record<string, string>, lng: number, lat: number) {
  const ring = [
    [lng, lat],
    [lng + 0.12, lat],
    [lng + 0.12, lat + 0.1],
    [lng, lat + 0.1],
    [lng, lat],
  ];
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } };
}

// Three of Wuxi's districts (codes from the regions table): 锡山 320205, 惠山 320206, 新吴 320214.
const GOOD = {
  type: 'FeatureCollection',
  features: [
    square({ code: '320205', name: '锡山区' }, 120.42, 31.6),
    square({ name: '惠山区' }, 120.3, 31.6),
    square({ adcode: '320214' }, 120.42, 31.5),
  ],
};
const BAD = {
  type: 'FeatureCollection',
  features: [square({ code: '320205' }, 120.42, 31.6), square({ name: '玄武区' }, 118.8, 32)],
};

/** How many pixels of the page's district canvas have each colour (#rrggbb), exactly. */
async function canvasColours(page: Page, colours: string[]): Promise<number[]> {
  return page.evaluate(`(() => {
    const canvas = document.querySelector('[data-testid="district-map"] canvas');
    if (!canvas) return ${JSON.stringify(colours.map(() => -1))};
    const context = canvas.getContext('2d');
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const wanted = ${JSON.stringify(colours)}.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
    const counts = wanted.map(() => 0);
    for (let i = 0; i < data.length; i += 4) {
      wanted.forEach(([r, g, b], k) => {
        if (data[i] === r && data[i + 1] === g && data[i + 2] === b) counts[k] += 1;
      });
    }
    return counts;
  })()`);
}

describe.skipIf(!chromiumPath())('district maps from the office’s own boundaries', () => {
  const browser = useBrowserSession();

  it('shows a treemap without boundaries; an admin uploads them; the map is coloured by the chain', async () => {
    browser.allowConsoleError(/status of 400 \(Bad Request\)/);
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'admin', ADMIN_PASSWORD);

    // No boundaries yet: the same figures as a treemap and a table, districts by name.
    await page.goto(`${browser.baseUrl}/chains/biomed/districts?region=3202`);
    const view = page.locator('[data-testid="district-view"]');
    await expect.poll(() => view.getAttribute('data-view')).toBe('treemap');
    await page.locator('[data-testid="district-treemap"] canvas').waitFor();
    const names = page.locator('[data-testid="district-table"] [data-testid="district-name"]');
    await expect.poll(() => names.allTextContents()).toContain('新吴区');
    const figures = await page.evaluate<DistrictFigures>(
      `fetch('/api/chains/biomed/districts?region=3202').then((r) => r.json())`,
    );
    const xinwu = figures.districts.find((d) => d.code === '320214');
    expect(xinwu?.enterprises).toBeGreaterThan(0);
    const xinwuRow = page
      .locator('[data-testid="district-table"] tbody tr')
      .filter({ hasText: '新吴区' });
    expect(await xinwuRow.locator('[data-testid="district-enterprises"]').textContent()).toBe(
      String(xinwu?.enterprises),
    );
    // The legend says what each colour means: five steps of the largest district's figure.
    const largest = Math.max(...figures.districts.map((d) => d.enterprises));
    const steps = page.locator('[data-testid="district-legend-step"]');
    expect(await steps.count()).toBe(5);
    expect(await steps.first().textContent()).toBe(
      `≤ ${Math.round(largest / 5).toLocaleString('en')}`,
    );

    // The admin page refuses a file with a feature outside Wuxi, naming it, and stores nothing.
    await page.goto(`${browser.baseUrl}/admin/maps`);
    await page.locator('[data-testid="boundary-none"]').waitFor();
    const upload = async (name: string, content: object) => {
      await page.locator('input[type="file"]').setInputFiles({
        name,
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify(content), 'utf8'),
      });
      await page.locator('[data-testid="boundary-upload"]').click();
    };
    await upload('bad.geojson', BAD);
    const problems = page.locator('[data-testid="boundary-problems"] tbody tr');
    await problems.first().waitFor();
    expect(await problems.first().locator('td').allTextContents()).toEqual([
      '1',
      '玄武区',
      '该地区没有这个名称的区县',
    ]);
    expect(await page.locator('[data-testid="boundary-none"]').count()).toBe(1);

    await upload('无锡三区.geojson', GOOD);
    await expect
      .poll(() => page.locator('[data-testid="boundary-drawn"] .ant-tag').allTextContents())
      .toEqual(['锡山区', '惠山区', '新吴区']);
    expect(await page.locator('[data-testid="boundary-refused"]').count()).toBe(0);

    // The map page now draws the uploaded districts, each in its figure's colour.
    await page.goto(`${browser.baseUrl}/chains/biomed/districts?region=3202`);
    await expect.poll(() => view.getAttribute('data-view')).toBe('map');
    await page.locator('[data-testid="district-map"] canvas').waitFor();
    const coloursOf = async () =>
      JSON.parse((await view.getAttribute('data-colours')) ?? '{}') as Record<string, string>;
    const colours = await coloursOf();
    const drawn = ['320205', '320206', '320214'].map((code) => colours[code] ?? '');
    // 新吴 has enterprises: a colour of the scale, not the empty grey.
    expect(colours['320214']).not.toBe('#f0f0f0');
    await expect
      .poll(async () => (await canvasColours(page, drawn)).every((n) => n > 200))
      .toBe(true);
    await page.screenshot({ path: '/tmp/chainlead-district-map.png' });

    // Coloured by output instead: kept in the address, so the link shows the same view.
    await page.locator('[data-testid="map-metric"]').getByText('产值').click();
    await page.waitForURL(/metric=output/);
    const byOutput = await coloursOf();
    const outputDrawn = ['320205', '320206', '320214'].map((code) => byOutput[code] ?? '');
    await expect
      .poll(async () => (await canvasColours(page, outputDrawn)).every((n) => n > 200))
      .toBe(true);

    // Removed again, so the other browser tests see the demo as it was.
    const removed = await page.evaluate<number>(
      `fetch('/api/regions/3202/boundaries', { method: 'DELETE' }).then((r) => r.status)`,
    );
    expect(removed).toBe(204);
  });
});
