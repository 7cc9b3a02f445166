/**
 * Delivery against a real receiver, driven by runners with a test clock (the
 * server's own runner is stopped so nothing else attempts): retries after a
 * 500, a connection reset and a timeout; `failed` after the last attempt and
 * the subscription turned off after failing for long enough; redirects not
 * followed; a rotated secret; and two workers on two connections to one
 * database never making one attempt twice.
 */
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyParleySignature } from '../../../examples/webhooks/verify.mjs';
import type { Page, Webhook, WebhookDelivery, WebhookWithSecret } from '../../../protocol/index.js';
import { openStore, type Store } from '../../store/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { postgresUrlForSchema, testStoreKind } from '../../test-support/test-database.js';
import { bootVisitor } from '../../test-support/test-server.js';
import { startWebhookReceiver, type ReceiverAnswer, type WebhookReceiver } from '../../test-support/webhook-receiver.js';
import type { DeliveryRunner, DeliveryRunnerOptions } from './delivery-runner.js';
import { DeliveryOutbox } from './outbox.js';

const t = useAdminTestServer({ WEBHOOK_ALLOW_PRIVATE: '1' });
let receiver: WebhookReceiver;
/** The test clock: moved by hand, an hour ahead of real time. */
let clock = new Date(Date.now() + 3_600_000);
const MINUTE = 60_000;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  await t.server.domain.webhooks.runner.stop();
});
afterAll(() => receiver.close());
afterEach(async () => {
  for (const hook of (await t.api<Page<Webhook>>('GET', '/webhooks')).body.data) await t.api('DELETE', `/webhooks/${hook.id}`);
  receiver.received.length = 0;
  receiver.secrets = [];
});

function runner(options: Partial<DeliveryRunnerOptions> = {}, store?: Store): DeliveryRunner {
  return t.server.domain.webhooks.createRunner({ now: () => clock, retryDelay: (failed) => failed * MINUTE, maxAttempts: 3, timeoutMs: 300, ...options }, store?.db);
}

/** A subscription to contact.created, and `count` new visitors: one delivery each, pending. */
async function subscribeAndBoot(path: string, count = 1): Promise<{ hook: WebhookWithSecret; deliveries: WebhookDelivery[] }> {
  const hook = (await t.api<WebhookWithSecret>('POST', '/webhooks', { url: `${receiver.url}${path}`, events: ['contact.created'] })).body;
  receiver.secrets = [hook.secret];
  for (let i = 0; i < count; i += 1) await bootVisitor(t.server.url);
  const deliveries = await vi.waitFor(
    async () => {
      const page = (await t.api<Page<WebhookDelivery>>('GET', `/webhooks/${hook.id}/deliveries?limit=100`)).body.data;
      if (page.length < count) throw new Error('not in the outbox yet');
      return page;
    },
    { timeout: 10_000, interval: 20 },
  );
  return { hook, deliveries };
}

async function delivery(hook: { id: string }, id: string): Promise<WebhookDelivery> {
  const page = (await t.api<Page<WebhookDelivery>>('GET', `/webhooks/${hook.id}/deliveries?limit=100`)).body.data;
  const found = page.find((d) => d.id === id);
  if (!found) throw new Error(`no delivery ${id}`);
  return found;
}

const answers = (...plan: ReceiverAnswer[]) => {
  receiver.plan = () => plan.shift() ?? { status: 204 };
};

