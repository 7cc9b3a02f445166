/**
 * Webhooks over REST against the real server and a real receiver on
 * 127.0.0.1 (allowed here by WEBHOOK_ALLOW_PRIVATE=1): CRUD, validation, who
 * may use it, the secret shown only by create and rotate-secret, "send test"
 * and the delivery log with retry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Webhook, WebhookDelivery, WebhookWithSecret } from '../../../protocol/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { addAgent, otherWorkspace } from '../../test-support/inbox-fixtures.js';
import { adminFetch } from '../../test-support/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../test-support/webhook-receiver.js';

const t = useAdminTestServer({ WEBHOOK_ALLOW_PRIVATE: '1' });
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

type ErrorBody = { error: { code: string; message: string } };
const secretsSeen: string[] = [];
/** Every answer is checked for secrets at the end; create and rotate are read through `withSecret`. */
const answers: string[] = [];
async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await t.api<T>(method, path, body);
  answers.push(JSON.stringify(res.body));
  return res;
}
async function withSecret(method: string, path: string, body?: unknown): Promise<{ status: number; body: WebhookWithSecret }> {
  const res = await t.api<WebhookWithSecret>(method, path, body);
  if (res.body?.secret) secretsSeen.push(res.body.secret);
  return res;
}

describe('webhooks REST', () => {
  it('creates (showing the secret once), reads, lists, updates and deletes a subscription', async () => {
    const created = await withSecret('POST', '/webhooks', { url: `${receiver.url}/hooks`, events: ['message.created', 'conversation.created', 'message.created'], description: ' CRM sync ' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^wh_/),
      url: `${receiver.url}/hooks`,
      events: ['message.created', 'conversation.created'],
      description: 'CRM sync',
      enabled: true,
      disabled_reason: null,
      failing_since: null,
      secret: expect.stringMatching(/^whsec_/),
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const { secret, ...shown } = created.body;
    const id = shown.id;
    expect((await api<Webhook>('GET', `/webhooks/${id}`)).body).toEqual(shown);
    expect((await api<Page<Webhook>>('GET', '/webhooks')).body).toEqual({ data: [shown], next_cursor: null });

    const patched = await api<Webhook>('PATCH', `/webhooks/${id}`, { enabled: false, events: ['contact.created'], description: '' });
    expect(patched.body).toMatchObject({ id, enabled: false, events: ['contact.created'], description: null });
    expect(patched.body).not.toHaveProperty('secret');

    const rotated = await withSecret('POST', `/webhooks/${id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(secret);

    expect((await api('DELETE', `/webhooks/${id}`)).status).toBe(204);
    expect((await api('GET', `/webhooks/${id}`)).status).toBe(404);
    expect((await api('DELETE', `/webhooks/${id}`)).status).toBe(404);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const bad = async (body: unknown) => {
      const res = await api<ErrorBody>('POST', '/webhooks', body);
      expect(res.status).toBe(400);
      return res.body.error.message;
    };
    expect(await bad({ url: 'ftp://example.com/x', events: ['message.created'] })).toMatch(/^url: must be an http/);
    expect(await bad({ url: 'javascript:alert(1)', events: ['message.created'] })).toMatch(/^url:/);
    expect(await bad({ url: 'https://user:pw@example.com/', events: ['message.created'] })).toMatch(/^url: must not contain a user name or password/);
    expect(await bad({ url: `${receiver.url}/x`, events: [] })).toMatch(/^events: choose at least one event/);
    expect(await bad({ url: `${receiver.url}/x`, events: ['message.deleted'] })).toMatch(/^events\.0:/);
    expect(await bad({ url: `${receiver.url}/x`, events: ['ping'] })).toMatch(/^events\.0:/);
    expect(await bad({ url: `${receiver.url}/x`, events: ['message.created'], secret: 'mine' })).toMatch(/secret/);
    expect(await bad({ url: 'https://nowhere.invalid/hook', events: ['message.created'] })).toMatch(/^url: the host nowhere\.invalid could not be resolved/);
  });

  it('is for admins only (reads too), and another workspace’s subscription answers 404', async () => {
    const created = await withSecret('POST', '/webhooks', { url: `${receiver.url}/a`, events: ['contact.created'] });
    const agent = await addAgent(t.server, { name: 'Plain Agent', email: 'plain-webhooks@example.com' });
    for (const [method, path] of [
      ['GET', '/webhooks'],
      ['GET', `/webhooks/${created.body.id}`],
      ['POST', '/webhooks'],
      ['GET', `/webhooks/${created.body.id}/deliveries`],
    ] as const) {
      const res = await adminFetch<ErrorBody>(t.server.url, agent, method, path, method === 'POST' ? { url: `${receiver.url}/b`, events: ['contact.created'] } : undefined);
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({ code: 'forbidden', message: 'only admins can manage webhooks' });
    }
    const other = await otherWorkspace(t.server);
    const theirs = await adminFetch<ErrorBody>(t.server.url, other.session, 'GET', `/webhooks/${created.body.id}`);
    expect(theirs.status).toBe(404);
    expect((await adminFetch(t.server.url, other.session, 'POST', `/webhooks/${created.body.id}/test`)).status).toBe(404);
    expect((await adminFetch<Page<Webhook>>(t.server.url, other.session, 'GET', '/webhooks')).body.data).toEqual([]);
    await api('DELETE', `/webhooks/${created.body.id}`);
  });

  it('sends a signed test ping at once, logs it, and retries a delivery on request', async () => {
    const created = await withSecret('POST', '/webhooks', { url: `${receiver.url}/ping`, events: ['contact.updated'], enabled: false });
    receiver.secrets = [created.body.secret];
    const pingAnswers = [{ status: 204 }, { status: 503 }];
    receiver.plan = (req) => (req.path === '/ping' ? (pingAnswers.shift() ?? { status: 204 }) : { status: 204 });

    // Disabled, and still the test goes out: it checks the endpoint before the subscription is turned on.
    const test = await api<WebhookDelivery>('POST', `/webhooks/${created.body.id}/test`);
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ event_type: 'ping', status: 'succeeded', attempts: 1, last_status_code: 204, last_error: null, next_attempt_at: null });
    expect(test.body.history).toEqual([{ at: expect.any(String), status_code: 204, error: null, response_ms: expect.any(Number) }]);
    const got = receiver.received.filter((r) => r.path === '/ping');
    expect(got).toHaveLength(1);
    expect(got[0].verified).toBe(true);
    expect(got[0].event).toEqual({ id: test.body.event_id, type: 'ping', created_at: expect.any(String), workspace_id: expect.any(String), data: { webhook_id: created.body.id, text: expect.any(String) } });
    expect(got[0].headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Parley-Webhooks/1',
      'parley-event-id': test.body.event_id,
      'parley-event-type': 'ping',
      'parley-delivery-attempt': '1',
      'parley-signature': expect.stringMatching(/^t=\d+,v1=[0-9a-f]{64}$/),
    });

    const retried = await api<WebhookDelivery>('POST', `/webhooks/${created.body.id}/deliveries/${test.body.id}/retry`);
    expect(retried.body).toMatchObject({ id: test.body.id, attempts: 2, last_status_code: 503, last_error: 'HTTP 503', status: 'pending' });
    expect(retried.body.history.map((a) => a.status_code)).toEqual([204, 503]);

    const log = await api<Page<WebhookDelivery>>('GET', `/webhooks/${created.body.id}/deliveries`);
    expect(log.body.data.map((d) => [d.id, d.attempts])).toEqual([[test.body.id, 2]]);
    expect(log.body.next_cursor).toBeNull();
    expect((await api('POST', `/webhooks/${created.body.id}/deliveries/whd_nope/retry`)).status).toBe(404);
    await api('DELETE', `/webhooks/${created.body.id}`);
  });

  it('pages the delivery log newest first', async () => {
    const created = await withSecret('POST', '/webhooks', { url: `${receiver.url}/paged`, events: ['contact.created'] });
    receiver.plan = () => ({ status: 200 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await api<WebhookDelivery>('POST', `/webhooks/${created.body.id}/test`)).body.id);
    const first = await api<Page<WebhookDelivery>>('GET', `/webhooks/${created.body.id}/deliveries?limit=2`);
    expect(first.body.data.map((d) => d.id)).toEqual([ids[2], ids[1]]);
    const second = await api<Page<WebhookDelivery>>('GET', `/webhooks/${created.body.id}/deliveries?limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body).toMatchObject({ data: [{ id: ids[0] }], next_cursor: null });
    expect((await api<Page<WebhookDelivery>>('GET', `/webhooks/${created.body.id}/deliveries?status=failed`)).body.data).toEqual([]);
    expect((await api<ErrorBody>('GET', `/webhooks/${created.body.id}/deliveries?cursor=garbage`)).status).toBe(400);
  });

  it('never shows a secret in any answer but create and rotate-secret', () => {
    expect(secretsSeen.length).toBeGreaterThan(3);
    for (const secret of secretsSeen) for (const answer of answers) expect(answer).not.toContain(secret);
  });
});
