/** Against the real server: a refused message is marked failed, can be retried, and can be deleted for good. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootVisitor, startTestServer, type TestServer } from '../../server/test-support/test-server.js';
import { ChatClient, NEW_CONVERSATION } from './chat-client.js';
import { memoryOutboxStore } from './outbox-store.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const until = async (cond: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('failed messages', () => {
  it('shows a refused message as failed, retries it on demand, and deletes it from the outbox', async () => {
    const { token } = await bootVisitor(server.url);
    const store = memoryOutboxStore();
    let conversationId = '';
    const client = new ChatClient({
      apiBase: server.url,
      appId: 'demo',
      token,
      outbox: store,
      extraHeaders: { origin: server.url },
      onConversationStarted: (id) => (conversationId = id),
    });
    client.connect();
    client.send(NEW_CONVERSATION, 'hello');
    await until(() => conversationId !== '');

    const tooLong = 'x'.repeat(10_001); // the server refuses it: validation_failed is not retried by itself
    const clientId = client.send(conversationId, tooLong);
    const state = () => client.state.threads[conversationId]?.find((i) => i.clientId === clientId)?.state;
    await until(() => state() === 'failed');
    expect((await store.load()).map((r) => [r.clientId, r.failed])).toEqual([[clientId, true]]);

    client.retry(conversationId, clientId);
    expect(state()).toBe('sending');
    await until(() => state() === 'failed');

    client.discard(conversationId, clientId);
    expect(state()).toBeUndefined();
    await until(() => true);
    expect(await store.load()).toEqual([]);

    // The message after it was never blocked by the failed one.
    client.send(conversationId, 'still works');
    await until(() => client.state.threads[conversationId]?.some((i) => i.body === 'still works' && i.state === 'sent') ?? false);
    client.close();
  });
});
