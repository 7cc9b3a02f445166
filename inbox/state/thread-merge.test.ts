import { describe, expect, it } from 'vitest';
import { message } from '../test-support/fixtures.js';
import {
  addPending,
  contiguousSeq,
  highestSeq,
  lastAgentMessage,
  mergeMessages,
  pendingMessage,
  setDelivery,
  type ThreadEntry,
} from './thread-merge.js';

const ids = (entries: readonly ThreadEntry[]) => entries.map((entry) => entry.message.id || `pending:${entry.message.clientId}`);

function pending(clientId: string, body = 'hello') {
  return pendingMessage({
    conversationId: 'c1',
    clientId,
    body,
    authorId: 'a1',
    authorName: 'Ada',
    createdAt: '2025-01-01T12:00:00.000Z',
  });
}

describe('mergeMessages', () => {
  it('orders by seq whatever the arrival order', () => {
    const entries = mergeMessages([], [message({ seq: 3 }), message({ seq: 1 }), message({ seq: 2 })]);
    expect(ids(entries)).toEqual(['m1', 'm2', 'm3']);
  });

  it('shows a message once when it arrives twice (push + REST page + sync)', () => {
    let entries = mergeMessages([], [message({ seq: 1 }), message({ seq: 2 })]);
    entries = mergeMessages(entries, [message({ seq: 2 })]);
    entries = mergeMessages(entries, [message({ seq: 1 }), message({ seq: 2 }), message({ seq: 3 })]);
    expect(ids(entries)).toEqual(['m1', 'm2', 'm3']);
  });

  it('dedupes within one batch', () => {
    expect(ids(mergeMessages([], [message({ seq: 1 }), message({ seq: 1 })]))).toEqual(['m1']);
  });

  it('returns the same array when nothing changed', () => {
    const entries = mergeMessages([], [message({ seq: 1 })]);
    expect(mergeMessages(entries, [message({ seq: 1 })])).toBe(entries);
    expect(mergeMessages(entries, [])).toBe(entries);
  });

  it('turns a pending message into the acked one, matched by clientId, keeping its key', () => {
    let entries = mergeMessages([], [message({ seq: 1 })]);
    entries = addPending(entries, pending('mine'));
    expect(entries[1].delivery).toBe('sending');
    const acked = message({ seq: 2, id: 'm2', clientId: 'mine', authorType: 'agent', body: 'hello' });
    entries = mergeMessages(entries, [acked]);
    expect(ids(entries)).toEqual(['m1', 'm2']);
    expect(entries[1]).toMatchObject({ key: 'mine', delivery: 'sent', error: null });
  });

  it('replaces a pending message when its echo arrives by push before the ack', () => {
    let entries = addPending([], pending('mine'));
    const echo = message({ seq: 1, id: 'm1', clientId: 'mine', authorType: 'agent' });
    entries = mergeMessages(entries, [echo]);
    entries = mergeMessages(entries, [echo]); // then the ack
    expect(ids(entries)).toEqual(['m1']);
    expect(entries[0].delivery).toBe('sent');
  });

  it('keeps pending messages after acked ones, in the order written', () => {
    let entries = addPending([], pending('a'));
    entries = addPending(entries, pending('b'));
    entries = mergeMessages(entries, [message({ seq: 5 })]);
    expect(ids(entries)).toEqual(['m5', 'pending:a', 'pending:b']);
    entries = mergeMessages(entries, [message({ seq: 6, id: 'm6', clientId: 'b', authorType: 'agent' })]);
    expect(ids(entries)).toEqual(['m5', 'm6', 'pending:a']);
  });

  it('acks a failed message that the server stored after all', () => {
    let entries = addPending([], pending('x'));
    entries = setDelivery(entries, 'x', 'failed', 'timeout');
    entries = mergeMessages(entries, [message({ seq: 1, clientId: 'x', authorType: 'agent' })]);
    expect(entries[0]).toMatchObject({ delivery: 'sent', error: null });
  });
});

describe('addPending / setDelivery', () => {
  it('ignores a second pending with the same clientId', () => {
    const entries = addPending([], pending('a'));
    expect(addPending(entries, pending('a'))).toBe(entries);
  });

  it('marks failed and back to sending, but never demotes an acked message', () => {
    let entries = addPending([], pending('a'));
    entries = setDelivery(entries, 'a', 'failed', 'refused');
    expect(entries[0]).toMatchObject({ delivery: 'failed', error: 'refused' });
    entries = setDelivery(entries, 'a', 'sending');
    expect(entries[0]).toMatchObject({ delivery: 'sending', error: null });
    const acked = mergeMessages([], [message({ seq: 1, clientId: 'b' })]);
    expect(setDelivery(acked, 'b', 'failed')).toBe(acked);
  });
});

describe('cursors', () => {
  it('highestSeq ignores pending messages', () => {
    const entries = addPending(mergeMessages([], [message({ seq: 1 }), message({ seq: 4 })]), pending('p'));
    expect(highestSeq(entries)).toBe(4);
    expect(highestSeq([])).toBe(0);
  });

  it('contiguousSeq stops before the first hole', () => {
    expect(contiguousSeq(mergeMessages([], [message({ seq: 1 }), message({ seq: 2 }), message({ seq: 5 })]))).toBe(2);
    expect(contiguousSeq(mergeMessages([], [message({ seq: 3 })]))).toBe(0);
    expect(contiguousSeq(mergeMessages([], [message({ seq: 1 }), message({ seq: 2 })]))).toBe(2);
  });

  it('lastAgentMessage finds our side’s last stored message', () => {
    const entries = addPending(
      mergeMessages([], [
        message({ seq: 1, authorType: 'agent' }),
        message({ seq: 2, authorType: 'agent' }),
        message({ seq: 3, authorType: 'visitor' }),
      ]),
      pending('p'),
    );
    expect(lastAgentMessage(entries)?.id).toBe('m2');
    expect(lastAgentMessage([])).toBeNull();
  });
});
