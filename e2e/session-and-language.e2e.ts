import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { openRegistry, signIn, useBrowserSession } from './support/browser-session.ts';

describe.skipIf(!chromiumPath())('signing in, the language and what a role sees', () => {
  const browser = useBrowserSession();

  it('signs in as the analyst, goes back to the page asked for, in Chinese, and signs out', async () => {
    const page = await browser.newPage();
    await page.goto(`${browser.baseUrl}/enterprises`);
    await page.waitForURL(/\/login/);
    expect(await page.locator('h3').textContent()).toBe('链长制产业链服务平台');
    await page.locator('#username').fill('analyst');
    await page.locator('#password').fill('chainlead-analyst');
    await page.locator('button[type="submit"]').click();
    // Sent to the login page from the registry, the analyst lands back on the registry (of the
    // default chain: the registry's filters are the chain's).
    await page.waitForURL((url) => url.pathname === '/chains/biomed/enterprises');
    await expect.poll(() => page.locator('h3').first().textContent()).toBe('企业库');
    await page.locator('.ant-menu').getByText('驾驶舱').click();
    await page.waitForURL((url) => url.pathname === '/chains/biomed');
    await expect.poll(() => page.locator('h3').first().textContent()).toBe('生物医药产业链驾驶舱');
    await page.locator('.ant-menu').getByText('企业库').click();
    await expect.poll(() => page.locator('h3').first().textContent()).toBe('企业库');
    expect(await page.locator('.ant-menu').textContent()).toContain('园区载体');
    await expect
      .poll(() => page.locator('.ant-pagination-total-text').textContent())
      .toMatch(/共 \d{4} 家企业/);
    await page.locator('[data-testid="user-menu"]').hover();
    await page.getByText('退出登录').click();
    await page.waitForURL(/\/login/);
    await page.goto(`${browser.baseUrl}/parks`);
    await page.waitForURL(/\/login/);
  });

  it('switches to English, and remembers it after a reload', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'analyst', 'chainlead-analyst');
    await openRegistry(page, browser.baseUrl);
    expect(await page.locator('.ant-pagination-options').textContent()).toContain('条/页');
    await page.locator('[data-testid="language-switch"]').getByText('English').click();
    await expect.poll(() => page.locator('h3').first().textContent()).toBe('Enterprises');
    // Ant Design's own texts switch too (the pager's "/ page").
    expect(await page.locator('.ant-pagination-options').textContent()).toMatch(/\/ page/);
    await page.reload();
    await page.locator('[data-testid="enterprise-table"] tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('h3').first().textContent()).toBe('Enterprises');
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    expect(await page.locator('.ant-menu').textContent()).toContain('Parks');
    await page.locator('[data-testid="language-switch"]').getByText('中文').click();
    await expect.poll(() => page.locator('h3').first().textContent()).toBe('企业库');
  });

  it('shows a viewer no write actions: no upload, no classification buttons', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'viewer', 'chainlead-viewer');
    await page.goto(`${browser.baseUrl}/imports`);
    await page.getByText('导入记录', { exact: true }).waitFor();
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    expect(await page.locator('[data-testid="import-start"]').count()).toBe(0);
    expect(await page.getByText('上传文件').count()).toBe(0);

    await page.goto(`${browser.baseUrl}/enterprises?decision=uncertain`);
    await page.locator('[data-testid="enterprise-table"] tbody tr.ant-table-row a').first().click();
    await page.locator('[data-testid="classifications"] .ant-card-head').first().waitFor();
    expect(
      await page.locator('[data-testid="classifications"] [data-testid="decision"]').count(),
    ).toBeGreaterThan(0);
    for (const action of ['confirm', 'reject', 'move']) {
      expect(await page.locator(`[data-testid="${action}"]`).count()).toBe(0);
    }
  });

  it('loads under 1.5 MB of JavaScript for the login page, the registry and the cockpit', async () => {
    const page = await browser.newPage();
    const loaded = new Map<string, number>();
    page.on('response', (response) => {
      if (!response.url().endsWith('.js')) return;
      void response.body().then(
        (body) => loaded.set(response.url(), body.length),
        () => undefined,
      );
    });
    const kib = () => [...loaded.values()].reduce((sum, n) => sum + n, 0) / 1024;
    await page.context().clearCookies();
    await page.goto(`${browser.baseUrl}/login`);
    await page.waitForLoadState('networkidle');
    const login = kib();
    await signIn(page, browser.baseUrl, 'analyst', 'chainlead-analyst');
    // A fresh load of the registry, as a signed-in user opening the app sees it.
    const fresh = await browser.newPage();
    fresh.on('response', (response) => {
      if (!response.url().endsWith('.js')) return;
      void response.body().then(
        (body) => registry.set(response.url(), body.length),
        () => undefined,
      );
    });
    const registry = new Map<string, number>();
    await fresh.goto(`${browser.baseUrl}/enterprises`);
    await fresh
      .locator('[data-testid="enterprise-table"] tbody tr.ant-table-row')
      .first()
      .waitFor();
    await fresh.waitForLoadState('networkidle');
    const registryKib = [...registry.values()].reduce((sum, n) => sum + n, 0) / 1024;
    // The landing page, the cockpit, with its charts (a chunk of their own) loaded too.
    const cockpit = new Map<string, number>();
    const landing = await browser.newPage();
    landing.on('response', (response) => {
      if (!response.url().endsWith('.js')) return;
      void response.body().then(
        (body) => cockpit.set(response.url(), body.length),
        () => undefined,
      );
    });
    await landing.goto(`${browser.baseUrl}/`);
    await landing.locator('[data-testid="output-trend"] canvas').waitFor();
    await landing.waitForLoadState('networkidle');
    const cockpitKib = [...cockpit.values()].reduce((sum, n) => sum + n, 0) / 1024;
    console.log(
      `JavaScript before compression: login page ${login.toFixed(0)} KiB, ` +
        `registry page ${registryKib.toFixed(0)} KiB, cockpit ${cockpitKib.toFixed(0)} KiB`,
    );
    // The cockpit measured 1,531 KiB before the chain switcher; the switcher, the chain routes and
    // the overview's strings add 5 KiB (1,536 KiB, issue 12): the budget is 1,560 KiB, not 1,536.
    // The district map's, boundary upload's and region search's strings and two menu icons add
    // 8 KiB more (1,561 KiB measured on h-map; the pages themselves are chunks of their own).
    // Links and chain masters, 供需对接, template upload and the settings pages add their strings
    // and menu entries: 1,585 KiB measured after merging them (issues 11, 12). Each page area's
    // messages now load with its pages, the shell carries only its own (i18n/areas, withMessages):
    // 1,506 KiB measured (login page 832 → 749 KiB, registry 1,248 → 1,174 KiB). The budget is
    // 1,520 KiB: a new page's strings go in its area's files, not the shell's.
    expect(cockpitKib).toBeLessThan(1520);
    expect(login).toBeGreaterThan(100);
    expect(login).toBeLessThan(1536);
    expect(registryKib).toBeLessThan(1536);
  });
});
