import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  IMAGING,
  SPLIT_NODE,
  THERAPY,
  splitDeviceTemplate,
} from '../src/test-support/template-revision.ts';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';
import { ADMIN_PASSWORD } from './support/global-setup.ts';

// Dry runs only: the other browser tests share this server's biomed chain.
describe.skipIf(!chromiumPath())('chain template upload (admin)', () => {
  const browser = useBrowserSession();

  it("shows an invalid template's messages by node and field, and a revision's dry run", async () => {
    browser.allowConsoleError(/status of 400/);
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.goto(`${browser.baseUrl}/admin/templates`);
    const input = page.locator('[data-testid="admin-templates"] input[type="file"]');

    const broken = splitDeviceTemplate() as unknown as { stages: { nodes: object[] }[] };
    delete (broken.stages[1]?.nodes[0] as Record<string, unknown>).name;
    await input.setInputFiles({
      name: 'broken.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(YAML.stringify(broken)),
    });
    const problems = page.locator('[data-testid="template-refusal"]');
    await expect.poll(() => problems.textContent()).toContain('broken.yaml');
    expect(await problems.textContent()).toContain('环节 biomed.mid.chem，字段 name：必填（对象）');

    // A well-formed template whose codes disagree is refused in the reader's language too.
    const misplaced = splitDeviceTemplate() as unknown as {
      stages: { nodes: { code: string }[] }[];
    };
    const chem = misplaced.stages[1]?.nodes[0] as { code: string };
    chem.code = 'biomed.up.chem-moved';
    await input.setInputFiles({
      name: 'misplaced.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(YAML.stringify(misplaced)),
    });
    await expect.poll(() => problems.textContent()).toContain('misplaced.yaml');
    expect(await problems.textContent()).toContain(
      '环节 biomed.up.chem-moved，字段 code：应以“biomed.mid.”开头',
    );

    await input.setInputFiles({
      name: 'biomed-v2.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(YAML.stringify(splitDeviceTemplate())),
    });
    const plan = page.locator('[data-testid="template-plan"]');
    await expect.poll(() => plan.textContent()).toContain(`${SPLIT_NODE} → ${IMAGING}, ${THERAPY}`);
    expect(await plan.textContent()).toMatch(/1 → 2/);
    expect(await page.locator('[data-testid="template-refusal"]').count()).toBe(0);
    await page.locator('[data-testid="template-change"]').first().click();
    await expect.poll(() => plan.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(5);
    expect(await plan.textContent()).toContain('企业归类');
    expect(await page.locator('[data-testid="template-apply"]').isEnabled()).toBe(true);
  });

  it("shows each chain's leader and office by region, and the settings in force", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.goto(`${browser.baseUrl}/admin/leaders`);
    const table = page.locator('[data-testid="leaders-table"]');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    expect(await table.textContent()).toContain('生物医药');
    await page.locator('[data-testid="leaders-edit-biomed"]').click();
    await expect.poll(() => page.locator('[data-testid="leaders-name"]').inputValue()).not.toBe('');

    await page.goto(`${browser.baseUrl}/admin/settings`);
    // What is in use, by name: the region and the chain, not their codes alone.
    await expect
      .poll(() => page.locator('[data-testid="settings-effective"]').textContent())
      .toContain('江苏省·无锡市（3202）');
    expect(await page.locator('[data-testid="settings-effective"]').textContent()).toContain(
      '生物医药',
    );
    // Stage probabilities must not fall from one stage to the next: said before saving.
    const negotiating = page.locator(
      'input[data-testid="probability-negotiating"], [data-testid="probability-negotiating"] input',
    );
    await negotiating.fill('1');
    await page.locator('[data-testid="probabilities-order"]').waitFor();
    await negotiating.fill('30');
    await expect.poll(() => page.locator('[data-testid="probabilities-order"]').count()).toBe(0);
  });
});
