import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { chromiumPath } from './chromium-path.ts';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface BrowserSession {
  /** The server the tests run against (empty when the tests skip). */
  baseUrl: string;
  /** A new page (tab) whose console errors and page errors fail the test. */
  newPage: (viewport?: { width: number; height: number }) => Promise<Page>;
  /**
   * Lets this test's console errors matching `pattern` pass: Chromium logs every 4xx answer,
   * also the ones a test provokes on purpose (a refused upload).
   */
  allowConsoleError: (pattern: RegExp) => void;
}

/**
 * One Chromium for a test file, with a fresh profile; each test's pages are watched and any
 * console error or uncaught page error fails that test.
 */
export function useBrowserSession(): BrowserSession {
  const baseUrl = inject('baseUrl');
  let context: BrowserContext | null = null;
  let profile: string | null = null;
  let pages: Page[] = [];
  let problems: string[] = [];
  let allowed: RegExp[] = [];

  beforeAll(async () => {
    const executablePath = chromiumPath();
    if (!executablePath || !baseUrl) return;
    profile = mkdtempSync(join(tmpdir(), 'chainlead-e2e-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      args: FLAGS,
      headless: true,
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
  });

  afterEach(async () => {
    const seen = problems.filter((problem) => !allowed.some((pattern) => pattern.test(problem)));
    problems = [];
    allowed = [];
    for (const page of pages) await page.close();
    pages = [];
    expect(seen, 'browser console errors').toEqual([]);
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  return {
    baseUrl,
    allowConsoleError(pattern) {
      allowed.push(pattern);
    },
    async newPage(viewport) {
      if (!context) throw new Error('No browser: Chromium is missing or the server did not start.');
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      pages.push(page);
      return page;
    },
  };
}

/**
 * Signs in afresh through the login page and waits for the user's landing page: the cockpit's
 * figures for most roles; a department lands on its workbench, an enterprise on its service page.
 */
export async function signIn(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto('about:blank');
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  if (new URL(page.url()).pathname === '/') {
    await page.locator('[data-testid="cockpit-figures"]').waitFor();
  }
}

/** Opens the enterprise registry and waits for its first row. */
export async function openRegistry(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/enterprises`);
  await page.locator('[data-testid="enterprise-table"] tbody tr.ant-table-row').first().waitFor();
}
