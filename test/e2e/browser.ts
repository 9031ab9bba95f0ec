import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type TestServer } from '../integration/harness';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve('test-results/e2e');

/** Debian's Chromium, headless, with the flags this closed network needs. Fails loudly if missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is required for the e2e tests at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
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
}

/** A fresh 1366×768 browser window (its own cookies) for one person. */
export async function openPage(browser: Browser, locale = 'id-ID'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale,
    timezoneId: 'Asia/Jakarta',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export async function signInAs(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
}

/** The app and the browser one e2e file drives; read them inside its tests. */
export interface E2eSession {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A fresh window for `username`, signed in (the sign-in is sent, not awaited to a screen). */
  signedIn(username: string, locale?: string): Promise<Page>;
}

/**
 * Starts the app on SQLite with the built client, and a browser, before the file's tests, and
 * stops both after them. `env` adds to (or overrides) the server's environment.
 */
export function useE2eServer(env: Record<string, string> = {}): E2eSession {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer('sqlite', {
      env: { CLIENT_DIR: path.resolve('dist/client'), ...env },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.destroy();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`The e2e ${what} is read before beforeAll started it.`);
    return value;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async signedIn(username, locale) {
      const page = await openPage(started(browser, 'browser'), locale);
      await signInAs(page, started(server, 'server').url, username);
      return page;
    },
  };
}
