/** The real Socket.IO connection to /visitor, authenticated by the visitor token in `auth`. */
import { io, type Socket } from 'socket.io-client';
import type { Ack, VisitorClientToServerEvents, VisitorServerToClientEvents } from '../../protocol/index.js';
import { type ChatTransport, HandlerSet, type NotifyEvent, type RequestEvent, SERVER_EVENTS, type TransportHandlers } from './transport.js';

export interface SocketTransportOptions {
  apiBase: string;
  appId: string;
  token: string;
  /** Only for non-browser clients (Node tests, bots): browsers set Origin themselves. */
  extraHeaders?: Record<string, string>;
}

type VisitorSocket = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;

export class SocketTransport implements ChatTransport {
  private readonly socket: VisitorSocket;
  private readonly handlers = new HandlerSet();

  constructor(opts: SocketTransportOptions) {
    this.socket = io(`${opts.apiBase}/visitor`, {
      auth: { token: opts.token },
      query: { appId: opts.appId },
      // WebSocket only: no long-polling, so no sticky sessions are needed behind a load balancer.
      transports: ['websocket'],
      reconnectionDelayMax: 10_000,
      ...(opts.extraHeaders ? { extraHeaders: opts.extraHeaders } : {}),
    });
    this.socket.on('connect', () => this.handlers.status(true));
    this.socket.on('disconnect', () => this.handlers.status(false));
    this.socket.on('connect_error', (err) => {
      this.handlers.status(false);
      // Middleware refusals are not retried by Socket.IO; the owner gets a fresh token.
      if (!this.socket.active && err.message === 'unauthorized') this.handlers.authError();
    });
    for (const event of SERVER_EVENTS) {
      (this.socket as unknown as { on(e: string, cb: (p: unknown) => void): void }).on(event, (payload) => this.handlers.event(event, payload));
    }
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  subscribe(handlers: TransportHandlers): () => void {
    return this.handlers.add(handlers);
  }

  request<T>(event: RequestEvent, payload: unknown, timeoutMs: number): Promise<Ack<T> | null> {
    if (!this.socket.connected) return Promise.resolve(null);
    return new Promise((resolve) => {
      const emitter = this.socket.timeout(timeoutMs) as unknown as {
        emit(ev: string, p: unknown, cb: (err: Error | null, r: Ack<T>) => void): void;
      };
      emitter.emit(event, payload, (err, response) => resolve(err ? null : response));
    });
  }

  notify(event: NotifyEvent, payload: unknown): void {
    if (this.socket.connected) (this.socket as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }
}
