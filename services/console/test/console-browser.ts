// The console's browser tests' shared part: Debian's Chromium (playwright-core) launched once
// per file, a fresh context per demo user signed in through the sign-in page, screenshots
// under artifacts/console/, every error the pages raise, collected to be asserted empty, and
// each page's accessibility problems as axe-core finds them (WCAG 2.1 A and AA).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  /** Saves the page's screenshot, and notes its accessibility problems in {@link accessibility}. */
  readonly screenshot: (page: Page, name: string, fullPage?: boolean) => Promise<void>;
  /** What went wrong inside the pages: uncaught errors, console errors (CSP refusals among them). */
  readonly pageErrors: string[];
  /** The accessibility problems of each page screenshotted, named by its screenshot. */
  readonly accessibility: string[];
  /** A page of the browser showing nothing yet (not signed in). */
  readonly blankPage: () => Promise<Page>;
}

/** Launches the browser before the file's tests and closes it after them. */
export function consoleBrowser(): ConsoleBrowser {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const accessibility: string[] = [];

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

  const newPage = async (): Promise<Page> => {
    if (browser === undefined) throw new Error('the browser is not running');
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
    });
    contexts.push(context);
    return context.newPage();
  };

  return {
    pageErrors,
    accessibility,
    blankPage: newPage,
    signedIn: async (userId, landing) => {
      const page = await newPage();
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
      for (const problem of await accessibilityProblems(page)) {
        accessibility.push(`${name}: ${problem}`);
      }
    },
  };
}

/** axe-core's browser script, evaluated in the page (the console's CSP refuses inline tags). */
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

/**
 * The page's accessibility problems against WCAG 2.1 A and AA, as axe-core finds them in what
 * is shown now: one line per rule broken, with the elements that break it.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return results.violations;
  });
  return (violations as AxeViolation[]).map(
    ({ id, impact, help, nodes }) =>
      `${id} (${impact ?? 'unrated'}): ${help}: ${nodes.map(({ target }) => target.join(' ')).join(', ')}`,
  );
}
