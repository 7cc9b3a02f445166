/**
 * Surveys through the real server: the REST API, the widget's socket (list,
 * claim, partial and final answers, startSurvey), follow-ups, recontact and
 * sampling, CSAT after close, and results with their CSV export.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, ContactProfile, Survey, SurveyResults } from '../../../protocol/index.js';
import { inSample } from '../content/in-app.js';
import { adminFetch, contentVisitor } from '../../test-support/test-server.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';

const env = useAdminTestServer();
const { sockets } = env;

beforeAll(async () => {
  // Most tests survey one contact several times; the recontact rule has its own test.
  await adminFetch(env.server.url, env.session, 'PATCH', '/settings', { surveyRecontactDays: 0 });
});

const { api } = env;

const NPS_QUESTIONS = [
  { id: 'nps', type: 'nps', text: 'How likely are you to recommend us?', logic: [{ if: { op: 'lte', value: 6 }, goto: 'better' }, { if: { op: 'gte', value: 9 }, goto: 'review' }] },
  { id: 'passive', type: 'text', text: 'What would make it a 10?', required: false, logic: [{ if: { op: 'answered' }, goto: 'end' }] },
  { id: 'better', type: 'text', text: 'What could we do better?', logic: [{ if: { op: 'answered' }, goto: 'end' }] },
  { id: 'review', type: 'single', text: 'Would you leave a review?', options: ['Yes', 'No'] },
];

async function createSurvey(input: Record<string, unknown> = {}): Promise<Survey> {
  const res = await api<Survey>('POST', '/surveys', { name: 'NPS', questions: NPS_QUESTIONS, status: 'live', ...input });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

async function visitor(userId?: string, traits: Record<string, string> = {}) {
  const v = await contentVisitor(env.server.url, userId ? { id: userId, traits } : undefined);
  sockets.push(v.socket);
  return v;
}

describe('surveys REST', () => {
  it('creates a survey returned whole, and refuses malformed ones', async () => {
    const survey = await createSurvey({ name: 'Shape', status: 'draft' });
    expect(survey).toMatchObject({ id: expect.stringMatching(/^srv_/), name: 'Shape', display: 'card', sample_pct: 100, trigger: { on: 'immediate' }, status: 'draft' });
    expect((await api<Survey>('GET', `/surveys/${survey.id}`)).body).toEqual(survey);
    // A survey is not a message, and the other way round.
    expect((await api('GET', `/messages/${survey.id}`)).status).toBe(404);
    const bad = [
      { questions: [{ id: 'a', type: 'single', text: 'Pick one', options: ['only'] }] },
      { questions: [{ id: 'a', type: 'text', text: 'A' }, { id: 'b', type: 'text', text: 'B', logic: [{ if: { op: 'answered' }, goto: 'a' }] }] },
      { questions: [{ id: 'a', type: 'text', text: 'A' }, { id: 'a', type: 'text', text: 'again' }] },
      { questions: [] },
      { follow_up: [{ question: 'nope', if: { op: 'answered' }, set_traits: { x: 1 } }] },
    ];
    for (const input of bad) expect((await api('POST', '/surveys', { name: 'Bad', questions: NPS_QUESTIONS, ...input })).status).toBe(400);
  });
});

describe('answering', () => {
  it('saves partial answers (resumable), completes once, follows up on a detractor and scores it', async () => {
    const survey = await createSurvey({
      name: 'Detractor follow-up',
      follow_up: [{ question: 'nps', if: { op: 'lte', value: 6 }, open_conversation: { body: 'Sorry to hear that. What went wrong?', assignee_id: env.session.agentId }, set_traits: { needs_love: true }, add_tags: ['detractor', 'follow up'] }],
    });
    const v = await visitor('nps-detractor-1', { plan: 'pro' });
    const listed = (await v.list()).messages.find((m) => m.id === survey.id);
    expect(listed).toMatchObject({ format: 'survey', survey: { display: 'card', answers: {} } });
    expect(listed?.survey?.questions.map((q) => q.id)).toEqual(['nps', 'passive', 'better', 'review']);

    const deliveryId = await v.claim(survey.id);
    expect(await v.socket.emitWithAck('survey:answer', { deliveryId, answers: { nps: 11 }, completed: false })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await v.socket.emitWithAck('survey:answer', { deliveryId, answers: { nps: 3 }, completed: false })).toEqual({ ok: true, data: { completed: false } });
    // A reload: the half-answered survey comes back with its answers.
    expect((await v.list()).messages.find((m) => m.id === survey.id)?.survey?.answers).toEqual({ nps: 3 });
    const partial = await api<SurveyResults>('GET', `/surveys/${survey.id}/results`);
    expect(partial.body).toMatchObject({ responses: 0, partial: 1 });

    expect(await v.socket.emitWithAck('survey:answer', { deliveryId, answers: { better: 'Exports are slow' }, completed: true })).toEqual({ ok: true, data: { completed: true } });
    await env.server.reactions.settled();
    expect((await v.list()).messages.map((m) => m.id)).not.toContain(survey.id);

    const contact = await api<ContactProfile>('GET', `/contacts/${v.boot.contactId}`);
    expect(contact.body.traits).toMatchObject({ nps_last: 3, nps_category: 'detractor', needs_love: true });
    expect(contact.body.tags).toEqual(['detractor', 'follow up']);
    const convs = await api<{ data: AgentConversation[] }>('GET', `/conversations?contact_id=${v.boot.contactId}`);
    expect(convs.body.data).toHaveLength(1);
    expect(convs.body.data[0]).toMatchObject({ assigneeId: env.session.agentId, lastMessage: { authorType: 'agent', body: 'Sorry to hear that. What went wrong?' } });

    const results = await api<SurveyResults>('GET', `/surveys/${survey.id}/results`);
    expect(results.body).toMatchObject({ responses: 1, partial: 0, nps: { score: -100, detractors: 1, total: 1 }, shown: 1 }); // answering implies it was shown
    const better = results.body.questions.find((q) => q.id === 'better');
    expect(better?.texts.map((t) => t.answer)).toEqual(['Exports are slow']);
    expect(results.body.questions.find((q) => q.id === 'nps')?.distribution['3']).toBe(1);
  });

  it('scores promoters and passives, breaks down by trait and exports CSV safely', async () => {
    const survey = await createSurvey({ name: 'Breakdown' });
    const answers: Array<[string, string, Record<string, string | number>]> = [
      ['nps-p1', 'pro', { nps: 10, review: 'Yes' }],
      ['nps-p2', 'free', { nps: 8, passive: '=HYPERLINK("http://evil")' }],
      ['nps-p3', 'pro', { nps: 9, review: 'No' }],
    ];
    for (const [id, plan, given] of answers) {
      const v = await visitor(id, { plan });
      const deliveryId = await v.claim(survey.id);
      await v.socket.emitWithAck('content:outcome', { deliveryId, outcome: 'shown' });
      await v.socket.emitWithAck('survey:answer', { deliveryId, answers: given, completed: true });
    }
    const results = await api<SurveyResults>('GET', `/surveys/${survey.id}/results?by=trait:plan`);
    expect(results.body).toMatchObject({ responses: 3, shown: 3, response_rate: 1, nps: { score: 67, promoters: 2, passives: 1 } });
    expect(results.body.breakdown).toEqual([
      expect.objectContaining({ group: 'free', responses: 1, nps: expect.objectContaining({ score: 0 }) }),
      expect.objectContaining({ group: 'pro', responses: 2, nps: expect.objectContaining({ score: 100 }) }),
    ]);
    expect(results.body.trend).toHaveLength(1);
    const csv = await fetch(`${env.server.url}/api/v1/surveys/${survey.id}/results.csv`, { headers: { Cookie: env.session.cookie } });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('"contact_id","user_id","email","completed_at","How likely are you to recommend us?","What would make it a 10?","What could we do better?","Would you leave a review?"');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    // The export follows the results page's date range: nothing answered before 2000, everything after it.
    const csvIn = (query: string) => fetch(`${env.server.url}/api/v1/surveys/${survey.id}/results.csv?${query}`, { headers: { Cookie: env.session.cookie } });
    expect((await (await csvIn('to=2000-01-01T00:00:00Z')).text()).trim().split('\r\n')).toHaveLength(1);
    expect((await (await csvIn('from=2000-01-01T00:00:00Z')).text()).trim().split('\r\n')).toHaveLength(text.trim().split('\r\n').length);
    expect((await csvIn('from=yesterday')).status).toBe(400);
  });

  it('startSurvey shows a live survey whatever its audience; a draft answers 404', async () => {
    const hidden = await createSurvey({ name: 'Only by API', audience: { attr: 'plan', op: 'eq', value: 'nobody' } });
    const draft = await createSurvey({ name: 'Draft', status: 'draft' });
    const v = await visitor();
    expect((await v.list()).messages.map((m) => m.id)).not.toContain(hidden.id);
    const started = await v.socket.emitWithAck('survey:start', { surveyId: hidden.id });
    expect(started).toMatchObject({ ok: true, data: { message: { id: hidden.id, format: 'survey', deliveryId: expect.stringMatching(/^dlv_/) } } });
    expect(await v.socket.emitWithAck('survey:start', { surveyId: draft.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('who is surveyed', () => {
  it('surveys a contact at most once every N days across surveys', async () => {
    const first = await createSurvey({ name: 'First' });
    const second = await createSurvey({ name: 'Second' });
    await api('PATCH', '/settings', { surveyRecontactDays: 30 });
    try {
      const v = await visitor();
      const before = (await v.list()).messages.map((m) => m.id);
      expect(before).toEqual(expect.arrayContaining([first.id, second.id]));
      await v.claim(first.id);
      const after = (await v.list()).messages.map((m) => m.id);
      expect(after).toContain(first.id); // still open: it may be answered
      expect(after).not.toContain(second.id);
      expect(await v.socket.emitWithAck('content:claim', { messageId: second.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    } finally {
      await api('PATCH', '/settings', { surveyRecontactDays: 0 });
    }
  });

  it('samples the same contacts every time, and about the share asked for', async () => {
    const ids = Array.from({ length: 400 }, (_, i) => `ct_${i}`);
    const inHalf = ids.filter((id) => inSample(id, 'srv_x', 50)).length;
    expect(inHalf).toBeGreaterThan(160);
    expect(inHalf).toBeLessThan(240);
    expect(ids.every((id) => inSample(id, 'srv_x', 50) === inSample(id, 'srv_x', 50))).toBe(true);
    expect(ids.filter((id) => inSample(id, 'srv_x', 100))).toHaveLength(400);

    const sampled = await createSurvey({ name: 'Half', sample_pct: 50 });
    let listed = 0;
    for (let i = 0; i < 12; i++) if ((await (await visitor()).list()).messages.some((m) => m.id === sampled.id)) listed += 1;
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThan(12);
  });
});

describe('CSAT after close', () => {
  it('opens a detractor’s follow-up in the queue of the team the survey names', async () => {
    const team = await api<{ id: string }>('POST', '/teams', { name: 'Customer success', member_ids: [env.session.agentId] });
    expect(team.status).toBe(201);
    const survey = await createSurvey({
      name: 'Team follow-up',
      follow_up: [{ question: 'nps', if: { op: 'lte', value: 6 }, open_conversation: { body: 'Could we call you about it?', team_id: team.body.id } }],
    });
    const v = await visitor('nps-team-follow-up');
    const deliveryId = await v.claim(survey.id);
    await v.socket.emitWithAck('survey:answer', { deliveryId, answers: { nps: 2, better: 'Too slow' }, completed: true });
    await env.server.reactions.settled();
    const list = await api<{ data: AgentConversation[] }>('GET', `/conversations?team_id=${team.body.id}`);
    expect(list.body.data.map((c) => [c.lastMessage?.body, c.teamId, c.teamName])).toContainEqual(['Could we call you about it?', team.body.id, 'Customer success']);
  });

  it('lets the visitor rate a closed conversation; the rating lands on it', async () => {
    const v = await visitor();
    const started = await v.socket.emitWithAck('conversation:start', { clientId: 'rate-me-00001', body: 'Help!' });
    if (!started.ok) throw new Error(started.error.message);
    const id = started.data.conversation.id;
    expect(await v.socket.emitWithAck('conversation:rate', { conversationId: id, rating: 5 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await api('PATCH', `/conversations/${id}`, { status: 'closed' })).status).toBe(200);
    const rated = await v.socket.emitWithAck('conversation:rate', { conversationId: id, rating: 4, comment: 'Quick, thanks' });
    expect(rated).toMatchObject({ ok: true, data: { conversation: { id, rating: 4 } } });
    const agentView = await api<AgentConversation>('GET', `/conversations/${id}`);
    expect(agentView.body).toMatchObject({ rating: 4, ratingComment: 'Quick, thanks' });
    expect(await v.socket.emitWithAck('conversation:rate', { conversationId: id, rating: 9 })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const other = await visitor();
    expect(await other.socket.emitWithAck('conversation:rate', { conversationId: id, rating: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const csat = await api<{ ratings: number; csat: number | null }>('GET', '/reports/csat');
    expect(csat.body).toMatchObject({ ratings: 1, csat: 100 });
  });
});
