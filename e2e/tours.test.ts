/**
 * Product tours in Chromium on the demo SPA: the seeded tour walked by
 * keyboard across a route change, waiting for a late-rendered element and
 * scrolling a container; resuming after a reload; never pointing at a
 * missing element; an Arabic (RTL) page; and the tours chunk loading only
 * when a tour runs.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Tour, TourStats } from '../protocol/index.js';
import { adminFetch, loginAgent } from '../server/test-support/test-server.js';
import { axeViolations } from './axe.js';
import { useServerAndBrowser } from './harness.js';

const env = useServerAndBrowser();

type Session = { cookie: string; csrf: string };

async function tour(session: Session, input: Record<string, unknown>): Promise<Tour> {
  const res = await adminFetch<Tour>(env.server.url, session, 'POST', '/tours', { status: 'live', trigger: { on: 'event', event: 'never_tracked' }, ...input });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

const stats = async (session: Session, id: string) => (await adminFetch<TourStats>(env.server.url, session, 'GET', `/tours/${id}/stats`)).body;

/** The demo page with the messenger up (its launcher is named in the page's language). */
async function openDemo(page: Page, path = '/demo/', launcher = 'Open messenger'): Promise<void> {
  await page.goto(`${env.server.url}${path}`);
  await page.getByRole('button', { name: launcher }).waitFor({ timeout: 15_000 });
}

const startTour = (page: Page, id: string) => page.evaluate((tourId) => (window as unknown as { Messenger: { startTour(id: string): void } }).Messenger.startTour(tourId), id);

