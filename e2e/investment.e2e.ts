import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';

const STAGES = ['negotiating', 'signed', 'started', 'producing'] as const;

/** The last number in a text such as "办公：需 500 m²，可用 12,345 m²". */
function lastNumber(text: string | null): number {
  const numbers = (text ?? '').match(/[\d,]+(\.\d+)?/g) ?? [];
  return Number((numbers.at(-1) ?? 'NaN').replace(/,/g, ''));
}

/** The visible input of an Ant Design field by its test id (on the input or around it). */
function field(scope: Page | ReturnType<Page['locator']>, testId: string) {
  return scope.locator(
    `input[data-testid="${testId}"]:visible, [data-testid="${testId}"]:visible input`,
  );
}

async function stageOf(page: Page, id: number): Promise<string | null> {
  for (const stage of ['lead', ...STAGES]) {
    const card = page.locator(`[data-testid="column-${stage}"] [data-project-id="${id}"]`);
    if ((await card.count()) > 0) return stage;
  }
  return null;
}

describe.skipIf(!chromiumPath())('investment: candidates, the board, park space, the road', () => {
  const browser = useBrowserSession();

  it('as investment: a candidate becomes a project that walks every stage, takes space and moves the projection', async () => {
    const page = await browser.newPage({ width: 1920, height: 1080 });
    await signIn(page, browser.baseUrl, 'investment', 'chainlead-investment');
    expect(await page.locator('.ant-menu').textContent()).toContain('招商目标');

    // Candidates for 血液制品 come only from outside Wuxi (3202) and explain their score.
    await page.goto(`${browser.baseUrl}/investment/candidates?node=biomed.mid.blood`);
    const rows = page.locator('[data-testid="candidate-table"] tbody tr.ant-table-row');
    await rows.first().waitFor();
    const regions: string[] = [];
    for (const cell of await page.locator('[data-testid="candidate-table"] [data-region]').all()) {
      regions.push((await cell.getAttribute('data-region')) ?? '');
    }
    expect(regions.length).toBeGreaterThan(0);
    for (const region of regions) expect(region.startsWith('3202')).toBe(false);
    expect(await rows.first().textContent()).toContain('血液制品');
    // Names, not codes: the region filter says 江苏省·无锡市, each candidate's region reads
    // 省·市·区, and the candidates' home cities are counted by province and city.
    await expect
      .poll(() => page.locator('[data-testid="candidate-region"]').textContent())
      .toContain('江苏省·无锡市');
    const firstRegion = page.locator('[data-testid="candidate-table"] [data-region]').first();
    expect(await firstRegion.textContent()).toMatch(/^[^·\d]+省?·[^·\d]+(·[^·\d]+)?$/);
    const cityCounts = await page
      .locator('[data-testid="home-cities-table"] tbody tr.ant-table-row td:last-child')
      .allTextContents();
    expect(cityCounts.length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="home-cities-chart"] canvas').count()).toBe(1);
    await rows.first().locator('.ant-table-row-expand-icon').click();
    expect(await page.locator('[data-testid="candidate-reasons"]').first().textContent()).toContain(
      '环节契合',
    );

    // Add the first one to the pipeline: a lead.
    const name = await rows.first().locator('[data-testid="candidate-name"]').textContent();
    await rows.first().locator('[data-testid="add-to-pipeline"]').click();
    const link = rows.first().getByText('已在项目库');
    await link.waitFor();
    const id = Number(
      new URL(`${browser.baseUrl}${await link.getAttribute('href')}`).searchParams.get('open'),
    );
    expect(id).toBeGreaterThan(0);

    // Walk it through every stage on the board, with one move back (a reason asked for).
    await page.goto(`${browser.baseUrl}/investment/projects`);
    const card = page.locator(`[data-testid="project-card"][data-project-id="${id}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain(name ?? '');
    await expect.poll(() => stageOf(page, id)).toBe('lead');
    // Each move is the server's answer, then the board's: a refused or lost move says so here.
    const moveAccepted = async (click: () => Promise<void>, stage: string) => {
      const answer = page.waitForResponse(
        (response) =>
          response.request().method() === 'POST' &&
          new URL(response.url()).pathname === `/api/projects/${id}/move`,
      );
      await click();
      expect((await answer).status(), `the move to ${stage}`).toBe(200);
      await expect.poll(() => stageOf(page, id)).toBe(stage);
    };
    for (const stage of STAGES) {
      await moveAccepted(() => card.locator(`[data-testid="move-${stage}"]`).click(), stage);
      if (stage === 'signed') {
        await card.locator('[data-testid="move-back-negotiating"]').click();
        await page.locator('[data-testid="move-reason"]').fill('投资方要求重新谈判条款');
        const confirm = page.locator('[data-testid="move-confirm"]');
        await expect.poll(() => confirm.isEnabled()).toBe(true);
        await moveAccepted(() => confirm.click(), 'negotiating');
        await page.locator('[data-testid="move-reason"]').waitFor({ state: 'detached' });
        await moveAccepted(() => card.locator('[data-testid="move-signed"]').click(), 'signed');
      }
    }
    expect(await card.locator('[data-testid^="move-"]').count()).toBeGreaterThan(0);

    // The drawer: history with who and the reason; give it output and a space need.
    await card.locator('.invest-card-title').click();
    const drawer = page.locator('[data-testid="project-drawer"]');
    await drawer.waitFor();
    const history = drawer.locator('[data-testid="stage-history"]');
    expect(await history.locator('[data-testid="stage-event"]').count()).toBe(7);
    expect(await history.textContent()).toContain('投资方要求重新谈判条款');
    // Who acted, by the name they go by (the demo's investment user), not their login.
    expect(await history.textContent()).toContain('招商专员（演示） · ');
    await page.locator('[data-testid="project-edit"]').click();
    // A negative output or an impossible year is refused with a word, not quietly changed.
    await field(page, 'form-output').fill('-500');
    await field(page, 'form-year').fill('1990');
    await page.locator('[data-testid="form-save"]:visible').click();
    await page.getByText('不能为负数').waitFor();
    await page.getByText('填 2000 至 2100 之间的年份').waitFor();
    await field(page, 'form-output').fill('50000');
    await field(page, 'form-year').fill('2025');
    await page.locator('[data-testid="form-space-add"]:visible').click();
    await page.locator('[data-testid="form-notes"]:visible').fill('浏览器测试备注');
    await page.locator('[data-testid="form-save"]:visible').click();
    await expect
      .poll(() => drawer.locator('[data-testid="project-notes"]').textContent())
      .toBe('浏览器测试备注');

    // Match space and reserve 200 m² of an office unit: the park's free office space drops.
    await drawer.locator('[data-testid="match-space"]').click();
    const match = drawer.locator('[data-testid="space-match"]').first();
    await match.waitFor();
    const parkId = Number(await match.getAttribute('data-park-id'));
    const parkMatch = drawer.locator(`[data-testid="space-match"][data-park-id="${parkId}"]`);
    const free = () =>
      parkMatch.locator('[data-testid="match-free-office"]').textContent().then(lastNumber);
    const before = await free();
    expect(before).toBeGreaterThan(200);
    const unit = parkMatch.locator('tbody tr.ant-table-row').first();
    await field(unit, 'reserve-area').fill('200');
    await unit.locator('[data-testid="reserve"]').click();
    await expect.poll(() => drawer.locator('[data-testid="reservation"]').count()).toBe(1);
    await expect.poll(free).toBe(before - 200);

    // More than the unit has: the server's refusal is shown and nothing changes.
    const unitAgain = parkMatch.locator('tbody tr.ant-table-row').first();
    await field(unitAgain, 'reserve-area').fill('9999999');
    browser.allowConsoleError(/status of 409/);
    await unitAgain.locator('[data-testid="reserve"]').click();
    await page.locator('.invest-action-error').waitFor();
    expect(await page.locator('.invest-action-error').textContent()).toMatch(/m²/);
    expect(await drawer.locator('[data-testid="reservation"]').count()).toBe(1);
    expect(await free()).toBe(before - 200);

    // The park sees the reservation.
    await page.goto(`${browser.baseUrl}/parks/${parkId}`);
    await expect
      .poll(() => page.locator('[data-testid="park-reservations"]').textContent())
      .toContain(name ?? '');

    // The road to the target: toggling the project off moves the projection.
    await page.goto(`${browser.baseUrl}/investment/road`);
    await page.locator('[data-testid="road-chart"]').waitFor();
    await page.locator('[data-testid="pipeline-summary"] [data-testid="pipeline-gap"]').waitFor();
    // What the pipeline leaves short moves with the what-if toggles; the gap (target − actual) does not.
    const gap = page.locator('[data-testid="road-shortfall"]');
    const gapWith = Number(await gap.getAttribute('data-shortfall'));
    await page.locator(`[data-testid="road-toggle-${id}"]`).click();
    await expect
      .poll(async () => Number(await gap.getAttribute('data-shortfall')))
      .toBeCloseTo(gapWith + 5e8, 0);
    await page.locator(`[data-testid="road-toggle-${id}"]`).click();
    await expect
      .poll(async () => Number(await gap.getAttribute('data-shortfall')))
      .toBeCloseTo(gapWith, 0);
    // The gap table never shows a negative shortfall (a node past its target reads 已超出), and
    // each money column keeps one unit.
    const gapTable = (await page.locator('[data-testid="road-gap-table"]').textContent()) ?? '';
    expect(gapTable).not.toMatch(/-\d/);
    const weighted = await page
      .locator('[data-testid="road-projects"] tbody td:last-child')
      .allTextContents();
    expect(
      new Set(weighted.map((cell) => cell.replace(/[\d.,\s-]/g, '')).filter(Boolean)).size,
    ).toBeLessThanOrEqual(1);
    await page.screenshot({ path: '/tmp/web2c-road.png', fullPage: true });
  });

  it('as park: its own park only; another park is refused in the page and the API', async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'viewer', 'chainlead-viewer');
    const all = (await (await page.request.get(`${browser.baseUrl}/api/parks`)).json()) as {
      items: { id: number; availableM2: number }[];
    };
    await signIn(page, browser.baseUrl, 'park', 'chainlead-park');
    expect(await page.locator('.ant-menu').textContent()).not.toContain('招商目标');
    const me = (await (await page.request.get(`${browser.baseUrl}/api/auth/session`)).json()) as {
      user: { parkId: number };
    };
    const own = me.user.parkId;
    const other = all.items.find((p) => p.id !== own);
    expect(other).toBeDefined();
    const listed = (await (await page.request.get(`${browser.baseUrl}/api/parks`)).json()) as {
      items: { id: number }[];
    };
    expect(listed.items.map((p) => p.id)).toEqual([own]);

    await page.goto(`${browser.baseUrl}/parks/${own}`);
    await page.locator('[data-testid="park-pipeline"]').waitFor();
    await page.locator('[data-testid="park-projects"] tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('[data-testid="park-reserve"]').count()).toBeGreaterThan(0);
    // Each project reserves the kind it needs, its area suggested, unless the header says otherwise.
    const projects = (await (
      await page.request.get(`${browser.baseUrl}/api/parks/${own}/projects`)
    ).json()) as { items: { name: string; spaceNeed: { kind: string; areaM2: number }[] }[] };
    const needing = projects.items.find((p) => p.spaceNeed.length > 0);
    expect(needing).toBeDefined();
    if (needing) {
      const row = page
        .locator('[data-testid="park-projects"] tbody tr.ant-table-row')
        .filter({ hasText: needing.name });
      const area = row.locator(
        'input[data-testid="park-reserve-area"], [data-testid="park-reserve-area"] input',
      );
      await expect.poll(() => area.inputValue()).toBe(String(needing.spaceNeed[0]?.areaM2));
    }

    browser.allowConsoleError(/status of 403/);
    await page.goto(`${browser.baseUrl}/parks/${other?.id}`);
    await page.locator('.ant-alert-error').waitFor();
    expect(await page.locator('[data-testid="park-pipeline"]').count()).toBe(0);
    expect(await page.locator('[data-testid="park-reserve"]').count()).toBe(0);

    for (const path of [`/api/parks/${other?.id}`, `/api/parks/${other?.id}/spaces`]) {
      expect((await page.request.get(`${browser.baseUrl}${path}`)).status(), path).toBe(403);
    }
    const refused = await page.request.post(`${browser.baseUrl}/api/projects/1/reservations`, {
      data: { parkId: other?.id, kind: 'office', areaM2: 10 },
    });
    expect(refused.status()).toBe(403);
    await signIn(page, browser.baseUrl, 'viewer', 'chainlead-viewer');
    const after = (await (
      await page.request.get(`${browser.baseUrl}/api/parks/${other?.id}`)
    ).json()) as { availableM2: number };
    expect(after.availableM2).toBe(other?.availableM2);
  });
});
