import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tour } from '../../protocol/index.js';
import { adminFetch, loginAgent, startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
let admin: { cookie: string; csrf: string };

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAgent(server.url);
});
afterAll(() => server.stop());

const page = async (path: string) => {
  const res = await fetch(`${server.url}${path}`);
  expect(res.status).toBe(200);
  return res.text();
};

describe('the demo SPA', () => {
  it('serves every route with the nav ids and the templates of all routes', async () => {
    const html = await page('/demo/reports');
    for (const id of ['nav-dashboard', 'nav-billing', 'nav-reports', 'nav-settings']) expect(html).toContain(`id="${id}"`);
    for (const route of ['dashboard', 'billing', 'reports', 'reports-loaded', 'settings']) expect(html).toContain(`<template id="route-${route}">`);
    for (const target of ['data-tour="export"', 'data-tour="report-total"', 'id="report-table"', 'id="plan-card"', 'id="settings-notifications"']) expect(html).toContain(target);
    // Right to left in Arabic, on any route.
    expect(await page('/demo/settings?lang=ar')).toContain('<html lang="ar" dir="rtl">');
  });

  it('has 30+ rows in the scrolled report table, the total last', async () => {
    const html = await page('/demo/reports');
    const table = html.slice(html.indexOf('id="report-table"'), html.indexOf('</table>'));
    expect(table.match(/<tr>/g)?.length ?? 0).toBeGreaterThanOrEqual(31);
    expect(table.lastIndexOf('<tr')).toBe(table.indexOf('<tr id="report-total" data-tour="report-total">'));
  });

  it('"Take the tour" starts the seeded live tour, whose steps walk to Reports', async () => {
    const html = await page('/demo/reports');
    const tourId = /<button [^>]*id="start-tour"[^>]*data-tour-id="([^"]+)"/.exec(html)?.[1];
    expect(tourId).toBeTruthy();
    const tour = await adminFetch<Tour>(server.url, admin, 'GET', `/tours/${tourId}`);
    expect(tour.status).toBe(200);
    expect(tour.body).toMatchObject({ name: 'Welcome to Acme Analytics', status: 'live', trigger: { on: 'event', event: 'demo_tour_requested' } });
    expect(tour.body.steps.map((s) => [s.kind, s.selector, s.page, s.advance])).toEqual([
      ['post', undefined, undefined, undefined],
      ['tooltip', '#nav-reports', undefined, 'click'],
      ['spotlight', '[data-tour="export"]', '/demo/reports', undefined],
      ['tooltip', '[data-tour="report-total"]', '/demo/reports', undefined],
      ['post', undefined, undefined, undefined],
    ]);
    expect(tour.body.steps[0].title).toMatch(/^Welcome/);
    expect(tour.body.steps[1].body).toContain('Your reports live here');
    expect(tour.body.steps[4].title).toBe("That's it!");
  });

  it('disables the button when the tour is no longer live', async () => {
    const { body: list } = await adminFetch<{ data: Tour[] }>(server.url, admin, 'GET', '/tours');
    const seeded = list.data.find((t) => t.name === 'Welcome to Acme Analytics');
    expect((await adminFetch(server.url, admin, 'PATCH', `/tours/${seeded?.id}`, { status: 'draft' })).status).toBe(200);
    expect(await page('/demo/')).toMatch(/<button [^>]*id="start-tour"[^>]* disabled>/);
    expect((await adminFetch(server.url, admin, 'PATCH', `/tours/${seeded?.id}`, { status: 'live' })).status).toBe(200);
  });
});
