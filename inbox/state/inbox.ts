/**
 * Everything a logged-in agent's inbox holds, built once per login and torn
 * down on logout so no socket, timer or listener outlives the session.
 */
import { effect, signal, untracked, type ReadonlySignal } from '@preact/signals';
import type { AgentConversation, AgentProfile, Attachment, ReadNotice, Survey } from '../../protocol/index.js';
import type { InboxApi } from '../api/endpoints.js';
import type { AssignRequest } from '../api/team-endpoints.js';
import { ApiError } from '../api/http.js';
import { contactDisplayName } from '../format/contact-name.js';
import { sendMessage, syncMessages, type AgentSocket } from '../api/socket.js';
import { createAnnouncer, type Announcer } from './announcer.js';
import { newClientId } from './client-id.js';
import { createContactStore, type ContactStore } from './contact-store.js';
import { createConversationListStore, type ConversationListStore } from './conversation-list-store.js';
import { createCurrentConversationStore, type CurrentConversationStore } from './current-conversation-store.js';
import type { PresenceStore } from './presence-store.js';
import { bindRealtime, type ConnectionState } from './realtime.js';
import { createRoster, type TeamsStore } from './roster.js';
import { highestSeq } from './thread-merge.js';
import { createThreadStore, type ThreadStore } from './thread-store.js';
import { createTypingStore, type TypingStore } from './typing-store.js';
import { createWorkTools, type WorkTools } from './work-tools.js';

/** `WorkTools`: tags, saved views, canned replies, notes and mentions, viewers (state/work-tools.ts). */
export interface Inbox extends WorkTools {
  agent: AgentProfile;
  agents: ReadonlySignal<readonly AgentProfile[]>;
  list: ConversationListStore;
  current: CurrentConversationStore;
  threads: ThreadStore;
  typing: TypingStore;
  contact: ContactStore;
  announcer: Announcer;
  connection: ReadonlySignal<ConnectionState>;
  /** Unsent composer text per conversation (notes under `note:<id>`), so switching conversations loses nothing. */
  drafts: Map<string, string>;
  /** The thread is on screen: tell the server (and our own list) how far the agent has read. */
  markRead(conversationId: string): void;
  emitTyping(conversationId: string, typing: boolean): void;
  /** Uploads a file to send with a reply; rejects with an ApiError (413 too large, 415 type not accepted). */
  uploadAttachment(file: File): Promise<Attachment>;
  /** The workspace's surveys, to send one in a conversation (fetched again on every call: surveys change elsewhere). */
  listSurveys(): Promise<readonly Survey[]>;
  /** A survey's name, for the survey card in a thread (asked once per survey; null when it is gone). */
  surveyName(surveyId: string): Promise<string | null>;
  /** Sends a survey into the conversation (with `body` as its introduction); rejects with an ApiError. */
  sendSurvey(conversationId: string, surveyId: string, body: string): Promise<void>;
  /** Every agent's presence (live from the socket) and the signed-in agent's own online/away choice. */
  presence: PresenceStore;
  /** The workspace's teams, loaded when first needed (`teams.ensure()`). */
  teams: TeamsStore;
  /** Asks the roster again: capacity and open counts change with every assignment. */
  reloadAgents(): Promise<void>;
  /** Assigns to a team and/or an agent (null clears, absent keeps); the list and the open conversation follow. Rejects with an ApiError. */
  assignConversation(conversationId: string, input: AssignRequest): Promise<AgentConversation>;
  dispose(): void;
}

export interface InboxOptions {
  api: InboxApi;
  agent: AgentProfile;
  connect(): AgentSocket;
}

const RECONNECT_AFTER_REFUSAL_MS = 5_000;

