import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium-path.ts';
import { signIn, useBrowserSession } from './support/browser-session.ts';
import { ADMIN_PASSWORD } from './support/global-setup.ts';

/**
 * One voice: every page of the demo, in each language, speaks only that language in the
 * interface's own words, and writes no US date.
 *
 * What is not the interface's own words, and so not checked (the rule, not a list of pages):
 * - data: table body cells (`.ant-table-tbody td`: enterprise, park, project and region names as
 *   stored) unless a cell's content is marked `data-content="ui"` (a status tag, a translated
 *   reason: our words inside a table), and any element marked `data-content="data"` (a name shown
 *   outside a table, such as a project card's title or a region picker);
 * - the name of a file the user picked (`.ant-upload-list-item-name`);
 * - code: column keys, node codes and commands (`<code>`), typed as they are in any language;
 * - text in another language on purpose: an element with a `lang` attribute unlike the page's
 *   (the language switch names each language in itself: 中文 | English);
 * - charts: ECharts draws on a canvas, which holds no DOM text.
 */
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
// Words an English reader meets in the Chinese interface on purpose: codes, units and
// abbreviations of the trade (GMP plants, LQ, HHI, CRO/CDMO, IVD), file formats (JSON Lines),
// the product's name (chainlead), and numbers.
const ALLOWED_EN = new Set(
  [
    'GMP',
    'LQ',
    'HHI',
    'CRO',
    'CDMO',
    'CMO',
    'IVD',
    'CAGR',
    'USCC',
    'GB',
    'GBT',
    'CSV',
    'XLSX',
    'JSON',
    'JSONL',
    'GeoJSON',
    'PDF',
    'HTML',
    'Excel',
    'API',
    'ID',
    'm²',
    'km²',
    'm',
    'bn',
    'vs',
    'NAICS',
    'Chromium',
    'AI',
    'UTF',
    'GBK',
    'Markdown',
    'Lines',
    'chainlead',
  ].map((w) => w.toLowerCase()),
);
const US_DATE = /\b\d{1,2}\/\d{1,2}\/\d{4}\b/;

/** The interface's visible words on the page, without data, other-language spans or canvases. */
// Runs in the page (the e2e TypeScript has no DOM types, so it travels as text).
const INTERFACE_TEXT = `(() => {
  const pageLang = document.documentElement.lang;
  const skip = (el) => {
    if (el.closest('[data-content="ui"]') && el.closest('.ant-table-tbody td')) return false;
    for (let e = el; e; e = e.parentElement) {
      if (e.matches('[data-content="data"], code, .ant-upload-list-item-name, canvas, script, style, noscript')) return true;
      if (e.matches('.ant-table-tbody td')) return true;
      const lang = e.getAttribute('lang');
      if (lang && e !== document.documentElement && lang !== pageLang) return true;
    }
    return false;
  };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent || '').trim();
    const parent = node.parentElement;
    if (!text || !parent || skip(parent)) continue;
    const box = parent.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(parent).visibility === 'hidden')
      continue;
    out.push(text);
  }
  for (const input of document.querySelectorAll('input[placeholder]'))
    if (!skip(input) && input.getBoundingClientRect().width > 0) out.push(input.placeholder);
  return out;
})()`;

/** The interface's visible words on the page, without data, other-language spans or canvases. */
async function interfaceText(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(INTERFACE_TEXT);
}

/** Interface words in the wrong language: CJK in English, English words in Chinese. */
function foreignWords(texts: string[], locale: 'zh-CN' | 'en'): string[] {
  if (locale === 'en') return texts.filter((t) => CJK.test(t));
  return texts.filter((t) =>
    (t.match(/[A-Za-z][A-Za-z²]*/g) ?? []).some(
      (w) => w.length > 1 && !ALLOWED_EN.has(w.toLowerCase()) && !/^[A-Z0-9.]+$/.test(w),
    ),
  );
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Skeletons and spinners give way to the page's content.
  await expect
    .poll(() => page.locator('.ant-skeleton, .ant-spin-spinning').count(), { timeout: 30_000 })
    .toBe(0);
}

