/**
 * Snooze through the real server: PATCH rules, the wake-up job (run with a
 * clock set ahead and a short interval, never by waiting real time), its
 * compare-and-set, and a visitor's message waking a conversation at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, ErrorResponse, Page } from '../../../protocol/index.js';
import { type Session, startConversation, type StartedConversation } from '../../test-support/inbox-fixtures.js';
import {
  adminFetch,
  type AgentSocket,
  connectAgent,
  loginAgent,
  nextEvent,
  startTestServer,
  type TestServer,
  type VisitorSocket,
} from '../../test-support/test-server.js';
import { startSnoozeClock } from './snooze-clock.js';

let server: TestServer;
let admin: Session;
let agent: AgentSocket;
const sockets: VisitorSocket[] = [];
const HOUR = 3_600_000;

const api = <T>(method: string, path: string, body?: unknown) => adminFetch<T>(server.url, admin, method, path, body);
const patch = (id: string, body: unknown) => api<AgentConversation & ErrorResponse>('PATCH', `/conversations/${id}`, body);
const get = async (id: string) => (await api<AgentConversation>('GET', `/conversations/${id}`)).body;
async function conversation(): Promise<StartedConversation> {
  const started = await startConversation(server, 'please get back to me later');
  sockets.push(started.socket);
  return started;
}
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const updatedTo = (id: string, status: string) => (c: AgentConversation) => c.id === id && c.status === status;

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAgent(server.url);
  agent = await connectAgent(server.url, admin.cookie);
});
afterAll(async () => {
  agent.close();
  sockets.forEach((s) => s.close());
  await server.stop();
});

describe('snoozing', () => {
  it('snoozes until a time (normalised to UTC) and lists it under status=snoozed', async () => {
    const { conversationId } = await conversation();
    const until = new Date(Date.now() + 2 * HOUR);
    // Sent with an offset: stored and returned as UTC.
    const local = new Date(until.getTime() + 2 * HOUR).toISOString().replace('Z', '+02:00');
    const res = await patch(conversationId, { status: 'snoozed', snoozed_until: local });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'snoozed', snoozedUntil: until.toISOString() });
    const snoozed = await api<Page<AgentConversation>>('GET', '/conversations?status=snoozed');
    expect(snoozed.body.data.map((c) => c.id)).toContain(conversationId);
  });

  it.each([
    ['no time', { status: 'snoozed' }, /required/],
    ['a time in the past', { status: 'snoozed', snoozed_until: new Date(Date.now() - 60_000).toISOString() }, /future/],
    ['a time over 90 days ahead', { status: 'snoozed', snoozed_until: new Date(Date.now() + 91 * 24 * HOUR).toISOString() }, /90 days/],
    ['a time without snoozing', { status: 'open', snoozed_until: new Date(Date.now() + HOUR).toISOString() }, /only with status/],
    ['a time alone', { snoozed_until: new Date(Date.now() + HOUR).toISOString() }, /only with status/],
    ['a malformed time', { status: 'snoozed', snoozed_until: 'tomorrow' }, /snoozed_until/],
  ])('refuses %s with 400 and changes nothing', async (_what, body, message) => {
    const { conversationId } = await conversation();
    const res = await patch(conversationId, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(message) });
    expect(await get(conversationId)).toMatchObject({ status: 'open', snoozedUntil: null });
  });

  it('clears the time when the conversation is opened or closed by hand', async () => {
    const { conversationId } = await conversation();
    await patch(conversationId, { status: 'snoozed', snoozed_until: inHours(1) });
    expect((await patch(conversationId, { status: 'closed' })).body).toMatchObject({ status: 'closed', snoozedUntil: null });
    await patch(conversationId, { status: 'snoozed', snoozed_until: inHours(1) });
    // Changing the priority leaves the snooze alone.
    expect((await patch(conversationId, { priority: 'high' })).body).toMatchObject({ status: 'snoozed', priority: 'high' });
  });
});

describe('waking up', () => {
  it('reopens due conversations only, and tells the agents', async () => {
    const due = await conversation();
    const later = await conversation();
    await patch(due.conversationId, { status: 'snoozed', snoozed_until: inHours(1) });
    await patch(later.conversationId, { status: 'snoozed', snoozed_until: inHours(5) });

    expect(await server.domain.snoozes.wakeDue(new Date(Date.now() + 30 * 60_000))).toEqual([]);
    const told = nextEvent<AgentConversation>(agent, 'conversation:updated', 5_000, updatedTo(due.conversationId, 'open'));
    const woken = await server.domain.snoozes.wakeDue(new Date(Date.now() + 2 * HOUR));
    expect(woken.map((r) => r.id)).toContain(due.conversationId);
    expect(woken.map((r) => r.id)).not.toContain(later.conversationId);
    expect(await told).toMatchObject({ status: 'open', snoozedUntil: null });
    expect(await get(later.conversationId)).toMatchObject({ status: 'snoozed' });
  });

  it('is a compare-and-set: concurrent scans wake each conversation once, and leave alone what changed meanwhile', async () => {
    const a = await conversation();
    const b = await conversation();
    const reopened = await conversation();
    for (const c of [a, b, reopened]) await patch(c.conversationId, { status: 'snoozed', snoozed_until: inHours(1) });
    // An agent reopens one by hand before the scan.
    await patch(reopened.conversationId, { status: 'open' });
    const before = await get(reopened.conversationId);

    const at = new Date(Date.now() + 2 * HOUR);
    const scans = await Promise.all([server.domain.snoozes.wakeDue(at), server.domain.snoozes.wakeDue(at), server.domain.snoozes.wakeDue(at)]);
    // Other tests' snoozes may be due too: count only this test's conversations.
    const ours = new Set([a.conversationId, b.conversationId, reopened.conversationId]);
    const woken = scans.flat().map((r) => r.id).filter((id) => ours.has(id));
    expect(woken.sort()).toEqual([a.conversationId, b.conversationId].sort());
    expect((await get(reopened.conversationId)).updatedAt).toBe(before.updatedAt);
  });

  it('runs on a timer: the clock (set ahead, ticking every few ms) reopens the conversation', async () => {
    const { conversationId } = await conversation();
    await patch(conversationId, { status: 'snoozed', snoozed_until: inHours(3) });
    const told = nextEvent<AgentConversation>(agent, 'conversation:updated', 5_000, updatedTo(conversationId, 'open'));
    const errors: unknown[] = [];
    const stop = startSnoozeClock({
      wake: (now) => server.domain.snoozes.wakeDue(now),
      onError: (err) => errors.push(err),
      intervalMs: 5,
      now: () => new Date(Date.now() + 4 * HOUR),
    });
    try {
      expect(await told).toMatchObject({ id: conversationId, status: 'open', snoozedUntil: null });
    } finally {
      stop();
    }
    expect(errors).toEqual([]);
  });

  it('wakes at once when the visitor writes', async () => {
    const { conversationId, socket } = await conversation();
    await patch(conversationId, { status: 'snoozed', snoozed_until: inHours(24) });
    const sent = await socket.emitWithAck('message:send', { conversationId, clientId: 'wake-me-up-0001', body: 'any news?' });
    expect(sent.ok).toBe(true);
    expect(await get(conversationId)).toMatchObject({ status: 'open', snoozedUntil: null });
    // Nothing left for the wake-up job.
    expect((await server.domain.snoozes.wakeDue(new Date(Date.now() + 48 * HOUR))).map((r) => r.id)).not.toContain(conversationId);
  });

  it('leaves a snoozed conversation snoozed when the team replies', async () => {
    const { conversationId } = await conversation();
    await patch(conversationId, { status: 'snoozed', snoozed_until: inHours(2) });
    await api('POST', `/conversations/${conversationId}/messages`, { body: 'We will check back tomorrow.' });
    expect(await get(conversationId)).toMatchObject({ status: 'snoozed' });
  });
});
