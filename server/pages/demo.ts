/**
 * /demo: a small fake product ("Acme Analytics") that embeds Parley the way a
 * customer would. Its script is an external file so the page runs under a
 * strict CSP; the demo server hands it a valid userHash for the demo user,
 * which is what a real backend does.
 */
import { Router } from 'express';
import { type Domain, computeUserHash } from '../domain/index.js';
import { DEMO_TOUR_NAME } from '../domain/seed.js';
import { demoScript } from './demo-script.js';
import { DEMO_CSS } from './demo-style.js';
import { snippet } from './snippet.js';

export const DEMO_USER = { id: 'demo-ada', name: 'Ada Lovelace', email: 'ada@example.com', plan: 'pro' } as const;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function demoRoutes(domain: Domain): Router {
  const router = Router();

  router.get('/demo.css', (_req, res) => {
    res.type('text/css').send(DEMO_CSS);
  });

  router.get('/demo.js', (req, res) => {
    res.type('application/javascript').send(demoScript(`${req.protocol}://${req.get('host')}`));
  });

  // The help article the demo's "payment failed" message links to: in the demo's help center (seed.ts).
  router.get('/help/update-card', (_req, res) => res.redirect(302, '/help/demo/en/articles/update-card'));

  // Every SPA route of the demo serves the same page; demo.js renders the route's template.
  router.get(['/', '/{*rest}'], async (req, res) => {
    const ws = await domain.workspaces.byAppId('demo');
    const tour = (await domain.tours.list(ws.id)).find((t) => t.name === DEMO_TOUR_NAME && t.status === 'live');
    const lang = typeof req.query.lang === 'string' && /^[a-z]{2}$/.test(req.query.lang) ? req.query.lang : 'en';
    res.type('html').send(
      demoPage({
        lang,
        host: `${req.protocol}://${req.get('host')}`,
        userHash: computeUserHash(ws.identitySecret, DEMO_USER.id),
        tourId: tour?.id ?? null,
      }),
    );
  });

  return router;
}

interface DemoPageInput {
  lang: string;
  host: string;
  userHash: string;
  /** The seeded tour the "Take the tour" button starts; null when it is gone or not live (the button is disabled). */
  tourId: string | null;
}

/**
 * The shell (header, demo controls, nav, an empty <main>) and one <template> per route: like
 * an SPA, only the current route's content is in the document, so a tour's
 * selector never matches another page's element. The ids and `data-tour`
 * attributes are stable: tours and their e2e tests point at them.
 */
