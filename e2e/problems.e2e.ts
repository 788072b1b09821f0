import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';
import { ADMIN_PASSWORD } from './support/global-setup.ts';

const SHOTS = '/tmp/w1-shots';
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1366, height: 768 };
const DEPT = '无锡市工业和信息化局';

interface Figures {
  received: number;
  closed: number;
  ratings: number;
  satisfiedRatings: number;
  openNow: number;
  reopened: number;
}

/** Signs in through the login page as a new user would and waits for the role's home page. */
async function signInAs(page: Page, baseUrl: string, user: string, home: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(`chainlead-${user}`);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === home);
}

/** The cockpit's problems card, figure by figure (the raw value behind each link). */
async function cockpitCard(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/`);
  const card = page.locator('[data-testid="problems-card"]');
  await card.locator('[data-testid="problems-open"]').waitFor();
  const value = async (id: string) =>
    Number(await card.locator(`[data-testid="${id}"]`).getAttribute('data-value'));
  return { openNow: await value('problems-open'), overdueNow: await value('problems-overdue') };
}

/** The year's figures for Wuxi's biomedical chain, as the cockpit card reads them. */
async function summary(page: Page, baseUrl: string): Promise<Figures> {
  const answer = await page.request.get(`${baseUrl}/api/problems/summary?chain=biomed&region=3202`);
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { overall: Figures }).overall;
}

/** Takes an action from the problem's page through its small form. */
async function act(page: Page, action: string, fill?: () => Promise<void>) {
  await page.locator(`[data-testid="action-${action}"]`).click();
  const form = page.locator('[data-testid="action-form"]');
  await form.waitFor();
  if (fill) await fill();
  await page.locator('[data-testid="action-confirm"]').click();
  // The form closes when the action is taken; if it stays, say what it shows (an error, a field).
  await form.waitFor({ state: 'detached', timeout: 20_000 }).catch(async (error: unknown) => {
    const shown = await form.textContent().catch(() => '(form gone)');
    throw new Error(`The ${action} form stayed open, showing: ${shown}`, { cause: error });
  });
}

const stageIs = (page: Page, stage: string) =>
  page.locator(`[data-testid="problem-stage"] [data-stage="${stage}"]`).waitFor();

describe.skipIf(!chromiumPath())(
  'enterprise problems: the whole loop, as its users walk it',
  () => {
    const browser = useBrowserSession();
    const base = () => browser.baseUrl;

    // Retried once: on 2026-12-06 the department's 'start' form stayed open without an error in
    // one clean-clone CI run and one of five local runs of this file (cause not found yet; see
    // the session note). A retry raises a new problem; the figures are read again first.
    it(
      'an enterprise raises a problem, the office assigns it, 工信局 answers and closes it, the enterprise rates it 不满意 and reopens it; the timeline and the figures follow',
      { retry: 1, timeout: 300_000 },
      async () => {
        // The office reads the cockpit card and the figures first.
        // One role at a time, as people at different desks: a page left open would go on asking
        // for notifications with a session that is no longer its own.
        let current: Page | null = null;
        const as = async (user: string, home: string, viewport: typeof DESK) => {
          await current?.close();
          current = await browser.newPage(viewport);
          await signInAs(current, base(), user, home);
          return current;
        };
        let office = await as('office', '/chains/biomed', DESK);
        const cardBefore = await cockpitCard(office, base());
        const before = await summary(office, base());

        // The enterprise, on a phone: no menu, its service page, the form in plain words.
        let firm = await as('firm', '/service', PHONE);
        expect(await firm.locator('.ant-layout-sider').count()).toBe(0);
        const title = `新厂房电力增容审批迟迟未办 ${Date.now() % 100000}`;
        await firm.locator('[data-testid="raise-title"]').fill(title);
        await firm
          .locator('[data-testid="raise-description"]')
          .fill('三月提交的电力增容申请至今没有答复，新生产线无法按期投产。');
        await firm
          .locator('[data-testid="raise-category"] label', { hasText: '用地/厂房' })
          .click();
        await firm.locator('[data-testid="raise-contact-name"]').fill('王经理');
        // A phone that is none is caught at the field, in the user's language, before sending.
        await firm.locator('[data-testid="raise-contact-phone"]').fill('找王经理');
        await firm.locator('[data-testid="raise-submit"]').click();
        await firm.getByText('不是电话号码').first().waitFor();
        await firm.locator('[data-testid="raise-contact-phone"]').fill('13800000001');
        await firm.locator('[data-testid="raise-submit"]').click();
        const card = firm.locator('[data-testid="firm-problem"]', { hasText: title });
        await card.waitFor();
        expect(await card.getAttribute('data-stage')).toBe('submitted');
        expect(await card.locator('[data-testid="firm-stage"]').textContent()).toBe(
          '已收到，等待受理',
        );
        const id = Number(await card.getAttribute('data-problem-id'));
        expect(id).toBeGreaterThan(0);
        // Nothing on the phone page is wider than the phone.
        const pageWidth = Number(await firm.evaluate('document.documentElement.scrollWidth'));
        expect(pageWidth).toBeLessThanOrEqual(PHONE.width);
        await firm.screenshot({ path: `${SHOTS}/firm-service-390.png`, fullPage: true });
        // The bell's panel opens within the phone's width (it once hung off the left edge).
        await firm.locator('[data-testid="notification-bell"]').click();
        const panel = await firm.locator('[data-testid="notification-panel"]').boundingBox();
        expect(panel?.x).toBeGreaterThanOrEqual(0);
        expect((panel?.x ?? 0) + (panel?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
        await firm.keyboard.press('Escape');
        // The card opens the whole problem, where the enterprise adds its papers.
        await card.locator('[data-testid="firm-open"]').click();
        await firm.waitForURL((url) => url.pathname === `/problems/${id}`);
        await firm.locator('[data-testid="problem-attachments"]').waitFor();
        await firm.goBack();
        await card.waitFor();

        // The office finds it among the new problems, accepts it and assigns it to 工信局.
        office = await as('office', '/chains/biomed', DESK);
        await office.goto(`${base()}/problems?stage=submitted`);
        const row = office.locator(`[data-testid="problem-table"] tr[data-problem-id="${id}"]`);
        await row.waitFor();
        await office.screenshot({ path: `${SHOTS}/problems-list.png` });
        await office.goto(`${base()}/problems?view=board`);
        await office
          .locator(`[data-testid="column-submitted"] [data-problem-id="${id}"]`)
          .waitFor();
        await office.screenshot({ path: `${SHOTS}/problems-board.png` });
        await office.goto(`${base()}/problems?stage=submitted`);
        await row.locator('[data-testid="problem-link"]').click();
        await office.waitForURL((url) => url.pathname === `/problems/${id}`);
        await stageIs(office, 'submitted');
        expect(await office.locator('[data-testid="problem-description"]').textContent()).toContain(
          '电力增容',
        );
        await act(office, 'accept');
        await stageIs(office, 'accepted');
        await act(office, 'assign', async () => {
          await office.locator('[data-testid="action-department"]').click();
          await office.keyboard.type('工业和信息化');
          await office.locator('.ant-select-item-option', { hasText: DEPT }).click();
          await office.locator('[data-testid="action-assignee"]').fill('李科长');
        });
        await stageIs(office, 'assigned');
        expect(await office.locator('[data-testid="problem-department"]').textContent()).toBe(DEPT);

        // 工信局 lands on its workbench, finds it to start, works it, answers and closes it.
        const dept = await as('dept', '/workbench', DESK);
        const todo = dept.locator(`[data-testid="workbench-assigned"] [data-problem-id="${id}"]`);
        await todo.waitFor();
        await dept.screenshot({ path: `${SHOTS}/workbench.png` });
        // The bell says so too: the newest notification is this assignment, and it opens the problem.
        await dept.locator('[data-testid="notification-bell"]').click();
        await dept.locator('[data-testid="notification"]', { hasText: title }).first().click();
        await dept.waitForURL((url) => url.pathname === `/problems/${id}`);
        await act(dept, 'start');
        await stageIs(dept, 'in_progress');
        await act(dept, 'answer', () =>
          dept.locator('[data-testid="action-note"]').fill('已协调供电公司，增容方案本周内批复。'),
        );
        await stageIs(dept, 'answered');
        await act(dept, 'close');
        await stageIs(dept, 'closed');

        // The enterprise rates it 不满意 and asks for it to be handled again.
        firm = await as('firm', '/service', PHONE);
        const rated = firm.locator('[data-testid="firm-problem"]', { hasText: title });
        await rated.waitFor();
        expect(await rated.getAttribute('data-stage')).toBe('closed');
        // The answer shows once the card has read the problem's detail.
        await expect.poll(() => rated.textContent()).toContain('增容方案本周内批复');
        await rated.locator('[data-testid="firm-rate"]').click();
        await firm.locator('[data-testid="action-form"] label', { hasText: '不满意' }).click();
        await firm.locator('[data-testid="action-note"]').fill('批复仍未下达。');
        await firm.locator('[data-testid="action-confirm"]').click();
        // The rating's dialog closes before the reopen's opens: a click on its fading confirm
        // button would be lost.
        await firm.locator('[data-testid="action-form"]').waitFor({ state: 'hidden' });
        // The enterprise is told its rating was taken.
        await firm.locator('.ant-message').getByText('已评价').waitFor();
        await rated.locator('[data-testid="firm-reopen"]').click();
        await firm.locator('[data-testid="action-form"]').waitFor();
        await firm.locator('[data-testid="action-confirm"]').click();
        await expect.poll(() => rated.getAttribute('data-stage')).toBe('assigned');
        await rated.locator('[data-testid="firm-steps"]').click();
        await rated.locator('[data-testid="problem-timeline"]').waitFor();
        await firm.screenshot({ path: `${SHOTS}/firm-reopened-390.png`, fullPage: true });

        // The problem's timeline shows every step with who and when.
        office = await as('office', '/chains/biomed', DESK);
        await office.goto(`${base()}/problems/${id}`);
        await stageIs(office, 'assigned');
        const events = office.locator('[data-testid="timeline-event"]');
        const steps = ['raise', 'accept', 'assign', 'start', 'answer', 'close', 'rate', 'reopen'];
        await expect.poll(() => events.count()).toBe(steps.length);
        const who = [
          '· 企业',
          '· 链办',
          '· 链办',
          '· 责任部门',
          '· 责任部门',
          '· 责任部门',
          '· 企业',
          '· 企业',
        ];
        for (const [i, step] of steps.entries()) {
          const event = events.nth(i);
          expect(await event.getAttribute('data-action')).toBe(step);
          expect(await event.locator('[data-testid="event-who"]').textContent()).toContain(who[i]);
          expect(await event.locator('[data-testid="event-when"]').textContent()).toMatch(
            /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
          );
        }
        expect(await events.nth(6).textContent()).toContain('不满意');
        expect(await events.nth(2).textContent()).toContain(DEPT);
        await office.screenshot({ path: `${SHOTS}/problem-page.png`, fullPage: true });

        // The figures moved by exactly this problem: received, closed (on time), rated, reopened, open.
        const after = await summary(office, base());
        expect(after.received).toBe(before.received + 1);
        expect(after.closed).toBe(before.closed + 1);
        expect(after.ratings).toBe(before.ratings + 1);
        expect(after.satisfiedRatings).toBe(before.satisfiedRatings);
        expect(after.reopened).toBe(before.reopened + 1);
        expect(after.openNow).toBe(before.openNow + 1);
        const cardAfter = await cockpitCard(office, base());
        expect(cardAfter.openNow).toBe(cardBefore.openNow + 1);
        expect(cardAfter.openNow).toBe(after.openNow);
        await office.locator('[data-testid="problems-card"]').scrollIntoViewIfNeeded();
        await office.screenshot({ path: `${SHOTS}/cockpit-problems.png` });
      },
    );

    it('the problem list downloads with contacts masked; the office may take them whole, the leader not', async () => {
      const page = await browser.newPage(DESK);
      const hrefs = async () => {
        await page.goto(`${base()}/problems`);
        await page.locator('[data-testid="problem-export"]').waitFor();
        const withContacts = page.locator('[data-testid="problem-export-contacts"]');
        return {
          masked: await page.locator('[data-testid="problem-export"]').getAttribute('href'),
          whole: (await withContacts.count()) > 0 ? await withContacts.getAttribute('href') : null,
        };
      };
      const csv = async (href: string | null) => {
        const answer = await page.request.get(`${base()}${href ?? ''}&format=csv`);
        expect(answer.status()).toBe(200);
        return answer.text();
      };
      await signIn(page, base(), 'office', 'chainlead-office');
      const office = await hrefs();
      expect(office.whole).toContain('includePersonalData=true');
      expect(await csv(office.masked)).toMatch(/138\*{4}\d{4}/);
      expect(await csv(office.masked)).not.toMatch(/1380510\d{4}/);
      expect(await csv(office.whole)).toMatch(/1380510\d{4}/);
      // The whole row fits a 1366-px screen; the receipt-date filter says what it filters on.
      const table = page.locator('[data-testid="problem-table"] .ant-table-content');
      const fits = await table.evaluate((element) => {
        const box = element as unknown as { scrollWidth: number; clientWidth: number };
        return box.scrollWidth <= box.clientWidth;
      });
      expect(fits).toBe(true);
      expect(await page.locator('[data-testid="filter-received"]').textContent()).toContain(
        '受理日期',
      );
      await page.locator('[data-testid="filter-received-from"]').fill('2099-01-01');
      await expect
        .poll(() => new URL(page.url()).searchParams.get('receivedFrom'))
        .toBe('2099-01-01');
      await expect.poll(() => page.locator('[data-problem-id]').count()).toBe(0);
      await signIn(page, base(), 'leader', 'chainlead-leader');
      const leader = await hrefs();
      expect(leader.whole).toBeNull();
      expect(await csv(leader.masked)).not.toMatch(/1380510\d{4}/);
    });

    it('the office imports a 12345 hotline sheet: a bad row is refused with its row and column, a good sheet is recorded', async () => {
      const page = await browser.newPage(DESK);
      await signIn(page, base(), 'office', 'chainlead-office');
      const firms = await page.request.get(
        `${base()}/api/enterprises?region=3202&chain=biomed&pageSize=1`,
      );
      const firm = ((await firms.json()) as { items: { uscc: string | null }[] }).items[0];
      expect(firm?.uscc).toBeTruthy();
      const folder = mkdtempSync(join(tmpdir(), 'chainlead-problem-import-e2e-'));
      const sheet = (when: string) => {
        const file = join(folder, `hotline-${when.slice(5, 7)}.csv`);
        writeFileSync(
          file,
          `企业,标题,内容,类别,渠道,受理时间\n${firm?.uscc ?? ''},环评批复进度,企业反映环评批复迟迟未出,审批/准入,12345 热线转办,${when}\n`,
        );
        return file;
      };
      await page.goto(`${base()}/problems`);
      const total = async () =>
        Number(
          (await page.locator('[data-testid="problem-total"]').textContent())?.match(/\d+/)?.[0],
        );
      await expect.poll(total).toBeGreaterThan(0);
      const before = await total();
      const input = page.locator('input[type="file"]').first();
      await input.setInputFiles(sheet('2026-13-45 10:30'));
      browser.allowConsoleError(/status of 400/);
      const errors = page.locator('[data-testid="import-row-errors"]');
      await errors.waitFor();
      // One bad row: its row, its column, nothing else wrong in the file.
      expect(await errors.locator('.ant-table-row').allTextContents()).toEqual([
        expect.stringMatching(/^2受理时间/),
      ]);
      expect(await total()).toBe(before);
      await page.keyboard.press('Escape');
      await input.setInputFiles(sheet('2026-11-20 10:30'));
      await expect.poll(total).toBe(before + 1);
      // Each chain's page lists that chain's problems only.
      await page.keyboard.press('Escape');
      const apiTotal = async (chain: string) =>
        (
          (await (await page.request.get(`${base()}/api/problems?chain=${chain}`)).json()) as {
            total: number;
          }
        ).total;
      expect(await apiTotal('biomed')).toBe(before + 1);
      await page.goto(`${base()}/chains/nev/problems`);
      await expect.poll(total).toBe(await apiTotal('nev'));
      expect(await total()).toBeLessThan(before + 1);
    });

    it('a user given a one-time password chooses their own before any page opens', async () => {
      const page = await browser.newPage(DESK);
      await signIn(page, base(), 'admin', ADMIN_PASSWORD);
      const created = await page.request.post(`${base()}/api/users`, {
        data: { username: 'onetime-e2e', password: 'given-once-1', role: 'viewer', oneTime: true },
      });
      expect(created.status()).toBe(201);
      await page.goto('about:blank');
      await page.context().clearCookies();
      await page.goto(`${base()}/login`);
      await page.locator('#username').fill('onetime-e2e');
      await page.locator('#password').fill('given-once-1');
      await page.locator('button[type="submit"]').click();
      const form = page.locator('[data-testid="change-password"]');
      await form.waitFor();
      expect(await page.locator('.ant-layout-sider').count()).toBe(0);
      await page.locator('#currentPassword').fill('given-once-1');
      await page.locator('#newPassword').fill('chosen-by-me-2');
      await page.locator('#repeat').fill('chosen-by-me-2');
      await form.locator('button[type="submit"]').click();
      await page.locator('[data-testid="cockpit-figures"]').waitFor();
      // The new password is the one that signs in now.
      await signIn(page, base(), 'onetime-e2e', 'chosen-by-me-2');
      expect(await page.locator('[data-testid="change-password"]').count()).toBe(0);
    });
  },
);
