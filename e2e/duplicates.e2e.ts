import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Duplicate, ImportView } from '../src/shared/api/imports.ts';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';

const FIRST = '无锡浏览器重复测试医疗科技有限公司';
// The matcher scores this pair 0.71 (chainlead match): a possible duplicate, queued, not merged.
const NEAR = '无锡浏览重复测试医疗器械有限公司';

/** Uploads a one-row CSV through the API (with the page's session) and waits for the import. */
async function importOne(page: Page, base: string, name: string): Promise<void> {
  const csv = `企业名称,行政区划代码,经营范围\n${name},320214,医疗器械的研发\n`;
  const response = await page.request.post(`${base}/api/imports`, {
    // Fields before the file: the server reads the upload as a stream.
    multipart: {
      source: 'browser test',
      file: { name: 'dup.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') },
    },
  });
  expect(response.status()).toBe(202);
  const { id } = (await response.json()) as ImportView;
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`${base}/api/imports/${id}`)).json()) as ImportView).status,
    )
    .toBe('done');
}

describe.skipIf(!chromiumPath())('the duplicates queue', () => {
  const browser = useBrowserSession();

  it('shows a near-duplicate an import found, merges it into the record kept, and undoes it', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'analyst', 'chainlead-analyst');
    await importOne(page, browser.baseUrl, FIRST);
    await importOne(page, browser.baseUrl, NEAR);

    await page.locator('.ant-menu').getByText('疑似重复').click();
    await page.waitForURL((url) => url.pathname === '/duplicates');
    const row = page.locator('tbody tr.ant-table-row', { hasText: NEAR });
    await row.waitFor();
    expect(await row.textContent()).toContain(FIRST);
    // Why the pair was queued, in the page's language (stored as English phrases).
    expect(await row.textContent()).toMatch(/名称相似度 0\.\d\d/);
    expect(await row.textContent()).not.toContain('similarity');

    await row.getByRole('button', { name: /^合\s*并$/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^合\s*并$/ })
      .click();
    await expect.poll(() => row.count()).toBe(0);

    // The pair is under "merged" now, and the registry holds one of the two names.
    const merged = (await (
      await page.request.get(`${browser.baseUrl}/api/duplicates?status=merged`)
    ).json()) as {
      items: Duplicate[];
    };
    expect(JSON.stringify(merged.items)).toContain(NEAR);
    const search = (await (
      await page.request.get(
        `${browser.baseUrl}/api/enterprises?q=${encodeURIComponent('重复测试医疗')}`,
      )
    ).json()) as { total: number };
    expect(search.total).toBe(1);

    // Undone from the history: both records again, the pair open again.
    await page.locator('.ant-segmented').getByText('已合并').click();
    const history = page.locator('tbody tr.ant-table-row', { hasText: NEAR });
    await history.getByRole('button', { name: '撤销合并' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '撤销合并' }).click();
    await expect.poll(() => history.count()).toBe(0);
    const again = (await (
      await page.request.get(
        `${browser.baseUrl}/api/enterprises?q=${encodeURIComponent('重复测试医疗')}`,
      )
    ).json()) as { total: number };
    expect(again.total).toBe(2);
  });
});
