/**
 * The help chunk's client against the real server, over a real ChatClient
 * connection (Node): search, suggestions for a page, opening an article and
 * voting go through the same `request` the messenger hands the chunk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpArticle, HelpArticleStats } from '../../../protocol/index.js';
import { adminFetch, bootVisitor, loginAgent, startTestServer, type TestServer } from '../../../server/test-support/test-server.js';
import { ChatClient } from '../../state/chat-client.js';
import { memoryOutboxStore } from '../../state/outbox-store.js';
import type { HelpDeps } from '../help-deps.js';
import { articleHref, helpApi } from './help-api.js';

let server: TestServer;
let session: { cookie: string; csrf: string };
beforeAll(async () => {
  server = await startTestServer();
  session = await loginAgent(server.url);
});
afterAll(() => server.stop());

/** Waits for a condition (the failure guard only: never a measured time). */
const until = async (cond: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

async function connectedDeps(locale: string): Promise<{ deps: HelpDeps; close: () => void }> {
  const boot = await bootVisitor(server.url);
  const chat = new ChatClient({ apiBase: server.url, appId: 'demo', token: boot.token, extraHeaders: { origin: server.url }, outbox: memoryOutboxStore() });
  let up = false;
  const shared = chat.shareConnection({ onStatus: (u) => void (up = u), onEvent: () => {} });
  chat.connect();
  await until(() => up);
  const deps: HelpDeps = { request: shared.request, pageUrl: () => 'https://app.example.com/demo/billing', locale, apiBase: server.url, addStyles: () => {} };
  return { deps, close: () => chat.close() };
}

describe('help chunk client ↔ server', () => {
  it('searches, suggests for the page, opens and votes', async () => {
    const created = await adminFetch<HelpArticle>(server.url, session, 'POST', '/articles', {
      title: 'Renaming a dashboard',
      body: 'Click the **title** and type.',
      status: 'live',
      pages: ['/demo/dashboards/*'],
    });
    const { deps, close } = await connectedDeps('en-US');
    try {
      const api = helpApi(deps);
      const found = await api.search('rename dashboard');
      expect(found[0]).toMatchObject({ id: created.body.id, title: 'Renaming a dashboard' });
      expect(articleHref(deps, found[0].url)).toBe(`${server.url}/help/demo/en/articles/renaming-a-dashboard`);

      // The seeded demo articles include the card one, meant for /demo/billing.
      const suggested = await api.suggest();
      expect(suggested.reason).toBe('page');
      expect(suggested.articles.map((a) => a.title)).toContain('How to update your card');

      const article = await api.article(created.body.id, 'search');
      expect(article).toMatchObject({ body: 'Click the **title** and type.', vote: null });
      await api.vote(created.body.id, true);
      const stats = await adminFetch<HelpArticleStats>(server.url, session, 'GET', `/articles/${created.body.id}/stats`);
      expect(stats.body).toMatchObject({ views: 1, helpful: 1 });
      await expect(api.article('art_nope')).rejects.toThrow('not_found');
    } finally {
      close();
    }
  });

  it('reads the Indonesian articles for an Indonesian visitor', async () => {
    const { deps, close } = await connectedDeps('id-ID');
    try {
      const found = await helpApi(deps).search('memperbarui kartu');
      expect(found[0].title).toBe('Cara memperbarui kartu Anda');
    } finally {
      close();
    }
  });
});
