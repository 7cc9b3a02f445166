// @vitest-environment happy-dom
/** Canned replies against a fake API: the composer's `/` list by keyboard, and their page in the settings. */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CannedReply, CreateCannedReplyInput, UpdateCannedReplyInput } from '../../protocol/index.js';
import { ApiError } from '../api/http.js';
import { conversation } from '../test-support/fixtures.js';
import { connectSocket, goTo, openConversation, renderWorkspace, typeInto } from '../test-support/render-workspace.js';

const reply = (shortcut: string, title: string, body = `${title}.`): CannedReply => ({ id: `cr-${shortcut}`, shortcut, title, body, created_at: '', updated_at: '' });
const c1 = conversation({ id: 'c1', contact: { id: 'ct1', externalId: null, name: 'Linus', email: null, identified: true } });

function setup(replies = [reply('refund', 'Refund policy'), reply('thanks', 'Thank you'), reply('billing-card', 'Card charged twice')]) {
  let list = replies;
  const renderCannedReply = vi.fn(async (id: string) => ({ body: id === 'cr-refund' ? 'Hi Linus, your refund is on its way.' : 'Thanks!' }));
  const createCannedReply = vi.fn(async (input: CreateCannedReplyInput) => {
    if (list.some((r) => r.shortcut === input.shortcut)) throw new ApiError(409, 'conflict', 'shortcut taken');
    const created = { ...reply(input.shortcut, input.title, input.body) };
    list = [...list, created];
    return created;
  });
  const updateCannedReply = vi.fn(async (id: string, patch: UpdateCannedReplyInput) => ({ ...(list.find((r) => r.id === id) as CannedReply), ...patch }));
  const deleteCannedReply = vi.fn(async () => undefined);
  const harness = renderWorkspace({
    listConversations: async () => ({ data: [c1], next_cursor: null }),
    getConversation: async () => c1,
    listCannedReplies: async () => ({ data: list, next_cursor: null }),
    renderCannedReply,
    createCannedReply,
    updateCannedReply,
    deleteCannedReply,
  });
  return { ...harness, renderCannedReply, createCannedReply, updateCannedReply, deleteCannedReply };
}

const options = () => within(screen.getByRole('listbox', { name: 'Canned replies' })).getAllByRole('option');

describe('canned replies', () => {
  beforeEach(() => {
    window.location.hash = '';
  });
  afterEach(() => cleanup());

  it('offers them for `/` at the start of a reply, by keyboard, and puts the rendered body in the reply box', async () => {
    const { socket, renderCannedReply } = setup();
    await connectSocket(socket);
    await openConversation('c1');
    const box = await screen.findByRole('textbox', { name: 'Reply' });

    typeInto(box, '/');
    await waitFor(() => expect(options().map((o) => o.querySelector('.suggestions__label')?.textContent)).toEqual(['/billing-card', '/refund', '/thanks']));
    expect(box.getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id);
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[0].id);

    // Filtered by shortcut or title as the agent types.
    typeInto(box, '/car');
    expect(options()).toHaveLength(1);
    typeInto(box, '/re');
    expect(options().map((o) => o.textContent)).toEqual(['/refundRefund policy']);

    // Escape closes without touching the text; the list stays closed while that `/…` is typed.
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect((box as HTMLTextAreaElement).value).toBe('/re');
    typeInto(box, '');
    typeInto(box, '/');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(options()[1].getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[1].id);
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe('Hi Linus, your refund is on its way.'));
    expect(renderCannedReply).toHaveBeenCalledWith('cr-refund', 'c1');
    // Enter picked the reply; nothing was sent.
    expect(socket.sent('message:send')).toEqual([]);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(box);

    // A `/` later in the text is just a slash.
    typeInto(box, 'and/or');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('lists, creates, edits and deletes them in the settings', async () => {
    const { createCannedReply, updateCannedReply, deleteCannedReply } = setup([reply('refund', 'Refund policy')]);
    await goTo('#/settings/canned-replies');
    const pages = screen.getByRole('navigation', { name: 'Settings pages' });
    expect(within(pages).getByRole('link', { name: 'Canned replies' }).getAttribute('aria-current')).toBe('page');
    const list = await screen.findByRole('list', { name: 'Canned replies' });
    await within(list).findByRole('heading', { name: '/refund Refund policy' });

    fireEvent.click(screen.getByRole('button', { name: 'New canned reply' }));
    const form = screen.getByRole('form', { name: 'New canned reply' });
    const shortcut = within(form).getByLabelText('Shortcut');
    await waitFor(() => expect(document.activeElement).toBe(shortcut));
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByText('Give it a shortcut.')).toBeTruthy();
    expect(shortcut.getAttribute('aria-invalid')).toBe('true');
    expect(createCannedReply).not.toHaveBeenCalled();

    fireEvent.input(shortcut, { target: { value: 'refund' } });
    fireEvent.input(within(form).getByLabelText('Title'), { target: { value: 'Another' } });
    fireEvent.input(within(form).getByLabelText('Reply'), { target: { value: 'Hi {{user.first_name | fallback: "there"}}' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    });
    await waitFor(() => expect(within(form).getByText('Another canned reply has this shortcut.')).toBeTruthy());

    fireEvent.input(shortcut, { target: { value: 'hello' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    });
    expect(createCannedReply).toHaveBeenLastCalledWith({ shortcut: 'hello', title: 'Another', body: 'Hi {{user.first_name | fallback: "there"}}' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Edit /hello'));
    expect(screen.getByText('Canned reply /hello created.')).toBeTruthy();

    fireEvent.click(within(list).getByRole('button', { name: 'Edit /refund' }));
    const edit = screen.getByRole('form', { name: 'Edit /refund' });
    fireEvent.input(within(edit).getByLabelText('Title'), { target: { value: 'Refunds' } });
    await act(async () => {
      fireEvent.click(within(edit).getByRole('button', { name: 'Save' }));
    });
    expect(updateCannedReply).toHaveBeenCalledWith('cr-refund', { title: 'Refunds' });
    await within(list).findByRole('heading', { name: '/refund Refunds' });

    fireEvent.click(within(list).getByRole('button', { name: 'Delete /refund' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Delete canned reply' }));
    });
    expect(deleteCannedReply).toHaveBeenCalledWith('cr-refund');
    await waitFor(() => expect(within(list).queryByRole('heading', { name: /\/refund/ })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New canned reply' })));
  });
});
