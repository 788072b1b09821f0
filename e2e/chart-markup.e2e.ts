import type { ServerType } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/connection.ts';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';

/**
 * Stored XSS through the charts: names are data (an import, a template, a statistics file), and
 * ECharts writes tooltips as HTML. This file serves its own small installation (the shared demo
 * stays as the other files expect it) whose industry, node, region, enterprise and park names
 * carry markup, hovers every chart that shows them, and finds the markup shown as text.
 */

/** What an attacker would put in a name: script on a broken image, and a visible bold marker. */
const MARKUP = '<img src=x onerror="window.__xss=1"><b>XSS</b>';
const ADMIN_PASSWORD = 'e2e-markup-admin-password';
/** A free port, unless CHAINLEAD_E2E_MARKUP_PORT names one (a machine that hands out ports). */
const PORT = Number(process.env.CHAINLEAD_E2E_MARKUP_PORT ?? 0);

interface World {
  database: Database;
  server: ServerType;
  /** Where this file's server answers, http://127.0.0.1:port. */
  base: string;
  enterpriseId: number;
  parkId: number;
}

/**
 * A bare installation (regions, the biomed template, admin) with the chain fixture's firms, a
 * target for Wuxi, a park with tenants and two years of statistics, then markup in the names.
 */
async function startWorld(): Promise<World> {
  const [
    { createTestDatabase },
    { prepareInstallation },
    { seedChainFixture },
    { insertParks, insertParkSpaces },
    { insertTargets },
    { findChainByCode },
    schema,
    { createApp },
    { serve },
    { and, eq, inArray },
  ] = await Promise.all([
    import('../src/test-support/test-database.ts'),
    import('../src/services/setup.service.ts'),
    import('../src/test-support/chain-fixture.ts'),
    import('../src/db/park.repository.ts'),
    import('../src/db/target.repository.ts'),
    import('../src/db/chain.repository.ts'),
    import('../src/db/schema.ts'),
    import('../src/server/app.ts'),
    import('@hono/node-server'),
    import('drizzle-orm'),
  ]);
  const database = await createTestDatabase();
  await prepareInstallation(database, { adminPassword: ADMIN_PASSWORD });
  const db = database.db;
  const firms = await seedChainFixture(db);
  const chain = await findChainByCode(db, 'biomed');
  if (!chain) throw new Error('The biomed template is not loaded.');
  await insertTargets(db, [
    { chainId: chain.id, regionCode: '3202', metric: 'output', year: 2025, value: 5000 },
  ]);

  // A node (template data), a city, an enterprise and a park, each named with markup.
  await db
    .update(schema.chainNode)
    .set({ nameZh: `医疗器械${MARKUP}`, nameEn: `Devices${MARKUP}` })
    .where(
      and(eq(schema.chainNode.chainId, chain.id), eq(schema.chainNode.code, 'biomed.mid.device')),
    );
  await db
    .update(schema.region)
    .set({ name: `无锡市${MARKUP}` })
    .where(eq(schema.region.code, '3202'));
  const enterpriseId = firms.deviceA ?? 0;
  await db
    .update(schema.enterprise)
    .set({ name: `${MARKUP}器械甲有限公司` })
    .where(eq(schema.enterprise.id, enterpriseId));
  const [parkId = 0] = await insertParks(db, [
    { code: 'xss-park', name: `园区${MARKUP}`, regionCode: '320214' },
  ]);
  await insertParkSpaces(db, [
    { parkId, code: 'A-1', kind: 'office', areaM2: 2000, occupiedM2: 800 },
    { parkId, code: 'B-1', kind: 'wet_lab', areaM2: 1000, occupiedM2: 0 },
  ]);
  await db
    .update(schema.enterprise)
    .set({ parkId })
    .where(
      inArray(schema.enterprise.id, [firms.deviceA ?? 0, firms.deviceB ?? 0, firms.ivdMaster ?? 0]),
    );

  // Statistics as a file would load them: every industry named with markup, two cities, two years.
  const industries = [
    ['2761', `生物药品制造${MARKUP}`],
    ['2770', `卫生材料${MARKUP}`],
    ['3581', `医疗诊断设备${MARKUP}`],
  ] as const;
  await db.insert(schema.regionStat).values(
    ['3202', '3205'].flatMap((regionCode, r) =>
      [2023, 2024].flatMap((year, y) =>
        industries.map(([industryCode, industryName], i) => ({
          regionCode,
          regionName: regionCode === '3202' ? `无锡市${MARKUP}` : '苏州市',
          scheme: 'xss',
          industryCode,
          industryName,
          industryType: 'traded',
          year,
          employment: 1000 + 400 * i + 300 * r + 150 * y * (i + 1),
          establishments: 10 + i,
          payroll: 5000,
          output: 100_000 * (i + 1) + 20_000 * y * (r + 1),
        })),
      ),
    ),
  );

  const app = createApp({ database, version: 'e2e-markup', webDist: WEB_DIST });
  const server = serve({ fetch: app.fetch, port: PORT, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The server has no port.');
  return { database, server, base: `http://127.0.0.1:${address.port}`, enterpriseId, parkId };
}

const WEB_DIST = new URL('../web/dist', import.meta.url).pathname;

/**
 * Runs in the page (the e2e TypeScript has no DOM types, so it travels as text): moves the mouse
 * over a chart's canvas point by point, as a user's would, until the chart's tooltip shows text
 * containing the needle; gives the tooltip's HTML and text, or null when no point showed it.
 */
const HOVER_UNTIL = (testId: string, needle: string) => `(async () => {
  const testId = ${JSON.stringify(testId)};
  const needle = ${JSON.stringify(needle)};
  const box = document.querySelector('[data-testid="' + testId + '"]');
  const canvas = box && box.querySelector('canvas');
  if (!box || !canvas) return null;
  const rect = canvas.getBoundingClientRect();
  const tooltip = () => {
    const found = [...box.querySelectorAll(':scope > div')].find(
      (div) => !div.querySelector('canvas') && div.style.display !== 'none' &&
        (div.textContent || '').includes(needle),
    );
    return found ? { html: found.innerHTML, text: found.textContent || '' } : null;
  };
  let moves = 0;
  for (let y = rect.top + 4; y < rect.bottom; y += 6) {
    for (let x = rect.left + 4; x < rect.right; x += 6) {
      canvas.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
      const found = tooltip();
      if (found) return found;
      // Let the chart's throttled handlers run now and then.
      if (++moves % 200 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  return tooltip();
})()`;

interface Tooltip {
  html: string;
  text: string;
}

/** Hovers a chart until its tooltip shows `needle` (see HOVER_UNTIL). */
async function hoverUntil(page: Page, testId: string, needle: string): Promise<Tooltip | null> {
  await page.locator(`[data-testid="${testId}"] canvas`).first().waitFor();
  return page.evaluate<Tooltip | null>(HOVER_UNTIL(testId, needle));
}

/** The markup stayed text: no script ran, no image element was made from it anywhere. */
async function expectInert(page: Page) {
  // A broken image's onerror fires within a moment: give it one before looking.
  await page.waitForTimeout(100);
  const state = await page.evaluate<{ xss: unknown; images: number; onerror: number }>(
    `({
      xss: window.__xss,
      images: document.querySelectorAll('img[src="x"]').length,
      onerror: document.querySelectorAll('[onerror]').length,
    })`,
  );
  expect(state).toEqual({ xss: undefined, images: 0, onerror: 0 });
}

/** A tooltip showed the name as written: its text holds the markup, its HTML only escaped. */
function expectShownAsText(tip: Tooltip | null) {
  expect(tip, 'a tooltip showing the name').not.toBeNull();
  expect(tip?.text).toContain(MARKUP);
  expect(tip?.html).toContain('&lt;img src=x onerror=');
  expect(tip?.html).not.toContain('<img');
}

describe.skipIf(!chromiumPath())('markup in names on every chart', () => {
  const browser = useBrowserSession();
  let world: World | null = null;
  let base = '';

  beforeAll(async () => {
    world = await startWorld();
    base = world.base;
  });

  afterAll(async () => {
    if (!world) return;
    const { server, database } = world;
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  });

  it('shows node, region, enterprise and park names as text on the chain map, cockpit and parks', async () => {
    const page = await browser.newPage();
    await signIn(page, base, 'admin', ADMIN_PASSWORD);
    // The cockpit: the trend's tooltip, and the city's name in the chooser.
    await page.goto(`${base}/?region=3202`);
    await page.locator('[data-testid="cockpit-figures"]').waitFor();
    expect(await hoverUntil(page, 'output-trend', '20')).not.toBeNull();
    await expectInert(page);

    // The road to the target (figures by year and stage; no names, but open like every chart).
    await page.goto(`${base}/investment/road`);
    expect(await hoverUntil(page, 'road-chart', '2025')).not.toBeNull();
    await expectInert(page);

    // The chain map: the node's tooltip (formatter HTML) and its label, the city in the header.
    await page.goto(`${base}/chain-map?region=3202`);
    expectShownAsText(await hoverUntil(page, 'chain-map', 'XSS'));
    await expect.poll(() => page.locator('.page-header').textContent()).toContain(MARKUP);
    await expectInert(page);

    // A park's page: tenants by node (the node's name on the axis and in the default tooltip).
    await page.goto(`${base}/parks/${world?.parkId}`);
    await expect.poll(() => page.locator('h3').first().textContent()).toContain(MARKUP);
    expectShownAsText(await hoverUntil(page, 'tenants-by-node', 'XSS'));
    expect(await hoverUntil(page, 'space-by-kind', '办公')).not.toBeNull();
    await expectInert(page);

    // An enterprise's page: its name as the title, its yearly figures' tooltip.
    await page.goto(`${base}/enterprises/${world?.enterpriseId}`);
    await expect.poll(() => page.locator('h3').first().textContent()).toContain(MARKUP);
    expect(await hoverUntil(page, 'yearly-chart', '2024')).not.toBeNull();
    await expectInert(page);
  });

  it('shows industry names as text on the location-quotient and shift-share charts', async () => {
    const page = await browser.newPage();
    await signIn(page, base, 'admin', ADMIN_PASSWORD);
    await page.goto(`${base}/analysis/lq?scheme=xss&year=2024&region=3202`);
    expectShownAsText(await hoverUntil(page, 'lq-chart', 'XSS'));
    await expectInert(page);

    await page.goto(`${base}/analysis/shift-share?scheme=xss&from=2023&to=2024&region=3202`);
    await expect
      .poll(() => page.locator('[data-testid="shift-share-table"] tbody').textContent())
      .toContain(MARKUP);
    expect(await hoverUntil(page, 'shift-share-chart', '27')).not.toBeNull();
    await expectInert(page);
  });
});
