// Takes the README's screenshots from the real app: builds the web app if needed, serves it with
// the API on the Wuxi demo (in-memory PostgreSQL) at a free port, and photographs pages with
// Chromium at 1920×1080 in Chinese. Run: npx tsx scripts/screenshots.ts [OUT_DIR] [WIDTHxHEIGHT]
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { chromium, type Page } from 'playwright-core';
import { createTestDatabase } from '../src/test-support/test-database.ts';
import { createApp } from '../src/server/app.ts';
import { prepareInstallation } from '../src/services/setup.service.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = process.argv[2] ?? join(root, 'docs', 'screenshots');
const [width, height] = (process.argv[3] ?? '1920x1080').split('x').map(Number);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function shoot(page: Page, name: string): Promise<void> {
  // Let the charts finish their entry animation.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`wrote ${join(outDir, `${name}.png`)}`);
}

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-web-if-needed.mjs')], {
  stdio: 'inherit',
});
if (build.status !== 0) throw new Error('Building the web app failed.');
mkdirSync(outDir, { recursive: true });

const database = await createTestDatabase();
await prepareInstallation(database, { adminPassword: 'screenshots-admin', demoOnFirstRun: true });
const app = createApp({ database, version: 'screenshots', webDist: join(root, 'web', 'dist') });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => server.once('listening', resolve));
const address = server.address();
if (!address || typeof address === 'string') throw new Error('The server has no port.');
const base = `http://127.0.0.1:${address.port}`;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--hide-scrollbars'],
});
try {
  const page = await browser.newPage({
    viewport: { width: width ?? 1920, height: height ?? 1080 },
    locale: 'zh-CN',
  });
  await page.goto(`${base}/login`);
  await page.locator('#username').fill('analyst');
  await page.locator('#password').fill('chainlead-analyst');
  await page.locator('button[type="submit"]').click();
  await page.locator('[data-testid="target-gauge"] canvas').waitFor();
  await shoot(page, 'cockpit');
  if (process.argv.includes('--all')) {
    await page.locator('[data-testid="cockpit-fullscreen"]').click();
    await shoot(page, 'cockpit-fullscreen');
    await page.locator('[data-testid="cockpit-fullscreen"]').click();
  }
  await page.goto(`${base}/chain-map`);
  await page.locator('[data-testid="chain-map"] canvas').waitFor();
  await shoot(page, 'chain-map');

  // Running the chain: the office's problem list and a problem, the scorecard, the firm's phone.
  const signedIn = async (
    username: string,
    viewport = { width: width ?? 1920, height: height ?? 1080 },
  ) => {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const userPage = await context.newPage();
    await userPage.goto(`${base}/login`);
    await userPage.locator('#username').fill(username);
    await userPage.locator('#password').fill(`chainlead-${username}`);
    await userPage.locator('button[type="submit"]').click();
    await userPage.waitForURL((url) => !url.pathname.startsWith('/login'));
    return userPage;
  };
  const office = await signedIn('office');
  await office.goto(`${base}/problems`);
  await office.waitForLoadState('networkidle');
  await shoot(office, 'problems');
  await office.goto(`${base}/problems?view=board`);
  await office.waitForLoadState('networkidle');
  await office.goto(`${base}/problems?overdue=true`);
  await office.waitForLoadState('networkidle');
  await office.locator('a[href^="/problems/"]').first().click();
  await office.waitForLoadState('networkidle');
  await shoot(office, 'problem');
  // Knowing the chain and filling it: the registry, the project pipeline, the parks.
  await page.goto(`${base}/enterprises?sort=latestOutput&order=desc`);
  await page.waitForLoadState('networkidle');
  await shoot(page, 'registry');
  await page.goto(`${base}/investment/projects`);
  await page.waitForLoadState('networkidle');
  await shoot(page, 'pipeline');
  await page.goto(`${base}/parks`);
  await page.waitForLoadState('networkidle');
  await shoot(page, 'parks');
  // 链主生态: the chain masters' local supporting rates, then the first master's network.
  await page.goto(`${base}/chain-masters`);
  await page.waitForLoadState('networkidle');
  await page.locator('[data-testid="chain-master-link"]').first().click();
  await page.locator('[data-testid="chain-master-graph"] canvas').waitFor();
  await page.waitForLoadState('networkidle');
  await shoot(page, 'chain-master');
  // 供需对接: needs, offers and the proposed local suppliers.
  await page.goto(`${base}/matchmaking`);
  await page.waitForLoadState('networkidle');
  await shoot(page, 'matchmaking');
  // A chain master's network drawn on the chain map: its partners' nodes ringed.
  await page.goto(`${base}/chain-map`);
  await page.locator('[data-testid="chain-map"] canvas').waitFor();
  await page.locator('[data-testid="chain-map-master"]').click();
  await page.locator('.ant-select-dropdown .ant-select-item-option').first().click();
  await page.locator('[data-testid="chain-map-network"]').waitFor();
  await page.waitForLoadState('networkidle');
  await shoot(page, 'chain-map-network');
  // 专家库, 活动 and 创新平台 (an innovation centre with the firms using it).
  await page.goto(`${base}/experts`);
  await page.waitForLoadState('networkidle');
  await shoot(page, 'experts');
  await page.goto(`${base}/events`);
  await page.waitForLoadState('networkidle');
  await shoot(page, 'events');
  await page.goto(`${base}/platforms`);
  await page.waitForLoadState('networkidle');
  await page.locator('[data-testid="platform-link"]', { hasText: '创新药物' }).click();
  await page.waitForLoadState('networkidle');
  await shoot(page, 'platform');
  // The chain by district: a treemap until the office uploads its own approved boundaries.
  await page.goto(`${base}/districts`);
  await page.waitForLoadState('networkidle');
  await shoot(page, 'districts');
  const leader = await signedIn('leader');
  await leader.goto(`${base}/overview`);
  await leader.waitForLoadState('networkidle');
  await shoot(leader, 'overview');
  await leader.goto(`${base}/scorecard?year=2025`);
  await leader.waitForLoadState('networkidle');
  await shoot(leader, 'scorecard');
  await leader.goto(`${base}/leader`);
  await leader.waitForLoadState('networkidle');
  await shoot(leader, 'leader');
  // The office's own administration: targets by year (the admin user).
  const adminContext = await browser.newContext({
    viewport: { width: width ?? 1920, height: height ?? 1080 },
    locale: 'zh-CN',
  });
  const admin = await adminContext.newPage();
  await admin.goto(`${base}/login`);
  await admin.locator('#username').fill('admin');
  await admin.locator('#password').fill('screenshots-admin');
  await admin.locator('button[type="submit"]').click();
  await admin.waitForURL((url) => !url.pathname.startsWith('/login'));
  await admin.goto(`${base}/admin/targets`);
  await admin.waitForLoadState('networkidle');
  await shoot(admin, 'admin-targets');
  const firm = await signedIn('firm', { width: 390, height: 844 });
  await firm.waitForLoadState('networkidle');
  await shoot(firm, 'firm-service');
} finally {
  await browser.close();
  server.close();
  await database.close();
}
