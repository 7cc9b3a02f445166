import { describe, expect, it } from 'vitest';
import type { ConversationViewers } from '../../protocol/index.js';
import { createViewersStore, otherViewers, viewersText } from './viewers-store.js';

function setup(connected = true) {
  const sent: string[] = [];
  let answer: ConversationViewers | null = null;
  const transport = {
    connected,
    isConnected: () => transport.connected,
    view(conversationId: string, viewing: boolean, onViewers: (v: ConversationViewers) => void) {
      sent.push(`${conversationId}:${viewing}`);
      if (answer && viewing) onViewers(answer);
    },
  };
  const store = createViewersStore(transport);
  return { store, sent, transport, answerWith: (v: ConversationViewers) => (answer = v) };
}

describe('the viewers store', () => {
  it('reports each change of the viewed conversation once, and again after a reconnect', () => {
    const { store, sent, transport } = setup();
    store.view('c1');
    store.view('c1');
    store.view('c2');
    store.view(null);
    store.view(null);
    expect(sent).toEqual(['c1:true', 'c1:false', 'c2:true', 'c2:false']);

    transport.connected = false;
    store.view('c3');
    expect(sent).toHaveLength(4);
    transport.connected = true;
    store.resend();
    expect(sent.at(-1)).toBe('c3:true');
  });

  it('keeps each conversation’s viewers from events and the ack', () => {
    const { store, answerWith } = setup();
    answerWith({ conversationId: 'c1', agents: [{ id: 'a1', name: 'Ada' }, { id: 'a2', name: 'Grace' }] });
    store.view('c1');
    expect(store.of('c1').value.map((v) => v.name)).toEqual(['Ada', 'Grace']);
    store.apply({ conversationId: 'c1', agents: [{ id: 'a1', name: 'Ada' }] });
    expect(otherViewers(store.of('c1').value, 'a1')).toEqual([]);
    expect(store.of('c2').value).toEqual([]);
  });

  it('says who else is viewing', () => {
    expect(viewersText([])).toBe('');
    expect(viewersText(['Ada'])).toBe('Ada is also viewing');
    expect(viewersText(['Ada', 'Grace'])).toBe('Ada and Grace are also viewing');
    expect(viewersText(['Ada', 'Grace', 'Alan'])).toBe('Ada, Grace and 1 other are also viewing');
    expect(viewersText(['Ada', 'Grace', 'Alan', 'Linus'])).toBe('Ada, Grace and 2 others are also viewing');
  });
});
