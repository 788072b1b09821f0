import { existsSync } from 'node:fs';
import { AppError } from '../../domain/app-error.ts';

// PDF briefings are printed by a headless Chromium on the server (Debian's `chromium`, or the
// browser CHROMIUM_PATH names) from the same HTML as the download, on A4 with its print styles.

const CANDIDATE_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium this server prints PDF with, or null when it has none. */
export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  return CANDIDATE_PATHS.find((path) => existsSync(path)) ?? null;
}

/** One print at a time: each runs a browser, and a queue keeps a busy server's memory bounded. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Prints an HTML document (self-contained: inline styles and SVG) to an A4 PDF.
 * Throws PDF_UNAVAILABLE when the server has no Chromium.
 */
export function printPdf(html: string): Promise<Uint8Array<ArrayBuffer>> {
  const executablePath = findChromium();
  if (!executablePath) {
    return Promise.reject(
      new AppError(
        'PDF_UNAVAILABLE',
        'This server has no Chromium to print PDF (install Debian\'s "chromium" or set ' +
          'CHROMIUM_PATH); download the HTML and print it from a browser instead.',
      ),
    );
  }
  const printed = queue.then(() => printWith(executablePath, html));
  queue = printed.catch(() => undefined);
  return printed;
}

async function printWith(executablePath: string, html: string): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded on first use: serving HTML and JSON never pays for the browser driver.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  try {
    const page = await browser.newPage();
    // The document loads nothing from the network: its charts are inline SVG.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) as Uint8Array<ArrayBuffer>;
  } finally {
    await browser.close();
  }
}
