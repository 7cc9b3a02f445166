import { describe, expect, it } from 'vitest';
import type { Ack } from '../../../protocol/ack.js';
import type { EligibleMessage } from '../../../protocol/content/models.js';
import { eligibleMessage } from '../test-support/eligible-message.js';
import { InAppClient, type InAppServer } from './in-app-client.js';

function message(id: string, over: Partial<EligibleMessage> = {}): EligibleMessage {
  return eligibleMessage({ id, body: `Body of ${id}`, ...over });
}

const page = (path: string) => ({ url: `https://app.example.com${path}`, path });

/** A server that grants every claim once per message, and records what it was told. */
function fakeServer(refuse: string[] = []) {
  const calls: Array<[string, unknown]> = [];
  const server: InAppServer = {
    async request<T>(event: string, payload: unknown): Promise<Ack<T> | null> {
      calls.push([event, payload]);
      if (event === 'content:claim') {
        const id = (payload as { messageId: string }).messageId;
        if (refuse.includes(id)) return { ok: false, error: { code: 'conflict', message: 'limit' } };
        return { ok: true, data: { deliveryId: `d-${id}` } as T };
      }
      return { ok: true, data: { recorded: true } as T };
    },
  };
  return { server, calls };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('InAppClient', () => {
  it('claims and shows an immediate message, and reports it shown', async () => {
    const { server, calls } = fakeServer();
    const client = new InAppClient({ server, quietPages: [], page: page('/') });
    client.setSnapshot({ messages: [message('a')] });
    await settle();
    expect(client.state.showing.map((s) => s.deliveryId)).toEqual(['d-a']);
    expect(calls).toContainEqual(['content:outcome', { deliveryId: 'd-a', outcome: 'shown' }]);
  });

  it('shows one per slot, highest priority first, and the next when the first is dismissed', async () => {
    const { server } = fakeServer();
    const client = new InAppClient({ server, quietPages: [], page: page('/') });
    client.setSnapshot({ messages: [message('low', { format: 'modal', priority: 1 }), message('high', { format: 'modal', priority: 9 }), message('bar', { format: 'banner' })] });
    await settle();
    expect(client.state.showing.map((s) => s.message.id).sort()).toEqual(['bar', 'high']);
    client.report('d-high', 'dismissed');
    await settle();
    expect(client.state.showing.map((s) => s.message.id).sort()).toEqual(['bar', 'low']);
  });

  it('waits for its page, its event and its time on page', async () => {
    let now = 0;
    const ticks: Array<() => void> = [];
    const { server } = fakeServer();
    const client = new InAppClient({ server, quietPages: [], page: page('/'), now: () => now, schedule: (_ms, run) => (ticks.push(run), () => {}) });
    client.setSnapshot({
      messages: [
        message('billing', { format: 'banner', trigger: { on: 'page', page: '/billing/*' } }),
        message('failed', { format: 'chat', trigger: { on: 'event', event: 'payment_failed' } }),
        message('slow', { format: 'modal', trigger: { on: 'time_on_page', seconds: 30 } }),
      ],
    });
    await settle();
    expect(client.state.showing).toEqual([]);
    client.setPage(page('/billing/cards'));
    client.tracked('payment_failed');
    await settle();
    expect(client.state.showing.map((s) => s.message.id).sort()).toEqual(['billing', 'failed']);
    now = 31_000;
    ticks.at(-1)?.();
    await settle();
    expect(client.state.showing.map((s) => s.message.id)).toContain('slow');
  });

  it('keeps the widget’s part of the audience: the residual page rule', async () => {
    const { server } = fakeServer();
    const client = new InAppClient({ server, quietPages: [], page: page('/docs') });
    client.setSnapshot({ messages: [message('pricing', { moment: { page: { op: 'glob', value: '/pricing' } } })] });
    await settle();
    expect(client.state.showing).toEqual([]);
    client.setPage(page('/pricing'));
    await settle();
    expect(client.state.showing.map((s) => s.message.id)).toEqual(['pricing']);
  });

  it('stays quiet on the workspace’s quiet pages', async () => {
    const { server, calls } = fakeServer();
    const client = new InAppClient({ server, quietPages: ['/checkout/**'], page: page('/checkout/pay') });
    client.setSnapshot({ messages: [message('a')] });
    await settle();
    expect(client.state.showing).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('does not show what the server refuses, and shows an open delivery again without a claim', async () => {
    const { server, calls } = fakeServer(['limited']);
    const client = new InAppClient({ server, quietPages: [], page: page('/') });
    client.setSnapshot({ messages: [message('limited', { format: 'banner' }), message('open', { deliveryId: 'd-open', trigger: { on: 'event', event: 'never_fired' } })] });
    await settle();
    expect(client.state.showing.map((s) => s.message.id)).toEqual(['open']);
    expect(calls.filter(([e]) => e === 'content:claim')).toEqual([['content:claim', { messageId: 'limited' }]]);
  });

  it('waits for a tooltip’s element', async () => {
    const ticks: Array<() => void> = [];
    let present = false;
    const { server } = fakeServer();
    const client = new InAppClient({ server, quietPages: [], page: page('/'), hasAnchor: () => present, schedule: (_ms, run) => (ticks.push(run), () => {}) });
    client.setSnapshot({ messages: [message('tip', { format: 'tooltip', selector: '#save' })] });
    await settle();
    expect(client.state.showing).toEqual([]);
    present = true;
    ticks.at(-1)?.();
    await settle();
    expect(client.state.showing.map((s) => s.message.id)).toEqual(['tip']);
  });
});

describe('InAppClient without an answer', () => {
  it('asks again when a claim gets no answer, instead of giving the message up', async () => {
    const runs: Array<() => void> = [];
    let answer = false;
    const server: InAppServer = {
      async request<T>(event: string): Promise<Ack<T> | null> {
        if (event === 'content:claim' && !answer) return null;
        return { ok: true, data: (event === 'content:claim' ? { deliveryId: 'd-x' } : { recorded: true }) as T };
      },
    };
    const client = new InAppClient({ server, quietPages: [], page: page('/'), schedule: (_ms, run) => (runs.push(run), () => {}) });
    client.setSnapshot({ messages: [message('x')] });
    await settle();
    expect(client.state.showing).toEqual([]);
    answer = true;
    runs.at(-1)?.();
    await settle();
    expect(client.state.showing.map((s) => s.deliveryId)).toEqual(['d-x']);
  });
});
