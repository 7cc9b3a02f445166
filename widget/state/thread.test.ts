import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/index.js';
import { lastStoredSeq, mergeMessages, pendingItem, setDeliveryState } from './thread.js';

const msg = (seq: number, clientId = `c${seq}`, authorType: Message['authorType'] = 'visitor'): Message => ({
  id: `m${seq}`,
  conversationId: 'conv',
  seq,
  clientId,
  authorType,
  authorId: null,
  authorName: null,
  body: `body ${seq}`,
  attachments: [],
  createdAt: new Date(seq * 1000).toISOString(),
});

describe('mergeMessages', () => {
  it('orders by seq and ignores duplicates', () => {
    let items = mergeMessages([], [msg(2), msg(1)]);
    items = mergeMessages(items, [msg(1), msg(3), msg(2)]);
    expect(items.map((i) => i.seq)).toEqual([1, 2, 3]);
  });

  it('replaces a pending item when its stored message arrives, keeping later pending ones after', () => {
    let items = [pendingItem('a-1', 'hello'), pendingItem('a-2', 'again')];
    items = mergeMessages(items, [msg(5, 'a-1')]);
    expect(items.map((i) => [i.clientId, i.state])).toEqual([
      ['a-1', 'sent'],
      ['a-2', 'sending'],
    ]);
    expect(lastStoredSeq(items)).toBe(5);
  });

  it('marks a pending item failed without touching stored ones', () => {
    const items = setDeliveryState([...mergeMessages([], [msg(1)]), pendingItem('x', 'y')], 'x', 'failed');
    expect(items.map((i) => i.state)).toEqual(['sent', 'failed']);
  });

  it('shows every message exactly once, in seq order, whatever the arrival order and repeats', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 120 }), fc.integer({ min: 1, max: 7 }), (seqs, chunk) => {
        let items = mergeMessages([], []);
        for (let i = 0; i < seqs.length; i += chunk) items = mergeMessages(items, seqs.slice(i, i + chunk).map((s) => msg(s)));
        const expected = [...new Set(seqs)].sort((a, b) => a - b);
        expect(items.map((i) => i.seq)).toEqual(expected);
      }),
    );
  });
});
