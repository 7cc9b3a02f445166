/**
 * Service levels through the real server: conversation metrics as messages and
 * status changes happen, business hours / SLA / away message settings, the
 * away acknowledgement, the widget's expected reply time, and the SLA clock on
 * the conversation list (`?sla=`). Times the server must not read from its own
 * clock are written into the test database directly.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentConversation, type BootResult, type BusinessHours, closedWeek, type Message, type Page, type Team, type WorkspaceSettings } from '../../../protocol/index.js';
import {
  adminFetch,
  bootVisitor,
  connectVisitor,
  loginAgent,
  startTestServer,
  type TestServer,
  type VisitorSocket,
} from '../../test-support/test-server.js';

let server: TestServer;
let session: { cookie: string; csrf: string; agentId: string };
const sockets: VisitorSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  session = await loginAgent(server.url);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server.stop();
});

const api = <T>(method: string, path: string, body?: unknown) => adminFetch<T>(server.url, session, method, path, body);
const db = () => server.domain.db;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

async function visitor(extra: Record<string, unknown> = {}): Promise<{ boot: BootResult; socket: VisitorSocket }> {
  const boot = await bootVisitor(server.url, extra);
  const socket = await connectVisitor(server.url, boot.token);
  sockets.push(socket);
  return { boot, socket };
}

async function start(socket: VisitorSocket, body = 'Hello?', clientId = randomUUID()): Promise<string> {
  const r = await socket.emitWithAck('conversation:start', { clientId, body });
  if (!r.ok) throw new Error(r.error.message);
  return r.data.conversation.id;
}

async function visitorSays(socket: VisitorSocket, conversationId: string, body = 'And another thing') {
  const r = await socket.emitWithAck('message:send', { conversationId, clientId: randomUUID(), body });
  if (!r.ok) throw new Error(r.error.message);
  return r.data.message;
}

async function agentSays(conversationId: string, body = 'On it') {
  const r = await api<Message>('POST', `/conversations/${conversationId}/messages`, { body });
  expect(r.status).toBe(201);
  return r.body;
}

const setStatus = async (conversationId: string, status: 'open' | 'closed' | 'snoozed') =>
  expect((await api('PATCH', `/conversations/${conversationId}`, { status, ...(status === 'snoozed' ? { snoozed_until: new Date(Date.now() + 86_400_000).toISOString() } : {}) })).status).toBe(200);

const metrics = (id: string) =>
  db()
    .selectFrom('conversations')
    .select(['status', 'first_visitor_message_at', 'first_response_at', 'waiting_since', 'closed_at', 'reopened_at', 'resolved_count', 'reopened_count', 'reply_phases'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

const patchSettings = (body: unknown) => api<WorkspaceSettings & { error?: { code: string } }>('PATCH', '/settings', body);

/** A week where only the day after tomorrow (UTC) opens, 09:00–17:00: closed now, whatever the time. */
function openOnlyInTwoDays() {
  const day = new Date(Date.now() + 2 * 86_400_000);
  const key = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[day.getUTCDay()];
  const opening = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 9));
  return { hours: { timezone: 'UTC', days: { [key]: [['09:00', '17:00']] } }, opening };
}
const ALWAYS_OPEN = {
  timezone: 'UTC',
  days: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
};

