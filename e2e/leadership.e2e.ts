import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../src/shared/format.ts';
import { ADMIN_PASSWORD } from './support/global-setup.ts';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';

const SHOTS = '/tmp/w2-shots';
const HELPER_SHOTS = '/tmp/scorecard-helper';

/** A day in Asia/Shanghai, `offset` days from today, as YYYY-MM-DD. */
function shanghaiDay(offset: number): string {
  return new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

/** Picks an option of a searchable Ant Design select by typing part of its text. */
async function choose(page: Page, testId: string, text: string) {
  await page.locator(`[data-testid="${testId}"]`).click();
  await page.keyboard.type(text);
  // The option typed for, active: another select's dropdown may still be open (a multiple one).
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')
    .filter({ hasText: text })
    .waitFor();
  await page.keyboard.press('Enter');
}

describe.skipIf(!chromiumPath())("the chain leader's work, 督办 and the scorecard", () => {
  const browser = useBrowserSession();

  it('as leader: the 2025 scorecard links each figure to its records', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'leader', 'chainlead-leader');
    await page.goto(`${browser.baseUrl}/scorecard?year=2025`);
    const visits = page.locator('[data-testid="figure-visits"]');
    await visits.waitFor();
    expect(await page.locator('[data-testid="scorecard-year"]').textContent()).toContain('2025');
    const count = Number(
      (await visits.locator('.scorecard-value').textContent())?.replace(/,/g, ''),
    );
    expect(count).toBeGreaterThan(0);
    expect(
      await page.locator('[data-testid="scorecard-quarters"] tbody tr.ant-table-row').count(),
    ).toBe(4);
    await page.screenshot({ path: `${SHOTS}/scorecard-1366.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/scorecard-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });

    // The visits figure opens the 2025 visits on /leader, filtered in the address.
    await visits.click();
    await page.waitForURL((url) => url.pathname === '/chains/biomed/leader');
    const url = new URL(page.url());
    expect(url.searchParams.get('kind')).toBe('visit');
    expect(url.searchParams.get('from')).toBe('2025-01-01');
    expect(url.searchParams.get('to')).toBe('2025-12-31');
    const rows = page.locator('[data-testid="activity-table"] tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeLessThanOrEqual(count);
    for (const row of await rows.all()) {
      const text = (await row.textContent()) ?? '';
      expect(text).toContain('走访');
      expect(text).toMatch(/2025-\d{2}-\d{2}/);
    }
    expect(await page.locator('[data-testid="leadership-banner"]').textContent()).toContain(
      '链长（演示）',
    );
    // An admin page typed in by a role that may not open it: one notice, not half a form.
    await page.goto(`${browser.baseUrl}/admin/settings`);
    await page.locator('[data-testid="page-forbidden"]').waitFor();
    expect(await page.getByText('当前角色无权进行此操作').count()).toBe(1);
    expect(await page.locator('form').count()).toBe(0);
    // The imports page, open to readers, says why it offers no upload.
    await page.goto(`${browser.baseUrl}/imports`);
    expect(await page.locator('[data-testid="imports-read-only"]').textContent()).toContain(
      '分析员',
    );
  });

  it("as leader: a year without registry figures credits no other year's filled links; the chain figures open the map of their year, projects the board of those projects", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'leader', 'chainlead-leader');
    const year = Number(shanghaiDay(0).slice(0, 4));
    // The registry's figures arrive months after the year: this year's card shows an earlier one.
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/scorecard');
    await page.goto(`${browser.baseUrl}/scorecard?year=${year}`);
    const card = (await (await answer).json()) as {
      output: { dataYear: number | null };
      weakLinksFilled: { value: number | null };
      projectsSigned: { records: number };
    };
    const weak = page.locator('[data-testid="figure-weakLinksFilled"]');
    await weak.waitFor();
    expect(card.output.dataYear).not.toBe(year);
    expect(card.weakLinksFilled.value).toBeNull();
    expect(await weak.locator('.scorecard-value').textContent()).toBe('—');
    expect(await weak.locator('[data-testid="weak-links-note"]').textContent()).toBe(
      `${year} 年数据尚未入库，本年补链环节暂不可知（不以往年代替）`,
    );
    await page.screenshot({ path: `${HELPER_SHOTS}/scorecard-${year}.png`, fullPage: true });

    // Weak links open the chain map of the year the figures are from, saying which year.
    await weak.click();
    await page.waitForURL((url) => url.pathname === '/chains/biomed/map');
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(card.output.dataYear));
    expect(await page.locator('[data-testid="chain-map-year"]').textContent()).toContain(
      `显示 ${card.output.dataYear} 年的环节状态`,
    );
    await expect
      .poll(() => page.textContent('.page-header'))
      .toContain(`${card.output.dataYear} 年`);
    await page.screenshot({ path: `${HELPER_SHOTS}/chain-map-year.png`, fullPage: true });
    await page.locator('[data-testid="chain-map-latest"]').click();
    await page.locator('[data-testid="chain-map-year"]').waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('year')).toBeNull();

    // Projects signed open the board of exactly the projects that reached 签约 in the year.
    await page.goto(`${browser.baseUrl}/scorecard?year=${year}`);
    const signed = page.locator('[data-testid="figure-projectsSigned"]');
    await signed.waitFor();
    await signed.click();
    await page.waitForURL((url) => url.pathname === '/chains/biomed/investment/projects');
    const filter = page.locator('[data-testid="kanban-reached-filter"]');
    await expect
      .poll(() => filter.textContent())
      .toContain(`首次进入「签约」阶段的项目，含已放弃的，共 ${card.projectsSigned.records} 个`);
    expect(await filter.textContent()).toContain(`${year}-01-01 至 ${year}-12-31`);
    expect(await page.locator('[data-testid="kanban"] [data-testid="project-card"]').count()).toBe(
      card.projectsSigned.records,
    );
    await page.screenshot({ path: `${HELPER_SHOTS}/kanban-reached.png`, fullPage: true });
    await page.locator('[data-testid="kanban-reached-clear"]').click();
    await filter.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('reached')).toBeNull();

    // Problems closed open the list of the scorecard's region and close dates, both shown.
    const lastYear = year - 1;
    const closedAnswer = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/scorecard',
    );
    await page.goto(`${browser.baseUrl}/scorecard?year=${lastYear}`);
    const closed = ((await (await closedAnswer).json()) as { problemsClosed: { records: number } })
      .problemsClosed.records;
    await page.locator('[data-testid="figure-problemsClosed"]').click();
    await page.waitForURL((url) => url.pathname === '/chains/biomed/problems');
    expect(await page.locator('[data-testid="filter-linked-region"]').textContent()).toBe(
      '地区 3202',
    );
    expect(await page.locator('[data-testid="filter-linked-closed"]').textContent()).toBe(
      `办结日期 ${lastYear}-01-01 – ${lastYear}-12-31`,
    );
    await expect
      .poll(() => page.locator('[data-testid="problem-total"]').textContent())
      .toContain(formatNumber(closed));
    await page.screenshot({ path: `${HELPER_SHOTS}/problems-closed.png`, fullPage: true });
  });

  it('as leader: an overdue problem escalated from its page becomes a 督办 item', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'leader', 'chainlead-leader');
    await page.goto(`${browser.baseUrl}/problems?overdue=true`);
    await page.locator('a[href^="/problems/"]').first().click();
    const title = (await page.locator('[data-testid="problem-title"]').textContent()) ?? '';
    await page.locator('[data-testid="escalate"]').click();
    const form = page.locator('[data-testid="escalate-form"]');
    await form.waitFor();
    // The owner defaults to the problem's department; an unassigned problem has none, so choose one.
    await form.locator('.ant-select').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first()
      .click();
    await form.locator('input[type="date"]').fill('2027-01-29');
    // The item is made (201), then the app opens it: a client-side navigation, with no page load.
    const escalated = page.waitForResponse((r) =>
      /^\/api\/problems\/\d+\/escalate$/.test(new URL(r.url()).pathname),
    );
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    // If the form stays, say what it shows (a field it wants, an error).
    const response = await escalated.catch(async () => {
      throw new Error(`the escalation was not sent; the form shows: ${await form.textContent()}`);
    });
    expect(response.status()).toBe(201);
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/leader\/supervision\/\d+$/);
    await expect.poll(async () => page.textContent('body')).toContain(title.trim());
    await expect.poll(async () => page.textContent('body')).toContain('2027-01-29');
  });

  it('as office a visit with a 督办 item; as dept progress and completion; as admin the calendar', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'office', 'chainlead-office');
    // The users page, for the office, says what it is for (opening firm accounts).
    await page.goto(`${browser.baseUrl}/admin/users`);
    expect(await page.locator('[data-testid="users-firm-only"]').textContent()).toContain('企业');
    await page.goto(`${browser.baseUrl}/leader`);
    await page.locator('[data-testid="activity-new"]').click();
    const title = `走访测试企业 ${Date.now()}`;
    const task = `协调测试企业用地 ${Date.now()}`;
    await page.locator('input[data-testid="activity-held-on"]').fill(shanghaiDay(-1));
    await page.locator('input[data-testid="activity-form-title"]').fill(title);
    await page.locator('[data-testid="activity-people"]').click();
    await page.keyboard.type('链办专员');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page
      .locator('textarea[data-testid="activity-summary"]')
      .fill('现场了解企业扩产用地需求。');
    await page.locator('[data-testid="follow-up-add"]').click();
    await page.locator('input[data-testid="follow-up-title"]').fill(task);
    await choose(page, 'follow-up-owner', '工业和信息化局');
    await page.locator('input[data-testid="follow-up-deadline"]').fill(shanghaiDay(30));
    await page.locator('[data-testid="activity-save"]').click();
    await page.getByText(title).waitFor();
    await page.screenshot({ path: `${SHOTS}/leader-1366.png`, fullPage: true });

    // The follow-up is an open 督办 item owned by 工信局.
    await page.locator('[data-testid="tab-supervision"]').click();
    await page.locator('[data-testid="supervision-state"]').getByText('办理中').click();
    const link = page.locator('[data-testid="supervision-link"]', { hasText: task });
    await link.waitFor();
    const row = page.locator('[data-testid="supervision-table"] tr', { hasText: task });
    expect(await row.textContent()).toContain('无锡市工业和信息化局');
    await link.click();
    await page.waitForURL(/\/leader\/supervision\/\d+$/);
    const itemUrl = page.url();

    await signIn(page, browser.baseUrl, 'dept', 'chainlead-dept');
    await page.goto(itemUrl);
    await page.locator('[data-testid="supervision-title"]', { hasText: task }).waitFor();
    await page
      .locator('textarea[data-testid="supervision-note"]')
      .fill('已与自然资源部门会商地块。');
    await page.locator('[data-testid="supervision-add-note"]').click();
    await page
      .locator('[data-testid="supervision-notes"]', { hasText: '已与自然资源部门会商地块' })
      .waitFor();
    // The item names the visit it follows up, and links to the activities of that day.
    const source = page.locator('[data-testid="supervision-activity"]');
    await expect.poll(() => source.textContent()).toContain(title);
    const sourceHref = new URL((await source.getAttribute('href')) ?? '', browser.baseUrl);
    expect(sourceHref.pathname).toBe('/chains/biomed/leader');
    expect(sourceHref.searchParams.get('tab')).toBe('activities');
    expect(sourceHref.searchParams.get('from')).toBe(shanghaiDay(-1));

    // Completing asks first: cancelled, the item stays open.
    const modal = page.locator('[data-testid="supervision-complete-modal"]');
    await page.locator('[data-testid="supervision-complete"]').click();
    await modal.waitFor();
    await page.locator('[data-testid="supervision-complete-cancel"]').click();
    await modal.waitFor({ state: 'hidden' });
    expect(await page.locator('[data-testid="supervision-state"]').textContent()).toBe('办理中');
    // Confirmed with a note of the result, which is sent and joins the progress notes.
    await page.locator('[data-testid="supervision-complete"]').click();
    await page
      .locator('textarea[data-testid="supervision-complete-note"]')
      .fill('用地已落实，企业已开工。');
    const completed = page.waitForRequest((r) =>
      /^\/api\/supervision\/\d+\/complete$/.test(new URL(r.url()).pathname),
    );
    await page.locator('[data-testid="supervision-complete-confirm"]').click();
    expect((await completed).postDataJSON()).toEqual({ note: '用地已落实，企业已开工。' });
    await page.locator('[data-testid="supervision-state"]', { hasText: '按期办结' }).waitFor();
    expect(await page.locator('[data-testid="supervision-complete"]').count()).toBe(0);
    await page
      .locator('[data-testid="supervision-notes"]', { hasText: '用地已落实，企业已开工。' })
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/supervision-item-1366.png`, fullPage: true });

    await signIn(page, browser.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.goto(`${browser.baseUrl}/admin/calendar`);
    await page.locator('[data-testid="calendar-years"] tr', { hasText: '2026' }).first().click();
    const days = page.locator('[data-testid="calendar-days-table"]');
    await days.getByText('春节').first().waitFor();
    expect(await days.textContent()).toContain('2026-10-01');
    await page.screenshot({ path: `${SHOTS}/admin-calendar.png`, fullPage: true });
    for (const [path, name] of [
      ['/admin/departments', 'admin-departments'],
      ['/admin/users', 'admin-users'],
    ] as const) {
      await page.goto(`${browser.baseUrl}${path}`);
      await page.locator('.ant-table-row').first().waitFor();
      await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    }
  });
});
