import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { openRegistry, signIn, useBrowserSession } from './support/browser-session.ts';

const ROWS = '[data-testid="enterprise-table"] tbody tr.ant-table-row';

describe.skipIf(!chromiumPath())('the enterprise registry in the browser', () => {
  const browser = useBrowserSession();

  it('filters by text, tag and node, then opens an enterprise with its figures', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'analyst', 'chainlead-analyst');
    await openRegistry(page, browser.baseUrl);
    const totalText = () => page.locator('.ant-pagination-total-text').textContent();
    const before = await totalText();

    await page.locator('[data-testid="filter-tag"]').click();
    await page.locator('.ant-select-dropdown:visible').getByText('链主企业').click();
    await expect.poll(totalText).not.toBe(before);
    await expect.poll(() => new URL(page.url()).searchParams.get('tag')).toBe('chain_master');
    const masters = await page.locator(ROWS).count();
    expect(masters).toBeGreaterThan(3);
    for (const row of await page.locator(ROWS).all()) {
      expect(await row.textContent()).toContain('链主企业');
    }
    // The export is the filtered list, as an Excel workbook: a header and one row per master.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export-xlsx"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    const total = Number((await totalText())?.match(/\d+/)?.[0]);
    expect(sheet?.actualRowCount).toBe(total + 1);

    const search = page.getByPlaceholder('企业名称或统一社会信用代码');
    await search.fill('药明康德');
    await search.press('Enter');
    await expect.poll(() => page.locator(ROWS).count()).toBe(1);
    await page.locator(ROWS).first().locator('a').click();
    await page.waitForURL(/\/enterprises\/\d+$/);
    expect(await page.locator('[data-testid="enterprise-name"]').textContent()).toBe(
      '无锡药明康德新药开发股份有限公司',
    );
    expect(await page.locator('[data-testid="enterprise-facts"]').textContent()).toContain(
      '统一社会信用代码',
    );
    await page.locator('[data-testid="yearly-chart"] canvas').waitFor();
    expect(await page.getByText('数据仅为示意').count()).toBe(1);

    // Back to the list: the filter is kept in the address.
    await page.goBack();
    await expect.poll(() => page.locator(ROWS).count()).toBe(1);
    await page.goto(
      `${browser.baseUrl}/enterprises?node=biomed.mid.device&sort=latestOutput&order=desc`,
    );
    await page.locator(ROWS).first().waitFor();
    expect(await page.locator(ROWS).first().textContent()).toContain('医疗设备');
    // The filter names the node once the chain's nodes have loaded.
    await expect
      .poll(() => page.locator('[data-testid="filter-node"]').textContent())
      .toContain('医疗设备');
  });

  it('says a firm on another chain is not on this one, and names that chain', async () => {
    const page = await browser.newPage({ width: 1440, height: 900 });
    await signIn(page, browser.baseUrl, 'office', 'chainlead-office');
    /** The node column of the one firm a search for `name` lists on the biomed registry. */
    const nodeOf = async (name: string) => {
      await page.goto(`${browser.baseUrl}/chains/biomed/enterprises?q=${encodeURIComponent(name)}`);
      const row = page.locator(ROWS, { hasText: name });
      return row.locator('[data-testid="other-chain"]');
    };
    // Confirmed on a node of the equipment chain: off biomed, not off every chain.
    const laser = await nodeOf('丁蜀德航激光装备');
    await expect.poll(() => laser.textContent()).toBe('非本链 · 高端装备');
    // An elderly-care firm sits on no chain at all: only it is 未归入产业链.
    const care = await nodeOf('丁蜀元和养老服务');
    await expect.poll(() => care.textContent()).toBe('未归入产业链');
  });

  it('confirms a classification to review, and the decision is still there after a reload', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'analyst', 'chainlead-analyst');
    await page.goto(`${browser.baseUrl}/enterprises?decision=uncertain`);
    await page.locator(`${ROWS} a`).first().click();
    await page.waitForURL(/\/enterprises\/\d+$/);
    const placement = page
      .locator('[data-testid^="classification-"]')
      .filter({ has: page.locator('[data-testid="decision"]', { hasText: '待审核' }) })
      .first();
    const testId = await placement.getAttribute('data-testid');
    expect(testId).toMatch(/^classification-biomed\./);
    // Names, not codes: the placement's node by name (its code only as a tooltip), the source in words.
    expect(await placement.locator('.ant-card-head').textContent()).not.toMatch(/biomed\./);
    expect(await page.locator('.ant-descriptions').first().textContent()).toContain('演示数据');
    await placement.locator('[data-testid="confirm"]').click();
    await page.getByText('已保存，重新归类时保留此判定').waitFor();

    await page.reload();
    const reloaded = page.locator(`[data-testid="${testId}"]`);
    await reloaded.waitFor();
    expect(await reloaded.locator('[data-testid="decision"]').textContent()).toBe('已确认');
    expect(await reloaded.textContent()).toContain('人工判定');
    expect(await reloaded.locator('[data-testid="confirm"]').isDisabled()).toBe(true);
  });
});
