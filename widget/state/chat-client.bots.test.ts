/**
 * The widget's chat client against the real server with a bot: the question
 * arrives live with its buttons, and a choice sent the way the messenger's
 * button sends it moves the bot on (docs/bots.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotRun } from '../../protocol/index.js';
import { adminFetch, bootVisitor, loginAgent, startTestServer, type TestServer } from '../../server/test-support/test-server.js';
import { ChatClient, NEW_CONVERSATION } from './chat-client.js';
import { memoryOutboxStore } from './outbox-store.js';

let server: TestServer;
let admin: { cookie: string; csrf: string };
beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAgent(server.url);
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

describe('a bot in the messenger', () => {
  it('shows the question with its buttons and moves on with the choice', async () => {
    const bot = await adminFetch(server.url, admin, 'POST', '/bots', {
      name: 'Size',
      trigger: { on: 'new_conversation' },
      steps: [
        { id: 'size', type: 'buttons', body: 'How big is your team?', trait_key: 'team_size', options: [{ id: 'small', label: '1–10' }, { id: 'big', label: '11+' }] },
        { id: 'thanks', type: 'message', body: 'Got it, thanks!' },
      ],
    });
    expect(bot.status).toBe(201);
    const { token } = await bootVisitor(server.url);
    let conversationId = '';
    const client = new ChatClient({ apiBase: server.url, appId: 'demo', token, outbox: memoryOutboxStore(), extraHeaders: { origin: server.url }, onConversationStarted: (id) => (conversationId = id) });
    client.connect();
    client.send(NEW_CONVERSATION, 'Hello');
    await until(() => conversationId !== '');
    const thread = () => client.state.threads[conversationId] ?? [];
    await until(() => thread().some((i) => i.message?.buttons));
    const question = thread().find((i) => i.message?.buttons)?.message;
    expect(question).toMatchObject({ authorType: 'bot', body: 'How big is your team?', buttons: [{ id: 'small', label: '1–10' }, { id: 'big', label: '11+' }] });

    client.send(conversationId, '11+', [], { choice: { messageId: question?.id ?? '', optionId: 'big' } });
    await until(() => thread().some((i) => i.body === 'Got it, thanks!'));
    const mine = thread().find((i) => i.authorType === 'visitor' && i.body === '11+');
    expect(mine?.message?.choice).toEqual({ messageId: question?.id, optionId: 'big' });
    const run = await adminFetch<BotRun>(server.url, admin, 'GET', `/bots/runs/${conversationId}`);
    expect(run.body).toMatchObject({ status: 'completed', answers: { size: '11+' } });
    client.close();
  });
});
