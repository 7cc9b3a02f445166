/**
 * Consent mode in Chromium (docs/privacy.md), on a host page of its own origin
 * (a second HTTP server on loopback, as a customer's site would be): before `Messenger.consent(true)` the
 * SDK stores nothing (no cookie, no localStorage or sessionStorage key, no
 * IndexedDB database) and sends nothing but the app id to ask for the
 * workspace's mode; after it, the visitor is booted, tracked and kept;
 * `consent(false)` deletes what the browser holds and stops sending. With a
 * chat allowed before consent, the messenger opens with a notice and keeps the
 * chat in memory only. A verified user downloads their data from the messenger.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page, Request, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactExport } from '../protocol/index.js';
import { computeUserHash } from '../server/domain/identity/index.js';
import { snippet } from '../server/pages/snippet.js';
import { adminFetch, IDENTITY_SECRET, loginAgent } from '../server/test-support/test-server.js';
import { useServerAndBrowser } from './harness.js';

const env = useServerAndBrowser();
let admin: { cookie: string; csrf: string };
/** The shop's page: the snippet, booted with `?boot=` (Messenger.boot's argument) or the app id alone. */
let shop: Server;
let HOST = '';

const settings = (patch: unknown) => adminFetch(env.server.url, admin, 'PATCH', '/settings', patch);