async function check(page: Page, locale: 'zh-CN' | 'en', where: string): Promise<void> {
  await settle(page);
  const texts = await interfaceText(page);
  expect.soft(foreignWords(texts, locale), `${where} (${locale})`).toEqual([]);
  const all = await page.locator('body').innerText();
  expect.soft(all.match(US_DATE), `${where}: a US date`).toBeNull();
}

const BAD_CSV = [
  '统一社会信用代码,企业名称,行政区划代码,营业收入（万元）,年份',
  '91320214MA1XYZ1230,校验码测试企业,320214,100,2024',
  '91320214MA1XYZ1234,坏行测试企业,999999,-5,2024',
].join('\n');

const PAGES = [
  '/',
  '/chain-map',
  '/reports',
  '/enterprises',
  '/duplicates',
  '/imports',
  '/parks',
  '/analysis/lq',
  '/analysis/shift-share',
  '/analysis/compare',
  '/analysis/upload',
  '/investment/candidates',
  '/investment/projects',
  '/investment/road',
  '/districts',
  '/admin/maps',
  '/chain-masters',
  '/no-such-page',
];

describe.skipIf(!chromiumPath())('one voice: each language speaks only itself', () => {
  const browser = useBrowserSession();

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`walks every page in ${locale === 'en' ? 'English' : 'Chinese'}`, async () => {
      // The bad import's upload answers 4xx nowhere, but its refused rows are logged by nobody.
      browser.allowConsoleError(/status of 4\d\d/);
      const page = await browser.newPage();
      await page.context().clearCookies();
      await page.goto(`${browser.baseUrl}/login`);
      await page.evaluate(`window.localStorage.setItem('chainlead.locale', '${locale}')`);
      await page.reload();
      await page.locator('#username').waitFor();
      await check(page, locale, '/login');
      await signIn(page, browser.baseUrl, 'admin', ADMIN_PASSWORD);
      expect(await page.evaluate('document.documentElement.lang')).toBe(locale);

      for (const path of PAGES) {
        await page.goto(`${browser.baseUrl}${path}`);
        await check(page, locale, path);
        if (path === '/' || path === '/investment/road' || path === '/enterprises')
          await page.screenshot({
            path: `/tmp/one-voice${path.replace(/\//g, '-')}-${locale}.png`,
          });
      }

      // An enterprise, a park, and a project's drawer.
      await page.goto(`${browser.baseUrl}/enterprises`);
      await page
        .locator('[data-testid="enterprise-table"] tbody a[href^="/enterprises/"]')
        .first()
        .click();
      await page.waitForURL(/\/enterprises\/\d+/);
      await check(page, locale, 'an enterprise');
      await page.screenshot({ path: `/tmp/one-voice-enterprise-${locale}.png`, fullPage: true });
      await page.goto(`${browser.baseUrl}/parks`);
      await page.locator('a[href^="/parks/"]').first().click();
      await page.waitForURL(/\/parks\/\d+/);
      await check(page, locale, 'a park');
      await page.goto(`${browser.baseUrl}/investment/projects`);
      await page.locator('[data-testid="project-card"]').first().click();
      await page.locator('.ant-drawer-body').waitFor();
      await check(page, locale, 'a project drawer');
      await page.screenshot({ path: `/tmp/one-voice-drawer-${locale}.png` });

      // A bad import: its row errors are said in the interface's language.
      await page.goto(`${browser.baseUrl}/imports`);
      await page.locator('input[type="file"]').setInputFiles({
        name: 'bad.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(BAD_CSV, 'utf8'),
      });
      await page.locator('[data-testid="import-start"]').click();
      const errors = page.locator('[data-testid="import-errors"]');
      await errors.waitFor({ timeout: 30_000 });
      await expect
        .poll(() => errors.textContent())
        .toContain(locale === 'en' ? 'no region has code 999999' : '没有代码为 999999 的地区');
      expect(await page.locator('[data-testid="import-rows-rejected"]').textContent()).toMatch(/2/);
      await check(page, locale, 'a bad import');
      await page.screenshot({ path: `/tmp/one-voice-import-${locale}.png`, fullPage: true });
    }, 180_000); // Seventeen pages and a few forms, on a machine the other tests share.
  }
});
