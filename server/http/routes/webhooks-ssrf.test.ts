/**
 * The SSRF guard on a server with the default setting (no
 * WEBHOOK_ALLOW_PRIVATE): private targets are refused when saved, with a
 * clear 400, and again at delivery — a subscription saved while its host was
 * public and now pointing at a private address gets no request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Webhook, WebhookDelivery } from '../../../protocol/index.js';
import { newWebhookSecret } from '../../domain/index.js';
import { newId, nowIso } from '../../domain/ids.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../test-support/webhook-receiver.js';

const t = useAdminTestServer();
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

type ErrorBody = { error: { code: string; message: string } };

describe('webhook targets without WEBHOOK_ALLOW_PRIVATE', () => {
  it.each([
    ['http://127.0.0.1:8080/hook', /^url: 127\.0\.0\.1, a loopback address/],
    ['http://10.1.2.3/hook', /^url: 10\.1\.2\.3, a private address/],
    ['http://169.254.169.254/latest/meta-data/', /^url: 169\.254\.169\.254, a link-local address/],
    ['http://[::1]:3000/hook', /^url: ::1, a loopback address/],
    ['http://localhost:3000/hook', /^url: localhost resolves to (127\.0\.0\.1|::1), a loopback address/],
    ['http://[::ffff:10.0.0.1]/hook', /^url: ::ffff:a00:1, an IPv4-mapped address/],
    ['http://100.64.0.1/hook', /carrier-grade NAT/],
  ])('refuses %s when it is saved', async (url, message) => {
    const res = await t.api<ErrorBody>('POST', '/webhooks', { url, events: ['message.created'] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.message).toMatch(/WEBHOOK_ALLOW_PRIVATE=1/);
  });

  it('refuses a change of URL to a private address', async () => {
    // A subscription saved earlier (as if its host had been public then), written directly.
    const id = await insertWebhook('https://hooks.example.com/in');
    const res = await t.api<ErrorBody>('PATCH', `/webhooks/${id}`, { url: 'http://192.168.0.10/in' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^url: 192\.168\.0\.10, a private address/);
    expect((await t.api<Webhook>('GET', `/webhooks/${id}`)).body.url).toBe('https://hooks.example.com/in');
  });

  it('checks again at delivery: a target that is private now gets no request, and the attempt says why', async () => {
    const id = await insertWebhook(`${receiver.url}/rebound`);
    const res = await t.api<WebhookDelivery>('POST', `/webhooks/${id}/test`);
    expect(res.body).toMatchObject({ status: 'pending', attempts: 1, last_status_code: null });
    expect(res.body.last_error).toMatch(/^refused: 127\.0\.0\.1, a loopback address/);
    expect(receiver.received).toEqual([]);
  });
});

async function insertWebhook(url: string): Promise<string> {
  const ws = await t.server.domain.workspaces.byAppId('demo');
  const id = newId('wh');
  const now = nowIso();
  await t.server.domain.db
    .insertInto('webhooks')
    .values({ id, workspace_id: ws.id, url, events: '["message.created"]', description: null, enabled: 1, secret: newWebhookSecret(), failing_since: null, disabled_reason: null, created_at: now, updated_at: now })
    .execute();
  return id;
}
