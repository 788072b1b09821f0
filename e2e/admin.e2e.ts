import type { TargetView } from '../src/shared/api/analysis.ts';
import type { AuditPage } from '../src/shared/api/audit.ts';
import type { ParkDetail } from '../src/shared/api/parks.ts';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';
import { ADMIN_PASSWORD } from './support/global-setup.ts';

const SHOTS = '/tmp/chainlead-admin-shots';

describe.skipIf(!chromiumPath())("the office's administration pages", () => {
  const browser = useBrowserSession();

  it('edits a chain target, creates a park with a unit, retires a unit, finds it in the audit log, disables a user', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'admin', ADMIN_PASSWORD);

    // Targets: the chain's own target, by name, changed in 亿元.
    await page.goto(`${browser.baseUrl}/admin/targets`);
    const table = page.locator('[data-testid="target-table"]');
    const chainRow = table.locator('tbody tr.ant-table-row').filter({ hasText: '整条产业链' });
    await expect.poll(() => chainRow.count()).toBeGreaterThan(0);
    // Nodes show by name, not code; the region as 省·市, as everywhere else.
    expect(await table.textContent()).not.toMatch(/biomed\./);
    await expect
      .poll(() => page.locator('[data-testid="target-region"]').textContent())
      .toBe('江苏省·无锡市');
    const year = Number(await chainRow.first().locator('td').nth(1).textContent());
    await chainRow.first().getByRole('button').click();
    const valueInput = page.locator(
      'input[data-testid="target-value"], [data-testid="target-value"] input',
    );
    await valueInput.fill('2600');
    await page.locator('[data-testid="target-save"]').click();
    await expect.poll(() => chainRow.first().textContent()).toContain('2,600.0 亿元');
    await page.screenshot({ path: `${SHOTS}/targets.png`, fullPage: true });
    const targets = await page.evaluate(async () => {
      const response = await fetch('/api/chains/biomed/targets?region=3202');
      return (await response.json()) as { items: TargetView[] };
    });
    expect(targets.items.find((t) => t.nodeCode === null && t.year === year)?.valueYuan).toBe(
      260e9,
    );
    // Back to the demo's 2,500 亿元: the other browser tests share this server and read it.
    await chainRow.first().getByRole('button').click();
    await valueInput.fill('2500');
    await page.locator('[data-testid="target-save"]').click();
    await expect.poll(() => chainRow.first().textContent()).toContain('2,500.0 亿元');

    // A new park (coded to sort after the demo's, which other tests open first), then two
    // space units in it; one retired.
    await page.goto(`${browser.baseUrl}/parks`);
    await page.locator('[data-testid="park-new"]').click();
    await page.locator('[data-testid="park-code"]').fill('zz-e2e-admin-park');
    await page.locator('[data-testid="park-name"]').fill('端到端测试园区');
    await page.locator('[data-testid="park-name-en"]').fill('E2E Test Park');
    await page.locator('[data-testid="park-region"]').fill('320206');
    await page.locator('[data-testid="park-save"]').click();
    await page.waitForURL((url) => /^\/parks\/\d+$/.test(url.pathname));
    const parkId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect.poll(() => page.locator('h3').first().textContent()).toContain('端到端测试园区');
    for (const [code, area] of [
      ['E2E-101', '600'],
      ['E2E-102', '300'],
    ] as const) {
      await page.locator('[data-testid="unit-new"]').click();
      await page.locator('[data-testid="unit-code"]').fill(code);
      await page
        .locator('input[data-testid="unit-area"], [data-testid="unit-area"] input')
        .fill(area);
      await page.locator('[data-testid="unit-save"]').click();
      await expect
        .poll(() => page.locator('[data-testid="park-spaces"]').textContent())
        .toContain(code);
    }
    await page.locator('[data-testid="unit-retire-E2E-102"]').click();
    await page.locator('[data-testid="unit-retire-ok"]').click();
    await expect
      .poll(() => page.locator('[data-testid="park-spaces"]').textContent())
      .not.toContain('E2E-102');
    await page.screenshot({ path: `${SHOTS}/park.png`, fullPage: true });
    const park = await page.evaluate(async (id) => {
      const response = await fetch(`/api/parks/${id}`);
      return (await response.json()) as ParkDetail;
    }, parkId);
    expect(park).toMatchObject({ totalAreaM2: 600, regionCode: '320206' });
    expect(park.spaces.map((s) => s.code)).toEqual(['E2E-101']);

    // The audit log, filtered by entity kind: the retirement with its before.
    await page.goto(`${browser.baseUrl}/admin/audit`);
    await page.locator('[data-testid="audit-entity"]').click();
    // Kinds and actions by name: park_space is 园区空间, space.retire 园区空间 · 停用.
    await page.locator('.ant-select-item-option[title="园区空间"]').click();
    await page
      .locator('[data-testid="audit-user"] input, input[data-testid="audit-user"]')
      .fill('admin');
    await page.locator('[data-testid="audit-search"]').click();
    const rows = page.locator('[data-testid="audit-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.first().textContent()).toContain('园区空间 · 停用');
    expect(await rows.first().textContent()).toContain('E2E-102');
    // The entity is named as well as numbered: the unit's code under 园区空间 #id.
    expect(await rows.first().locator('[data-testid="audit-entity-cell"]').textContent()).toMatch(
      /^园区空间 #\d+E2E-102$/,
    );
    const audit = await page.evaluate(async () => {
      const response = await fetch('/api/audit?entity=park_space&user=admin');
      return (await response.json()) as AuditPage;
    });
    expect(await rows.count()).toBe(Math.min(20, audit.total));
    expect(audit.items.every((e) => e.entityType === 'park_space')).toBe(true);
    await page.screenshot({ path: `${SHOTS}/audit.png`, fullPage: true });

    // Users: disable one from its edit form; it can no longer sign in.
    const created = await page.evaluate(async () => {
      const response = await fetch('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: 'e2e-temp-user',
          password: 'amber-meadow-violin-81',
          role: 'viewer',
          oneTime: false,
        }),
      });
      return response.status;
    });
    expect(created).toBe(201);
    await page.goto(`${browser.baseUrl}/admin/users`);
    await page.locator('[data-testid="user-edit-e2e-temp-user"]').click();
    await page.locator('[data-testid="user-disabled"]').click();
    await page.locator('[data-testid="user-save"]').click();
    const userRow = page
      .locator('[data-testid="user-table"] tbody tr.ant-table-row')
      .filter({ hasText: 'e2e-temp-user' });
    await expect.poll(() => userRow.textContent()).toContain('已停用');
    const login = await page.request.post(`${browser.baseUrl}/api/auth/login`, {
      data: { username: 'e2e-temp-user', password: 'amber-meadow-violin-81' },
      headers: { origin: browser.baseUrl },
    });
    expect(login.status()).toBe(401);
  });
});
