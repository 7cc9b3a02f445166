/**
 * Theming: brand colour, launcher side and team avatars from the inbox settings,
 * overrides by boot({ theme }), dark mode from prefers-color-scheme, and a custom
 * launcher (the host's own button) — on a host page of its own.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { snippet } from '../server/pages/snippet.js';
import { adminFetch, loginAgent } from '../server/test-support/test-server.js';
import { useServerAndBrowser } from './harness.js';

const env = useServerAndBrowser();

const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

beforeAll(async () => {
  const session = await loginAgent(env.server.url);
  const res = await adminFetch(env.server.url, session, 'PATCH', '/settings', {
    color: '#0f766e',
    launcherPosition: 'left',
    greeting: 'Hello from the Acme team',
    teamAvatars: [{ name: 'Grace', url: 'https://example.com/grace.png' }],
  });
  expect(res.status).toBe(200);
});

/** A host page of our own at a path the server doesn't have: Playwright serves it on the server's origin. */
async function hostPage(page: Page, bootArgs: string, body = '') {
  await page.route(`${env.server.url}/host-app`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><body>${body}<script>${snippet(env.server.url, bootArgs)}</script></body></html>` }),
  );
  await page.goto(`${env.server.url}/host-app`);
}

const launcherStyle = (page: Page) =>
  page.getByRole('button', { name: 'Open messenger' }).evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, x: el.getBoundingClientRect().x }));

describe('theming', () => {
  it('uses the workspace colour, side and avatars, and boot({ theme }) overrides them', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    // No internet here: the avatar's host is answered locally with a 1×1 PNG.
    await page.route('https://example.com/grace.png', (route) => route.fulfill({ contentType: 'image/png', body: Buffer.from(PNG_1X1, 'base64') }));
    await hostPage(page, '{ appId: "demo" }');
    await page.getByRole('button', { name: 'Open messenger' }).waitFor({ timeout: 15_000 });
    const settingsTheme = await launcherStyle(page);
    expect(settingsTheme.bg).toBe('rgb(15, 118, 110)');
    expect(settingsTheme.x).toBeLessThan(200);
    await page.getByRole('button', { name: 'Open messenger' }).click();
    await page.getByText('Hello from the Acme team').waitFor();
    await page.getByRole('img', { name: 'Grace' }).waitFor();

    const other = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await hostPage(other, '{ appId: "demo", theme: { color: "#b91c1c", position: "right" } }');
    await other.getByRole('button', { name: 'Open messenger' }).waitFor({ timeout: 15_000 });
    const bootTheme = await launcherStyle(other);
    expect(bootTheme.bg).toBe('rgb(185, 28, 28)');
    expect(bootTheme.x).toBeGreaterThan(1000);
    await page.close();
    await other.close();
  }, 40_000);

  it('follows prefers-color-scheme: dark', async () => {
    const ctx = await env.browser.newContext({ colorScheme: 'dark' });
    const page = await ctx.newPage();
    await hostPage(page, '{ appId: "demo" }');
    await page.getByRole('button', { name: 'Open messenger' }).click({ timeout: 15_000 });
    const bg = await page.getByRole('dialog').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(17, 24, 39)');
    await ctx.close();
  }, 30_000);

  it('opens from the host’s own button with launcher: selector, and shows none of ours', async () => {
    const page = await env.browser.newPage();
    await hostPage(page, '{ appId: "demo", launcher: "#help" }', '<button id="help" type="button">Help</button>');
    await page.waitForFunction(() => document.querySelector('#parley-messenger') !== null, undefined, { timeout: 15_000 });
    expect(await page.getByRole('button', { name: 'Open messenger' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Help' }).click();
    await page.getByRole('dialog').waitFor();
    await page.close();
  }, 30_000);
});
