/**
 * Runs delivery attempts: finds due outbox rows, claims each (the lease
 * compare-and-set), checks the target again (DNS may have changed since the
 * save), signs, POSTs, and writes the outcome back — 2xx succeeds, anything
 * else is tried again after the backoff until `maxAttempts`, then `failed`.
 * A subscription whose attempts have all failed for `autoDisableAfterMs` is
 * turned off (disabled_reason `failing`).
 *
 * The clock, the backoff, the attempt limit, the timeout and the DNS lookup
 * are options, so tests drive it in milliseconds: `runDue()` once per step,
 * with a clock they move themselves. Signatures use the wall clock (what a
 * receiver checks its tolerance window against).
 *
 * @example const runner = new DeliveryRunner(db, outbox, { allowPrivate: false }); await runner.runDue()
 */
import { setMaxListeners } from 'node:events';
import type { Kysely } from 'kysely';
import { WEBHOOK_HEADERS, WEBHOOK_USER_AGENT } from '../../../protocol/index.js';
import type { Database, WebhookDeliveryRow, WebhookRow } from '../../store/index.js';
import { type LookupAll, resolveTarget, TargetRefused } from './address-guard.js';
import { exponentialBackoff, MAX_ATTEMPTS, type RetryDelay } from './backoff.js';
import { postOnce, type PostResult } from './http-sender.js';
import type { DeliveryOutbox } from './outbox.js';
import { signatureHeader } from './signature.js';

export const ATTEMPT_TIMEOUT_MS = 10_000;
export const AUTO_DISABLE_AFTER_MS = 5 * 24 * 60 * 60 * 1000;
const RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface DeliveryRunnerOptions {
  /** WEBHOOK_ALLOW_PRIVATE: private, loopback and link-local targets allowed. */
  allowPrivate: boolean;
  lookup?: LookupAll;
  /** The scheduling clock (due times, leases, the log's times). */
  now?: () => Date;
  /** Unix ms for the signature's `t`. */
  wallClock?: () => number;
  retryDelay?: RetryDelay;
  maxAttempts?: number;
  timeoutMs?: number;
  /** How long a claimed row stays this runner's; over twice the timeout (lookup, then request), so it never runs out mid-attempt. */
  leaseMs?: number;
  autoDisableAfterMs?: number;
  /** Rows claimed per scan (attempted in parallel). */
  batch?: number;
}

