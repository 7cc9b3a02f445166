/**
 * In the browser: a host page boots with a short-lived identity token from its
 * backend (examples/identity/node.mjs) and is the known contact; an expired
 * token leaves the visitor anonymous. And the composer's emoji picker, by keyboard.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs example without types; we use it exactly as a customer's backend would.
import { identityToken } from '../examples/identity/node.mjs';
import type { ContactProfile, Page as ListPage } from '../protocol/index.js';
import { snippet } from '../server/pages/snippet.js';
import { adminFetch, IDENTITY_SECRET, loginAgent } from '../server/test-support/test-server.js';
import { useServerAndBrowser } from './harness.js';

const env = useServerAndBrowser();
const sign = identityToken as (secret: string, userId: string, claims?: object, lifetimeSec?: number) => string;

async function bootWith(token: string) {
  const page = await env.browser.newPage();
  await page.route(`${env.server.url}/host-app`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><body><script>${snippet(env.server.url, `{ appId: "demo", user: { identityToken: ${JSON.stringify(token)} } }`)}</script></body></html>` }),
  );
  const errors: string[] = [];
  await page.exposeFunction('__err', (m: string) => errors.push(m));
  await page.addInitScript(() => {
    (window as unknown as { Messenger: { q: unknown[] } }).Messenger = { q: [['on', ['error', (e: { code: string }) => (window as unknown as { __err(m: string): void }).__err(e.code)]]] };
  });
  await page.goto(`${env.server.url}/host-app`);
  await page.getByRole('button', { name: 'Open messenger' }).waitFor({ timeout: 15_000 });
  return { page, errors };
}

describe('identity token in the browser', () => {
  it('identifies with a fresh token and refuses an expired one', async () => {
    const session = await loginAgent(env.server.url);
    const fresh = await bootWith(sign(IDENTITY_SECRET, 'token-user', { name: 'Token User', traits: { plan: 'team' } }));
    await expect
      .poll(async () => (await adminFetch<ListPage<ContactProfile>>(env.server.url, session, 'GET', '/contacts')).body.data.find((c) => c.externalId === 'token-user')?.name ?? null)
      .toBe('Token User');
    expect(fresh.errors).toEqual([]);
    await fresh.page.close();

    const expired = await bootWith(sign(IDENTITY_SECRET, 'expired-user', {}, -3600));
    await expect.poll(() => expired.errors).toContain('invalid_user_hash');
    const contacts = await adminFetch<ListPage<ContactProfile>>(env.server.url, session, 'GET', '/contacts');
    expect(contacts.body.data.some((c) => c.externalId === 'expired-user')).toBe(false);
    await expired.page.close();
  }, 40_000);
});

describe('emoji', () => {
  it('inserts an emoji from the picker by keyboard and sends it', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/demo/`);
    await page.getByRole('button', { name: 'Open messenger' }).click({ timeout: 15_000 });
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Thanks ');
    await page.getByRole('button', { name: 'Insert emoji' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Insert emoji' }).waitFor();
    // The picker moves focus to its first emoji after it renders: wait for that before the keys (a loaded CI run was faster once).
    await expect
      .poll(() =>
        page.evaluate(() => {
          let el: Element | null = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          return el?.textContent?.trim() ?? '';
        }),
      )
      .toBe('😀');
    await page.keyboard.press('ArrowRight'); // 😀 → 😂
    await page.keyboard.press('Enter');
    await expect.poll(() => composer.inputValue()).toBe('Thanks 😂');
    await composer.press('Enter');
    await page.locator('[data-message-id]', { hasText: 'Thanks 😂' }).waitFor();
    await page.close();
  }, 30_000);
});
