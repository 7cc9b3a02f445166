/**
 * Each trigger type end to end in Node: the real server decides the audience
 * and the send limit, the widget's engine (over a real ChatClient socket)
 * decides the moment, and the server's stats see what was shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InAppMessage, MessageStats } from '../../../protocol/index.js';
import { adminFetch, bootVisitor, loginAgent, startTestServer, type TestServer } from '../../../server/test-support/test-server.js';
import { ChatClient } from '../../state/chat-client.js';
import { InAppClient } from './in-app-client.js';

let server: TestServer;
let session: { cookie: string; csrf: string };
beforeAll(async () => {
  server = await startTestServer();
  session = await loginAgent(server.url);
});
afterAll(() => server.stop());

const page = (path: string) => ({ url: `https://app.example.com${path}`, path });

async function create(body: Record<string, unknown>): Promise<InAppMessage> {
  const res = await adminFetch<InAppMessage>(server.url, session, 'POST', '/messages', { format: 'banner', body: 'x', status: 'live', ...body });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

/** A visitor's widget engine on a real socket, with a clock the test moves. */
async function widget(startPath: string) {
  const boot = await bootVisitor(server.url);
  const chat = new ChatClient({ apiBase: server.url, appId: 'demo', token: boot.token, extraHeaders: { origin: server.url } });
  let now = Date.now();
  const ticks: Array<() => void> = [];
  let shared: ReturnType<ChatClient['shareConnection']> | null = null;
  const engine = new InAppClient({
    server: { request: (event, payload) => shared?.request(event, payload, 5_000) ?? Promise.resolve(null) },
    quietPages: [],
    page: page(startPath),
    now: () => now,
    schedule: (_ms, run) => (ticks.push(run), () => {}),
  });
  const connected = new Promise<void>((resolve) => {
    shared = chat.shareConnection({
      onStatus: (up) => up && void engine.refresh().then(resolve),
      onEvent: () => {},
    });
  });
  chat.connect();
  await connected;
  return {
    engine,
    showing: () => engine.state.showing.map((s) => s.message.id),
    advance: (ms: number) => {
      now += ms;
      ticks.at(-1)?.();
    },
    close: () => chat.close(),
  };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe('each trigger, through the real server', () => {
  it('immediate, page, event and time on page', async () => {
    const immediate = await create({ name: 'Now', format: 'chat', trigger: { on: 'immediate' } });
    const onPage = await create({ name: 'On billing', format: 'banner', trigger: { on: 'page', page: '/billing/*' } });
    const onEvent = await create({ name: 'On export', format: 'modal', trigger: { on: 'event', event: 'export_failed' } });
    const onTime = await create({ name: 'After 20 s', format: 'tooltip', selector: 'body', trigger: { on: 'time_on_page', seconds: 20 } });
    const w = await widget('/dashboard');
    try {
      expect(await until(() => w.showing().includes(immediate.id))).toBe(true);
      expect(w.showing()).not.toContain(onPage.id);

      w.engine.setPage(page('/billing/invoices'));
      expect(await until(() => w.showing().includes(onPage.id))).toBe(true);

      expect(w.showing()).not.toContain(onEvent.id);
      w.engine.tracked('export_failed');
      expect(await until(() => w.showing().includes(onEvent.id))).toBe(true);

      // Tooltips need their element: this engine has no DOM, so it waits, whatever the time.
      w.advance(25_000);
      await new Promise((r) => setTimeout(r, 100));
      expect(w.showing()).not.toContain(onTime.id);

      for (const m of [immediate, onPage, onEvent]) {
        await expect.poll(async () => (await adminFetch<MessageStats>(server.url, session, 'GET', `/messages/${m.id}/stats`)).body).toMatchObject({ sent: 1, shown: 1 });
      }
    } finally {
      w.close();
    }
  });

  it('time on page, and a dismissal counted by the server', async () => {
    const slow = await create({ name: 'Slow reader', format: 'post', trigger: { on: 'time_on_page', seconds: 30 } });
    const w = await widget('/docs');
    try {
      w.advance(10_000);
      await new Promise((r) => setTimeout(r, 50));
      expect(w.showing()).not.toContain(slow.id);
      w.advance(25_000);
      expect(await until(() => w.showing().includes(slow.id))).toBe(true);
      const deliveryId = w.engine.state.showing.find((s) => s.message.id === slow.id)?.deliveryId ?? '';
      w.engine.report(deliveryId, 'dismissed');
      await expect.poll(async () => (await adminFetch<MessageStats>(server.url, session, 'GET', `/messages/${slow.id}/stats`)).body).toMatchObject({ sent: 1, dismissed: 1 });
    } finally {
      w.close();
    }
  });
});
