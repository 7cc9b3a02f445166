// @vitest-environment happy-dom
/** "Send a survey" from the composer, against a fake API: the choice, the introduction, the card in the thread, and a refusal. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message, Survey } from '../../protocol/index.js';
import { ApiError } from '../api/http.js';
import { fakeApi } from '../test-support/fake-api.js';
import { FakeAgentSocket } from '../test-support/fake-socket.js';
import { conversation, message, survey } from '../test-support/fixtures.js';
import { Workspace } from './Workspace.js';

const agent = { id: 'a1', email: 'ada@example.com', name: 'Ada Admin', role: 'admin' as const };
const c1 = conversation({ id: 'c1', lastSeq: 1, lastMessage: message({ seq: 1, body: 'Hello' }) });


function setup(refuse = false) {
  const socket = new FakeAgentSocket();
  const posted: Array<{ body: string; surveyId?: string }> = [];
  const surveys = [survey({ id: 'sv_live', name: 'Onboarding NPS' }), survey({ id: 'sv_csat', name: 'Support CSAT', status: 'draft' })];
  const api = fakeApi({
    listConversations: async () => ({ data: [c1], next_cursor: null }),
    getConversation: async () => c1,
    listMessages: async () => ({ data: [message({ seq: 1, body: 'Hello' })], next_cursor: null }),
    getContact: async () => Promise.reject(new ApiError(404, 'not_found', 'gone')),
    listContactEvents: async () => ({ data: [] }),
    listAgents: async () => ({ data: [agent] }),
    listSurveys: async () => ({ data: surveys, next_cursor: null }),
    getSurvey: async (id) => surveys.find((s) => s.id === id) ?? Promise.reject(new ApiError(404, 'not_found', 'survey not found')),
    postMessage: async (conversationId, input): Promise<Message> => {
      if (refuse) throw new ApiError(409, 'conflict', 'the conversation is gone');
      posted.push(input);
      return message({ id: 'm2', conversationId, seq: 2, clientId: input.clientId, body: input.body, authorType: 'agent', authorId: agent.id, authorName: agent.name, survey: { id: input.surveyId ?? '', deliveryId: 'dlv_1' } });
    },
  });
  render(<Workspace agent={agent} api={api} onLogout={async () => undefined} connect={() => socket.asAgentSocket()} />);
  return { socket, posted };
}

async function openConversation(socket: FakeAgentSocket) {
  await act(async () => {
    socket.connect();
  });
  await act(async () => {
    window.location.hash = '#/conversations/c1';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  await screen.findByRole('button', { name: 'Send' });
}

afterEach(() => cleanup());

describe('sending a survey in a conversation', () => {
  it('sends the chosen survey with the reply text as its introduction, and shows it in the thread with a link to its results', async () => {
    const { socket, posted } = setup();
    await openConversation(socket);
    fireEvent.input(screen.getByRole('textbox', { name: 'Reply' }), { target: { value: 'Could you rate this chat? ' } });
    const toggle = screen.getByRole('button', { name: 'Send a survey' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const choice = (await screen.findByRole('combobox', { name: 'Survey' })) as HTMLSelectElement;
    expect([...choice.options].map((o) => o.textContent)).toEqual(['Onboarding NPS', 'Support CSAT (draft)']);
    fireEvent.change(choice, { target: { value: 'sv_csat' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send survey' }));
    });
    expect(posted).toEqual([{ body: 'Could you rate this chat?', clientId: expect.any(String), surveyId: 'sv_csat' }]);
    // Sent: the panel closes and the reply box is empty again.
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Send a survey' })).toBeNull());
    expect((screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement).value).toBe('');
    const item = document.querySelector<HTMLElement>('[data-message-id="m2"]');
    if (!item) throw new Error('the survey message is not in the thread');
    await within(item).findByText('Support CSAT');
    expect(within(item).getByRole('link', { name: 'Results' }).getAttribute('href')).toBe('#/surveys/sv_csat/results');
  });

  it('explains a refusal and keeps the reply text', async () => {
    const { socket } = setup(true);
    await openConversation(socket);
    fireEvent.input(screen.getByRole('textbox', { name: 'Reply' }), { target: { value: 'Rate us' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send a survey' }));
    await screen.findByRole('combobox', { name: 'Survey' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send survey' }));
    });
    await screen.findByText('Not sent: the conversation is gone');
    expect(screen.getByRole('group', { name: 'Send a survey' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement).value).toBe('Rate us');
  });
});
