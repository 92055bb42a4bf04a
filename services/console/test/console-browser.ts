// The console's browser tests' shared part: Debian's Chromium (playwright-core) launched once
// per file, a fresh context per demo user signed in through the sign-in page, screenshots
// under artifacts/console/, and every error the pages raise, collected to be asserted empty.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const gatewayUrl = process.env.CTTECH_GATEWAY_URL ?? 'http://127.0.0.1:53000';
export const consoleUrl = `${gatewayUrl}/console/`;
export const screenshots = new URL('../../../artifacts/console/', import.meta.url).pathname;
/** A change travels through Kafka and the workflow: allow it time. */
export const eventually = { timeout: 60_000 };

export interface ConsoleBrowser {
  /** A fresh browser context (its own sessionStorage) signed in as the demo user. */
  readonly signedIn: (userId: string, landing: string) => Promise<Page>;
  readonly screenshot: (page: Page, name: string, fullPage?: boolean) => Promise<void>;
  /** What went wrong inside the pages: uncaught errors, console errors (CSP refusals among them). */
  readonly pageErrors: string[];
}

/** Launches the browser before the file's tests and closes it after them. */
export function consoleBrowser(): ConsoleBrowser {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    browser = await chromium.launch({
      executablePath: process.env.CTTECH_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  return {
    pageErrors,
    signedIn: async (userId, landing) => {
      if (browser === undefined) throw new Error('the browser is not running');
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${userId}: ${error.message}`));
      page.on('console', (message) => {
        // the browser logs every refused call; opening a closed engagement's cycle is refused (409)
        const expected = message.text().includes('status of 409 (Conflict)');
        if (message.type() === 'error' && !expected) {
          pageErrors.push(`${userId}: ${message.text()}`);
        }
      });
      await page.goto(consoleUrl);
      await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
      await page.getByRole('button', { name: new RegExp(`^Sign in as ${userId}\\b`) }).click();
      await page.getByRole('heading', { name: landing, level: 1 }).waitFor();
      return page;
    },
    screenshot: async (page, name, fullPage = true) => {
      await page.screenshot({ path: `${screenshots}${name}.png`, fullPage });
    },
  };
}
