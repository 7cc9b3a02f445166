/** This tab's connection over fake transports: who hears what first, sharing, switching, closing. */
import { describe, expect, it } from 'vitest';
import type { Ack } from '../../protocol/index.js';
import { chatConnection } from './chat-connection.js';
import { type ChatTransport, HandlerSet, type ServerEvent, type TransportHandlers } from './transport.js';

class FakeTransport implements ChatTransport {
  connected = false;
  closed = false;
  readonly handlers = new HandlerSet();
  subscribe(h: TransportHandlers) {
    return this.handlers.add(h);
  }
  async request<T>(event: string): Promise<Ack<T> | null> {
    return { ok: true, data: event as T };
  }
  notify() {}
  close() {
    this.closed = true;
  }
  up() {
    this.connected = true;
    this.handlers.status(true);
  }
}

const opts = { apiBase: 'https://parley.example', appId: 'demo' };

describe('chatConnection', () => {
  it('tells the chat client first, then the features sharing the connection', () => {
    const heard: string[] = [];
    const connection = chatConnection(opts, {
      onStatus: (up) => heard.push(`client ${up}`),
      onEvent: (event: ServerEvent) => heard.push(`client ${event}`),
    });
    connection.share({ onStatus: (up) => heard.push(`shared ${up}`), onEvent: (event) => heard.push(`shared ${event}`) });
    const transport = new FakeTransport();
    connection.attach(transport);
    transport.up();
    transport.handlers.event('read', {});
    expect(heard).toEqual(['client true', 'shared true', 'client read', 'shared read']);
  });

  it('answers requests over the transport now, null without one; a feature that joins late hears it is up', async () => {
    const connection = chatConnection(opts, { onStatus: () => {}, onEvent: () => {} });
    expect(connection.connected).toBe(false);
    expect(await connection.request('conversations:list', {}, 100)).toBeNull();

    const first = new FakeTransport();
    first.connected = true;
    connection.attach(first);
    let up = false;
    const shared = connection.share({ onStatus: (s) => (up = s), onEvent: () => {} });
    expect(up).toBe(true);
    expect(await shared.request('content:list', {}, 100)).toEqual({ ok: true, data: 'content:list' });

    const second = new FakeTransport();
    connection.attach(second);
    expect(first.closed).toBe(true);
    expect(connection.connected).toBe(false);

    connection.close();
    expect(second.closed).toBe(true);
    expect(await connection.request('conversations:list', {}, 100)).toBeNull();
  });
});
