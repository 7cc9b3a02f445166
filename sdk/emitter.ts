import type { MessengerEventName, MessengerEvents, MessengerListener } from './types.js';

/** Host-page listeners. A listener that throws is reported, never allowed to break the others or us. */
export function createEmitter(report: (err: unknown) => void) {
  const listeners = new Map<MessengerEventName, Set<(p: never) => void>>();
  return {
    on<E extends MessengerEventName>(event: E, cb: MessengerListener<E>): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(cb as (p: never) => void);
      return () => set.delete(cb as (p: never) => void);
    },
    off<E extends MessengerEventName>(event: E, cb: MessengerListener<E>): void {
      listeners.get(event)?.delete(cb as (p: never) => void);
    },
    emit<E extends MessengerEventName>(event: E, payload: MessengerEvents[E]): void {
      listeners.get(event)?.forEach((cb) => {
        try {
          (cb as MessengerListener<E>)(payload);
        } catch (err) {
          report(err);
        }
      });
    },
  };
}

export type Emitter = ReturnType<typeof createEmitter>;
