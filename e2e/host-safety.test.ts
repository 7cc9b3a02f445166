/**
 * The host page comes first: with the Parley server unreachable the page keeps
 * working and nothing is thrown into it; under the demo's strict CSP (no
 * 'unsafe-inline', no 'unsafe-eval') the messenger causes zero violations.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServerAndBrowser } from './harness.js';

const env = useServerAndBrowser();



/** Every CSP / Trusted Types violation the page reports, from its first script on. */
async function collectViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __reportViolation(v: string): void }).__reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

describe('respecting the host page', () => {
  it('keeps the page working and throws nothing when the API is down', async () => {
    const page = await env.browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // sdk.js loads, but every API call fails at the network level.
    await page.route('**/api/v1/widget/**', (route) => route.abort('connectionrefused'));
    await page.goto(`${env.server.url}/demo/`);
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
    const page = await env.browser.newPage();
    const violations = await collectViolations(page);
    const response = await page.goto(`${env.server.url}/demo/`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("require-trusted-types-for 'script'");
    await page.getByRole('button', { name: 'Open messenger' }).click({ timeout: 15_000 });
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('CSP check with **markdown** and a [link](https://example.com)');
    await composer.press('Enter');
    await page.locator('[data-message-id] a[href="https://example.com/"]').waitFor();
    expect(violations).toEqual([]);
    // Our styles stay in the shadow root: the host's <head> gained no <style>.
    expect(await page.locator('head style').count()).toBe(0);
    await page.close();

    // The inbox runs under the same policy.
    const inbox = await env.browser.newPage();
    const inboxViolations = await collectViolations(inbox);
    await inbox.goto(`${env.server.url}/inbox/`);
    await inbox.getByLabel('Email').fill('admin@test.local');
    await inbox.getByLabel('Password').fill('correct horse battery');
    await inbox.getByRole('button', { name: 'Log in' }).click();
    await inbox.getByRole('link', { name: /CSP check/ }).first().click({ timeout: 15_000 });
    await inbox.locator('[data-message-id] a[href="https://example.com/"]').waitFor();
    expect(inboxViolations).toEqual([]);
    await inbox.close();
  }, 30_000);
});