describe('webhook delivery', () => {
  it('tries again after a 500 and a connection reset, and the third attempt gets through; a rotated secret signs it', async () => {
    const { hook, deliveries } = await subscribeAndBoot('/flaky');
    answers({ status: 500 }, 'reset', { status: 200 });
    const worker = runner();

    expect(await worker.runDue()).toBe(1);
    expect(await delivery(hook, deliveries[0].id)).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500, last_error: 'HTTP 500' });
    // Not due again before its backoff (1 minute after the first failure).
    expect(await worker.runDue()).toBe(0);

    clock = new Date(clock.getTime() + MINUTE);
    expect(await worker.runDue()).toBe(1);
    const second = await delivery(hook, deliveries[0].id);
    expect(second).toMatchObject({ status: 'pending', attempts: 2, last_status_code: null, last_error: 'connection reset' });
    expect(second.next_attempt_at).toBe(new Date(clock.getTime() + 2 * MINUTE).toISOString());

    const rotated = (await t.api<WebhookWithSecret>('POST', `/webhooks/${hook.id}/rotate-secret`)).body;
    receiver.secrets = [rotated.secret];
    clock = new Date(clock.getTime() + 2 * MINUTE);
    expect(await worker.runDue()).toBe(1);
    const done = await delivery(hook, deliveries[0].id);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 3, last_status_code: 200, last_error: null, next_attempt_at: null });
    expect(done.history.map((a) => [a.status_code, a.error])).toEqual([
      [500, 'HTTP 500'],
      [null, 'connection reset'],
      [200, null],
    ]);

    const got = receiver.received;
    expect(got.map((r) => r.headers['parley-delivery-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(got.map((r) => r.event.id))).toEqual(new Set([done.event_id]));
    // Every attempt sends the same bytes; only the signature's time changes.
    expect(new Set(got.map((r) => r.body)).size).toBe(1);
    expect(got[2].verified).toBe(true);
    expect(verifyParleySignature(got[2].body, got[2].headers['parley-signature'], hook.secret)).toBe(false);
    expect(await worker.runDue()).toBe(0);
  });

  it('cuts an attempt off at the timeout and tries again', async () => {
    const { hook, deliveries } = await subscribeAndBoot('/slow');
    answers('hang', { status: 204 });
    const worker = runner({ timeoutMs: 200 });
    await worker.runDue();
    expect(await delivery(hook, deliveries[0].id)).toMatchObject({ status: 'pending', attempts: 1, last_status_code: null, last_error: 'timed out after 200 ms' });
    clock = new Date(clock.getTime() + MINUTE);
    await worker.runDue();
    expect(await delivery(hook, deliveries[0].id)).toMatchObject({ status: 'succeeded', attempts: 2, last_status_code: 204 });
  });

  it('marks a delivery failed after the last attempt, and turns off a subscription failing for long enough', async () => {
    const { hook, deliveries } = await subscribeAndBoot('/down');
    receiver.plan = () => ({ status: 503 });
    const worker = runner({ autoDisableAfterMs: 2 * MINUTE });
    const started = clock.getTime();
    for (const wait of [0, MINUTE, 2 * MINUTE]) {
      clock = new Date(clock.getTime() + wait);
      expect(await worker.runDue()).toBe(1);
    }
    const failed = await delivery(hook, deliveries[0].id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, last_status_code: 503, next_attempt_at: null });
    expect(failed.history.map((a) => a.status_code)).toEqual([503, 503, 503]);
    clock = new Date(clock.getTime() + 60 * MINUTE);
    expect(await worker.runDue()).toBe(0);
    expect(receiver.received).toHaveLength(3);

    // Failing since the first attempt, 3 minutes before the last: over the 2-minute limit here (5 days by default).
    const off = (await t.api<Webhook>('GET', `/webhooks/${hook.id}`)).body;
    expect(off).toMatchObject({ enabled: false, disabled_reason: 'failing', failing_since: new Date(started).toISOString() });
    const on = (await t.api<Webhook>('PATCH', `/webhooks/${hook.id}`, { enabled: true })).body;
    expect(on).toMatchObject({ enabled: true, disabled_reason: null, failing_since: null });
  });

  it('does not follow redirects: a 3xx is a failed attempt, and the Location gets no request', async () => {
    const { hook, deliveries } = await subscribeAndBoot('/moved');
    receiver.plan = () => ({ status: 302, location: `${receiver.url}/elsewhere` });
    await runner().runDue();
    expect(await delivery(hook, deliveries[0].id)).toMatchObject({ status: 'pending', last_status_code: 302, last_error: 'redirect (302) not followed' });
    expect(receiver.received.map((r) => r.path)).toEqual(['/moved']);
  });

  it('the lease: of claims of one due row from two connections at once, one wins; a lease run out can be taken over', async () => {
    const { deliveries } = await subscribeAndBoot('/lease');
    const second = await sameDatabase();
    try {
      const mine = t.server.domain.webhooks.outbox;
      const theirs = new DeliveryOutbox(second.db);
      const id = deliveries[0].id;
      const tokens = await Promise.all([mine.claim(id, clock, MINUTE), theirs.claim(id, clock, MINUTE), mine.claim(id, clock, MINUTE), theirs.claim(id, clock, MINUTE)]);
      expect(tokens.filter((token) => token !== null)).toHaveLength(1);
      expect(await theirs.claim(id, new Date(clock.getTime() + MINUTE - 1), MINUTE)).toBeNull();
      // The holder died: once its lease is over, another node takes the row.
      const later = new Date(clock.getTime() + MINUTE + 1);
      expect(await theirs.claim(id, later, MINUTE)).toEqual(expect.any(String));
      expect(await mine.claim(id, later, MINUTE)).toBeNull();
    } finally {
      await second.close();
    }
  });

  it('two workers on two connections to the same database never make one attempt twice', async () => {
    const count = 12;
    const { hook, deliveries } = await subscribeAndBoot('/busy', count);
    const second = await sameDatabase();
    try {
      const a = runner({ batch: 20 });
      const b = runner({ batch: 20 }, second);
      // First attempts fail (500), the retries succeed.
      const seen = new Set<string>();
      receiver.plan = (request) => {
        const first = !seen.has(request.event.id);
        seen.add(request.event.id);
        return first ? { status: 500 } : { status: 200 };
      };
      const round = async () => (await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()])).reduce((x, y) => x + y, 0);
      expect(await round()).toBe(count);
      clock = new Date(clock.getTime() + MINUTE);
      expect(await round()).toBe(count);
      clock = new Date(clock.getTime() + 10 * MINUTE);
      expect(await round()).toBe(0);

      const pairs = receiver.received.map((r) => `${r.event.id}#${r.headers['parley-delivery-attempt']}`);
      expect(pairs).toHaveLength(2 * count);
      expect(new Set(pairs).size).toBe(2 * count);
      const log = (await t.api<Page<WebhookDelivery>>('GET', `/webhooks/${hook.id}/deliveries?limit=100`)).body.data;
      expect(log.map((d) => [d.status, d.attempts])).toEqual(deliveries.map(() => ['succeeded', 2]));
      expect(receiver.received.every((r) => r.verified)).toBe(true);
    } finally {
      await second.close();
    }
  });
});

/** Another connection (pool) to the test server's database, as a second node would have. */
async function sameDatabase(): Promise<Store> {
  if (testStoreKind() === 'sqlite') return openStore(`sqlite:${join(t.server.dir, 'parley.db')}`);
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(t.server.domain.db);
  return openStore(postgresUrlForSchema(rows[0].schema));
}