function demoPage({ lang, host, userHash, tourId }: DemoPageInput): string {
  const navLink = (route: string, href: string, label: string) =>
    `<a href="${href}" id="nav-${route}" data-tour="nav-${route}" data-route="${route}">${label}</a>`;
  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme Analytics — Parley demo</title>
<link rel="stylesheet" href="/demo/demo.css">
</head>
<body>
<header class="top"><strong>Acme Analytics</strong><span class="who" id="who">Not signed in</span></header>
${demoControls(userHash)}
<div class="layout">
<nav aria-label="Demo app" id="app-nav">
  ${navLink('dashboard', '/demo/', 'Dashboard')}
  ${navLink('billing', '/demo/billing', 'Billing')}
  ${navLink('reports', '/demo/reports', 'Reports')}
  ${navLink('settings', '/demo/settings', 'Settings')}
</nav>
<main id="main"></main>
</div>
<template id="route-dashboard">${dashboardRoute(host, tourId)}</template>
<template id="route-billing">${BILLING_ROUTE}</template>
<template id="route-reports">${REPORTS_ROUTE}</template>
<template id="route-reports-loaded">${reportsLoaded()}</template>
<template id="route-settings">${SETTINGS_ROUTE}</template>
<script src="/demo/demo.js"></script>
</body>
</html>`;
}

/** What the demo's visitor does to Parley (sign in, events): on every route, outside the product's own content. */
function demoControls(userHash: string): string {
  return `<section class="actions demo-controls" id="demo-controls" aria-label="Demo controls">
    <button type="button" id="sign-in" data-user-id="${escapeHtml(DEMO_USER.id)}" data-user-hash="${escapeHtml(userHash)}" data-user-name="${escapeHtml(DEMO_USER.name)}" data-user-email="${escapeHtml(DEMO_USER.email)}" data-user-plan="${DEMO_USER.plan}">Sign in as ${escapeHtml(DEMO_USER.name)}</button>
    <button type="button" id="track">Track “report_exported”</button>
    <button type="button" id="payment-failed">Simulate a failed payment</button>
    <button type="button" id="payment-succeeded">Pay again</button>
    <button type="button" id="sign-out">Sign out (shutdown)</button>
</section>`;
}

function dashboardRoute(host: string, tourId: string | null): string {
  const tour = tourId ? `data-tour-id="${escapeHtml(tourId)}"` : 'disabled';
  return `
  <h1 id="page-title">Dashboard</h1>
  <p>This page plays a customer's product with Parley embedded. Open the messenger with the launcher in the corner, write to support, and answer from the <a href="/inbox/">inbox</a>. The demo controls at the top play the signed-in user and the events your app would track.</p>
  <section class="callout" id="tour-callout" aria-labelledby="tour-callout-title">
    <h2 id="tour-callout-title">New to Acme Analytics?</h2>
    <p>A product tour walks you to your reports, across pages.</p>
    <button type="button" id="start-tour" data-tour="start-tour" ${tour}>Take the tour</button>
  </section>
  <h2>The snippet on this page</h2>
  <pre><code>${escapeHtml(`<script>\n${snippet(host)}\n</script>`)}</code></pre>`;
}

const BILLING_ROUTE = `
  <h1 id="page-title">Billing</h1>
  <div class="cards">
    <section class="card" id="plan-card" data-tour="plan" aria-labelledby="plan-title">
      <h2 id="plan-title">Pro plan</h2>
      <p class="figure">€49 <span>per month</span></p>
      <p>Unlimited dashboards, 10 seats, exports.</p>
    </section>
    <section class="card" id="payment-method" data-tour="payment-method" aria-labelledby="payment-title">
      <h2 id="payment-title">Payment method</h2>
      <p>Visa ending in 4242, expires 08/27.</p>
    </section>
  </div>
  <h2>Invoices</h2>
  <ul class="plain-list" id="invoices">
    <li>1 March — €49 — paid</li>
    <li>1 February — €49 — paid</li>
    <li>1 January — €49 — paid</li>
  </ul>`;

const SETTINGS_ROUTE = `
  <h1 id="page-title">Settings</h1>
  <fieldset class="card" id="settings-notifications" data-tour="notifications">
    <legend>Notifications</legend>
    <label><input type="checkbox" id="notify-weekly" checked> Weekly summary by email</label>
    <label><input type="checkbox" id="notify-alerts"> Alert me when a metric drops</label>
  </fieldset>
  <div class="card" id="settings-workspace">
    <label for="workspace-name">Workspace name</label>
    <input type="text" id="workspace-name" value="Acme Inc.">
  </div>`;

/** Shown at once on /demo/reports; demo.js swaps `#report-area`'s content for route-reports-loaded ~600 ms later. */
const REPORTS_ROUTE = `
  <h1 id="page-title">Reports</h1>
  <div id="report-area" data-loads="route-reports-loaded" aria-busy="true">
    <p class="loading" role="status">Loading reports…</p>
  </div>`;

/** The late part of Reports: the report list, the export button and a scrolled table (31 rows) whose total is at its bottom. */
function reportsLoaded(): string {
  const days = Array.from({ length: 31 }, (_, i) => ({ day: i + 1, sessions: 1_800 + ((i * 397) % 900), signups: 20 + ((i * 13) % 35) }));
  const total = (key: 'sessions' | 'signups') => days.reduce((sum, d) => sum + d[key], 0).toLocaleString('en-US');
  const rows = days.map((d) => `<tr><th scope="row">${d.day} March</th><td>${d.sessions.toLocaleString('en-US')}</td><td>${d.signups}</td></tr>`).join('');
  return `
  <ul class="report-list" id="report-list" aria-label="Saved reports">
    <li id="report-sessions" aria-current="true">Sessions by day</li>
    <li id="report-pages">Top pages</li>
    <li id="report-funnel">Signup funnel</li>
  </ul>
  <div class="report-toolbar">
    <h2 id="report-name">Sessions by day — March</h2>
    <button type="button" id="export-csv" data-tour="export">Export CSV</button>
    <span id="export-status" role="status"></span>
  </div>
  <div class="report-table-wrap" id="report-table" data-tour="report-table" tabindex="0" role="region" aria-labelledby="report-name">
    <table>
      <thead><tr><th scope="col">Day</th><th scope="col">Sessions</th><th scope="col">Signups</th></tr></thead>
      <tbody>${rows}</tbody>
      <tfoot><tr id="report-total" data-tour="report-total"><th scope="row">Total</th><td>${total('sessions')}</td><td>${total('signups')}</td></tr></tfoot>
    </table>
  </div>`;
}
