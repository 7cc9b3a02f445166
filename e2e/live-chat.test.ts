/**
 * The foundation, end to end, as people use it: an end user on the demo host
 * page and an agent in the inbox, in two Chromium contexts against the real server.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactEvent, ContactProfile, Page as ListPage } from '../protocol/index.js';
import { ADMIN, adminFetch, loginAgent, startTestServer, type TestServer } from '../server/test-support/test-server.js';
import { launchChromium } from './browser.js';

const SHOTS = 'e2e/screenshots';
let server: TestServer;
let browser: Browser;
let visitorCtx: BrowserContext;
let agentCtx: BrowserContext;
let visitor: Page;
let agent: Page;

const errors: string[] = [];
const watch = (page: Page, who: string) => {
  page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startTestServer();
  browser = await launchChromium();
  visitorCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  agentCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  visitor = await visitorCtx.newPage();
  agent = await agentCtx.newPage();
  watch(visitor, 'visitor');
  watch(agent, 'agent');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Registers an unreadCountChange listener (queued by the snippet if sdk.js has not loaded yet). */
async function listenForUnread(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __unread: number[]; Messenger: { on(e: string, cb: (n: number) => void): void } };
    w.__unread = [];
    w.Messenger.on('unreadCountChange', (n) => w.__unread.push(n));
  });
}

async function unreadEvents(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __unread: number[] }).__unread ?? []);
}

describe('live chat between the demo page and the inbox', () => {
  it('runs the whole conversation, with typing, receipts, badge, reload and a second tab', async () => {
    // The end user opens the demo page; the snippet queues calls before sdk.js has loaded.
    await visitor.goto(`${server.url}/demo/`);
    await listenForUnread(visitor);
    const launcher = visitor.getByRole('button', { name: 'Open messenger' });
    await launcher.waitFor({ timeout: 15_000 });
    await launcher.click();
    const composer = visitor.getByRole('textbox', { name: 'Message' });
    await composer.fill('Hello from the end-to-end test');
    await composer.press('Enter');
    await visitor.locator('[data-message-id]', { hasText: 'Hello from the end-to-end test' }).waitFor();

    // The agent logs in and sees it live.
    await agent.goto(`${server.url}/inbox/`);
    await agent.getByLabel('Email').fill(ADMIN.email);
    await agent.getByLabel('Password').fill(ADMIN.password);
    await agent.getByRole('button', { name: 'Log in' }).click();
    const item = agent.getByRole('link', { name: /Hello from the end-to-end test/ }).first();
    await item.waitFor({ timeout: 15_000 });
    await item.click();
    await agent.locator('[data-message-id]', { hasText: 'Hello from the end-to-end test' }).waitFor();

    // Typing, both ways.
    await composer.pressSequentially('still typ', { delay: 20 });
    await agent.getByText(/is typing/).waitFor({ timeout: 10_000 });
    const reply = agent.getByRole('textbox', { name: 'Reply' });
    await reply.pressSequentially('Hi! ', { delay: 20 });
    await visitor.getByText(/is typing/).waitFor({ timeout: 10_000 });

    // The reply arrives live; the visitor has the thread open, so the agent sees "Seen".
    await reply.fill('Hi! How can I help you today?');
    await reply.press('Enter');
    await visitor.locator('[data-message-id]', { hasText: 'How can I help you today?' }).waitFor({ timeout: 10_000 });
    await agent.getByText('Seen').waitFor({ timeout: 10_000 });
    await visitor.screenshot({ path: `${SHOTS}/visitor-thread.png` });
    await agent.screenshot({ path: `${SHOTS}/agent-inbox.png` });

    // Visitor closes the messenger; a new reply raises the badge and fires unreadCountChange.
    await visitor.keyboard.press('Escape');
    await reply.fill('Are you still there?');
    await reply.press('Enter');
    await visitor.getByRole('button', { name: 'Open messenger' }).locator('.badge').waitFor({ timeout: 10_000 });
    await expect.poll(() => unreadEvents(visitor)).toContain(1);
    await visitor.screenshot({ path: `${SHOTS}/visitor-badge.png` });

    // A reload keeps the conversation (the anonymous visitor is persisted first-party).
    await visitor.reload();
    await listenForUnread(visitor);
    await visitor.getByRole('button', { name: 'Open messenger' }).click();
    await visitor.locator('[data-conversation-id]').first().click();
    await visitor.locator('[data-message-id]', { hasText: 'Are you still there?' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => unreadEvents(visitor)).toContain(0);

    // A second tab of the same browser shows the same conversation.
    const tab2 = await visitorCtx.newPage();
    watch(tab2, 'tab2');
    await tab2.goto(`${server.url}/demo/`);
    await tab2.getByRole('button', { name: 'Open messenger' }).click();
    await tab2.locator('[data-conversation-id]').first().click();
    await tab2.locator('[data-message-id]', { hasText: 'Hello from the end-to-end test' }).waitFor({ timeout: 10_000 });
    expect(await tab2.locator('[data-message-id]').count()).toBe(3);
    await tab2.close();

    // Close and reopen from the agent side.
    await agent.getByRole('button', { name: 'Close', exact: true }).click();
    await agent.getByRole('button', { name: 'Reopen' }).click();
    await agent.getByRole('button', { name: 'Close', exact: true }).waitFor();
    expect(errors).toEqual([]);
  }, 120_000);

  it('identify + track + SPA page views land on one contact the inbox shows', async () => {
    await visitor.goto(`${server.url}/demo/`);
    await visitor.getByRole('button', { name: 'Open messenger' }).waitFor({ timeout: 15_000 });
    await visitor.getByRole('button', { name: 'Sign in as Ada Lovelace' }).click();
    await visitor.getByRole('link', { name: 'Billing' }).click();
    await visitor.getByRole('button', { name: /Track/ }).click();

    const session = await loginAgent(server.url);
    await expect
      .poll(async () => (await adminFetch<ListPage<ContactProfile>>(server.url, session, 'GET', '/contacts')).body.data.find((c) => c.externalId === 'demo-ada')?.name ?? null, { timeout: 10_000 })
      .toBe('Ada Lovelace');
    const contacts = await adminFetch<ListPage<ContactProfile>>(server.url, session, 'GET', '/contacts');
    const ada = contacts.body.data.filter((c) => c.externalId === 'demo-ada');
    expect(ada).toHaveLength(1);
    await expect
      .poll(async () => (await adminFetch<ListPage<ContactEvent>>(server.url, session, 'GET', `/contacts/${ada[0].id}/events`)).body.data.map((e) => e.name), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['report_exported', 'Billing — Acme Analytics']));
    // The anonymous conversation from the first test moved with the visitor onto Ada.
    const convs = await adminFetch<ListPage<{ id: string }>>(server.url, session, 'GET', `/conversations?contact_id=${ada[0].id}`);
    expect(convs.body.data).toHaveLength(1);

    // The inbox shows the profile next to the conversation.
    await agent.reload();
    await agent.getByRole('link', { name: /Are you still there/ }).first().click();
    const panel = agent.getByRole('complementary', { name: 'Contact' });
    await panel.getByText('Ada Lovelace').first().waitFor({ timeout: 10_000 });
    await panel.getByText('report_exported').first().waitFor({ timeout: 10_000 });
    await agent.screenshot({ path: `${SHOTS}/agent-contact.png` });
    expect(errors).toEqual([]);
  }, 60_000);
});