describe('expected reply time in the widget (first: it needs a database without other replies)', () => {
  it('is the median first response of the last 30 days once there are 5 samples, and online without business hours', async () => {
    const { boot, socket } = await visitor();
    expect(boot.settings.replyTime).toEqual({ online: true, typicalMinutes: null, nextOpening: null });

    // Five first responses after 1, 2, 3, 4 and 10 minutes, two days ago; one older than 30 days that must not count.
    const ids = await Promise.all([1, 2, 3, 4, 10, 0.5].map(() => start(socket)));
    const durations = [1, 2, 3, 4, 10, 0.5];
    for (const [i, id] of ids.entries()) {
      const asked = Date.now() - (i === 5 ? 40 : 2) * 86_400_000;
      await db()
        .updateTable('conversations')
        .set({ first_visitor_message_at: new Date(asked).toISOString(), first_response_at: new Date(asked + durations[i] * 60_000).toISOString() })
        .where('id', '=', id)
        .execute();
    }
    const ws = await server.domain.workspaces.byAppId('demo');
    expect(await server.domain.replyTimes.typicalMinutes(ws.id, null, new Date())).toBe(3);

    // The boot answer is cached per schedule; a new schedule (open around the clock) reads the samples.
    expect((await patchSettings({ businessHours: ALWAYS_OPEN })).status).toBe(200);
    expect((await bootVisitor(server.url)).settings.replyTime).toEqual({ online: true, typicalMinutes: 3, nextOpening: null });

    // With 4 samples there is no typical time.
    await db().updateTable('conversations').set({ first_response_at: null }).where('id', '=', ids[4]).execute();
    expect(await server.domain.replyTimes.typicalMinutes(ws.id, null, new Date())).toBeNull();
    expect((await patchSettings({ businessHours: null })).status).toBe(200);
  });

  it('measures business minutes when there are business hours', async () => {
    const ws = await server.domain.workspaces.byAppId('demo');
    const { socket } = await visitor();
    const hours: BusinessHours = { timezone: 'Europe/Berlin', days: { ...closedWeek(), mon: [['09:00', '17:00']], fri: [['09:00', '17:00']] } };
    // Each asked on Friday 5 February 2021 at 16:50 CET; answered on Monday 8 February at 09:05–09:25 CET: 15–35 business minutes.
    for (const answeredMinute of [5, 10, 15, 20, 25]) {
      const id = await start(socket);
      await db()
        .updateTable('conversations')
        .set({ first_visitor_message_at: '2021-02-05T15:50:00.000Z', first_response_at: `2021-02-08T08:${String(answeredMinute).padStart(2, '0')}:00.000Z` })
        .where('id', '=', id)
        .execute();
    }
    expect(await server.domain.replyTimes.typicalMinutes(ws.id, hours, new Date('2021-02-20T00:00:00Z'))).toBe(25);
    expect(await server.domain.replyTimes.typicalMinutes(ws.id, null, new Date('2021-02-20T00:00:00Z'))).toBe(60 * 64 + 25);
  });
});

describe('conversation metrics', () => {
  it('records the first visitor message, the wait, the first response and reply phases as messages come', async () => {
    const { socket } = await visitor();
    const id = await start(socket, 'My invoice is wrong');
    const opened = await metrics(id);
    expect(opened).toMatchObject({ status: 'open', first_response_at: null, resolved_count: 0, reopened_count: 0, reply_phases: 0, closed_at: null });
    expect(opened.first_visitor_message_at).toBeTruthy();
    expect(opened.waiting_since).toBe(opened.first_visitor_message_at);

    // A second visitor message does not move the wait: it is the oldest unanswered one that counts.
    await visitorSays(socket, id);
    expect((await metrics(id)).waiting_since).toBe(opened.waiting_since);

    const reply = await agentSays(id);
    const answered = await metrics(id);
    expect(answered).toMatchObject({ first_response_at: reply.createdAt, waiting_since: null, reply_phases: 1 });

    // Replies in a row are one phase; the first response stays the first.
    await agentSays(id, 'Found it');
    expect(await metrics(id)).toMatchObject({ first_response_at: reply.createdAt, reply_phases: 1, waiting_since: null });

    const again = await visitorSays(socket, id, 'Thanks, and the VAT?');
    expect((await metrics(id)).waiting_since).toBe(again.createdAt);
    await agentSays(id, 'Fixed too');
    expect(await metrics(id)).toMatchObject({ first_response_at: reply.createdAt, reply_phases: 2, waiting_since: null, first_visitor_message_at: opened.first_visitor_message_at });
  });

  it('counts closes and reopenings; closing ends the wait, and a reopening message starts a new one', async () => {
    const { socket } = await visitor();
    const id = await start(socket);
    await setStatus(id, 'closed');
    const closed = await metrics(id);
    expect(closed).toMatchObject({ status: 'closed', resolved_count: 1, reopened_count: 0, waiting_since: null, first_response_at: null });
    expect(closed.closed_at).toBeTruthy();

    // Closing twice is one close.
    await setStatus(id, 'closed');
    expect(await metrics(id)).toMatchObject({ resolved_count: 1, closed_at: closed.closed_at });

    // The visitor writes again: reopened, waiting since that message.
    const back = await visitorSays(socket, id, 'Still broken');
    expect(await metrics(id)).toMatchObject({ status: 'open', reopened_count: 1, reopened_at: back.createdAt, closed_at: null, waiting_since: back.createdAt });

    // An agent reply now is the first response (nobody had answered before).
    const reply = await agentSays(id);
    expect(await metrics(id)).toMatchObject({ first_response_at: reply.createdAt, reply_phases: 1 });

    await setStatus(id, 'closed');
    // An agent reopening is a reopening too; snoozed ⇄ open is not.
    await setStatus(id, 'open');
    await setStatus(id, 'snoozed');
    await setStatus(id, 'open');
    expect(await metrics(id)).toMatchObject({ resolved_count: 2, reopened_count: 2, status: 'open', closed_at: null });
  });

  it('does not count a team message sent before the visitor said anything as a response', async () => {
    const { boot } = await visitor();
    const contact = await server.domain.contacts.get((await server.domain.workspaces.byAppId('demo')).id, boot.contactId);
    const row = await server.domain.conversations.openByTeam(contact, { clientId: randomUUID(), body: 'How did we do?', author: { type: 'bot', id: null, name: 'Survey' } });
    expect(await metrics(row.id)).toMatchObject({ first_response_at: null, waiting_since: null, reply_phases: 0, first_visitor_message_at: null });
  });
});

