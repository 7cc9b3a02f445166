/**
 * Mobile web and accessibility: the messenger is full screen on a phone, its
 * inputs don't trigger iOS zoom, it works by touch and in Arabic (RTL); axe-core
 * finds no WCAG 2.1 A/AA violation in the launcher, the messenger, a thread, or
 * the inbox; the messenger is usable by keyboard alone.
 */
import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../server/test-support/test-server.js';
import { axeViolations } from './axe.js';
import { useServerAndBrowser } from './harness.js';

const env = useServerAndBrowser();

const SHOTS = 'e2e/screenshots';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
});

describe('mobile web', () => {
  it('opens full screen by touch, in Arabic right-to-left, with 16 px inputs', async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await ctx.newPage();
    await page.goto(`${env.server.url}/demo/?lang=ar`);
    const launcher = page.getByRole('button', { name: 'افتح المحادثة' });
    await launcher.tap({ timeout: 15_000 });
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Full screen once the opening animation has settled.
    await expect
      .poll(async () => {
        const b = await dialog.boundingBox();
        return b && [b.x, b.y, b.width, b.height].map(Math.round);
      })
      .toEqual([0, 0, 390, 844]);
    expect(await dialog.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');

    const composer = page.getByRole('textbox', { name: 'الرسالة' });
    expect(await composer.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
    await composer.tap();
    await composer.fill('مرحبا، أحتاج إلى مساعدة في الفاتورة');
    await page.getByRole('button', { name: 'إرسال' }).tap();
    await page.locator('[data-message-id]', { hasText: 'مرحبا' }).waitFor();
    const sendBox = await page.getByRole('button', { name: 'إرسال' }).boundingBox();
    expect((sendBox?.y ?? 9999) + (sendBox?.height ?? 0)).toBeLessThanOrEqual(844);
    // RTL: the visitor's own message sits on the left edge's opposite — the end side, which is left in Arabic.
    const bubble = await page.locator('[data-message-id]', { hasText: 'مرحبا' }).boundingBox();
    expect(bubble?.x ?? 999).toBeLessThan(390 / 2);
    await page.screenshot({ path: `${SHOTS}/mobile-ar-rtl.png` });
    await ctx.close();
  }, 40_000);
});

describe('accessibility', () => {
  it('has no axe violations on the launcher, the messenger and a thread, and works by keyboard', async () => {
    const ctx = await env.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`${env.server.url}/demo/`);
    const launcher = page.getByRole('button', { name: 'Open messenger' });
    await launcher.waitFor({ timeout: 15_000 });
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard only: focus the launcher, open, type, send, close with Escape; focus returns.
    await launcher.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Messenger' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('aria-label'))).toBe('Message');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.type('Typed with the keyboard only');
    await page.keyboard.press('Enter');
    await page.locator('[data-message-id]', { hasText: 'Typed with the keyboard only' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('aria-label'))).toBe('Open messenger');
    await ctx.close();
  }, 40_000);

  it('has no axe violations in the inbox (login, list, thread)', async () => {
    const ctx = await env.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`${env.server.url}/inbox/`);
    await page.getByLabel('Email').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    const item = page.getByRole('link', { name: /Typed with the keyboard only/ }).first();
    await item.click({ timeout: 15_000 });
    await page.locator('[data-message-id]').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await ctx.close();
  }, 40_000);
});
