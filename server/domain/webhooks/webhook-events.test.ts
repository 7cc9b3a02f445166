/**
 * Webhooks end to end, with the server's own delivery worker (real clock) and
 * a real receiver on 127.0.0.1 (WEBHOOK_ALLOW_PRIVATE=1): a visitor's
 * conversation, an agent's reply, status, assignment and tag changes, notes
 * (never sent), contacts, a survey response and a completed tour each arrive
 * as a signed event whose `data` is the REST API's object.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AgentConversation, ContactProfile, Message, Page, SurveyResponseData, TourCompletedData, WebhookDelivery, WebhookEventType, WebhookWithSecret } from '../../../protocol/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { startConversation } from '../../test-support/inbox-fixtures.js';
import { bootVisitor, contentVisitor } from '../../test-support/test-server.js';
import { computeUserHash } from '../identity/index.js';
import { IDENTITY_SECRET } from '../../test-support/test-server.js';
import { startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from '../../test-support/webhook-receiver.js';

const t = useAdminTestServer({ WEBHOOK_ALLOW_PRIVATE: '1' });
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

async function subscribe(path: string, events: WebhookEventType[]): Promise<WebhookWithSecret> {
  const res = await t.api<WebhookWithSecret>('POST', '/webhooks', { url: `${receiver.url}${path}`, events });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  receiver.secrets.push(res.body.secret);
  return res.body;
}

/**
 * Waits until the receiver got an event matching `where` on `path`. The worker
 * scans every 2 s; unless `workerAlone`, the wait also runs the server's own
 * runner (a scan like the worker's, the lease keeping each attempt single) so
 * the file does not wait out the interval at every step.
 */
async function arrived<D = unknown>(path: string, type: string, where: (r: ReceivedRequest) => boolean = () => true, workerAlone = false): Promise<ReceivedRequest & { data: D }> {
  const found = await vi.waitFor(
    async () => {
      const hit = receiver.received.find((r) => r.path === path && r.event.type === type && where(r));
      if (!hit && !workerAlone) await t.server.domain.webhooks.runner.runDue();
      if (!hit) throw new Error(`no ${type} at ${path} yet`);
      return hit;
    },
    { timeout: 15_000, interval: 50 },
  );
  return { ...found, data: found.event.data as D };
}

const of = (path: string) => receiver.received.filter((r) => r.path === path);

