/**
 * A stand-in for the /agent Socket.IO client: records what the inbox emits,
 * answers acks through `respond`, and lets a test push server events. Only the
 * members the inbox uses exist; the cast in `asAgentSocket` is the one place
 * that pretends otherwise.
 */
import type { Ack } from '../../protocol/index.js';
import type { AgentSocket } from '../api/socket.js';

type Listener = (...args: unknown[]) => void;
type AckFn = (...args: unknown[]) => void;

export interface Emitted {
  event: string;
  payload: unknown;
}

export class FakeAgentSocket {
  connected = false;
  active = true;
  readonly emitted: Emitted[] = [];
  /** The server's answer to a request; undefined means "never answers" (a lost ack). */
  respond: (event: string, payload: unknown) => Ack<unknown> | undefined = () => undefined;
  private readonly listeners = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener): this {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  emit(event: string, payload: unknown, ack?: AckFn): this {
    this.emitted.push({ event, payload });
    const answer = ack ? this.respond(event, payload) : undefined;
    if (ack && answer !== undefined) queueMicrotask(() => ack(answer));
    return this;
  }

  timeout(ms: number): { emit(event: string, payload: unknown, ack: AckFn): void } {
    return {
      emit: (event, payload, ack) => {
        this.emitted.push({ event, payload });
        const answer = this.respond(event, payload);
        if (answer !== undefined) queueMicrotask(() => ack(null, answer));
        else setTimeout(() => ack(new Error('operation has timed out')), ms);
      },
    };
  }

  connect(): this {
    this.connected = true;
    this.fire('connect');
    return this;
  }

  disconnect(): this {
    this.connected = false;
    this.fire('disconnect', 'io client disconnect');
    return this;
  }

  /** A push from the server. */
  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }

  sent(event: string): unknown[] {
    return this.emitted.filter((item) => item.event === event).map((item) => item.payload);
  }

  asAgentSocket(): AgentSocket {
    return this as unknown as AgentSocket;
  }
}