describe('business hours, SLA and away message settings', () => {
  it('stores business hours with a canonical zone and every weekday, and an SLA policy', async () => {
    const res = await patchSettings({
      businessHours: { timezone: 'europe/berlin', days: { mon: [['09:00', '12:00'], ['13:00', '17:00']], sat: [['22:00', '02:00']] } },
      slaPolicy: { first_response_minutes: 30, resolution_minutes: 480 },
      awayMessage: '  Back {day} at {time}.  ',
    });
    expect(res.status).toBe(200);
    expect(res.body.businessHours).toEqual({
      timezone: 'Europe/Berlin',
      days: { mon: [['09:00', '12:00'], ['13:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [['22:00', '02:00']], sun: [] },
    });
    expect(res.body.slaPolicy).toEqual({ first_response_minutes: 30, resolution_minutes: 480 });
    expect(res.body.awayMessage).toBe('Back {day} at {time}.');
    expect(res.body.teamServiceLevels).toEqual({});
    expect((await api<WorkspaceSettings>('GET', '/settings')).body).toMatchObject({ businessHours: res.body.businessHours, slaPolicy: res.body.slaPolicy });

    // "" and null go back to the defaults; an empty policy is no policy.
    const cleared = await patchSettings({ businessHours: null, slaPolicy: {}, awayMessage: '' });
    expect(cleared.body).toMatchObject({ businessHours: null, slaPolicy: null, awayMessage: null });
  });

  it('refuses zones Intl does not know, malformed times, empty intervals and unknown keys', async () => {
    const bad = [
      { businessHours: { timezone: 'Mars/Olympus_Mons', days: {} } },
      { businessHours: { timezone: 'UTC', days: { mon: [['9:00', '17:00']] } } },
      { businessHours: { timezone: 'UTC', days: { mon: [['09:00', '24:01']] } } },
      { businessHours: { timezone: 'UTC', days: { mon: [['09:00', '09:00']] } } },
      { businessHours: { timezone: 'UTC', days: { mon: [['24:00', '02:00']] } } },
      { businessHours: { timezone: 'UTC', days: { funday: [] } } },
      { businessHours: { timezone: 'UTC', days: { mon: Array.from({ length: 7 }, () => ['09:00', '10:00']) } } },
      { slaPolicy: { first_response_minutes: 0 } },
      { slaPolicy: { first_response_minutes: 1.5 } },
      { slaPolicy: { reply_minutes: 10 } },
      { awayMessage: 'x'.repeat(501) },
      { teamServiceLevels: { team_x: { slaPolicy: { first_response_minutes: -1 } } } },
    ];
    for (const body of bad) expect((await patchSettings(body)).status, JSON.stringify(body)).toBe(400);
  });

  it("keeps a team's override, refuses teams of nobody, and removes an override with null", async () => {
    const team = await api<Team>('POST', '/teams', { name: 'Night owls' });
    expect(team.status).toBe(201);
    const missing = await patchSettings({ teamServiceLevels: { team_nope: { slaPolicy: { first_response_minutes: 5 } } } });
    expect(missing.status).toBe(404);

    const set = await patchSettings({ teamServiceLevels: { [team.body.id]: { slaPolicy: { first_response_minutes: 5 }, businessHours: ALWAYS_OPEN } } });
    expect(set.status).toBe(200);
    expect(set.body.teamServiceLevels[team.body.id]).toEqual({ slaPolicy: { first_response_minutes: 5 }, businessHours: expect.objectContaining({ timezone: 'UTC' }) });

    const removed = await patchSettings({ teamServiceLevels: { [team.body.id]: null } });
    expect(removed.body.teamServiceLevels).toEqual({});

    // A deleted team's override goes with it.
    await patchSettings({ teamServiceLevels: { [team.body.id]: { slaPolicy: { first_response_minutes: 5 } } } });
    expect((await api('DELETE', `/teams/${team.body.id}`)).status).toBe(204);
    expect((await patchSettings({})).body.teamServiceLevels).toEqual({});
  });
});

describe('away acknowledgement', () => {
  it('outside business hours: an automatic bot message says when the team is back, and is no response', async () => {
    const { hours, opening } = openOnlyInTwoDays();
    expect((await patchSettings({ businessHours: hours })).status).toBe(200);
    const { boot, socket } = await visitor();
    expect(boot.settings.replyTime).toMatchObject({ online: false, nextOpening: opening.toISOString() });

    const clientId = randomUUID();
    const id = await start(socket, 'Anyone there?', clientId);
    const messages = (await api<Page<Message>>('GET', `/conversations/${id}/messages`)).body.data;
    expect(messages).toHaveLength(2);
    const weekday = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' }).format(opening);
    expect(messages[1]).toMatchObject({
      authorType: 'bot',
      authorName: 'Parley Demo',
      automatic: true,
      body: `Thanks for your message! We're away right now and back on ${weekday} at 09:00 AM (UTC).`,
    });
    expect(messages[0].automatic).toBeUndefined();
    expect(await metrics(id)).toMatchObject({ first_response_at: null, reply_phases: 0, waiting_since: messages[0].createdAt });

    // A resent start is the same conversation: no second acknowledgement.
    await start(socket, 'Anyone there?', clientId);
    expect((await api<Page<Message>>('GET', `/conversations/${id}/messages`)).body.data).toHaveLength(2);

    // The real reply is the first response.
    const reply = await agentSays(id);
    expect((await metrics(id)).first_response_at).toBe(reply.createdAt);
  });

  it("speaks the contact's language, or the workspace's own words", async () => {
    const { socket } = await visitor({ locale: 'id-ID' });
    const id = await start(socket);
    const [, ack] = (await api<Page<Message>>('GET', `/conversations/${id}/messages`)).body.data;
    expect(ack.body).toMatch(/^Terima kasih atas pesan Anda! .* pukul 09\.00 \(UTC\)\.$/);

    await patchSettings({ awayMessage: 'Gone fishing until {day}, {time} ({timezone}).' });
    const other = await visitor({ locale: 'en-GB' });
    const id2 = await start(other.socket);
    const [, ack2] = (await api<Page<Message>>('GET', `/conversations/${id2}/messages`)).body.data;
    expect(ack2.body).toMatch(/^Gone fishing until \w+day, 09:00 \(UTC\)\.$/);
  });

  it('inside business hours (or without any): no acknowledgement', async () => {
    await patchSettings({ businessHours: ALWAYS_OPEN, awayMessage: null });
    const { boot, socket } = await visitor();
    expect(boot.settings.replyTime).toMatchObject({ online: true, nextOpening: null });
    const id = await start(socket);
    expect((await api<Page<Message>>('GET', `/conversations/${id}/messages`)).body.data).toHaveLength(1);
    await patchSettings({ businessHours: null });
  });
});

describe('SLA clock on conversations', () => {
  it('shows the running target on each conversation and filters the list by breached / due soon, most urgent first', async () => {
    await patchSettings({ businessHours: null, slaPolicy: { first_response_minutes: 90 } });
    const { boot, socket } = await visitor();
    const [late, soon, fresh, answered] = [await start(socket), await start(socket), await start(socket), await start(socket)];
    const waiting = { [late]: minutesAgo(120), [soon]: minutesAgo(60), [fresh]: minutesAgo(1) };
    for (const [id, since] of Object.entries(waiting)) {
      await db().updateTable('conversations').set({ waiting_since: since, first_visitor_message_at: since }).where('id', '=', id).execute();
    }
    await agentSays(answered);

    const dueOf = (id: string) => new Date(Date.parse(waiting[id]) + 90 * 60_000).toISOString();
    const one = await api<AgentConversation>('GET', `/conversations/${late}`);
    expect(one.body.sla).toEqual({ dueAt: dueOf(late), kind: 'first_response', breached: true });
    expect((await api<AgentConversation>('GET', `/conversations/${fresh}`)).body.sla).toEqual({ dueAt: dueOf(fresh), kind: 'first_response', breached: false });
    // Answered, and no resolution target: no clock.
    expect((await api<AgentConversation>('GET', `/conversations/${answered}`)).body.sla).toEqual({ dueAt: null, kind: null, breached: false });

    const list = async (sla: string, extra = '') =>
      (await api<Page<AgentConversation>>('GET', `/conversations?sla=${sla}&contact_id=${boot.contactId}${extra}`)).body;
    expect((await list('breached')).data.map((c) => c.id)).toEqual([late]);
    expect((await list('due_soon')).data.map((c) => c.id)).toEqual([soon]);
    expect((await list('any')).data.map((c) => c.id)).toEqual([late, soon, fresh]);

    // Paged by (due, id).
    const first = await list('any', '&limit=2');
    expect(first.data.map((c) => c.id)).toEqual([late, soon]);
    expect(first.next_cursor).toBeTruthy();
    const second = await list('any', `&limit=2&cursor=${first.next_cursor}`);
    expect(second).toEqual({ data: [expect.objectContaining({ id: fresh })], next_cursor: null });

    // Closed and snoozed conversations have no running clock.
    await setStatus(late, 'closed');
    await setStatus(soon, 'snoozed');
    expect((await list('any')).data.map((c) => c.id)).toEqual([fresh]);
    expect((await api('GET', '/conversations?sla=overdue')).status).toBe(400);
  });

  it("uses a team's own policy and business hours for the team's conversations", async () => {
    const team = await api<Team>('POST', '/teams', { name: 'Priority support' });
    await patchSettings({ slaPolicy: { first_response_minutes: 90 }, teamServiceLevels: { [team.body.id]: { slaPolicy: { first_response_minutes: 5 } } } });
    const { socket } = await visitor();
    const id = await start(socket);
    const since = minutesAgo(3);
    await db().updateTable('conversations').set({ waiting_since: since, team_id: team.body.id }).where('id', '=', id).execute();
    expect((await api<AgentConversation>('GET', `/conversations/${id}`)).body.sla).toEqual({
      dueAt: new Date(Date.parse(since) + 5 * 60_000).toISOString(),
      kind: 'first_response',
      breached: false,
    });

    // The team's hours never open: no due time can be given.
    const { hours } = openOnlyInTwoDays();
    await patchSettings({ teamServiceLevels: { [team.body.id]: { slaPolicy: { first_response_minutes: 5 }, businessHours: { ...hours, days: {} } } } });
    expect((await api<AgentConversation>('GET', `/conversations/${id}`)).body.sla).toEqual({ dueAt: null, kind: null, breached: false });

    // Closed until the day after tomorrow: the five minutes start then.
    await patchSettings({ teamServiceLevels: { [team.body.id]: { slaPolicy: { first_response_minutes: 5 }, businessHours: hours } } });
    const { opening } = openOnlyInTwoDays();
    expect((await api<AgentConversation>('GET', `/conversations/${id}`)).body.sla).toMatchObject({ dueAt: new Date(opening.getTime() + 5 * 60_000).toISOString(), breached: false });
  });
});
