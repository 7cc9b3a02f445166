/** Several conversations per visitor: start a second one from the list, and reopen a closed one by writing to it. */
import { describe, expect, it } from 'vitest';
import type { AgentConversation, Page as ListPage } from '../protocol/index.js';
import { adminFetch, loginAgent } from '../server/test-support/test-server.js';
import { useServerAndBrowser } from './harness.js';

const env = useServerAndBrowser();



describe('several conversations', () => {
  it('lists them, starts a new one, and reopens a closed one', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/demo/`);
    await page.getByRole('button', { name: 'Open messenger' }).click({ timeout: 15_000 });
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('First topic: billing');
    await composer.press('Enter');
    await page.locator('[data-message-id]', { hasText: 'First topic' }).waitFor();

    await page.getByRole('button', { name: 'Back to conversations' }).click();
    await page.getByRole('button', { name: 'Send us a message' }).click();
    await composer.fill('Second topic: export');
    await composer.press('Enter');
    await page.locator('[data-message-id]', { hasText: 'Second topic' }).waitFor();
    await page.getByRole('button', { name: 'Back to conversations' }).click();
    await expect.poll(() => page.locator('[data-conversation-id]').count()).toBe(2);

    // The team closes the first conversation; the visitor sees it closed and reopens it by writing.
    const session = await loginAgent(env.server.url);
    const list = await adminFetch<ListPage<AgentConversation>>(env.server.url, session, 'GET', '/conversations');
    const first = list.body.data.find((c) => c.lastMessage?.body.startsWith('First topic'));
    await adminFetch(env.server.url, session, 'PATCH', `/conversations/${first?.id}`, { status: 'closed' });
    await page.locator(`[data-conversation-id="${first?.id}"]`).click();
    await page.getByText('This conversation is closed').waitFor();
    await composer.fill('Actually, one more billing question');
    await composer.press('Enter');
    await page.locator('[data-message-id]', { hasText: 'one more billing question' }).waitFor();
    await expect.poll(async () => (await adminFetch<AgentConversation>(env.server.url, session, 'GET', `/conversations/${first?.id}`)).body.status).toBe('open');
    await page.close();
  }, 40_000);
});
