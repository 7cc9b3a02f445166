import type { MessengerApi } from './types.js';

/** What the snippet leaves on `window.Messenger` before sdk.js arrives. */
export interface QueuedStub {
  q?: Array<[string, unknown[]]>;
}

/** Replays the snippet's queued calls, in order, against the real Messenger. */
export function replayQueue(stub: QueuedStub | undefined, target: MessengerApi): void {
  const queued = stub?.q ?? [];
  for (const [method, args] of queued.splice(0)) {
    const fn = (target as unknown as Record<string, unknown>)[method];
    if (typeof fn === 'function') (fn as (...a: unknown[]) => void).apply(target, Array.isArray(args) ? args : []);
  }
}
