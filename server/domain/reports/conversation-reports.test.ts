/**
 * `GET /api/v1/reports/conversations` (and `.csv`) on a known week of
 * conversations. Each conversation goes through the real flow (visitor
 * messages, agent replies, closes, reopenings), so its reply phases and
 * reopen counts are the server's own; then its times, rating, assignee and
 * team are set in the test database, and every number of the report is
 * checked against values worked out by hand below.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationReport, ConversationStats, Team } from '../../../protocol/index.js';
import { adminFetch, bootVisitor, connectVisitor, loginAgent, startTestServer, type TestServer, type VisitorSocket } from '../../test-support/test-server.js';

let server: TestServer;
let session: { cookie: string; csrf: string; agentId: string };
let socket: VisitorSocket;
let beaId: string;
let teamId: string;
const ids: Record<string, string> = {};

const api = <T>(method: string, path: string, body?: unknown) => adminFetch<T>(server.url, session, method, path, body);

type Step = 'agent' | 'visitor' | 'close';

/**
 * The week of Monday 24 March 2025 (UTC). Durations: c1 first response 120 s,
 * resolved in 1 800 s; c2 600 s / 86 400 s, two reply phases; c3 60 s /
 * 3 600 s, reopened once; c4 1 800 s, open; c5 unanswered; c6 opened the week
 * before, closed in it (338 400 s); c7 opened late Sunday (Monday in Berlin);
 * c8 after the range.
 */
const FIXTURE: Record<string, {
  steps: Step[];
  created: string;
  firstResponse?: string;
  closed?: string;
  rating?: number;
  ratedAt?: string;
  assignee?: 'admin' | 'bea';
  team?: boolean;
}> = {
  c1: { steps: ['agent', 'close'], created: '2025-03-24T09:00:00.000Z', firstResponse: '2025-03-24T09:02:00.000Z', closed: '2025-03-24T09:30:00.000Z', rating: 5, ratedAt: '2025-03-24T09:40:00.000Z', assignee: 'admin', team: true },
  c2: { steps: ['agent', 'visitor', 'agent', 'close'], created: '2025-03-24T10:00:00.000Z', firstResponse: '2025-03-24T10:10:00.000Z', closed: '2025-03-25T10:00:00.000Z', rating: 2, ratedAt: '2025-03-25T11:00:00.000Z', assignee: 'bea', team: true },
  c3: { steps: ['agent', 'close', 'visitor', 'close'], created: '2025-03-26T23:30:00.000Z', firstResponse: '2025-03-26T23:31:00.000Z', closed: '2025-03-27T00:30:00.000Z', rating: 4, ratedAt: '2025-03-27T01:00:00.000Z', assignee: 'admin' },
  c4: { steps: ['agent'], created: '2025-03-28T15:00:00.000Z', firstResponse: '2025-03-28T15:30:00.000Z', assignee: 'bea' },
  c5: { steps: [], created: '2025-03-29T12:00:00.000Z' },
  c6: { steps: ['agent', 'close'], created: '2025-03-20T10:00:00.000Z', firstResponse: '2025-03-20T10:05:00.000Z', closed: '2025-03-24T08:00:00.000Z', rating: 3, ratedAt: '2025-03-24T08:30:00.000Z', assignee: 'admin' },
  c7: { steps: [], created: '2025-03-30T22:00:00.000Z' },
  c8: { steps: ['agent', 'close'], created: '2025-03-31T05:00:00.000Z', firstResponse: '2025-03-31T05:01:00.000Z', closed: '2025-03-31T06:00:00.000Z', assignee: 'bea', team: true },
};

const RANGE = 'from=2025-03-24T00:00:00Z&to=2025-03-31T00:00:00Z';

beforeAll(async () => {
  server = await startTestServer();
  session = await loginAgent(server.url);
  const ws = await server.domain.workspaces.byAppId('demo');
  beaId = (await server.domain.agents.create({ workspaceId: ws.id, email: 'bea@test.local', name: 'Bea', role: 'agent', password: 'bea password 123' })).id;
  teamId = (await api<Team>('POST', '/teams', { name: 'Support' })).body.id;
  const boot = await bootVisitor(server.url);
  socket = await connectVisitor(server.url, boot.token);

  for (const [key, spec] of Object.entries(FIXTURE)) {
    const started = await socket.emitWithAck('conversation:start', { clientId: randomUUID(), body: `${key}: help` });
    if (!started.ok) throw new Error(started.error.message);
    const id = started.data.conversation.id;
    ids[key] = id;
    for (const step of spec.steps) {
      if (step === 'agent') await api('POST', `/conversations/${id}/messages`, { body: 'On it' });
      if (step === 'close') await api('PATCH', `/conversations/${id}`, { status: 'closed' });
      if (step === 'visitor') await socket.emitWithAck('message:send', { conversationId: id, clientId: randomUUID(), body: 'Again' });
    }
    await server.domain.db
      .updateTable('conversations')
      .set({
        created_at: spec.created,
        first_visitor_message_at: spec.created,
        first_response_at: spec.firstResponse ?? null,
        closed_at: spec.closed ?? null,
        rating: spec.rating ?? null,
        rated_at: spec.ratedAt ?? null,
        assignee_id: spec.assignee === 'admin' ? session.agentId : spec.assignee === 'bea' ? beaId : null,
        team_id: spec.team ? teamId : null,
      })
      .where('id', '=', id)
      .execute();
  }

  // Tags (when the tags tables exist): one that would run as a spreadsheet formula.
  const now = new Date().toISOString();
  await server.domain.db
    .insertInto('tags')
    .values([
      { id: 'tag_billing', workspace_id: ws.id, name: 'billing', name_key: 'billing', color: null, created_at: now },
      { id: 'tag_formula', workspace_id: ws.id, name: '=SUM(A1)', name_key: '=sum(a1)', color: null, created_at: now },
    ])
    .execute();
  await server.domain.db
    .insertInto('conversation_tags')
    .values(['tag_billing', 'tag_formula'].map((tag_id) => ({ conversation_id: ids.c1, tag_id, workspace_id: ws.id, created_at: now })))
    .execute();
});
afterAll(async () => {
  socket.close();
  await server.stop();
});

