/**
 * In-app messages through the real server: the REST API an editor uses, and
 * the /visitor socket the widget uses to list, claim and report outcomes.
 */
import { describe, expect, it } from 'vitest';
import type { ContactEvent, ContentSnapshot, InAppMessage, MessageStats, Segment } from '../../protocol/index.js';
import { computeUserHash } from '../domain/index.js';
import { bootVisitor, contentVisitor, IDENTITY_SECRET, nextEvent, widgetPost } from '../test-support/test-server.js';
import { useAdminTestServer } from '../test-support/admin-test-server.js';

const env = useAdminTestServer();
const { sockets } = env;


const { api } = env;

async function createMessage(input: Record<string, unknown>): Promise<InAppMessage> {
  const res = await api<InAppMessage>('POST', '/messages', { format: 'post', body: 'Hi {{user.name | fallback: "there"}}', trigger: { on: 'immediate' }, status: 'live', ...input });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

/** A fresh visitor (identified as `userId` with `traits` when given) and its socket. */
async function visitor(userId?: string, traits: Record<string, string | number> = {}) {
  const v = await contentVisitor(env.server.url, userId ? { id: userId, name: 'Ada Lovelace', traits } : undefined);
  sockets.push(v.socket);
  return v;
}

const ids = (s: ContentSnapshot) => s.messages.map((m) => m.id);
const eventsOf = async (contactId: string) => (await api<{ data: ContactEvent[] }>('GET', `/contacts/${contactId}/events?limit=100`)).body.data;

describe('messages REST', () => {
  it('creates, reads, updates and deletes a message, returned whole', async () => {
    const created = await createMessage({ name: 'Welcome', format: 'banner', button: { label: 'See plans', url: 'https://example.com/plans' } });
    expect(created).toMatchObject({ id: expect.stringMatching(/^msg_/), name: 'Welcome', format: 'banner', position: 'top', dismissible: true, status: 'live', audience: null });
    expect((await api<InAppMessage>('GET', `/messages/${created.id}`)).body).toEqual(created);
    const patched = await api<InAppMessage>('PATCH', `/messages/${created.id}`, { status: 'draft', priority: 5 });
    expect(patched.body).toMatchObject({ status: 'draft', priority: 5, name: 'Welcome' });
    expect((await api('DELETE', `/messages/${created.id}`)).status).toBe(204);
    expect((await api('GET', `/messages/${created.id}`)).status).toBe(404);
  });

  it.each([
    ['a tooltip without a selector', { name: 'T', format: 'tooltip' }],
    ['a javascript: button', { name: 'B', button: { label: 'Go', url: 'javascript:alert(1)' } }],
    ['an event trigger without an event', { name: 'E', trigger: { on: 'event' } }],
    ['an unknown rule operator', { name: 'R', audience: { attr: 'plan', op: 'like', value: 'x' } }],
    ['an unknown field', { name: 'U', colour: 'red' }],
  ])('refuses %s with a 400 naming the problem', async (_label, input) => {
    const res = await api<{ error: { code: string; message: string } }>('POST', '/messages', { format: 'post', body: 'x', trigger: { on: 'immediate' }, ...input });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('refuses callers without a env.session', async () => {
    const res = await fetch(`${env.server.url}/api/v1/messages`);
    expect(res.status).toBe(401);
  });
});

describe('the audience, decided by the server', () => {
  it('lists only messages whose audience may hold, leaving the page part to the widget', async () => {
    const pro = await createMessage({ name: 'Pro on billing', audience: { all: [{ attr: 'plan', op: 'eq', value: 'pro' }, { page: { op: 'glob', value: '/billing/*' } }] } });
    const free = await createMessage({ name: 'Free only', audience: { attr: 'plan', op: 'eq', value: 'free' } });
    const v = await visitor('user-pro-1', { plan: 'pro' });
    const list = await v.list();
    expect(ids(list)).toContain(pro.id);
    expect(ids(list)).not.toContain(free.id);
    const shown = list.messages.find((m) => m.id === pro.id);
    // The trait condition never reaches the browser; the page condition does.
    expect(shown?.moment).toEqual({ page: { op: 'glob', value: '/billing/*' } });
    expect(shown?.body).toBe('Hi Ada Lovelace');
  });

  it('pushes a new list when a trait the audience reads changes (identify)', async () => {
    const upgraded = await createMessage({ name: 'Enterprise', audience: { attr: 'plan', op: 'eq', value: 'enterprise' } });
    const v = await visitor('user-upgrade-1', { plan: 'pro' });
    expect(ids(await v.list())).not.toContain(upgraded.id);
    const pushed = nextEvent<ContentSnapshot>(v.socket, 'content:changed', 5_000, (s) => ids(s).includes(upgraded.id));
    const res = await widgetPost(env.server.url, 'identify', {
      token: v.boot.token,
      userId: 'user-upgrade-1',
      userHash: computeUserHash(IDENTITY_SECRET, 'user-upgrade-1'),
      traits: { plan: 'enterprise' },
    });
    expect(res.status).toBe(200);
    expect(ids(await pushed)).toContain(upgraded.id);
  });

  it('pushes a new list when an event the audience reads is tracked', async () => {
    const failed = await createMessage({ name: 'After a failed payment', audience: { event: 'card_declined', op: 'count_gte', value: 1 } });
    const v = await visitor();
    expect(ids(await v.list())).not.toContain(failed.id);
    const pushed = nextEvent<ContentSnapshot>(v.socket, 'content:changed', 5_000, (s) => ids(s).includes(failed.id));
    await widgetPost(env.server.url, 'events', { token: v.boot.token, events: [{ id: 'ev-declined-1', type: 'track', name: 'card_declined' }] });
    expect(ids(await pushed)).toContain(failed.id);
  });

  it('uses saved segments, with a live count', async () => {
    const seg = await api<Segment>('POST', '/segments', { name: 'Team plan', rule: { attr: 'plan', op: 'eq', value: 'team' } });
    expect(seg.status).toBe(201);
    const message = await createMessage({ name: 'Team news', audience: { segment: seg.body.id } });
    const inTeam = await visitor('user-team-1', { plan: 'team' });
    const notInTeam = await visitor('user-team-2', { plan: 'pro' });
    expect(ids(await inTeam.list())).toContain(message.id);
    expect(ids(await notInTeam.list())).not.toContain(message.id);
    const count = await api<{ count: number }>('GET', `/segments/${seg.body.id}/count`);
    expect(count.body.count).toBe(1);
    const contacts = await api<{ data: Array<{ id: string }>; count: number }>('GET', `/segments/${seg.body.id}/contacts`);
    expect(contacts.body.data.map((c) => c.id)).toEqual([inTeam.boot.contactId]);
    const preview = await api<{ count: number }>('POST', '/segments/preview', { rule: { attr: 'plan', op: 'in', value: ['team', 'pro'] } });
    expect(preview.body.count).toBeGreaterThanOrEqual(2);
  });

  it('refuses a segment that would include itself', async () => {
    const a = await api<Segment>('POST', '/segments', { name: 'A', rule: { attr: 'x', op: 'exists' } });
    const b = await api<Segment>('POST', '/segments', { name: 'B', rule: { segment: a.body.id } });
    const loop = await api<{ error: { code: string } }>('PATCH', `/segments/${a.body.id}`, { rule: { segment: b.body.id } });
    expect(loop.status).toBe(400);
  });
});

describe('send limits, schedule and outcomes', () => {
  it('sends once by default: a second claim returns the open delivery, and after dismissal it is not sent again', async () => {
    const once = await createMessage({ name: 'Once' });
    const v = await visitor();
    const first = await v.socket.emitWithAck('content:claim', { messageId: once.id });
    const again = await v.socket.emitWithAck('content:claim', { messageId: once.id });
    expect(first.ok && again.ok && first.data.deliveryId === again.data.deliveryId).toBe(true);
    if (!first.ok) return;
    expect((await v.list()).messages.find((m) => m.id === once.id)?.deliveryId).toBe(first.data.deliveryId);
    expect(await v.socket.emitWithAck('content:outcome', { deliveryId: first.data.deliveryId, outcome: 'dismissed' })).toEqual({ ok: true, data: { recorded: true } });
    expect(ids(await v.list())).not.toContain(once.id);
    const refused = await v.socket.emitWithAck('content:claim', { messageId: once.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('sends again after every_days, up to max_per_contact', async () => {
    const twice = await createMessage({ name: 'Twice', frequency: { max_per_contact: 2, every_days: 0 } });
    const v = await visitor();
    for (let i = 0; i < 2; i++) {
      const claim = await v.socket.emitWithAck('content:claim', { messageId: twice.id });
      if (!claim.ok) throw new Error(claim.error.message);
      await v.socket.emitWithAck('content:outcome', { deliveryId: claim.data.deliveryId, outcome: 'dismissed' });
    }
    expect(await v.socket.emitWithAck('content:claim', { messageId: twice.id })).toMatchObject({ ok: false });
  });

  it('keeps to the schedule window', async () => {
    const past = await createMessage({ name: 'Over', schedule: { end_at: '2020-01-01T00:00:00Z' } });
    const future = await createMessage({ name: 'Later', schedule: { start_at: '2999-01-01T00:00:00Z' } });
    const v = await visitor();
    const list = ids(await v.list());
    expect(list).not.toContain(past.id);
    expect(list).not.toContain(future.id);
    expect(await v.socket.emitWithAck('content:claim', { messageId: past.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('does not send a draft, and refuses another visitor’s delivery like a missing one', async () => {
    const draft = await createMessage({ name: 'Draft', status: 'draft' });
    const v = await visitor();
    expect(ids(await v.list())).not.toContain(draft.id);
    expect(await v.socket.emitWithAck('content:claim', { messageId: draft.id })).toMatchObject({ ok: false });
    const live = await createMessage({ name: 'Mine' });
    const claim = await v.socket.emitWithAck('content:claim', { messageId: live.id });
    if (!claim.ok) throw new Error(claim.error.message);
    const other = await visitor();
    expect(await other.socket.emitWithAck('content:outcome', { deliveryId: claim.data.deliveryId, outcome: 'clicked' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('counts outcomes, writes each to the contact as an event, and counts a goal reached within its window', async () => {
    const m = await createMessage({ name: 'Upgrade nudge', goal: { event: 'upgraded', within_days: 7 }, button: { label: 'Upgrade', url: 'https://example.com/upgrade' } });
    const v = await visitor('user-goal-1');
    const claim = await v.socket.emitWithAck('content:claim', { messageId: m.id });
    if (!claim.ok) throw new Error(claim.error.message);
    await v.socket.emitWithAck('content:outcome', { deliveryId: claim.data.deliveryId, outcome: 'shown' });
    await v.socket.emitWithAck('content:outcome', { deliveryId: claim.data.deliveryId, outcome: 'clicked' });
    // A repeated report counts once.
    expect(await v.socket.emitWithAck('content:outcome', { deliveryId: claim.data.deliveryId, outcome: 'clicked' })).toEqual({ ok: true, data: { recorded: false } });
    await widgetPost(env.server.url, 'events', { token: v.boot.token, events: [{ id: 'ev-upgraded-1', type: 'track', name: 'upgraded' }] });
    await env.server.reactions.settled();
    const stats = await api<MessageStats>('GET', `/messages/${m.id}/stats`);
    expect(stats.body).toMatchObject({ sent: 1, shown: 1, clicked: 1, dismissed: 0, goal_reached: 1, ctr: 1, goal_rate: 1 });
    const names = (await eventsOf(v.boot.contactId)).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['message_sent', 'message_shown', 'message_clicked', 'message_goal_reached']));
    // Closed loop: the next message can target the outcome.
    const followUp = await createMessage({ name: 'Thanks for clicking', audience: { event: 'message_clicked', op: 'count_gte', value: 1, where: { message_id: { op: 'eq', value: m.id } } } });
    expect(ids(await v.list())).toContain(followUp.id);
  });

  it('opens a conversation with the chat message when the visitor replies to it', async () => {
    const chat = await createMessage({ name: 'Say hi', format: 'chat', body: 'Hey {{user.first_name}}, need a hand with billing?', sender_id: env.session.agentId });
    const v = await visitor('user-chat-1');
    const claim = await v.socket.emitWithAck('content:claim', { messageId: chat.id });
    if (!claim.ok) throw new Error(claim.error.message);
    const started = await v.socket.emitWithAck('conversation:start', { clientId: 'reply-to-chat-0001', body: 'Yes please', deliveryId: claim.data.deliveryId });
    if (!started.ok) throw new Error(started.error.message);
    const sync = await v.socket.emitWithAck('messages:sync', { conversationId: started.data.conversation.id, afterSeq: 0 });
    if (!sync.ok) throw new Error(sync.error.message);
    expect(sync.data.messages.map((m) => [m.authorType, m.body])).toEqual([
      ['agent', 'Hey Ada, need a hand with billing?'],
      ['visitor', 'Yes please'],
    ]);
    expect(started.data.message.body).toBe('Yes please');
    expect((await api<MessageStats>('GET', `/messages/${chat.id}/stats`)).body.replied).toBe(1);
  });
});

describe('quiet pages', () => {
  it('are a workspace setting the widget receives at boot', async () => {
    const res = await api('PATCH', '/settings', { quietPages: ['/checkout/*', '/settings/**'] });
    expect(res.status).toBe(200);
    const boot = await bootVisitor(env.server.url);
    expect(boot.settings.quietPages).toEqual(['/checkout/*', '/settings/**']);
  });
});
