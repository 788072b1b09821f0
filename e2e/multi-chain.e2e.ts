import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/connection.ts';
import { createApp } from '../src/server/app.ts';
import { importEnterprises } from '../src/services/import/import-enterprises.service.ts';
import { searchEnterprises } from '../src/services/registry/enterprise-query.service.ts';
import {
  readChainTemplate,
  saveChainTemplates,
} from '../src/services/reference/chain-templates.service.ts';
import { prepareInstallation } from '../src/services/setup.service.ts';
import { createTestDatabase } from '../src/test-support/test-database.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';
import { chromiumPath } from './support/chromium-path.ts';

const PORT = 3511;
const PASSWORD = 'multi-chain-admin-password';
const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));
const SENSOR = fileURLToPath(new URL('../src/test-support/templates/sensor.yaml', import.meta.url));

// Its own small installation: a second chain loaded as `chainlead template load` loads it, and one
// firm (imported, so classified on every chain) that sits on both chains.
describe.skipIf(!chromiumPath())('an enterprise on two chains in the web app', () => {
  const browser = useBrowserSession();
  const base = `http://127.0.0.1:${PORT}`;
  let database: Database;
  let server: ServerType;
  let firmId = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, { adminPassword: PASSWORD });
    await saveChainTemplates(database.db, [readChainTemplate(SENSOR)], { id: null, name: 'e2e' });
    const file = join(mkdtempSync(join(tmpdir(), 'chainlead-multi-chain-e2e-')), 'firms.csv');
    writeFileSync(
      file,
      [
        '企业名称,行政区划代码,经营范围,主营产品,营业收入（万元）,年份',
        '无锡双链传感医疗有限公司,320214,传感器制造；医疗器械生产,压力传感器；多参数监护仪,3000,2024',
      ].join('\n'),
    );
    const imported = await importEnterprises(database.db, { id: null, name: 'e2e' }, { file });
    expect(imported.counts.inserted).toBe(1);
    const found = await searchEnterprises(database.db, { page: 1, pageSize: 5, q: '无锡双链' });
    firmId = found.items[0]?.id ?? 0;
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

  it('shows its placement on each chain and moves one within its own chain', async () => {
    const page = await browser.newPage({ width: 1440, height: 900 });
    await signIn(page, base, 'admin', PASSWORD);
    await page.waitForURL((url) => url.pathname === '/chains/biomed');
    await page.goto(`${base}/enterprises/${firmId}`);
    const sensor = page.locator('[data-testid="classification-sensor.mid.device"]');
    await sensor.waitFor();
    await page.locator('[data-testid="classification-biomed.mid.device"]').waitFor();
    // Each placement names its chain.
    await expect
      .poll(() => sensor.locator('[data-testid="placement-chain"]').textContent())
      .toBe('传感器');
    expect(
      await page
        .locator('[data-testid="classification-biomed.mid.device"] [data-testid="placement-chain"]')
        .textContent(),
    ).toBe('生物医药');

    // The biomed chain is in view; moving the sensor placement offers the sensor chain's nodes.
    await sensor.locator('[data-testid="move"]').click();
    await page.locator('[data-testid="move-target"]').click();
    const options = page.locator('.ant-select-tree-title');
    await expect.poll(() => options.allTextContents()).toContain('传感模组');
    expect(await options.allTextContents()).not.toContain('医疗设备');
    await options.getByText('传感模组', { exact: true }).click();
    await page.locator('.ant-modal-footer .ant-btn-primary:visible').click();
    await page.locator('[data-testid="classification-sensor.mid.module"]').waitFor();
    // The biomed placement is as it was.
    await expect
      .poll(() =>
        page
          .locator('[data-testid="classification-biomed.mid.device"] [data-testid="decision"]')
          .textContent(),
      )
      .toBe('已确认');
  });

  it("lists each firm's node on the chain in view, and keeps 'this chain only' in the address", async () => {
    const page = await browser.newPage({ width: 1440, height: 900 });
    await signIn(page, base, 'admin', PASSWORD);
    const firmRow = page.locator('.ant-table-row', { hasText: '无锡双链传感医疗有限公司' });
    await page.goto(`${base}/chains/sensor/enterprises`);
    // Moved to the module node by the test before; the list shows its node on the sensor chain.
    await expect.poll(() => firmRow.textContent()).toContain('传感模组');
    await page.goto(`${base}/chains/biomed/enterprises`);
    await expect.poll(() => firmRow.textContent()).toContain('医疗设备');
    expect(await firmRow.textContent()).not.toContain('传感模组');
    await page.locator('[data-testid="filter-on-chain"]').click();
    await page.waitForURL((url) => url.searchParams.get('onChain') === '1');
    await page.reload();
    await expect.poll(() => firmRow.textContent()).toContain('医疗设备');
    expect(await page.getByRole('checkbox', { name: '仅本链企业' }).isChecked()).toBe(true);
  });
});