export function createInbox({ api, agent, connect }: InboxOptions): Inbox {
  const socket = connect();
  const agents = signal<readonly AgentProfile[]>([agent]);
  const list = createConversationListStore(api, agent.id);
  const current = createCurrentConversationStore(api, (conversation) => list.upsert(conversation));
  const contact = createContactStore(api);
  const typing = createTypingStore({ selfName: agent.name });
  const announcer = createAnnouncer();
  const threads = createThreadStore({
    api,
    agent,
    socket: {
      isConnected: () => socket.connected,
      send: (input) => sendMessage(socket, input),
      sync: (input) => syncMessages(socket, input),
    },
    onOwnMessageStored(message) {
      list.applyMessage(message);
      current.applyMessage(message);
    },
  });
  let refusalTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  const realtime = bindRealtime(socket, {
    list,
    current,
    threads,
    typing,
    contact,
    announcer,
    onRefused() {
      // A 401 ends the session through the HTTP client's onUnauthorized (and disposes us); anything else is retried.
      const retry = (): void => {
        if (!disposed) refusalTimer = setTimeout(() => socket.connect(), RECONNECT_AFTER_REFUSAL_MS);
      };
      api.me().then(retry, (error: unknown) => {
        if (!(error instanceof ApiError && error.status === 401)) retry();
      });
    },
  });

  // The contact panel follows the open conversation's contact (which changes when a visitor is identified).
  const stopContactFollow = effect(() => {
    const contactId = current.conversation.value?.contact.id ?? null;
    untracked(() => contact.show(contactId));
  });

  const roster = createRoster({
    api,
    agent,
    socket,
    agents,
    announce: (text) => announcer.announce(text),
    onConversation(conversation) {
      list.upsert(conversation);
      current.upsert(conversation);
    },
  });

  const tools = createWorkTools({
    api,
    agent,
    socket,
    list,
    announcer,
    conversationName(conversationId) {
      const known = current.conversation.value?.id === conversationId ? current.conversation.value : list.items.value.find((item) => item.id === conversationId);
      return known ? contactDisplayName(known.contact) : 'a visitor';
    },
  });

  const lastReadSent = new Map<string, number>();

  void list.reload();
  api.listAgents().then(
    (result) => {
      agents.value = result.data;
    },
    () => undefined, // Assigning to others is optional; "Assign to me" works without the list.
  );

  const surveyNames = new Map<string, Promise<string | null>>();

  return {
    agent,
    agents,
    list,
    current,
    threads,
    typing,
    contact,
    announcer,
    ...tools,
    connection: realtime.connection,
    drafts: new Map(),
    markRead(conversationId) {
      if (!socket.connected) return;
      const seq = highestSeq(threads.open(conversationId).entries.value);
      const conversation = current.conversation.value;
      const known = Math.max(
        conversation?.id === conversationId ? conversation.agentReadSeq : 0,
        lastReadSent.get(conversationId) ?? 0,
      );
      if (seq <= known) return;
      lastReadSent.set(conversationId, seq);
      socket.emit('read', { conversationId, seq });
      const notice: ReadNotice = { conversationId, seq, by: 'agent' };
      list.applyRead(notice);
      current.applyRead(notice);
    },
    uploadAttachment: (file) => api.uploadAttachment(file, file.name),
    listSurveys: async () => (await api.listSurveys()).data,
    surveyName(surveyId) {
      let name = surveyNames.get(surveyId);
      if (!name) {
        name = api.getSurvey(surveyId).then((survey) => survey.name, () => null);
        surveyNames.set(surveyId, name);
      }
      return name;
    },
    async sendSurvey(conversationId, surveyId, body) {
      // By REST, not the socket outbox: a survey is sent once, on purpose, and the agent sees a refusal at once.
      const message = await api.postMessage(conversationId, { body, clientId: newClientId(), surveyId });
      threads.receive(message);
    },
    presence: roster.presence,
    teams: roster.teams,
    reloadAgents: roster.reloadAgents,
    assignConversation: roster.assign,
    emitTyping(conversationId, isTyping) {
      if (socket.connected) socket.emit('typing', { conversationId, typing: isTyping });
    },
    dispose() {
      disposed = true;
      stopContactFollow();
      realtime.unbind();
      tools.dispose();
      roster.dispose();
      if (refusalTimer) clearTimeout(refusalTimer);
      threads.dispose();
      typing.dispose();
      contact.dispose();
      socket.disconnect();
    },
  };
}
