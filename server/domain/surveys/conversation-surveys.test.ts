/**
 * A survey sent inside a conversation, through the real server: the agent's
 * REST call, the message carrying it on both sides, loading and answering it
 * on the visitor's socket (resumable), the answers coming back into the
 * thread, results counting it, and what an attacker or a resend gets.
 */
import { describe, expect, it } from 'vitest';
import type { Message, Page, Survey, SurveyResults, EligibleMessage } from '../../../protocol/index.js';
import { contentVisitor, nextEvent } from '../../test-support/test-server.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';

const env = useAdminTestServer();
const { sockets } = env;


const { api } = env;

const QUESTIONS = [
  { id: 'csat', type: 'csat', text: 'How did we do?', logic: [{ if: { op: 'lte', value: 3 }, goto: 'why' }, { if: { op: 'gte', value: 4 }, goto: 'end' }] },
  { id: 'why', type: 'text', text: 'What went wrong?' },
];

async function conversationWith(userId: string) {
  const v = await contentVisitor(env.server.url, { id: userId, name: 'Rana Ade' });
  sockets.push(v.socket);
  const started = await v.socket.emitWithAck('conversation:start', { clientId: `${userId}-conversation`, body: 'My export failed' });
  if (!started.ok) throw new Error(started.error.message);
  return { ...v, conversationId: started.data.conversation.id };
}

async function survey(status: 'draft' | 'live' = 'draft'): Promise<Survey> {
  const res = await api<Survey>('POST', '/surveys', { name: 'Support CSAT', questions: QUESTIONS, status, follow_up: [{ question: 'csat', if: { op: 'lte', value: 2 }, open_conversation: { body: 'I am sorry. Let me fix this now.' } }] });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

describe('a survey sent in a conversation', () => {
  it('reaches the visitor as a message carrying it, is answered in the thread, and its answers come back into the thread', async () => {
    const s = await survey();
    const v = await conversationWith('conv-survey-1');
    const arrived = nextEvent<Message>(v.socket, 'message:new', 5_000, (m) => m.survey !== undefined);
    const sent = await api<Message>('POST', `/conversations/${v.conversationId}/messages`, { surveyId: s.id, body: 'Could you rate this chat?', clientId: 'send-survey-0001' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ body: 'Could you rate this chat?', authorType: 'agent', survey: { id: s.id, deliveryId: expect.stringMatching(/^dlv_/) } });
    expect((await arrived).survey).toEqual(sent.body.survey);

    // A resend of the same client id is the same message, not a second survey.
    const again = await api<Message>('POST', `/conversations/${v.conversationId}/messages`, { surveyId: s.id, clientId: 'send-survey-0001' });
    expect(again.status).toBe(200);
    expect(again.body.survey).toEqual(sent.body.survey);

    // The draft survey is never shown on the page; it lives in the thread only.
    expect((await v.list()).messages.some((m) => m.id === s.id)).toBe(false);

    const deliveryId = sent.body.survey?.deliveryId as string;
    const loaded = await v.socket.emitWithAck('survey:load', { deliveryId });
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.data.message).toMatchObject({ id: s.id, deliveryId, format: 'survey', survey: { questions: QUESTIONS, answers: {} } });

    // Partial answers survive a reload: the next load carries them.
    expect(await v.socket.emitWithAck('survey:answer', { deliveryId, answers: { csat: 2 }, completed: false })).toMatchObject({ ok: true, data: { completed: false } });
    const resumed = await v.socket.emitWithAck('survey:load', { deliveryId });
    expect(resumed.ok && (resumed.data.message as EligibleMessage).survey?.answers).toEqual({ csat: 2 });

    expect(await v.socket.emitWithAck('survey:answer', { deliveryId, answers: { csat: 2, why: 'It took *two* days' }, completed: true })).toMatchObject({ ok: true, data: { completed: true } });
    await env.server.reactions.settled();
    const thread = await api<Page<Message>>('GET', `/conversations/${v.conversationId}/messages`);
    const bodies = thread.body.data.map((m) => [m.authorType, m.body]);
    expect(bodies).toEqual([
      ['visitor', 'My export failed'],
      ['agent', 'Could you rate this chat?'],
      ['visitor', '**How did we do?**  \n2\n\n**What went wrong?**  \nIt took \\*two\\* days'],
      // The follow-up for a low score is written in this conversation, not a new one.
      ['bot', 'I am sorry. Let me fix this now.'],
    ]);

    const results = await api<SurveyResults>('GET', `/surveys/${s.id}/results`);
    expect(results.body).toMatchObject({ responses: 1, csat: 0, shown: 1, response_rate: 1 });
  });

  it('keeps a closed conversation closed when the answers arrive, and does not show the survey again after it is answered', async () => {
    const s = await survey('live');
    const v = await conversationWith('conv-survey-2');
    const sent = await api<Message>('POST', `/conversations/${v.conversationId}/messages`, { surveyId: s.id });
    expect(sent.status).toBe(201);
    expect(sent.body.body).toBe('');
    expect((await api('PATCH', `/conversations/${v.conversationId}`, { status: 'closed' })).status).toBe(200);
    const deliveryId = sent.body.survey?.deliveryId as string;
    expect(await v.socket.emitWithAck('survey:answer', { deliveryId, answers: { csat: 5 }, completed: true })).toMatchObject({ ok: true });
    const conversation = await api<{ status: string; lastMessage: Message }>('GET', `/conversations/${v.conversationId}`);
    expect(conversation.body).toMatchObject({ status: 'closed', lastMessage: { authorType: 'visitor', body: '**How did we do?**  \n5' } });
    // A live survey with no audience would show on the page to everyone; this contact answered it in the thread already.
    const loaded = await v.socket.emitWithAck('survey:load', { deliveryId });
    expect(loaded.ok && loaded.data.message.survey?.answers).toEqual({ csat: 5 });
  });

  it('refuses what is not a survey of this workspace, attachments beside a survey, and another visitor’s delivery', async () => {
    const s = await survey();
    const v = await conversationWith('conv-survey-3');
    const message = await api<{ id: string }>('POST', '/messages', { name: 'Not a survey', format: 'post', body: 'Hi', trigger: { on: 'immediate' }, status: 'draft' });
    expect((await api('POST', `/conversations/${v.conversationId}/messages`, { surveyId: message.body.id })).status).toBe(404);
    expect((await api('POST', `/conversations/${v.conversationId}/messages`, { surveyId: 'srv_nope' })).status).toBe(404);
    expect((await api('POST', `/conversations/${v.conversationId}/messages`, { surveyId: s.id, attachmentIds: ['att_x'] })).status).toBe(400);
    expect((await api('POST', `/conversations/${v.conversationId}/messages`, {})).status).toBe(400);

    const sent = await api<Message>('POST', `/conversations/${v.conversationId}/messages`, { surveyId: s.id });
    const deliveryId = sent.body.survey?.deliveryId as string;
    const stranger = await contentVisitor(env.server.url, { id: 'conv-survey-stranger' });
    sockets.push(stranger.socket);
    expect(await stranger.socket.emitWithAck('survey:load', { deliveryId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await stranger.socket.emitWithAck('survey:answer', { deliveryId, answers: { csat: 1 }, completed: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await v.socket.emitWithAck('survey:load', { deliveryId: 'x'.repeat(65) })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });
});
