/**
 * Helpers for the automation tests against the real server: rules over REST,
 * the five triggers caused the way a visitor, an agent or the SDK causes them
 * (sockets, REST, the widget endpoint), and a wait for the engine to finish
 * what they started (`settled`). Nothing is mocked.
 */
import { randomUUID } from 'node:crypto';
import type { AgentConversation, AutomationRule, AutomationRun, ConversationNote, Message, Page, Survey, Tag } from '../../../protocol/index.js';
import type { AdminTestServer } from '../../test-support/admin-test-server.js';
import { computeUserHash } from '../identity/index.js';
import { bootVisitor, connectVisitor, IDENTITY_SECRET, type VisitorSocket, widgetPost } from '../../test-support/test-server.js';

/** A visitor with a conversation: its socket, and its token for the widget's REST endpoints. */
export interface Visitor {
  conversationId: string;
  contactId: string;
  socket: VisitorSocket;
  token: string;
}

export function automationHelpers(env: AdminTestServer) {
  const settled = async (): Promise<void> => {
    await env.server.domain.routing.settled();
    await env.server.domain.automation.settled();
  };

  async function ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await env.api<T>(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  return {
    settled,
    ok,
    createRule: (body: Record<string, unknown>) => ok<AutomationRule>('POST', '/automation-rules', body),

    /** Deletes every automation rule of the demo workspace. */
    async clearRules(): Promise<void> {
      for (const rule of (await ok<Page<AutomationRule>>('GET', '/automation-rules')).data) await ok('DELETE', `/automation-rules/${rule.id}`);
    },

    runs: async (ruleId: string) => (await ok<Page<AutomationRun>>('GET', `/automation-rules/${ruleId}/runs`)).data,
    conversation: (id: string) => ok<AgentConversation>('GET', `/conversations/${id}`),
    notes: async (id: string) => (await ok<Page<ConversationNote>>('GET', `/conversations/${id}/notes`)).data,
    messages: async (id: string) => (await ok<Page<Message>>('GET', `/conversations/${id}/messages`)).data,

    /** The workspace's tag of that name (created when missing). */
    async tag(name: string): Promise<Tag> {
      const found = (await ok<Page<Tag>>('GET', '/tags')).data.find((t) => t.name.toLowerCase() === name.toLowerCase());
      return found ?? ok<Tag>('POST', '/tags', { name });
    },

    /** A visitor starts a conversation (conversation_created, message_received); resolves once automation has run. */
    async start(body: string, user?: { id: string; name?: string; email?: string }): Promise<Visitor> {
      const boot = await bootVisitor(env.server.url, user ? { user: { ...user, userHash: computeUserHash(IDENTITY_SECRET, user.id) } } : {});
      const socket = await connectVisitor(env.server.url, boot.token);
      env.sockets.push(socket);
      const r = await socket.emitWithAck('conversation:start', { clientId: `start-${randomUUID()}`, body });
      if (!r.ok) throw new Error(`start failed: ${r.error.message}`);
      await settled();
      return { conversationId: r.data.conversation.id, contactId: boot.contactId, socket, token: boot.token };
    },

    /** The visitor writes again (message_received). */
    async say(started: Visitor, body: string): Promise<Message> {
      const r = await started.socket.emitWithAck('message:send', { conversationId: started.conversationId, clientId: `say-${randomUUID()}`, body });
      if (!r.ok) throw new Error(r.error.message);
      await settled();
      return r.data.message;
    },

    /** An agent sets the conversation's tags (tag_added for the new ones). */
    async setTags(conversationId: string, tags: string[]): Promise<AgentConversation> {
      const view = await ok<AgentConversation>('PUT', `/conversations/${conversationId}/tags`, { tags });
      await settled();
      return view;
    },

    /** The agent sends an NPS survey in the conversation and the visitor answers it (survey_answered). */
    async answerNps(started: Visitor, score: number): Promise<Survey> {
      const survey = await ok<Survey>('POST', '/surveys', { name: `NPS ${randomUUID().slice(0, 6)}`, questions: [{ id: 'nps', type: 'nps', text: 'Would you recommend us?' }], status: 'draft' });
      const sent = await ok<Message>('POST', `/conversations/${started.conversationId}/messages`, { surveyId: survey.id, body: 'A quick question', clientId: `nps-${randomUUID()}` });
      const deliveryId = sent.survey?.deliveryId ?? '';
      const r = await started.socket.emitWithAck('survey:answer', { deliveryId, answers: { nps: score }, completed: true });
      if (!r.ok) throw new Error(r.error.message);
      await settled();
      return survey;
    },

    /** The SDK tracks an event for a fresh identified visitor (event_tracked); answers the boot's contact id. */
    async track(name: string, token?: string): Promise<string> {
      const boot = token ? null : await bootVisitor(env.server.url);
      const res = await widgetPost(env.server.url, 'events', { token: token ?? boot?.token, events: [{ id: `ev-${randomUUID()}`, type: 'track', name }] });
      if (res.status >= 300) throw new Error(`events: ${res.status} ${JSON.stringify(res.body)}`);
      await settled();
      return boot?.contactId ?? '';
    },
  };
}
