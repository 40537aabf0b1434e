import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Express } from 'express';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere. `.ci/run` installs the package when it is missing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the browser tests write their screenshots (ignored by git; docs/screenshots holds the README's copies). */
export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: the browser tests need it. Install it with "apt-get install -y chromium" (.ci/run does), or set CHROMIUM_PATH.`,
    );
  }
  // playwright gives every launch a fresh, temporary --user-data-dir of its own.
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

/** The express app on a port of its own, as a browser reaches it. */
export async function listen(app: Express): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every Content-Security-Policy violation and script error the page reports: a page built for the policy has none. */
export function watchForPageErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const ROLE_LABELS = ['detector', 'employee', 'manager', 'social media lead', 'steering committee', 'communications', 'hr', 'admin'];

/** Signs in through the local runner's role picker, as a person would. */
export async function signInAs(page: Page, baseUrl: string, sub: string, roles: string[]): Promise<void> {
  await page.goto(`${baseUrl}/#/work`);
  await page.getByLabel('Directory id').fill(sub);
  for (const label of ROLE_LABELS) {
    await page.getByRole('checkbox', { name: label, exact: true }).setChecked(roles.includes(label.replaceAll(' ', '_')));
  }
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
}

/**
 * The visible form controls and images that have no accessible name: a control needs a <label>, an
 * aria-label or aria-labelledby; an SVG chart (role="img") needs a name too. A page fit for screen readers has none.
 */
export function unnamedElements(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('input, select, textarea, button, [role="img"]')]
    .filter((element) => element.getClientRects().length > 0 && element.type !== 'hidden')
    .filter((element) => {
      const labelled = element.getAttribute('aria-labelledby');
      if (labelled && labelled.split(' ').some((id) => document.getElementById(id)?.textContent.trim())) return false;
      if (element.getAttribute('aria-label')?.trim()) return false;
      if (element.labels && [...element.labels].some((label) => label.textContent.trim())) return false;
      if (element.tagName === 'BUTTON' && element.textContent.trim()) return false;
      return true;
    })
    .map((element) => element.outerHTML.slice(0, 120))`) as Promise<string[]>;
}
