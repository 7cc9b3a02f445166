import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { message } from '../test-support/fixtures.js';
import { createOutbox, type DeliveryOutcome, type OutgoingMessage } from './outbox.js';

const outgoing: OutgoingMessage = { conversationId: 'c1', clientId: 'client-1', body: 'hi' };
const stored = message({ seq: 1, clientId: 'client-1', authorType: 'agent', body: 'hi' });

function deferred() {
  let resolve!: (outcome: DeliveryOutcome) => void;
  const promise = new Promise<DeliveryOutcome>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createOutbox', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('delivers once and reports the ack', async () => {
    const deliver = vi.fn(async (): Promise<DeliveryOutcome> => ({ ok: true, message: stored }));
    const onAcked = vi.fn();
    const outbox = createOutbox({ deliver, onAcked, onFailed: vi.fn() });
    outbox.enqueue(outgoing);
    await vi.runAllTimersAsync();
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(onAcked).toHaveBeenCalledWith(stored, outgoing);
    expect(outbox.pending()).toEqual([]);
  });

  it('resends with the same clientId after a timeout until acked', async () => {
    const deliver = vi
      .fn<(m: OutgoingMessage) => Promise<DeliveryOutcome>>()
      .mockResolvedValueOnce({ ok: false, retry: true, error: 'timeout' })
      .mockRejectedValueOnce(new Error('socket gone'))
      .mockResolvedValueOnce({ ok: true, message: stored });
    const onAcked = vi.fn();
    const outbox = createOutbox({ deliver, onAcked, onFailed: vi.fn(), retryDelayMs: 100 });
    outbox.enqueue(outgoing);
    await vi.runAllTimersAsync();
    expect(deliver).toHaveBeenCalledTimes(3);
    expect(deliver.mock.calls.every(([m]) => m.clientId === 'client-1')).toBe(true);
    expect(onAcked).toHaveBeenCalledTimes(1);
  });

  it('backs off between retries', async () => {
    const deliver = vi.fn(async (): Promise<DeliveryOutcome> => ({ ok: false, retry: true, error: 'down' }));
    const outbox = createOutbox({ deliver, onAcked: vi.fn(), onFailed: vi.fn(), retryDelayMs: 100 });
    outbox.enqueue(outgoing);
    await vi.advanceTimersByTimeAsync(0);
    expect(deliver).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(deliver).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(150);
    expect(deliver).toHaveBeenCalledTimes(2); // second wait is 200 ms
    await vi.advanceTimersByTimeAsync(50);
    expect(deliver).toHaveBeenCalledTimes(3);
    outbox.dispose();
  });

  it('gives up on a refusal and reports it', async () => {
    const deliver = vi.fn(async (): Promise<DeliveryOutcome> => ({ ok: false, retry: false, error: 'too long' }));
    const onFailed = vi.fn();
    const outbox = createOutbox({ deliver, onAcked: vi.fn(), onFailed });
    outbox.enqueue(outgoing);
    await vi.runAllTimersAsync();
    expect(onFailed).toHaveBeenCalledWith(outgoing, 'too long');
    expect(outbox.pending()).toEqual([]);
  });

  it('flush() resends at once, even a message whose ack is still awaited (reconnect)', async () => {
    const first = deferred();
    const second = deferred();
    const deliver = vi
      .fn<(m: OutgoingMessage) => Promise<DeliveryOutcome>>()
      .mockReturnValueOnce(first.promise)
      .mockReturnValueOnce(second.promise);
    const onAcked = vi.fn();
    const outbox = createOutbox({ deliver, onAcked, onFailed: vi.fn(), retryDelayMs: 60_000 });
    outbox.enqueue(outgoing);
    outbox.flush();
    expect(deliver).toHaveBeenCalledTimes(2);
    // The old connection's attempt times out late: stale, it must not schedule another send.
    first.resolve({ ok: false, retry: true, error: 'timeout' });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(deliver).toHaveBeenCalledTimes(2);
    second.resolve({ ok: true, message: stored });
    await vi.advanceTimersByTimeAsync(0);
    expect(onAcked).toHaveBeenCalledTimes(1);
    expect(outbox.pending()).toEqual([]);
  });

  it('accepts the ack of an older attempt, once', async () => {
    const first = deferred();
    const second = deferred();
    const deliver = vi
      .fn<(m: OutgoingMessage) => Promise<DeliveryOutcome>>()
      .mockReturnValueOnce(first.promise)
      .mockReturnValueOnce(second.promise);
    const onAcked = vi.fn();
    const outbox = createOutbox({ deliver, onAcked, onFailed: vi.fn() });
    outbox.enqueue(outgoing);
    outbox.flush();
    first.resolve({ ok: true, message: stored });
    second.resolve({ ok: true, message: stored });
    await vi.advanceTimersByTimeAsync(0);
    expect(onAcked).toHaveBeenCalledTimes(1);
  });

  it('waits for the backoff when flushed with nothing pending', async () => {
    const deliver = vi.fn(async (): Promise<DeliveryOutcome> => ({ ok: true, message: stored }));
    const outbox = createOutbox({ deliver, onAcked: vi.fn(), onFailed: vi.fn() });
    outbox.flush();
    expect(deliver).not.toHaveBeenCalled();
  });

  it('ignores a second enqueue of the same clientId and stops after dispose', async () => {
    const deliver = vi.fn(async (): Promise<DeliveryOutcome> => ({ ok: false, retry: true, error: 'down' }));
    const outbox = createOutbox({ deliver, onAcked: vi.fn(), onFailed: vi.fn(), retryDelayMs: 10 });
    outbox.enqueue(outgoing);
    outbox.enqueue(outgoing);
    await vi.advanceTimersByTimeAsync(0);
    expect(deliver).toHaveBeenCalledTimes(1);
    outbox.dispose();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(deliver).toHaveBeenCalledTimes(1);
  });
});
