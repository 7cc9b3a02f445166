/**
 * DESIGN.md §3 under a crash: the server process is killed (SIGKILL) and
 * restarted while a real widget chat client keeps sending. Every acknowledged
 * message must be stored exactly once, shown once, in the order written.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Message, Page } from '../protocol/index.js';
import { ChatClient, NEW_CONVERSATION } from '../widget/state/chat-client.js';
import { ADMIN, adminFetch, bootVisitor, loginAgent } from './test-support/test-server.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-restart-'));
let child: ChildProcess | null = null;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startProcess(port: number): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'parley.db')}`,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Ready when /health answers.
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (ok) return proc;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

const until = async (cond: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('delivery across a server crash and restart', () => {
  it('stores every acknowledged message exactly once and shows it once, in order', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child = await startProcess(port);
    const boot = await bootVisitor(base);

    let conversationId = '';
    const client = new ChatClient({
      apiBase: base,
      appId: 'demo',
      token: boot.token,
      ackTimeoutMs: 2_000,
      extraHeaders: { origin: base },
      onConversationStarted: (id) => (conversationId = id),
    });
    client.connect();
    await until(() => client.state.status === 'online', 5_000);

    const bodies = ['message 0'];
    client.send(NEW_CONVERSATION, bodies[0]);
    await until(() => conversationId !== '', 5_000);

    const TOTAL = 60;
    for (let i = 1; i < TOTAL; i++) {
      bodies.push(`message ${i}`);
      client.send(conversationId, bodies[i]);
      if (i === 20) {
        child.kill('SIGKILL'); // mid-stream, with sends in flight
        await new Promise((r) => setTimeout(r, 300));
      }
      if (i === 35) child = await startProcess(port);
      await new Promise((r) => setTimeout(r, 15));
    }

    const thread = () => client.state.threads[conversationId] ?? [];
    await until(() => thread().length === TOTAL && thread().every((m) => m.state === 'sent'), 40_000);

    // Shown once, in the order written, with gap-free seqs.
    expect(thread().map((m) => m.body)).toEqual(bodies);
    expect(thread().map((m) => m.seq)).toEqual(bodies.map((_, i) => i + 1));

    // Stored once, in order — as the inbox reads it.
    const session = await loginAgent(base);
    const stored = await adminFetch<Page<Message>>(base, session, 'GET', `/conversations/${conversationId}/messages?limit=500`);
    expect(stored.body.data.map((m) => m.body)).toEqual(bodies);
    expect(new Set(stored.body.data.map((m) => m.clientId)).size).toBe(TOTAL);

    // A second tab (fresh client, same visitor) catches up to exactly the same thread.
    const tab2 = new ChatClient({ apiBase: base, appId: 'demo', token: boot.token, extraHeaders: { origin: base } });
    tab2.connect();
    await until(() => tab2.state.conversations.length === 1, 5_000);
    await tab2.open(conversationId);
    expect((tab2.state.threads[conversationId] ?? []).map((m) => m.body)).toEqual(bodies);
    client.close();
    tab2.close();
  }, 90_000);
});
