/**
 * Two agents in two browser contexts on one conversation: each sees the
 * other viewing it, a note that mentions one reaches them live with a notice,
 * and an assignment made by one shows in the other's "Mine" list at once.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { adminFetch, loginAgent } from '../server/test-support/test-server.js';
import { useServerAndBrowser } from './harness.js';

const env = useServerAndBrowser();

const GRACE = { email: 'grace@test.local', name: 'Grace Hopper', password: 'grace hopper password' };

async function inboxAs(context: BrowserContext, creds: { email: string; password: string }, hash: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${env.server.url}/inbox/${hash}`);
  await page.getByRole('textbox', { name: 'Email' }).fill(creds.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(creds.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  return page;
}

describe('the inbox with two agents', () => {
  it('shows who else is viewing, delivers a mention live, and an assignment lands in the other agent’s list', async () => {
    const admin = await loginAgent(env.server.url);
    const workspaceId = (await env.server.domain.workspaces.byAppId('demo')).id;
    const grace = await env.server.domain.agents.create({ workspaceId, email: GRACE.email, name: GRACE.name, role: 'agent', password: GRACE.password });

    const visitor = await env.browser.newContext();
    const site = await visitor.newPage();
    await site.goto(`${env.server.url}/demo/`);
    await site.getByRole('button', { name: 'Open messenger' }).click({ timeout: 15_000 });
    await site.getByRole('textbox', { name: 'Message' }).fill('Two of you can look at this?');
    await site.getByRole('textbox', { name: 'Message' }).press('Enter');
    await site.locator('[data-message-id]', { hasText: 'Two of you can look at this?' }).waitFor();
    const list = await adminFetch<{ data: Array<{ id: string; lastMessage: { body: string } | null }> }>(env.server.url, admin, 'GET', '/conversations');
    const id = list.body.data.find((c) => c.lastMessage?.body === 'Two of you can look at this?')?.id ?? '';

    const adaContext = await env.browser.newContext();
    const graceContext = await env.browser.newContext();
    const ada = await inboxAs(adaContext, { email: 'admin@test.local', password: 'correct horse battery' }, `#/conversations/${id}`);
    const gracePage = await inboxAs(graceContext, GRACE, `#/conversations/${id}`);

    // Collision: each sees the other on the same conversation.
    await gracePage.getByText(/is also viewing/).waitFor({ timeout: 15_000 });
    await ada.getByText(`${GRACE.name} is also viewing`).waitFor({ timeout: 15_000 });

    // A note from one agent, mentioning the other: in the other's thread and as a notice, never to the visitor.
    await ada.getByRole('button', { name: 'Note' }).click();
    await ada.getByRole('textbox', { name: 'Note' }).fill(`@${GRACE.name} can you check the export worker?`);
    await ada.getByRole('button', { name: 'Add note' }).click();
    await gracePage.getByText('can you check the export worker?').first().waitFor({ timeout: 10_000 });
    await gracePage.getByText(/mentioned you in a note/).first().waitFor({ timeout: 10_000 });
    expect(await site.getByText('can you check the export worker?').count()).toBe(0);

    // An assignment by one agent shows in the other's "Mine" at once.
    await gracePage.getByRole('button', { name: 'Mine' }).click();
    expect((await adminFetch(env.server.url, admin, 'POST', `/conversations/${id}/assign`, { assigneeId: grace.id })).status).toBe(200);
    await gracePage.locator('.conversation-item', { hasText: 'Two of you can look at this?' }).waitFor({ timeout: 10_000 });

    await Promise.all([visitor.close(), adaContext.close(), graceContext.close()]);
  }, 90_000);
});
