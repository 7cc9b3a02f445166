/**
 * Batches track/page events and sends them when a token is known. Unsent events
 * are kept in first-party storage (bounded), so a flaky network or a closed tab
 * doesn't lose them: they go with the next flush, each once (client ids make
 * the server store a resent event once).
 */
import type { TrackedEvent } from '../protocol/index.js';
import { ApiError, postJson } from './api-client.js';
import type { KeyValueStore } from './storage.js';

const OUTBOX_KEY = 'events';
const MAX_QUEUED = 200;
const MAX_BATCH = 50;
const FLUSH_DELAY_MS = 800;

export interface EventBatcherOptions {
  apiBase: () => string;
  token: () => string | null;
  storage: KeyValueStore;
  report: (err: unknown) => void;
}

export function newClientId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

export function createEventBatcher(opts: EventBatcherOptions) {
  let queue: TrackedEvent[] = load();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  let failures = 0;
  let enabled = true;

  function load(): TrackedEvent[] {
    try {
      const raw = opts.storage.get(OUTBOX_KEY);
      return raw ? (JSON.parse(raw) as TrackedEvent[]).slice(-MAX_QUEUED) : [];
    } catch {
      return [];
    }
  }
  const save = () => (queue.length ? opts.storage.set(OUTBOX_KEY, JSON.stringify(queue)) : opts.storage.remove(OUTBOX_KEY));

  function schedule(delay = FLUSH_DELAY_MS) {
    if (timer || !enabled) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delay);
  }

  async function flush(keepalive = false): Promise<void> {
    const token = opts.token();
    if (inFlight || !token || queue.length === 0 || !enabled) return;
    const batch = queue.slice(0, MAX_BATCH);
    inFlight = true;
    try {
      await postJson(opts.apiBase(), 'events', { token, events: batch }, keepalive);
      const sent = new Set(batch.map((e) => e.id));
      queue = queue.filter((e) => !sent.has(e.id));
      failures = 0;
      save();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'validation_failed') {
        // A batch the server refuses would block every later event: drop it and say so.
        const dropped = new Set(batch.map((e) => e.id));
        queue = queue.filter((e) => !dropped.has(e.id));
        save();
        opts.report(err);
      } else {
        failures++;
      }
    } finally {
      inFlight = false;
    }
    // Back off on failures (network down, server restarting): 1.6 s, 3.2 s, … up to a minute.
    if (queue.length) schedule(failures ? Math.min(60_000, FLUSH_DELAY_MS * 2 ** failures) : 0);
  }

  return {
    add(event: Omit<TrackedEvent, 'id' | 'ts'>): void {
      if (!enabled) return;
      queue.push({ ...event, id: newClientId(), ts: new Date().toISOString() });
      if (queue.length > MAX_QUEUED) queue = queue.slice(-MAX_QUEUED);
      save();
      schedule();
    },
    flush,
    /** A token arrived (boot/identify) or the network came back. */
    kick(): void {
      schedule(0);
    },
    setEnabled(on: boolean): void {
      enabled = on;
      if (!on) {
        queue = [];
        save();
      }
    },
    pending: () => queue.length,
  };
}

export type EventBatcher = ReturnType<typeof createEventBatcher>;
