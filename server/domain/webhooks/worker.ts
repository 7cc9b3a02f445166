/**
 * The delivery worker: scans the outbox every `intervalMs` on this node (every
 * node runs one; the outbox's lease compare-and-set keeps each attempt to a
 * single node). A scan never overlaps the previous one, and a full batch is
 * followed by another scan at once so a backlog drains without waiting.
 *
 * @example const stop = startWebhookWorker({ runner: domain.webhooks.runner, onError: log }); … await stop()
 */
import type { DeliveryRunner } from './delivery-runner.js';

export const WEBHOOK_SCAN_MS = 2_000;

export interface WebhookWorkerOptions {
  runner: DeliveryRunner;
  onError: (err: unknown) => void;
  intervalMs?: number;
}

/** Starts scanning; the returned stop waits for attempts in flight to be cut off and released. */
export function startWebhookWorker({ runner, onError, intervalMs = WEBHOOK_SCAN_MS }: WebhookWorkerOptions): () => Promise<void> {
  let scanning: Promise<void> | null = null;
  let stopped = false;
  const scan = () => {
    if (scanning || stopped) return;
    scanning = (async () => {
      while (!stopped && (await runner.runDue()) >= runner.batch) {
        /* a full batch: more may be due */
      }
    })()
      .catch(onError)
      .finally(() => {
        scanning = null;
      });
  };
  const timer = setInterval(scan, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await runner.stop();
    await scanning;
  };
}
