/**
 * The collision hint: who else has a conversation open. This tab reports the
 * one conversation it shows (`conversation:view`), once per change, and again
 * after a reconnect (a new socket is in no viewers room); `viewers` events and
 * the ack keep the list of each conversation current.
 */
import { signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { ConversationViewer, ConversationViewers } from '../../protocol/index.js';

export interface ViewersTransport {
  isConnected(): boolean;
  /** Emits `conversation:view`; `onViewers` gets the ack's list when it comes. */
  view(conversationId: string, viewing: boolean, onViewers: (viewers: ConversationViewers) => void): void;
}

export interface ViewersStore {
  of(conversationId: string): ReadonlySignal<readonly ConversationViewer[]>;
  apply(viewers: ConversationViewers): void;
  /** The conversation this tab shows now (null: none, or the tab is hidden). */
  view(conversationId: string | null): void;
  /** The socket (re)connected: say again what this tab shows. */
  resend(): void;
}

export function createViewersStore(transport: ViewersTransport): ViewersStore {
  const lists = new Map<string, Signal<readonly ConversationViewer[]>>();
  let viewing: string | null = null;

  function of(conversationId: string): Signal<readonly ConversationViewer[]> {
    let list = lists.get(conversationId);
    if (!list) lists.set(conversationId, (list = signal<readonly ConversationViewer[]>([])));
    return list;
  }

  function apply(viewers: ConversationViewers): void {
    of(viewers.conversationId).value = viewers.agents;
  }

  function emit(conversationId: string, on: boolean): void {
    if (transport.isConnected()) transport.view(conversationId, on, apply);
  }

  return {
    of,
    apply,
    view(conversationId) {
      if (conversationId === viewing) return;
      if (viewing) emit(viewing, false);
      viewing = conversationId;
      if (conversationId) emit(conversationId, true);
    },
    resend() {
      if (viewing) emit(viewing, true);
    },
  };
}

/** The other agents among the viewers (this agent's other tabs are not "someone else"). */
export function otherViewers(viewers: readonly ConversationViewer[], agentId: string): ConversationViewer[] {
  return viewers.filter((viewer) => viewer.id !== agentId);
}

/** "Ada is also viewing", "Ada and Grace are also viewing", "Ada, Grace and 2 others are also viewing"; '' for nobody. */
export function viewersText(names: readonly string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is also viewing`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are also viewing`;
  const rest = names.length - 2;
  return `${names[0]}, ${names[1]} and ${rest} ${rest === 1 ? 'other' : 'others'} are also viewing`;
}
