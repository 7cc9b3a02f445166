/**
 * This tab's connection to the server: whichever transport it has now (its own
 * socket, or the leader tab's through a relay), switched on a leader change,
 * reconnected with a fresh token when the server refuses ours, and shared with
 * the other features on the tab (in-app messages). The chat client hears each
 * status change and server event first, then the features sharing it.
 */
import { SocketTransport } from './socket-transport.js';
import { type ChatTransport, HandlerSet, type TransportHandlers } from './transport.js';

export interface ChatConnectionOptions {
  apiBase: string;
  appId: string;
  /** Called when the server refuses our token; resolves to a fresh one (or null). */
  refreshToken?: () => Promise<string | null>;
  /** Only for non-browser clients (Node tests, bots): browsers set Origin themselves. */
  extraHeaders?: Record<string, string>;
}

/** Requests and notices go over the transport now; with none, a request resolves null and a notice is dropped. */
export interface ChatConnection extends Pick<ChatTransport, 'connected' | 'request' | 'notify'> {
  /** Connects this tab's own socket. */
  connect(token: string): void;
  /** Switches transport; the old one is closed. */
  attach(transport: ChatTransport): void;
  /** Another feature's use of the connection: its requests, every server event, each (re)connect. */
  share(handlers: TransportHandlers): { request: ChatTransport['request']; stop: () => void };
  close(): void;
}

/** `handlers` are the chat client's own: told before the features sharing the connection. */
export function chatConnection(opts: ChatConnectionOptions, handlers: Pick<TransportHandlers, 'onStatus' | 'onEvent'>): ChatConnection {
  let current: ChatTransport | null = null;
  let detach: (() => void) | null = null;
  let lastAuthRefresh = 0;
  let closed = false;
  const sharers = new HandlerSet();

  const status = (connected: boolean) => {
    handlers.onStatus(connected);
    sharers.status(connected);
  };

  const connect = (token: string) =>
    attach(new SocketTransport({ apiBase: opts.apiBase, appId: opts.appId, token, extraHeaders: opts.extraHeaders }));

  function attach(transport: ChatTransport): void {
    detach?.();
    current?.close();
    closed = false;
    current = transport;
    detach = transport.subscribe({
      onStatus: status,
      onEvent: (event, payload) => {
        handlers.onEvent(event, payload);
        sharers.event(event, payload);
      },
      onAuthError: () => void recoverAuth(),
    });
    if (transport.connected) status(true);
  }

  async function recoverAuth(): Promise<void> {
    if (closed || !opts.refreshToken || Date.now() - lastAuthRefresh < 10_000) return;
    lastAuthRefresh = Date.now();
    const fresh = await opts.refreshToken().catch(() => null);
    if (fresh && !closed) connect(fresh);
  }

  const request: ChatTransport['request'] = (event, payload, timeoutMs) => current?.request(event, payload, timeoutMs) ?? Promise.resolve(null);

  return {
    get connected() {
      return current?.connected ?? false;
    },
    request,
    notify: (event, payload) => current?.notify(event, payload),
    connect,
    attach,
    share(shared) {
      const stop = sharers.add(shared);
      if (current?.connected) shared.onStatus(true);
      return { request, stop };
    },
    close() {
      closed = true;
      detach?.();
      current?.close();
      current = null;
    },
  };
}