function grid(cells: [weekday: number, hour: number][]): number[][] {
  const g = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const [d, h] of cells) g[d][h] += 1;
  return g;
}

const ADMIN_STATS: ConversationStats = {
  opened: 2,
  closed: 3,
  first_response: { median_s: 90, p90_s: 114, samples: 2 },
  resolution: { median_s: 3600, samples: 3 },
  first_contact_resolution_rate: 0.6667,
  csat: { ratings: 3, score: 66.7 },
};
const BEA_STATS: ConversationStats = {
  opened: 2,
  closed: 1,
  first_response: { median_s: 1200, p90_s: 1680, samples: 2 },
  resolution: { median_s: 86400, samples: 1 },
  first_contact_resolution_rate: 0,
  csat: { ratings: 1, score: 0 },
};
const SUPPORT_STATS: ConversationStats = {
  opened: 2,
  closed: 2,
  first_response: { median_s: 360, p90_s: 552, samples: 2 },
  resolution: { median_s: 44100, samples: 2 },
  first_contact_resolution_rate: 0.5,
  csat: { ratings: 2, score: 50 },
};

describe('the metrics the flow recorded', () => {
  it('counted reply phases and reopenings as they happened', async () => {
    const rows = await server.domain.db.selectFrom('conversations').select(['id', 'reply_phases', 'reopened_count', 'resolved_count']).where('id', 'in', Object.values(ids)).execute();
    const byKey = (key: string) => rows.find((r) => r.id === ids[key]);
    expect(byKey('c1')).toMatchObject({ reply_phases: 1, reopened_count: 0, resolved_count: 1 });
    expect(byKey('c2')).toMatchObject({ reply_phases: 2, reopened_count: 0, resolved_count: 1 });
    expect(byKey('c3')).toMatchObject({ reply_phases: 1, reopened_count: 1, resolved_count: 2 });
    expect(byKey('c5')).toMatchObject({ reply_phases: 0, reopened_count: 0, resolved_count: 0 });
  });
});

