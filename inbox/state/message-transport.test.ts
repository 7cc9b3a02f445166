import { describe, expect, it, vi } from 'vitest';
import type { Ack, Message } from '../../protocol/index.js';
import { ApiError } from '../api/http.js';
import { message } from '../test-support/fixtures.js';
import { createDeliver, type SocketTransport } from './message-transport.js';

const outgoing = { conversationId: 'c1', clientId: 'client-1', body: 'hi' };
const stored = message({ seq: 7, clientId: 'client-1', authorType: 'agent' });

function socketWith(connected: boolean, send: SocketTransport['send']): SocketTransport {
  return { isConnected: () => connected, send, sync: vi.fn() };
}

describe('createDeliver', () => {
  it('uses the socket when connected and returns the stored message', async () => {
    const send = vi.fn(async (): Promise<Ack<{ message: Message }>> => ({ ok: true, data: { message: stored } }));
    const postMessage = vi.fn();
    const outcome = await createDeliver(socketWith(true, send), { postMessage })(outgoing);
    expect(outcome).toEqual({ ok: true, message: stored });
    expect(send).toHaveBeenCalledWith(outgoing);
    expect(postMessage).not.toHaveBeenCalled();
  });

  it('retries a timeout and transient refusals, fails on validation errors', async () => {
    const timeout = createDeliver(socketWith(true, () => Promise.reject(new Error('timeout'))), { postMessage: vi.fn() });
    expect(await timeout(outgoing)).toMatchObject({ ok: false, retry: true });

    const limited = createDeliver(
      socketWith(true, async () => ({ ok: false, error: { code: 'rate_limited', message: 'slow' } })),
      { postMessage: vi.fn() },
    );
    expect(await limited(outgoing)).toEqual({ ok: false, retry: true, error: 'slow' });

    const invalid = createDeliver(
      socketWith(true, async () => ({ ok: false, error: { code: 'validation_failed', message: 'too long' } })),
      { postMessage: vi.fn() },
    );
    expect(await invalid(outgoing)).toEqual({ ok: false, retry: false, error: 'too long' });
  });

  it('falls back to REST (same clientId) while the socket is down', async () => {
    const postMessage = vi.fn(async () => stored);
    const deliver = createDeliver(socketWith(false, vi.fn()), { postMessage });
    expect(await deliver(outgoing)).toEqual({ ok: true, message: stored });
    expect(postMessage).toHaveBeenCalledWith('c1', { body: 'hi', clientId: 'client-1' });
  });

  it('retries REST network failures but not REST refusals', async () => {
    const offline = createDeliver(socketWith(false, vi.fn()), {
      postMessage: () => Promise.reject(new ApiError(0, 'network_error', 'offline')),
    });
    expect(await offline(outgoing)).toMatchObject({ ok: false, retry: true });
    const forbidden = createDeliver(socketWith(false, vi.fn()), {
      postMessage: () => Promise.reject(new ApiError(404, 'not_found', 'gone')),
    });
    expect(await forbidden(outgoing)).toEqual({ ok: false, retry: false, error: 'gone' });
  });
});
