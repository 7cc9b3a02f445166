/**
 * The host page comes first: with the Parley server unreachable the page keeps
 * working and nothing is thrown into it; under the demo's strict CSP (no
 * 'unsafe-inline', no 'unsafe-eval') the messenger causes zero violations.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test-support/test-server.js';
import { launchChromium } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('respecting the host page', () => {
  it('keeps the page working and throws nothing when the API is down', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // sdk.js loads, but every API call fails at the network level.
    await page.route('**/api/v1/widget/**', (route) => route.abort('connectionrefused'));
    await page.goto(`${server.url}/demo/`);
    const results = await page.evaluate(async () => {
      const m = (window as unknown as { Messenger: Record<string, (...a: unknown[]) => void> }).Messenger;
      const thrown: string[] = [];
      const tryCall = (name: string, ...args: unknown[]) => {
        try {
          m[name](...args);
        } catch (e) {
          thrown.push(`${name}: ${String(e)}`);
        }
      };
      tryCall('track', 'clicked', { a: 1 });
      tryCall('track'); // bad input
      tryCall('identify');
      tryCall('show');
      tryCall('page', { x: 1 });
      tryCall('boot', null);
      tryCall('on', 'ready', 'not a function');
      await new Promise((r) => setTimeout(r, 500));
      return thrown;
    });
    expect(results).toEqual([]);
    // The host app still works: its own SPA navigation and buttons.
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => page.locator('#page-title').textContent()).toBe('Settings');
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 30_000);

  it('runs the messenger under a strict CSP with zero violations', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/demo/`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    await page.evaluate(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.getByRole('button', { name: 'Open messenger' }).click({ timeout: 15_000 });
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('CSP check with **markdown** and a [link](https://example.com)');
    await composer.press('Enter');
    await page.locator('[data-message-id] a[href="https://example.com/"]').waitFor();
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(violations).toEqual([]);
    // Our styles stay in the shadow root: the host's <head> gained no <style>.
    expect(await page.locator('head style').count()).toBe(0);
    await page.close();
  }, 30_000);
});
