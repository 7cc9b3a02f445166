/**
 * Helpers for the bot tests against the real server: bots over REST, visitors
 * who start conversations and answer over their /visitor socket (keeping
 * every `message:new` they receive), and a wait for the background work the
 * messages started — bots, routing, automation — to finish. Nothing is mocked.
 */
import { randomUUID } from 'node:crypto';
import type { AgentConversation, Bot, BotRun, ContactProfile, Message, Page } from '../../../protocol/index.js';
import type { AdminTestServer } from '../../test-support/admin-test-server.js';
import { bootVisitor, connectVisitor, IDENTITY_SECRET, type VisitorSocket, widgetPost } from '../../test-support/test-server.js';
import { computeUserHash } from '../identity/index.js';

export interface BotVisitor {
  conversationId: string;
  contactId: string;
  socket: VisitorSocket;
  /** The visitor token (another socket, on another node, is the same visitor). */
  token: string;
  /** Every `message:new` the socket got, in order. */
  received: Message[];
}

export const ALWAYS_OPEN = {
  timezone: 'UTC',
  days: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
};

/** Business hours that are closed now: open only on the weekday two days ahead. */
export function closedNow() {
  const day = new Date(Date.now() + 2 * 86_400_000);
  const key = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[day.getUTCDay()];
  return { timezone: 'UTC', days: { [key]: [['09:00', '17:00']] } };
}

export function botHelpers(env: AdminTestServer) {
  /** Until bots, routing and automation have nothing left to do (each may start work for the others). */
  const settled = async (): Promise<void> => {
    const { domain } = env.server;
    for (let round = 0; round < 3; round++) {
      await domain.bots.settled();
      await domain.routing.settled();
      await domain.automation.settled();
    }
  };

  async function ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await env.api<T>(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** The visitor's received messages once `ready` holds (resolves at once when it already does). */
  function until(v: BotVisitor, ready: (received: Message[]) => boolean): Promise<Message[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!ready(v.received)) return false;
        v.socket.off('message:new', check);
        resolve(v.received);
        return true;
      };
      if (check()) return;
      v.socket.on('message:new', check);
      // A failure guard only: a test that waits for something that never comes fails instead of hanging.
      setTimeout(() => reject(new Error(`the visitor never got the messages: ${JSON.stringify(v.received.map((m) => m.body))}`)), 10_000).unref();
    });
  }

  return {
    settled,
    ok,
    until,
    createBot: (body: Record<string, unknown>) => ok<Bot>('POST', '/bots', body),

    /** Deletes every bot of the demo workspace (the seeded one too) and turns the answer bot off. */
    async clearBots(): Promise<void> {
      for (const bot of (await ok<Page<Bot>>('GET', '/bots')).data) await ok('DELETE', `/bots/${bot.id}`);
      await ok('PATCH', '/bots/answer-bot', { enabled: false });
    },

    conversation: (id: string) => ok<AgentConversation>('GET', `/conversations/${id}`),
    messages: async (id: string) => (await ok<Page<Message>>('GET', `/conversations/${id}/messages`)).data,
    contact: (id: string) => ok<ContactProfile>('GET', `/contacts/${id}`),
    run: (conversationId: string) => env.api<BotRun>('GET', `/bots/runs/${conversationId}`),

    /** A visitor starts a conversation; resolves once every bot and routing move it started is done. */
    async start(body: string, user?: { id: string; traits?: Record<string, string | number> }, page?: string): Promise<BotVisitor> {
      const boot = await bootVisitor(env.server.url, user ? { user: { ...user, userHash: computeUserHash(IDENTITY_SECRET, user.id) } } : {});
      // The page the visitor is on, as the SDK reports it (the audience's `page`).
      if (page) await widgetPost(env.server.url, 'events', { token: boot.token, events: [{ id: `page-${randomUUID()}`, type: 'page', name: 'page', url: page }] });
      const socket = await connectVisitor(env.server.url, boot.token);
      env.sockets.push(socket);
      const received: Message[] = [];
      socket.on('message:new', (m) => received.push(m));
      const r = await socket.emitWithAck('conversation:start', { clientId: `start-${randomUUID()}`, body });
      if (!r.ok) throw new Error(`start failed: ${r.error.message}`);
      await settled();
      return { conversationId: r.data.conversation.id, contactId: boot.contactId, socket, token: boot.token, received };
    },

    /** The visitor writes (or, with `choice`, clicks a button: the label is the body); `clientId` to resend one. */
    async say(v: BotVisitor, body: string, choice?: { messageId: string; optionId: string }, clientId = `say-${randomUUID()}`): Promise<Message> {
      const r = await v.socket.emitWithAck('message:send', { conversationId: v.conversationId, clientId, body, ...(choice ? { choice } : {}) });
      if (!r.ok) throw new Error(r.error.message);
      await settled();
      return r.data.message;
    },

    /** Clicks the button labelled `label` under the latest message that has one (once the visitor has it). */
    async click(v: BotVisitor, label: string, clientId?: string): Promise<Message> {
      const has = (m: Message) => m.buttons?.some((b) => b.label === label) ?? false;
      const received = await until(v, (list) => list.some(has));
      const question = [...received].reverse().find(has) as Message;
      const button = question.buttons?.find((b) => b.label === label) as { id: string };
      return this.say(v, label, { messageId: question.id, optionId: button.id }, clientId);
    },
  };
}

/** The bot's side of what a visitor received: bodies of the bot messages, in order. */
export const botLines = (received: readonly Message[]) => received.filter((m) => m.authorType === 'bot').map((m) => m.body);