/** Where focus is, through our shadow root. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}#${el.id}.${el.className}` : '';
  });

const focusedText = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}` : '';
  });

describe('product tours in the browser', () => {
  it('walks the seeded tour by keyboard across a route change, waits for a late element, scrolls a container; the tours chunk loads only then', async () => {
    const session = await loginAgent(env.server.url);
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const chunks: string[] = [];
    page.on('request', (r) => chunks.push(new URL(r.url()).pathname));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openDemo(page);
    await page.evaluate(() => {
      const w = window as unknown as { Messenger: { on(e: string, cb: (p: { id: string }) => void): void }; completedTours: string[] };
      w.completedTours = [];
      w.Messenger.on('tourCompleted', ({ id }) => w.completedTours.push(id));
    });
    // The messenger is up and nothing runs: no tour code on the page.
    expect(chunks.some((p) => /\/widget\/tours-/.test(p))).toBe(false);

    const start = page.locator('#start-tour');
    const seededId = (await start.getAttribute('data-tour-id')) ?? '';
    await start.focus();
    await page.keyboard.press('Enter');
    const welcome = page.getByRole('dialog', { name: 'Welcome to Acme Analytics' });
    await welcome.waitFor({ timeout: 10_000 });
    expect(chunks.some((p) => /\/widget\/tours-/.test(p))).toBe(true);
    // Focus moved into the step: the arrow key moves on.
    expect(await focused(page)).toContain('pt-card');
    await page.keyboard.press('ArrowRight');

    const nav = page.getByRole('dialog', { name: 'Step 2 of 5' });
    await nav.waitFor();
    expect(await nav.textContent()).toContain('Your reports live here');
    // Advance on click: no Next; activating the link (by keyboard) moves the tour along with the route.
    expect(await nav.getByRole('button', { name: 'Next' }).count()).toBe(0);
    await page.locator('#nav-reports').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/demo\/reports$/);

    // The export button renders ~600 ms after the route change: the step waits for it, then spotlights it.
    const exportStep = page.getByRole('dialog', { name: 'Export in one click' });
    await exportStep.waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-tour="export"]').count()).toBe(1);
    await page.keyboard.press('ArrowRight');

    // The total sits at the bottom of a scrolled panel: scrolled into view, the card beside it.
    const totalStep = page.getByRole('dialog', { name: 'Step 4 of 5' });
    await totalStep.waitFor({ timeout: 10_000 });
    await expect
      .poll(() =>
        page.evaluate(() => {
          const panel = (document.getElementById('report-table') as HTMLElement).getBoundingClientRect();
          const total = (document.querySelector('[data-tour="report-total"]') as HTMLElement).getBoundingClientRect();
          return total.top >= panel.top - 1 && total.bottom <= panel.bottom + 1;
        }),
      )
      .toBe(true);
    const [card, target] = await Promise.all([
      totalStep.boundingBox(),
      page.locator('[data-tour="report-total"]').boundingBox(),
    ]);
    expect(card && target && Math.abs(card.y - (target.y + target.height)) < 40).toBe(true);
    await page.screenshot({ path: 'e2e/screenshots/tour-scrolled-container.png' });

    // Tab reaches Next within the step; Enter moves on; Done ends it.
    for (let i = 0; i < 5 && !(await focusedText(page)).startsWith('button:Next'); i++) await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('button:Next');
    await page.keyboard.press('Enter');
    const last = page.getByRole('dialog', { name: "That's it!" });
    await last.waitFor();
    await last.getByRole('button', { name: 'Done' }).press('Enter');
    await last.waitFor({ state: 'detached' });

    await expect.poll(() => page.evaluate(() => (window as unknown as { completedTours: string[] }).completedTours)).toEqual([seededId]);
    await expect.poll(async () => (await stats(session, seededId)).completed).toBeGreaterThanOrEqual(1);
    const funnel = await stats(session, seededId);
    expect(funnel.steps.map((s) => s.seen >= 1)).toEqual([true, true, true, true, true]);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('resumes on the next page load at the step the user was on; Esc ends it for good', async () => {
    const session = await loginAgent(env.server.url);
    const resumable = await tour(session, {
      name: 'Resumable',
      steps: [
        { id: 'one', kind: 'post', title: 'First things first', body: 'One.' },
        { id: 'two', kind: 'tooltip', title: 'Your plan', body: 'Two.', selector: '#nav-billing' },
        { id: 'three', kind: 'post', title: 'All done', body: 'Three.' },
      ],
    });
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await openDemo(page);
    await startTour(page, resumable.id);
    await page.getByRole('dialog', { name: 'First things first' }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('dialog', { name: 'Your plan' }).waitFor();
    await expect.poll(async () => (await stats(session, resumable.id)).steps[1].seen).toBe(1);

    await page.reload();
    const again = page.getByRole('dialog', { name: 'Your plan' });
    await again.waitFor({ timeout: 15_000 });
    expect(await page.getByRole('dialog', { name: 'First things first' }).count()).toBe(0);
    await again.focus();
    await page.keyboard.press('Escape');
    await again.waitFor({ state: 'detached' });
    await expect.poll(async () => (await stats(session, resumable.id)).dismissed).toBe(1);
    expect((await stats(session, resumable.id)).steps[1]).toMatchObject({ id: 'two', dismissed: 1 });

    await page.reload();
    await page.getByRole('button', { name: 'Open messenger' }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1_000); // time for the content list: the dismissed tour must not come back
    expect(await page.getByRole('dialog').count()).toBe(0);
    await context.close();
  }, 60_000);

  it('never points at nothing: a missing element is skipped or ends the tour, and the reason is counted', async () => {
    const session = await loginAgent(env.server.url);
    const skipping = await tour(session, {
      name: 'Skips the missing',
      steps: [
        { id: 'intro', kind: 'post', title: 'Intro', body: 'Hi.' },
        { id: 'ghost', kind: 'tooltip', title: 'Ghost', body: 'Never here.', selector: '#no-such-element', wait_ms: 500, if_missing: 'skip' },
        { id: 'after', kind: 'post', title: 'After the ghost', body: 'Still going.' },
      ],
    });
    const ending = await tour(session, {
      name: 'Ends on the missing',
      steps: [
        { id: 'intro', kind: 'post', title: 'Start here', body: 'Hi.' },
        { id: 'ghost', kind: 'spotlight', title: 'Gone', body: 'Never here.', selector: '[data-tour="nope"]', wait_ms: 500 },
      ],
    });
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await openDemo(page);
    await startTour(page, skipping.id);
    await page.getByRole('dialog', { name: 'Intro' }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('dialog', { name: 'After the ghost' }).waitFor({ timeout: 5_000 });
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(async () => (await stats(session, skipping.id)).steps[1]).toMatchObject({ seen: 0, missing: 1 });
    expect((await stats(session, skipping.id)).completed).toBe(1);

    await startTour(page, ending.id);
    await page.getByRole('dialog', { name: 'Start here' }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('dialog', { name: 'Start here' }).waitFor({ state: 'detached' });
    await expect.poll(async () => (await stats(session, ending.id)).element_missing).toBe(1);
    expect(await page.getByRole('dialog', { name: 'Gone' }).count()).toBe(0);
    await context.close();
  }, 60_000);

  it('mirrors on an Arabic page: "end" is on the left, ArrowLeft moves on, no axe violations, Esc gives focus back', async () => {
    const session = await loginAgent(env.server.url);
    const rtl = await tour(session, {
      name: 'RTL',
      steps: [
        { id: 'nav', kind: 'tooltip', title: 'التقارير', body: 'تقاريرك هنا.', selector: '#nav-reports', placement: 'end' },
        { id: 'bye', kind: 'post', title: 'انتهى', body: 'شكرًا.' },
      ],
    });
    // bypassCSP: axe is injected as an inline script.
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar', bypassCSP: true });
    const page = await context.newPage();
    await openDemo(page, '/demo/?lang=ar', 'افتح المحادثة');
    await page.locator('#track').focus();
    await startTour(page, rtl.id);
    const step = page.getByRole('dialog', { name: 'التقارير' });
    await step.waitFor({ timeout: 10_000 });
    // The nav is on the right in RTL; "end" places the card after it in reading order: on its left.
    await expect
      .poll(async () => {
        const [card, link] = await Promise.all([step.boundingBox(), page.locator('#nav-reports').boundingBox()]);
        return Boolean(card && link && card.x + card.width <= link.x + 1);
      })
      .toBe(true);
    await page.screenshot({ path: 'e2e/screenshots/tour-rtl.png' });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('ArrowLeft');
    const bye = page.getByRole('dialog', { name: 'انتهى' });
    await bye.waitFor();
    await page.keyboard.press('Escape');
    await bye.waitFor({ state: 'detached' });
    expect(await focused(page)).toContain('button#track');
    await context.close();
  }, 60_000);

  it('picks an element on the site from the inbox editor: the selector comes back to the step', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const inbox = await context.newPage();
    await inbox.goto(`${env.server.url}/inbox/#/tours/new`);
    await inbox.getByRole('textbox', { name: 'Email' }).fill('admin@test.local');
    await inbox.getByRole('textbox', { name: 'Password' }).fill('correct horse battery');
    await inbox.getByRole('button', { name: 'Log in' }).click();
    await inbox.getByRole('button', { name: 'Add tooltip' }).click({ timeout: 15_000 });
    await inbox.getByRole('button', { name: /^Pick on your site/ }).last().click();
    await inbox.getByRole('textbox', { name: /^Page to pick on/ }).fill(`${env.server.url}/demo/billing`);
    const [site] = await Promise.all([context.waitForEvent('page'), inbox.getByRole('button', { name: 'Open page' }).click()]);
    await site.waitForURL(/\/demo\/billing/);
    // The picker runs once the server vouched for the token; the token leaves the address bar.
    await site.locator('[data-parley-picker]').waitFor({ state: 'attached', timeout: 15_000 });
    expect(site.url()).not.toContain('parley-picker');
    // Pointing at the card's text highlights that line; ArrowUp widens to the card, Enter picks it.
    await site.locator('#plan-card').hover();
    const closed = site.waitForEvent('close', { timeout: 10_000 });
    await site.keyboard.press('ArrowUp');
    // The tab closes itself on the pick, possibly before the key is released.
    await site.keyboard.press('Enter').catch(() => undefined);
    await closed;
    const selector = inbox.getByRole('textbox', { name: /^CSS selector/ }).last();
    await expect.poll(() => selector.inputValue(), { timeout: 10_000 }).toBe('#plan-card');
    await context.close();
  }, 60_000);
});
