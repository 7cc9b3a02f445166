/**
 * Attachments end to end: the visitor attaches a PNG in the widget on the demo
 * page, it shows in both threads; the agent answers with a file; a disguised
 * HTML file is refused with a message the visitor can read.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { snippet } from '../server/pages/snippet.js';
import { ADMIN } from '../server/test-support/test-server.js';
import { axeViolations } from './axe.js';
import { useServerAndBrowser } from './harness.js';

const env = useServerAndBrowser();

/** A 1×1 PNG, made here rather than read from a fixture file. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The image is really there: decoded by the browser, not a broken icon. */
async function imageLoaded(page: Page, selector: string): Promise<number> {
  const img = page.locator(selector).first();
  await img.waitFor({ timeout: 10_000 });
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth), { timeout: 10_000 }).toBe(1);
  return img.evaluate((el) => (el as HTMLImageElement).naturalWidth);
}

describe('attachments', () => {
  it('a PNG from the widget shows in the widget and the inbox; the agent replies with a file', async () => {
    const errors: string[] = [];
    const visitorCtx = await env.browser.newContext({ bypassCSP: true }); // axe is injected as a script
    const visitor = await visitorCtx.newPage();
    visitor.on('pageerror', (e) => errors.push(`visitor: ${e.message}`));
    await visitor.goto(`${env.server.url}/demo/`);
    await visitor.getByRole('button', { name: 'Open messenger' }).click({ timeout: 15_000 });
    const composer = visitor.getByRole('textbox', { name: 'Message' });
    await composer.waitFor();

    // "Attach a file" opens the file picker; the upload starts as soon as a file is picked.
    const chooser = visitor.waitForEvent('filechooser');
    await visitor.getByRole('button', { name: 'Attach a file' }).click();
    await (await chooser).setFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: PNG });
    const pending = visitor.locator('.pending li', { hasText: 'pixel.png' });
    await pending.waitFor();
    await expect.poll(() => pending.getAttribute('aria-busy')).toBeNull();
    expect(await axeViolations(visitor)).toEqual([]);

    await composer.fill('Here is a screenshot');
    await composer.press('Enter');
    const sent = visitor.locator('[data-message-id]', { hasText: 'Here is a screenshot' });
    await sent.waitFor();
    expect(await imageLoaded(visitor, '[data-message-id] img[alt="pixel.png"]')).toBe(1);
    await expect.poll(() => sent.getAttribute('data-state')).toBe('sent');
    expect(await visitor.locator('.pending li').count()).toBe(0);

    // The agent sees the image in the inbox thread.
    const agentCtx = await env.browser.newContext();
    const agent = await agentCtx.newPage();
    agent.on('pageerror', (e) => errors.push(`agent: ${e.message}`));
    await agent.goto(`${env.server.url}/inbox/`);
    await agent.getByLabel('Email').fill(ADMIN.email);
    await agent.getByLabel('Password').fill(ADMIN.password);
    await agent.getByRole('button', { name: 'Log in' }).click();
    await agent.getByRole('link', { name: /Here is a screenshot/ }).first().click({ timeout: 15_000 });
    expect(await imageLoaded(agent, '[data-message-id] img[alt="pixel.png"]')).toBe(1);

    // The agent answers with a text file; the visitor gets a link with its name and size.
    const agentChooser = agent.waitForEvent('filechooser');
    await agent.getByRole('button', { name: 'Attach a file' }).click();
    await (await agentChooser).setFiles({ name: 'steps.txt', mimeType: 'text/plain', buffer: Buffer.from('1. Open settings\n2. Click Billing\n') });
    await expect.poll(() => agent.locator('.composer__file', { hasText: 'steps.txt' }).getAttribute('aria-busy')).toBeNull();
    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    const link = visitor.getByRole('link', { name: /steps\.txt/ });
    await link.waitFor({ timeout: 10_000 });
    const href = (await link.getAttribute('href')) ?? '';
    const download = await fetch(href);
    expect(download.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''steps.txt");
    expect(await download.text()).toBe('1. Open settings\n2. Click Billing\n');

    // An HTML page named .png is refused, and the visitor is told why.
    const bad = visitor.waitForEvent('filechooser');
    await visitor.getByRole('button', { name: 'Attach a file' }).click();
    await (await bad).setFiles({ name: 'cat.png', mimeType: 'image/png', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
    await expect.poll(() => visitor.getByRole('alert').textContent(), { timeout: 10_000 }).toContain("cat.png can't be sent");
    expect(await visitor.locator('.pending li').count()).toBe(0);

    await visitor.screenshot({ path: 'e2e/screenshots/visitor-attachments.png' });
    await agent.screenshot({ path: 'e2e/screenshots/agent-attachments.png' });
    expect(errors).toEqual([]);
    await visitorCtx.close();
    await agentCtx.close();
  }, 90_000);

  it('works from a host page on another origin (CORS preflight, cross-origin image)', async () => {
    const errors: string[] = [];
    const page = await env.browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    // A real host page on another port of loopback (a route-fulfilled page would count as "public" for
    // Chromium's local network access checks): another origin than the server's, allowed by "http://127.0.0.1:*".
    const hostServer = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><title>Shop</title><h1>Shop</h1><script>${snippet(env.server.url)}</script>`);
    });
    await new Promise<void>((resolve) => hostServer.listen(0, '127.0.0.1', resolve));
    const host = `http://127.0.0.1:${(hostServer.address() as AddressInfo).port}`;
    // The upload carries the token in Authorization: it only goes through if our preflight answer allows it.
    const uploads: string[] = [];
    page.on('requestfinished', (r) => {
      if (r.url().includes('/widget/uploads')) uploads.push(`${r.method()} ${r.url()}`);
    });
    await page.goto(`${host}/`);
    await page.getByRole('button', { name: 'Open messenger' }).click({ timeout: 15_000 });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach a file' }).click();
    await (await chooser).setFiles({ name: 'from-the-shop.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => page.locator('.pending li', { hasText: 'from-the-shop.png' }).getAttribute('aria-busy')).toBeNull();
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    expect(await imageLoaded(page, '[data-message-id] img[alt="from-the-shop.png"]')).toBe(1);
    const src = await page.locator('img[alt="from-the-shop.png"]').getAttribute('src');
    expect(src?.startsWith(`${env.server.url}/api/v1/attachments/`)).toBe(true);
    expect(uploads).toEqual([`POST ${env.server.url}/api/v1/widget/uploads?name=from-the-shop.png`]); // the token is not in the URL
    expect(errors).toEqual([]);
    await page.close();
    await new Promise((resolve) => hostServer.close(resolve));
  }, 60_000);
});
