// @vitest-environment happy-dom
/** Attaching files to a reply, against a fake API and socket: upload, refusal, send, and the file in the thread. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack, Attachment, SendMessageInput } from '../../protocol/index.js';
import { ApiError } from '../api/http.js';
import { fakeApi } from '../test-support/fake-api.js';
import { FakeAgentSocket } from '../test-support/fake-socket.js';
import { conversation, message } from '../test-support/fixtures.js';
import { Workspace } from './Workspace.js';

const agent = { id: 'a1', email: 'ada@example.com', name: 'Ada Admin', role: 'admin' as const };
const c1 = conversation({ id: 'c1', lastSeq: 1, lastMessage: message({ seq: 1, body: 'Hello' }) });
const pixel: Attachment = { id: 'att_1', name: 'pixel.png', size: 70, contentType: 'image/png', url: '/api/v1/attachments/att_1/sig' };

function setup() {
  const socket = new FakeAgentSocket();
  socket.respond = (event, payload): Ack<unknown> | undefined => {
    if (event !== 'message:send') return undefined;
    const input = payload as SendMessageInput;
    const attachments = (input.attachmentIds ?? []).map((id) => (id === pixel.id ? pixel : null)).filter((a) => a !== null);
    return { ok: true, data: { message: message({ seq: 2, clientId: input.clientId, body: input.body, authorType: 'agent', authorId: agent.id, authorName: agent.name, attachments }) } };
  };
  const api = fakeApi({
    listConversations: async () => ({ data: [c1], next_cursor: null }),
    getConversation: async () => c1,
    listMessages: async () => ({ data: [message({ seq: 1, body: 'Hello' })], next_cursor: null }),
    getContact: async () => Promise.reject(new ApiError(404, 'not_found', 'gone')),
    listContactEvents: async () => ({ data: [] }),
    listAgents: async () => ({ data: [agent] }),
    uploadAttachment: async (_file, name) => {
      if (name === 'pixel.png') return pixel;
      throw new ApiError(415, 'unsupported_media_type', 'HTML, SVG and XML files are not accepted');
    },
  });
  render(<Workspace agent={agent} api={api} onLogout={async () => undefined} connect={() => socket.asAgentSocket()} />);
  return { socket };
}

function pick(files: File[]): void {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

afterEach(() => cleanup());

describe('attachments in the composer', () => {
  it('uploads picked files, explains refusals, and sends the reply with its files', async () => {
    const { socket } = setup();
    await act(async () => {
      socket.connect();
    });
    await act(async () => {
      window.location.hash = '#/conversations/c1';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const send = await screen.findByRole('button', { name: 'Send' });
    expect(screen.getByRole('button', { name: 'Attach a file' })).toBeTruthy();
    expect((send as HTMLButtonElement).disabled).toBe(true);

    await act(async () => pick([new File(['png'], 'pixel.png'), new File(['<html>'], 'cat.png')]));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not attach cat.png: HTML, SVG and XML files are not accepted'));
    const list = screen.getByRole('list', { name: 'Attachments' });
    expect(list.textContent).toContain('pixel.png');
    expect(list.textContent).not.toContain('cat.png');
    expect(screen.getByRole('button', { name: 'Remove pixel.png' })).toBeTruthy();

    // A reply of files only is fine.
    await waitFor(() => expect((send as HTMLButtonElement).disabled).toBe(false));
    await act(async () => {
      fireEvent.click(send);
    });
    const sent = socket.sent('message:send') as SendMessageInput[];
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ conversationId: 'c1', body: '', attachmentIds: ['att_1'] });
    expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull();

    const image = await waitFor(() => {
      const img = document.querySelector<HTMLImageElement>('[data-message-id="m2"] img');
      if (!img) throw new Error('not rendered yet');
      return img;
    });
    expect(image.alt).toBe('pixel.png');
    expect(image.getAttribute('src')).toBe(pixel.url);
    expect(image.closest('a')?.getAttribute('href')).toBe(pixel.url);
  });
});
