import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/connection.ts';
import { createApp } from '../src/server/app.ts';
import {
  readChainTemplate,
  saveChainTemplates,
} from '../src/services/reference/chain-templates.service.ts';
import { prepareInstallation } from '../src/services/setup.service.ts';
import { seedChainFixture } from '../src/test-support/chain-fixture.ts';
import { createTestDatabase } from '../src/test-support/test-database.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';
import { chromiumPath } from './support/chromium-path.ts';
import { bundledChainCodes } from '../src/test-support/bundled-chains.ts';

const SHOTS = '/tmp/h12-switch-shots';
const PORT = 7141;
const PASSWORD = 'switch-admin-password';
const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));
const SENSOR = fileURLToPath(new URL('../src/test-support/templates/sensor.yaml', import.meta.url));

// Its own small installation (the biomedical fixture and a second chain loaded as `chainlead
// template load` loads it), so the shared demo keeps one chain for the other browser tests.
describe.skipIf(!chromiumPath())('the chain switcher and the city overview', () => {
  const browser = useBrowserSession();
  const base = `http://127.0.0.1:${PORT}`;
  let database: Database;
  let server: ServerType;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    database = await createTestDatabase();
    await prepareInstallation(database, { adminPassword: PASSWORD });
    await seedChainFixture(database.db);
    await saveChainTemplates(database.db, [readChainTemplate(SENSOR)], { id: null, name: 'e2e' });
    const app = createApp({ database, version: 'e2e', webDist: WEB_DIST });
    server = serve({ fetch: app.fetch, port: PORT, hostname: '127.0.0.1' });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  });
  afterAll(async () => {
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    await database?.close();
  });

  it('switches to the second chain in the header, keeps it in a shareable address and opens the overview', async () => {
    const page = await browser.newPage({ width: 1440, height: 900 });
    await signIn(page, base, 'admin', PASSWORD);
    // The landing page is the default chain's cockpit, named in the address.
    await page.waitForURL((url) => url.pathname === '/chains/biomed');
    await expect.poll(() => page.locator('h3').first().textContent()).toBe('生物医药产业链驾驶舱');

    await page.locator('.ant-menu').getByText('产业链图谱').click();
    await page.waitForURL((url) => url.pathname === '/chains/biomed/map');
    await page.locator('[data-testid="chain-switcher"]').click();
    await page.locator('.ant-select-item-option').getByText('传感器').click();
    await page.waitForURL((url) => url.pathname === '/chains/sensor/map');
    await page.locator('[data-testid="chain-map"] canvas').first().waitFor();
    await expect.poll(() => page.locator('.page-header').first().textContent()).toContain('传感器');
    await page.screenshot({ path: `${SHOTS}/sensor-map.png` });

    // The address is the view: opened in another tab (no memory of the switch), the same chain.
    const shared = page.url();
    const other = await browser.newPage({ width: 1440, height: 900 });
    await other.goto(shared);
    await other.locator('[data-testid="chain-map"] canvas').first().waitFor();
    await expect
      .poll(() => other.locator('.page-header').first().textContent())
      .toContain('传感器');
    expect(await other.locator('[data-testid="chain-switcher"]').textContent()).toBe('传感器');
    // An old address opens the same page of the chain the tab last showed …
    await other.goto(`${base}/chain-map?region=3202`);
    await other.waitForURL((url) => url.pathname === '/chains/sensor/map');
    expect(new URL(other.url()).searchParams.get('region')).toBe('3202');
    // … and of the server's default chain in a tab that showed none.
    const fresh = await browser.newPage({ width: 1440, height: 900 });
    await fresh.goto(`${base}/chain-map`);
    await fresh.waitForURL((url) => url.pathname === '/chains/biomed/map');

    // A chain that is not loaded (a link from before a rename) says so and offers the default.
    await fresh.goto(`${base}/chains/retired/map`);
    await fresh.locator('[data-testid="chain-not-loaded"]').waitFor();
    expect(await fresh.locator('[data-testid="chain-not-loaded"]').textContent()).toContain(
      '没有已加载的产业链“retired”',
    );

    // The menu follows the chain in view: the cockpit is the sensor chain's.
    await page.locator('.ant-menu').getByText('驾驶舱').click();
    await page.waitForURL((url) => url.pathname === '/chains/sensor');
    await expect.poll(() => page.locator('h3').first().textContent()).toBe('传感器产业链驾驶舱');
    // No chain master with known suppliers: said in words, not as "0 chain masters" beside a count.
    await expect
      .poll(() => page.locator('[data-testid="figure-local-rate"]').textContent())
      .toContain('尚无链主登记已知供应商');
    await page.screenshot({ path: `${SHOTS}/sensor-cockpit.png` });

    await page.locator('.ant-menu').getByText('市级总览').click();
    await page.waitForURL((url) => url.pathname === '/overview');
    const rows = page.locator('[data-testid="overview-table"] tbody tr.ant-table-row');
    // Every bundled chain and the sensor chain loaded beside them.
    await expect.poll(() => rows.count()).toBe(bundledChainCodes().length + 1);
    const text = await page.locator('[data-testid="overview-table"]').textContent();
    expect(text).toContain('生物医药');
    expect(text).toContain('传感器');
    await page.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true });
    await page.locator('[data-testid="overview-open-sensor"]').click();
    await page.waitForURL(
      (url) => url.pathname === '/chains/sensor' && url.searchParams.get('region') === '3202',
    );
    await expect.poll(() => page.locator('h3').first().textContent()).toBe('传感器产业链驾驶舱');
  });
});
