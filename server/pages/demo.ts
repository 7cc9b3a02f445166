/**
 * /demo: a small fake product ("Acme Analytics") that embeds Parley the way a
 * customer would. Its script is an external file so the page runs under a
 * strict CSP; the demo server hands it a valid userHash for the demo user,
 * which is what a real backend does.
 */
import { Router } from 'express';
import { type Domain, computeUserHash } from '../domain/index.js';
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

  // The help article the demo's "payment failed" message links to.
  router.get('/help/update-card', (_req, res) => {
    res.type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>How to update your card — Acme Analytics help</title><link rel="stylesheet" href="/demo/demo.css"></head>
<body><main><h1>How to update your card</h1>
<ol><li>Open <a href="/demo/billing">Billing</a>.</li><li>Choose <strong>Payment method</strong> → <strong>Replace card</strong>.</li><li>Enter the new card and save: we retry the failed payment at once.</li></ol>
<p>Still stuck? Reply to the message in the messenger and the team will help.</p></main></body></html>`);
  });

  // Every SPA route of the demo serves the same page.
  router.get(['/', '/{*rest}'], async (req, res) => {
    const ws = await domain.workspaces.byAppId('demo');
    const host = `${req.protocol}://${req.get('host')}`;
    const userHash = computeUserHash(ws.identitySecret, DEMO_USER.id);
    const lang = typeof req.query.lang === 'string' && /^[a-z]{2}$/.test(req.query.lang) ? req.query.lang : 'en';
    res.type('html').send(`<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme Analytics — Parley demo</title>
<link rel="stylesheet" href="/demo/demo.css">
</head>
<body>
<header class="top"><strong>Acme Analytics</strong><span class="who" id="who">Not signed in</span></header>
<div class="layout">
<nav aria-label="Demo app">
  <a href="/demo/" data-route>Dashboard</a>
  <a href="/demo/billing" data-route>Billing</a>
  <a href="/demo/settings" data-route>Settings</a>
</nav>
<main>
  <h1 id="page-title">Dashboard</h1>
  <p>This page plays a customer's product with Parley embedded. Open the messenger with the launcher in the corner, write to support, and answer from the <a href="/inbox/">inbox</a>.</p>
  <div class="actions">
    <button type="button" id="sign-in" data-user-id="${escapeHtml(DEMO_USER.id)}" data-user-hash="${escapeHtml(userHash)}" data-user-name="${escapeHtml(DEMO_USER.name)}" data-user-email="${escapeHtml(DEMO_USER.email)}" data-user-plan="${DEMO_USER.plan}">Sign in as ${escapeHtml(DEMO_USER.name)}</button>
    <button type="button" id="track">Track “report_exported”</button>
    <button type="button" id="payment-failed">Simulate a failed payment</button>
    <button type="button" id="payment-succeeded">Pay again</button>
    <button type="button" id="sign-out">Sign out (shutdown)</button>
  </div>
  <h2>The snippet on this page</h2>
  <pre><code>${escapeHtml(`<script>\n${snippet(host)}\n</script>`)}</code></pre>
</main>
</div>
<script src="/demo/demo.js"></script>
</body>
</html>`);
  });

  return router;
}