export class DeliveryRunner {
  readonly batch: number;
  private readonly now: () => Date;
  private readonly running = new Set<Promise<unknown>>();
  private readonly aborter = new AbortController();
  private stopped = false;
  private prunedAt = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly outbox: DeliveryOutbox,
    private readonly options: DeliveryRunnerOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.batch = options.batch ?? 10;
    // Each attempt in flight listens for the stop (a batch runs in parallel).
    setMaxListeners(0, this.aborter.signal);
  }

  /** One scan: claims and attempts the due rows; answers how many attempts ran. */
  async runDue(): Promise<number> {
    if (this.stopped) return 0;
    const now = this.now();
    await this.pruneNow(now);
    const ids = await this.outbox.due(now, this.batch);
    const ran = await Promise.all(ids.map((id) => this.claimAndAttempt(id, false)));
    return ran.filter(Boolean).length;
  }

  /** An attempt right away (a manual retry, the test ping), whatever the schedule and even while disabled. */
  async attemptNow(id: string): Promise<WebhookDeliveryRow | undefined> {
    await this.outbox.makeDue(id, this.now());
    await this.claimAndAttempt(id, true);
    return this.outbox.byId(id);
  }

  /** No new attempts; the ones in flight are cut off and their rows released for another node. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.aborter.abort();
    await Promise.allSettled([...this.running]);
  }

  private claimAndAttempt(id: string, evenIfDisabled: boolean): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    const work = (async () => {
      const token = await this.outbox.claim(id, this.now(), this.options.leaseMs ?? (this.options.timeoutMs ?? ATTEMPT_TIMEOUT_MS) + 50_000);
      return token ? this.attempt(id, token, evenIfDisabled) : false;
    })();
    this.running.add(work);
    return work.finally(() => this.running.delete(work));
  }

  private async attempt(id: string, token: string, evenIfDisabled: boolean): Promise<boolean> {
    const row = await this.outbox.byId(id);
    const hook = row ? await this.db.selectFrom('webhooks').selectAll().where('id', '=', row.webhook_id).executeTakeFirst() : undefined;
    if (!row || !hook || (!evenIfDisabled && Number(hook.enabled) !== 1)) {
      await this.outbox.release(id, token);
      return false;
    }
    const started = this.now();
    const number = Number(row.attempts) + 1;
    const result = await this.send(hook, row, number);
    if (this.stopped && result.error === 'aborted') {
      await this.outbox.release(id, token);
      return false;
    }
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const status = ok ? 'succeeded' : number >= (this.options.maxAttempts ?? MAX_ATTEMPTS) ? 'failed' : 'pending';
    const retryDelay = this.options.retryDelay ?? defaultBackoff;
    await this.outbox.complete(row, token, {
      attempt: { at: started.toISOString(), status_code: result.statusCode, error: result.error, response_ms: result.responseMs },
      status,
      nextAttemptAt: status === 'pending' ? new Date(started.getTime() + retryDelay(number)).toISOString() : null,
    });
    await this.noteHealth(hook, ok, status === 'failed', started);
    return true;
  }

  private async send(hook: WebhookRow, row: WebhookDeliveryRow, attempt: number): Promise<PostResult> {
    const timeoutMs = this.options.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
    let target;
    try {
      // The lookup has its own limit: getaddrinfo can take far longer than an attempt may.
      target = await withinTime(resolveTarget(new URL(hook.url), { allowPrivate: this.options.allowPrivate, lookup: this.options.lookup }), timeoutMs);
    } catch (err) {
      return { statusCode: null, error: err instanceof TargetRefused ? `refused: ${err.message}` : 'invalid target', responseMs: 0 };
    }
    const t = Math.floor((this.options.wallClock ?? Date.now)() / 1000);
    const headers = {
      'Content-Type': 'application/json',
      'User-Agent': WEBHOOK_USER_AGENT,
      [WEBHOOK_HEADERS.signature]: signatureHeader(hook.secret, row.payload, t),
      [WEBHOOK_HEADERS.eventId]: row.event_id,
      [WEBHOOK_HEADERS.eventType]: row.event_type,
      [WEBHOOK_HEADERS.attempt]: String(attempt),
    };
    return postOnce(target, row.payload, headers, { timeoutMs, signal: this.aborter.signal });
  }

  /** A success ends a failing streak; a final failure after days of them turns the subscription off. */
  private async noteHealth(hook: WebhookRow, ok: boolean, finalFailure: boolean, at: Date): Promise<void> {
    const iso = at.toISOString();
    if (ok) {
      if (hook.failing_since) await this.db.updateTable('webhooks').set({ failing_since: null }).where('id', '=', hook.id).execute();
      return;
    }
    await this.db.updateTable('webhooks').set({ failing_since: iso }).where('id', '=', hook.id).where('failing_since', 'is', null).execute();
    if (!finalFailure) return;
    const limit = new Date(at.getTime() - (this.options.autoDisableAfterMs ?? AUTO_DISABLE_AFTER_MS)).toISOString();
    await this.db
      .updateTable('webhooks')
      .set({ enabled: 0, disabled_reason: 'failing', updated_at: iso })
      .where('id', '=', hook.id)
      .where('enabled', '=', 1)
      .where('failing_since', '<=', limit)
      .execute();
  }

  private async pruneNow(now: Date): Promise<void> {
    if (now.getTime() - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now.getTime();
    await this.outbox.prune(new Date(now.getTime() - RETENTION_MS));
  }
}

const defaultBackoff = exponentialBackoff();

/** `work`, or a TargetRefused once `ms` have passed. */
function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TargetRefused(`the host name did not resolve within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
