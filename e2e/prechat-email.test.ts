/** Pre-chat email capture: when the workspace asks for it, an anonymous visitor leaves an email before the first message. */
import { describe, expect, it } from 'vitest';
import type { ContactProfile, Page as ListPage } from '../protocol/index.js';
import { adminFetch, loginAgent } from '../server/test-support/test-server.js';
import { useServerAndBrowser } from './harness.js';

const env = useServerAndBrowser();



describe('pre-chat email capture', () => {
  it('asks for an email first, then lets the visitor write', async () => {
    const session = await loginAgent(env.server.url);
    expect((await adminFetch(env.server.url, session, 'PATCH', '/settings', { requireEmail: true })).status).toBe(200);

    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/demo/`);
    await page.getByRole('button', { name: 'Open messenger' }).click({ timeout: 15_000 });
    const email = page.getByRole('textbox', { name: 'Email' });
    await email.waitFor();
    expect(await page.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
    await email.fill('nope');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').waitFor();
    await email.fill('grace@example.com');
    await page.getByRole('button', { name: 'Continue' }).click();
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Hello, my email is above');
    await composer.press('Enter');
    await page.locator('[data-message-id]', { hasText: 'Hello, my email is above' }).waitFor();

    const contacts = await adminFetch<ListPage<ContactProfile>>(env.server.url, session, 'GET', '/contacts');
    expect(contacts.body.data.map((c) => c.email)).toContain('grace@example.com');
    await page.close();
  }, 40_000);
});