describe('webhook events', () => {
  it('reports the first change of a conversation that started before any subscription wanted conversation changes', async () => {
    // First in the file: no subscription yet, so no state of this conversation was kept while it started.
    const { conversationId, socket } = await startConversation(t.server, 'An old one');
    t.sockets.push(socket);
    expect(await t.server.domain.db.selectFrom('webhook_conversation_states').select('conversation_id').execute()).toEqual([]);
    await subscribe('/late', ['conversation.closed']);
    await t.api('PATCH', `/conversations/${conversationId}`, { status: 'closed' });
    expect((await arrived<AgentConversation>('/late', 'conversation.closed')).data.id).toBe(conversationId);
  });

  it('a visitor’s conversation: conversation.created and message.created, signed; then replies, changes and closing, never notes', async () => {
    const hook = await subscribe('/inbox', ['conversation.created', 'conversation.updated', 'conversation.closed', 'message.created']);
    const { conversationId, contactId, socket } = await startConversation(t.server, 'Hello, is anyone there?');
    t.sockets.push(socket);

    // The first one is left to the worker started with the server.
    const created = await arrived<AgentConversation>('/inbox', 'conversation.created', () => true, true);
    const first = await arrived<Message>('/inbox', 'message.created', (r) => (r.event.data as Message).conversationId === conversationId);
    for (const request of [created, first]) {
      expect(request.verified).toBe(true);
      expect(request.headers['parley-event-id']).toBe(request.event.id);
      expect(request.headers['parley-event-type']).toBe(request.event.type);
      expect(request.headers['user-agent']).toBe('Parley-Webhooks/1');
    }
    expect(created.event).toMatchObject({ id: expect.stringMatching(/^evt_/), created_at: expect.any(String), workspace_id: expect.stringMatching(/^ws_/) });
    // The REST API's conversation, as GET /conversations/:id answers it (its SLA clock aside: it moves with time).
    const rest = (await t.api<AgentConversation>('GET', `/conversations/${conversationId}`)).body;
    expect({ ...created.data, sla: null }).toEqual({ ...rest, sla: null });
    expect(created.data.contact.id).toBe(contactId);
    expect(first.data).toMatchObject({ conversationId, authorType: 'visitor', body: 'Hello, is anyone there?', seq: 1 });
    // Nothing changed yet that conversation.updated reports (a message is not a change of the conversation).
    expect(of('/inbox').filter((r) => r.event.type === 'conversation.updated')).toEqual([]);

    await t.api('POST', `/conversations/${conversationId}/notes`, { body: 'Internal: VIP customer' });
    await t.api('POST', `/conversations/${conversationId}/messages`, { body: 'Hi! How can I help?' });
    const reply = await arrived<Message>('/inbox', 'message.created', (r) => (r.event.data as Message).authorType === 'agent');
    expect(reply.data).toMatchObject({ conversationId, body: 'Hi! How can I help?', authorId: t.session.agentId });

    await t.api('POST', `/conversations/${conversationId}/assign`, { assigneeId: t.session.agentId });
    const assigned = await arrived<AgentConversation>('/inbox', 'conversation.updated', (r) => r.event.changes?.assignee_id !== undefined);
    expect(assigned.event.changes).toEqual({ assignee_id: { from: null, to: t.session.agentId } });
    expect(assigned.data.assigneeId).toBe(t.session.agentId);

    await t.api('PUT', `/conversations/${conversationId}/tags`, { tags: ['billing'] });
    const tagged = await arrived('/inbox', 'conversation.updated', (r) => r.event.changes?.tags !== undefined);
    expect(tagged.event.changes).toEqual({ tags: { from: [], to: ['billing'] } });

    await t.api('PATCH', `/conversations/${conversationId}`, { status: 'closed', priority: 'high' });
    const closed = await arrived<AgentConversation>('/inbox', 'conversation.closed');
    expect(closed.data).toMatchObject({ id: conversationId, status: 'closed', priority: 'high' });
    const updated = await arrived('/inbox', 'conversation.updated', (r) => r.event.changes?.status !== undefined);
    expect(updated.event.changes).toEqual({ status: { from: 'open', to: 'closed' }, priority: { from: 'normal', to: 'high' } });

    // The note never went out: no delivery of any kind carries it.
    expect(of('/inbox').some((r) => r.body.includes('VIP customer'))).toBe(false);
    const log = await t.api<Page<WebhookDelivery>>('GET', `/webhooks/${hook.id}/deliveries?limit=100`);
    expect(log.body.data.every((d) => d.status === 'succeeded' && d.attempts === 1)).toBe(true);
    expect(log.body.data.map((d) => d.event_type).sort()).toEqual(
      ['conversation.closed', 'conversation.created', 'conversation.updated', 'conversation.updated', 'conversation.updated', 'message.created', 'message.created'],
    );
    // Each event once, with its own id.
    expect(new Set(of('/inbox').map((r) => r.event.id)).size).toBe(of('/inbox').length);
    expect(JSON.stringify(log.body)).not.toContain(hook.secret);
  });

  it('contacts: contact.created for a new visitor and a newly identified user, contact.updated with the traits', async () => {
    await subscribe('/contacts', ['contact.created', 'contact.updated']);
    const anonymous = await bootVisitor(t.server.url);
    const fresh = await arrived<ContactProfile>('/contacts', 'contact.created', (r) => (r.event.data as ContactProfile).id === anonymous.contactId);
    expect(fresh.data).toMatchObject({ id: anonymous.contactId, identified: false });

    const user = { id: 'webhook-user-1', name: 'Wanda Hook', email: 'wanda@example.com', userHash: computeUserHash(IDENTITY_SECRET, 'webhook-user-1') };
    const known = await bootVisitor(t.server.url, { user });
    const created = await arrived<ContactProfile>('/contacts', 'contact.created', (r) => (r.event.data as ContactProfile).externalId === 'webhook-user-1');
    expect(created.data).toMatchObject({ id: known.contactId, identified: true, email: 'wanda@example.com', name: 'Wanda Hook' });
    const updated = await arrived<ContactProfile>('/contacts', 'contact.updated', (r) => (r.event.data as ContactProfile).id === known.contactId);
    expect({ ...updated.data, lastSeenAt: null }).toEqual({ ...(await t.api<ContactProfile>('GET', `/contacts/${known.contactId}`)).body, lastSeenAt: null });
  });

  it('survey.response with the answers, and tour.completed', async () => {
    await t.api('PATCH', '/settings', { surveyRecontactDays: 0 });
    await subscribe('/content', ['survey.response', 'tour.completed']);
    const survey = (await t.api<{ id: string }>('POST', '/surveys', { name: 'NPS', status: 'live', questions: [{ id: 'nps', type: 'nps', text: 'Recommend us?' }] })).body;
    const tour = (await t.api<{ id: string }>('POST', '/tours', { name: 'Welcome tour', status: 'live', steps: [{ id: 'hi', kind: 'post', body: 'Welcome!' }] })).body;
    const v = await contentVisitor(t.server.url, { id: 'webhook-content-user' });
    t.sockets.push(v.socket);

    const surveyDelivery = await v.claim(survey.id);
    expect(await v.socket.emitWithAck('survey:answer', { deliveryId: surveyDelivery, answers: { nps: 9 }, completed: true })).toMatchObject({ ok: true });
    const response = await arrived<SurveyResponseData>('/content', 'survey.response');
    expect(response.data).toEqual({
      id: expect.stringMatching(/^rsp_/),
      survey_id: survey.id,
      survey_name: 'NPS',
      contact_id: v.boot.contactId,
      answers: { nps: 9 },
      conversation_id: null,
      completed_at: expect.any(String),
    });

    const tourDelivery = await v.claim(tour.id);
    expect(await v.socket.emitWithAck('tour:progress', { deliveryId: tourDelivery, type: 'ended', step: 0, reason: 'completed' })).toMatchObject({ ok: true });
    const completed = await arrived<TourCompletedData>('/content', 'tour.completed');
    expect(completed.data).toEqual({ tour_id: tour.id, tour_name: 'Welcome tour', contact_id: v.boot.contactId, delivery_id: tourDelivery, completed_at: expect.any(String) });
    expect(completed.verified).toBe(true);
  });
});