beforeAll(async () => {
  shop = createServer((req, res) => {
    const boot = new URL(req.url ?? '/', 'http://x').searchParams.get('boot') ?? '{ appId: "demo" }';
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Shop</h1><script>${snippet(env.server.url, boot)}</script></body></html>`);
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', () => resolve()));
  HOST = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  admin = await loginAgent(env.server.url);
  const res = await settings({ allowedOrigins: [HOST, 'http://127.0.0.1:*'], privacy: { requireConsent: true, chatBeforeConsent: false } });
  expect(res.status).toBe(200);
});
afterAll(() => new Promise<void>((resolve) => shop.close(() => resolve())));

/** A host page on its own origin with the snippet; `boot` is the argument of Messenger.boot. */
/** Requests to the Parley server, and the WebSockets the page opened (the messenger's socket). */
async function openHostPage(context: BrowserContext, boot?: string): Promise<{ page: Page; sent: Request[]; sockets: WebSocket[] }> {
  const page = await context.newPage();
  const sent: Request[] = [];
  const sockets: WebSocket[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(env.server.url)) sent.push(r);
  });
  page.on('websocket', (ws) => sockets.push(ws));
  await page.goto(`${HOST}/products?email=someone%40example.com${boot ? `&boot=${encodeURIComponent(boot)}` : ''}`);
  return { page, sent, sockets };
}

/** What the browser holds for the page's origin: cookies, storage keys and IndexedDB databases. */
async function held(page: Page) {
  const inPage = await page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
  }));
  return { ...inPage, cookies: (await page.context().cookies()).map((c) => c.name) };
}

const EMPTY = { local: [], session: [], databases: [], cookies: [] };
const paths = (requests: Request[]) => requests.map((r) => new URL(r.url()).pathname);
/** Longer than the SDK's event batching delay (800 ms): whatever tracking would send is sent by then. */
const settle = (page: Page) => page.waitForTimeout(1_500);

describe('consent mode', () => {
  it('stores and sends nothing before consent(true), keeps the visitor after it, and deletes it all on consent(false)', async () => {
    const context = await env.browser.newContext();
    const { page, sent, sockets } = await openHostPage(context);
    await page.waitForResponse((r) => r.url().includes('/api/v1/widget/settings'));
    await page.evaluate(() => {
      const m = (window as unknown as { Messenger: { track(n: string, p?: object): void; page(): void } }).Messenger;
      m.track('viewed_product', { sku: 'A-1' });
      m.page();
    });
    await settle(page);

    // Before consent: sdk.js, and one GET with the app id only (no cookie, no body, nothing about the visitor).
    expect(paths(sent)).toEqual(['/sdk.js', '/api/v1/widget/settings']);
    const probe = sent[1];
    expect(probe.method()).toBe('GET');
    expect(new URL(probe.url()).search).toBe('?appId=demo');
    expect(probe.postData()).toBeNull();
    expect((await probe.allHeaders()).cookie).toBeUndefined();
    expect(await held(page)).toEqual(EMPTY);
    expect(sockets).toEqual([]);
    expect(await page.locator('#parley-messenger').count()).toBe(0);

    // consent(true): booted, the page view goes out, the messenger connects; the token is kept.
    const mark = sent.length;
    await page.evaluate(() => (window as unknown as { Messenger: { consent(g: boolean): void } }).Messenger.consent(true));
    await page.getByRole('button', { name: 'Open messenger' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => paths(sent.slice(mark)).filter((p) => p.startsWith('/api/')), { timeout: 10_000 }).toEqual(expect.arrayContaining(['/api/v1/widget/boot', '/api/v1/widget/events']));
    await expect.poll(() => sockets.some((ws) => ws.url().includes('/socket.io/') && !ws.isClosed()), { timeout: 10_000 }).toBe(true);
    const events = sent.slice(mark).find((r) => r.url().endsWith('/widget/events'));
    expect(events?.postData()).toContain(`${HOST}/products?email=`); // sent; the server keeps no query string
    await expect.poll(async () => (await held(page)).databases, { timeout: 10_000 }).toEqual(['parley-outbox-demo']);
    const kept = await held(page);
    expect(kept.local.sort()).toEqual(['parley:demo:consent', 'parley:demo:token']);
    expect(kept.cookies).toEqual([]);

    // consent(false): the messenger goes, what the browser holds is deleted, tracking stops.
    const withdrawn = sent.length;
    await page.evaluate(() => (window as unknown as { Messenger: { consent(g: boolean): void } }).Messenger.consent(false));
    await page.locator('#parley-messenger').waitFor({ state: 'detached' });
    await expect.poll(() => sockets.every((ws) => ws.isClosed()), { timeout: 10_000 }).toBe(true);
    await expect.poll(async () => held(page), { timeout: 10_000 }).toEqual(EMPTY);
    await page.evaluate(() => (window as unknown as { Messenger: { track(n: string): void } }).Messenger.track('after_withdrawal'));
    await settle(page);
    expect(paths(sent.slice(withdrawn)).filter((p) => p !== '/api/v1/widget/settings')).toEqual([]);

    // A reload is a first visit again: nothing stored, nothing sent but the question.
    const reloaded = sent.length;
    await page.reload();
    await page.waitForResponse((r) => r.url().includes('/api/v1/widget/settings'));
    await settle(page);
    expect(paths(sent.slice(reloaded))).toEqual(['/sdk.js', '/api/v1/widget/settings']);
    expect(await held(page)).toEqual(EMPTY);
    await context.close();
  }, 60_000);

  it('opens for a chat before consent when allowed: a notice, nothing stored, nothing sent until the visitor opens it', async () => {
    expect((await settings({ privacy: { chatBeforeConsent: true } })).status).toBe(200);
    const context = await env.browser.newContext();
    const { page, sent, sockets } = await openHostPage(context);
    const launcher = page.getByRole('button', { name: 'Open messenger' });
    await launcher.waitFor({ timeout: 15_000 });
    // The widget's code loaded; no visitor exists yet: no boot, no socket, no events.
    expect(paths(sent).filter((p) => p.startsWith('/api/') || p.startsWith('/socket.io'))).toEqual(['/api/v1/widget/settings']);
    expect(sockets).toEqual([]);
    expect(await held(page)).toEqual(EMPTY);

    const booting = page.waitForRequest((r) => r.url().endsWith('/api/v1/widget/boot'));
    await launcher.click();
    await page.getByText("This chat isn't saved on your device.").waitFor();
    const boot = JSON.parse((await booting).postData() ?? '{}') as Record<string, unknown>;
    expect(boot.device).toBeUndefined();
    expect(boot.token).toBeUndefined();
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Can I return an opened box?');
    await composer.press('Enter');
    await page.locator('[data-message-id]', { hasText: 'Can I return an opened box?' }).waitFor({ timeout: 15_000 });
    expect(await held(page)).toEqual(EMPTY);
    expect(paths(sent)).not.toContain('/api/v1/widget/events');

    // Consent given mid-chat: the same visitor is kept from now on, and the conversation is still there.
    await page.evaluate(() => (window as unknown as { Messenger: { consent(g: boolean): void } }).Messenger.consent(true));
    await expect.poll(async () => (await held(page)).local.sort(), { timeout: 10_000 }).toEqual(['parley:demo:consent', 'parley:demo:token']);
    await page.getByRole('button', { name: 'Open messenger' }).click({ timeout: 15_000 });
    await page.locator('[data-conversation-id]', { hasText: 'Can I return an opened box?' }).click({ timeout: 15_000 });
    await page.locator('[data-message-id]', { hasText: 'Can I return an opened box?' }).waitFor({ timeout: 15_000 });
    expect(await page.getByText("This chat isn't saved on your device.").count()).toBe(0);
    await context.close();
    expect((await settings({ privacy: { chatBeforeConsent: false } })).status).toBe(200);
  }, 60_000);

  it('lets a verified user download their data from the messenger, through a short-lived link', async () => {
    const context = await env.browser.newContext();
    const userHash = computeUserHash(IDENTITY_SECRET, 'shop-user-1');
    const { page } = await openHostPage(context, `{ appId: "demo", user: { id: "shop-user-1", name: "Shop Shopper", userHash: "${userHash}" } }`);
    await page.evaluate(() => (window as unknown as { Messenger: { consent(g: boolean): void } }).Messenger.consent(true));
    // The link is under PUBLIC_URL (http://127.0.0.1 in tests): catch the download there and fetch it ourselves.
    let link = '';
    await page.route('http://127.0.0.1/api/v1/widget/export/**', (route) => {
      link = route.request().url();
      return route.fulfill({ status: 204 });
    });
    await page.getByRole('button', { name: 'Open messenger' }).click({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Download my data' }).click();
    await expect.poll(() => link, { timeout: 10_000 }).not.toBe('');
    const res = await fetch(link.replace('http://127.0.0.1', env.server.url));
    expect(res.status).toBe(200);
    const doc = (await res.json()) as ContactExport;
    expect(doc.contact).toMatchObject({ externalId: 'shop-user-1', name: 'Shop Shopper' });
    await context.close();
  }, 60_000);
});
