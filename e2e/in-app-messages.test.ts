/**
 * The worked example of in-app messages: the demo user's payment fails, a
 * personal chat message from the team appears with a link to the help
 * article, the user clicks it, and the inbox counts the click. Then the other
 * formats, triggered by page and time, with the workspace's quiet pages.
 */
import { describe, expect, it } from 'vitest';
import type { InAppMessage, MessageStats, Page as ListPage } from '../protocol/index.js';
import { adminFetch, loginAgent } from '../server/test-support/test-server.js';
import { useServerAndBrowser } from './harness.js';

const env = useServerAndBrowser();

async function stats(session: { cookie: string; csrf: string }, id: string): Promise<MessageStats> {
  return (await adminFetch<MessageStats>(env.server.url, session, 'GET', `/messages/${id}/stats`)).body;
}

describe('in-app messages in the browser', () => {
  it('payment_failed → a chat message linking the help article; the click shows in the inbox', async () => {
    const session = await loginAgent(env.server.url);
    const messages = await adminFetch<ListPage<InAppMessage>>(env.server.url, session, 'GET', '/messages');
    const example = messages.body.data.find((m) => m.trigger.event === 'payment_failed');
    if (!example) throw new Error('the demo workspace has no payment_failed message');

    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.url}/demo/`);
    await page.getByRole('button', { name: 'Open messenger' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: /Sign in as/ }).click();
    await page.getByRole('button', { name: 'Simulate a failed payment' }).click();

    const card = page.getByRole('region', { name: 'Message from Admin' });
    await card.waitFor({ timeout: 10_000 });
    expect(await card.textContent()).toContain('Hi Ada, it looks like your last payment');
    const link = card.getByRole('link', { name: "Here's how to update your card" });
    // The seeded link points at PUBLIC_URL's help article (the test server's PUBLIC_URL has no port).
    expect(await link.getAttribute('href')).toMatch(/\/demo\/help\/update-card$/);
    expect(await link.getAttribute('target')).toBe('_blank');
    await link.click();
    const article = await context.newPage();
    await article.goto(`${env.server.url}/demo/help/update-card`);
    expect(await article.title()).toContain('How to update your card');

    await expect.poll(() => stats(session, example.id), { timeout: 5_000 }).toMatchObject({ sent: 1, shown: 1, clicked: 1 });

    // The inbox shows the click on the message's page.
    const inbox = await context.newPage();
    await inbox.goto(`${env.server.url}/inbox/`);
    await inbox.getByRole('textbox', { name: 'Email' }).fill('admin@test.local');
    await inbox.getByRole('textbox', { name: 'Password' }).fill('correct horse battery');
    await inbox.getByRole('button', { name: 'Log in' }).click();
    await inbox.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages', exact: true }).click();
    await inbox.getByRole('link', { name: example.name }).click();
    const statsRegion = inbox.getByRole('region', { name: 'Stats' });
    await expect.poll(async () => (await statsRegion.textContent()) ?? '', { timeout: 15_000 }).toMatch(/Clicked\s*1/);
    await context.close();
  }, 60_000);

  it('replying to a chat message starts a conversation that opens with it', async () => {
    const session = await loginAgent(env.server.url);
    const created = await adminFetch<InAppMessage>(env.server.url, session, 'POST', '/messages', {
      name: 'Stuck on export?',
      format: 'chat',
      body: 'Exports can take a minute. Want me to check yours?',
      trigger: { on: 'event', event: 'export_stuck' },
      sender_id: session.agentId,
      status: 'live',
    });
    expect(created.status).toBe(201);
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.url}/demo/`);
    await page.getByRole('button', { name: 'Open messenger' }).waitFor({ timeout: 15_000 });
    await page.evaluate(() => (window as unknown as { Messenger: { track(name: string): void } }).Messenger.track('export_stuck'));
    const card = page.getByRole('region', { name: 'Message from Admin' });
    await card.getByRole('button', { name: 'Reply' }).click({ timeout: 10_000 });
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Yes please, it is stuck at 90%');
    await composer.press('Enter');
    await page.locator('[data-message-id]', { hasText: 'Exports can take a minute' }).waitFor({ timeout: 10_000 });
    await page.locator('[data-message-id]', { hasText: 'Yes please, it is stuck at 90%' }).waitFor();
    // The agent's message comes first in the thread.
    const order = await page.locator('[data-message-id]').allTextContents();
    expect(order.findIndex((t) => t.includes('Exports can take'))).toBeLessThan(order.findIndex((t) => t.includes('stuck at 90%')));
    await expect.poll(() => stats(session, created.body.id)).toMatchObject({ sent: 1, shown: 1, opened: 1, replied: 1 });
    await context.close();
  }, 60_000);

  it('shows a banner on its page, a tooltip at its element after time on page, and nothing on quiet pages', async () => {
    const session = await loginAgent(env.server.url);
    const create = (body: Record<string, unknown>) => adminFetch<InAppMessage>(env.server.url, session, 'POST', '/messages', { status: 'live', ...body });
    const banner = await create({ name: 'Billing banner', format: 'banner', body: 'Yearly plans are **20% off**', trigger: { on: 'page', page: '/demo/billing' }, button: { label: 'See plans' } });
    expect(banner.status).toBe(201);
    const tooltip = await create({ name: 'Nav tip', format: 'tooltip', body: 'Your settings live here', selector: 'a[href="/demo/settings"]', trigger: { on: 'time_on_page', seconds: 2 }, audience: { page: { op: 'glob', value: '/demo/settings' } } });
    expect(tooltip.status).toBe(201);
    expect((await adminFetch(env.server.url, session, 'PATCH', '/settings', { quietPages: ['/demo/quiet'] })).status).toBe(200);

    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/demo/quiet`);
    await page.getByRole('button', { name: 'Open messenger' }).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Billing' }).click(); // SPA route change: leaves the quiet page
    const region = page.getByRole('region', { name: 'Notice' });
    await region.waitFor({ timeout: 10_000 });
    expect(await region.textContent()).toContain('Yearly plans are 20% off');
    await region.getByRole('button', { name: 'Dismiss' }).click();
    await region.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Settings' }).click();
    const tip = page.getByRole('dialog', { name: 'Announcement' });
    await tip.waitFor({ timeout: 10_000 });
    expect(await tip.textContent()).toContain('Your settings live here');
    await expect.poll(() => stats(session, banner.body.id)).toMatchObject({ sent: 1, shown: 1, dismissed: 1 });
    await expect.poll(() => stats(session, tooltip.body.id)).toMatchObject({ sent: 1, shown: 1 });
    await page.close();
  }, 60_000);
});
