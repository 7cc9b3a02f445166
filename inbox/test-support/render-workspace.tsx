/**
 * The logged-in inbox against a fake API and a FakeAgentSocket, for view
 * tests of whole flows. Everything a workspace loads by itself answers empty
 * unless the test says otherwise; anything else still fails (see fakeApi).
 */
import { act, fireEvent, render } from '@testing-library/preact';
import type { AgentProfile } from '../../protocol/index.js';
import type { InboxApi } from '../api/endpoints.js';
import { Workspace } from '../views/Workspace.js';
import { fakeApi } from './fake-api.js';
import { FakeAgentSocket } from './fake-socket.js';
import { contactProfile } from './fixtures.js';

export const ada: AgentProfile = { id: 'a1', email: 'ada@example.com', name: 'Ada Admin', role: 'admin' };
export const grace: AgentProfile = { id: 'a2', email: 'grace@example.com', name: 'Grace Hopper', role: 'agent' };

const empty = async () => ({ data: [], next_cursor: null });

export function renderWorkspace(overrides: Partial<InboxApi> = {}, agent: AgentProfile = ada) {
  const socket = new FakeAgentSocket();
  const api = fakeApi({
    listConversations: empty,
    listMessages: empty,
    listNotes: empty,
    listTags: empty,
    listViews: empty,
    listCannedReplies: empty,
    listTeams: empty,
    getContact: async () => contactProfile(),
    listContactEvents: async () => ({ data: [] }),
    listAgents: async () => ({ data: [ada, grace] }),
    ...overrides,
  });
  const view = render(<Workspace agent={agent} api={api} onLogout={async () => undefined} connect={() => socket.asAgentSocket()} />);
  return { socket, api, ...view };
}

export async function goTo(hash: string): Promise<void> {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

export const openConversation = (id: string) => goTo(`#/conversations/${id}`);

export async function connectSocket(socket: FakeAgentSocket): Promise<void> {
  await act(async () => {
    socket.connect();
  });
}

/** Types into a textarea or input as a person would: the value, the caret at its end, an input event. */
export function typeInto(field: HTMLElement, value: string): void {
  const box = field as HTMLTextAreaElement;
  box.value = value;
  box.setSelectionRange(value.length, value.length);
  fireEvent.input(box);
}

/** What the top bar's polite live region (the announcer) says now. */
export const announced = () => document.querySelector('.topbar [aria-live="polite"]')?.textContent;