describe('GET /api/v1/reports/conversations', () => {
  it('reports the week in UTC, every number', async () => {
    const res = await api<ConversationReport>('GET', `/reports/conversations?${RANGE}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: '2025-03-24T00:00:00.000Z',
      to: '2025-03-31T00:00:00.000Z',
      tz: 'UTC',
      opened: 6,
      closed: 4,
      // [60, 120, 600, 1800]
      first_response: { median_s: 360, p90_s: 1440, samples: 4 },
      // [1800, 3600, 86400, 338400]
      resolution: { median_s: 45000, samples: 4 },
      // c1 and c6 of c1, c2, c3, c6
      first_contact_resolution_rate: 0.5,
      csat: { ratings: 4, score: 50 },
      by_day: [
        { day: '2025-03-24', opened: 2, closed: 2 },
        { day: '2025-03-25', opened: 0, closed: 1 },
        { day: '2025-03-26', opened: 1, closed: 0 },
        { day: '2025-03-27', opened: 0, closed: 1 },
        { day: '2025-03-28', opened: 1, closed: 0 },
        { day: '2025-03-29', opened: 1, closed: 0 },
        { day: '2025-03-30', opened: 1, closed: 0 },
      ],
      busiest_hours: grid([[0, 9], [0, 10], [2, 23], [4, 15], [5, 12], [6, 22]]),
      per_agent: [
        { agent_id: session.agentId, name: 'Admin', ...ADMIN_STATS },
        { agent_id: beaId, name: 'Bea', ...BEA_STATS },
      ],
      per_team: [{ team_id: teamId, name: 'Support', ...SUPPORT_STATS }],
      answer_bot: { answered: 0, resolved: 0, deflection_rate: null },
    });
  });

  it('puts days and hours in the requested time zone', async () => {
    const res = await api<ConversationReport>('GET', `/reports/conversations?${RANGE}&tz=Europe/Berlin`);
    expect(res.status).toBe(200);
    expect(res.body.tz).toBe('Europe/Berlin');
    // The same instants: the totals do not move.
    expect(res.body).toMatchObject({ opened: 6, closed: 4 });
    expect(res.body.by_day).toEqual([
      { day: '2025-03-24', opened: 2, closed: 2 },
      { day: '2025-03-25', opened: 0, closed: 1 },
      { day: '2025-03-26', opened: 0, closed: 0 },
      { day: '2025-03-27', opened: 1, closed: 1 },
      { day: '2025-03-28', opened: 1, closed: 0 },
      { day: '2025-03-29', opened: 1, closed: 0 },
      { day: '2025-03-30', opened: 0, closed: 0 },
      { day: '2025-03-31', opened: 1, closed: 0 },
    ]);
    // CET until 30 March 01:00Z, CEST after: c7 (22:00Z on the 30th) is Monday 00:00.
    expect(res.body.busiest_hours).toEqual(grid([[0, 10], [0, 11], [3, 0], [4, 16], [5, 13], [0, 0]]));
  });

  it('filters by agent and by team', async () => {
    const bea = (await api<ConversationReport>('GET', `/reports/conversations?${RANGE}&agent_id=${beaId}`)).body;
    expect(bea).toMatchObject(BEA_STATS);
    expect(bea.per_agent).toEqual([{ agent_id: beaId, name: 'Bea', ...BEA_STATS }]);
    expect(bea.per_team).toEqual([expect.objectContaining({ team_id: teamId, opened: 1, closed: 1 })]);

    const support = (await api<ConversationReport>('GET', `/reports/conversations?${RANGE}&team_id=${teamId}`)).body;
    expect(support).toMatchObject(SUPPORT_STATS);
    expect(support.per_team).toEqual([{ team_id: teamId, name: 'Support', ...SUPPORT_STATS }]);

    const nobody = (await api<ConversationReport>('GET', `/reports/conversations?${RANGE}&agent_id=agt_nobody`)).body;
    expect(nobody).toMatchObject({
      opened: 0,
      closed: 0,
      first_response: { median_s: null, p90_s: null, samples: 0 },
      resolution: { median_s: null, samples: 0 },
      first_contact_resolution_rate: null,
      csat: { ratings: 0, score: null },
      per_agent: [],
      per_team: [],
    });
    expect(nobody.by_day).toHaveLength(7);
  });

  it('defaults to the last 30 days and refuses bad ranges and zones', async () => {
    const res = await api<ConversationReport>('GET', '/reports/conversations');
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.to) - Date.parse(res.body.from)).toBe(30 * 86_400_000);
    expect(res.body.by_day.length).toBeGreaterThanOrEqual(30);
    for (const query of ['from=2025-03-31T00:00:00Z&to=2025-03-24T00:00:00Z', 'from=2020-01-01T00:00:00Z&to=2025-01-01T00:00:00Z', `${RANGE}&tz=Mars/Base`, 'from=yesterday']) {
      expect((await api('GET', `/reports/conversations?${query}`)).status, query).toBe(400);
    }
  });

  it('leaves GET /reports/csat as it was', async () => {
    const res = await api<{ ratings: number; csat: number; distribution: Record<string, number> }>('GET', `/reports/csat?${RANGE}`);
    expect(res.body).toMatchObject({ ratings: 4, csat: 50, distribution: { 1: 0, 2: 1, 3: 1, 4: 1, 5: 1 } });
  });
});

describe('GET /api/v1/reports/conversations.csv', () => {
  it('has one row per conversation opened in the range, oldest first', async () => {
    const res = await fetch(`${server.url}/api/v1/reports/conversations.csv?${RANGE}`, { headers: { Cookie: session.cookie, Origin: server.url } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?conversations\.csv"?$/);
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '"id","opened_at","closed_at","status","team_id","team","assignee_id","assignee","first_response_s","resolution_s","rating","reopened_count","tags"',
    );
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c7'].map((k) => `"${ids[k]}"`));
    expect(lines[1]).toBe(
      `"${ids.c1}","2025-03-24T09:00:00.000Z","2025-03-24T09:30:00.000Z","closed","${teamId}","Support","${session.agentId}","Admin","120","1800","5","0","'=SUM(A1); billing"`,
    );
    expect(lines[3]).toBe(`"${ids.c3}","2025-03-26T23:30:00.000Z","2025-03-27T00:30:00.000Z","closed","","","${session.agentId}","Admin","60","3600","4","1",""`);
    expect(lines[5]).toBe(`"${ids.c5}","2025-03-29T12:00:00.000Z","","open","","","","","","","","0",""`);
  });

  it('takes the same filters', async () => {
    const res = await fetch(`${server.url}/api/v1/reports/conversations.csv?${RANGE}&agent_id=${beaId}`, { headers: { Cookie: session.cookie, Origin: server.url } });
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([`"${ids.c2}"`, `"${ids.c4}"`]);
  });
});
