/**
 * Series through the real server: entry by rule (contacts already matching
 * and new ones), message steps the widget receives, waits ended by an event or
 * by time, branches, per-step counts, and input checks.
 */
import { describe, expect, it } from 'vitest';
import type { InAppMessage, Series, SeriesStats } from '../../../protocol/index.js';
import { contentVisitor, widgetPost } from '../../test-support/test-server.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';

const env = useAdminTestServer();
const { sockets } = env;
const DAY = 86_400_000;


const { api } = env;

async function trialUser(id: string) {
  const v = await contentVisitor(env.server.url, { id, traits: { plan: 'trial' } });
  sockets.push(v.socket);
  return v;
}

async function draft(name: string): Promise<InAppMessage> {
  return (await api<InAppMessage>('POST', '/messages', { name, format: 'post', body: name, trigger: { on: 'immediate' } })).body;
}

describe('series', () => {
  it('refuses steps that jump backwards or name a missing message', async () => {
    const m = await draft('Any');
    const back = await api('POST', '/series', {
      name: 'Loop',
      entry: { attr: 'plan', op: 'exists' },
      steps: [{ id: 'a', type: 'message', message_id: m.id }, { id: 'b', type: 'branch', rule: { attr: 'x', op: 'exists' }, then: 'a', else: 'exit' }],
    });
    expect(back.status).toBe(400);
    const missing = await api('POST', '/series', { name: 'Missing', entry: { attr: 'plan', op: 'exists' }, steps: [{ id: 'a', type: 'message', message_id: 'msg_nope' }] });
    expect(missing.status).toBe(400);
  });

  it('runs contacts through message, wait, branch and message, with per-step counts', async () => {
    const welcome = await draft('Welcome to your trial');
    const nudge = await draft('Need help getting started?');
    const early = await trialUser('trial-early');

    const created = await api<Series>('POST', '/series', {
      name: 'Trial onboarding',
      entry: { attr: 'plan', op: 'eq', value: 'trial' },
      steps: [
        { id: 'welcome', type: 'message', message_id: welcome.id },
        { id: 'wait', type: 'wait', days: 3, until_event: 'activated' },
        { id: 'check', type: 'branch', rule: { event: 'activated', op: 'count_gte', value: 1 }, then: 'exit', else: 'next' },
        { id: 'nudge', type: 'message', message_id: nudge.id },
      ],
      status: 'live',
    });
    expect(created.status).toBe(201);
    const seriesId = created.body.id;
    const stats = async () => (await api<SeriesStats>('GET', `/series/${seriesId}/stats`)).body;

    // Already matching when it went live: enters in the background and gets the first message.
    await expect.poll(async () => (await early.list()).messages.map((m) => m.id), { timeout: 5_000 }).toContain(welcome.id);
    const shown = (await early.list()).messages.find((m) => m.id === welcome.id);
    expect(shown?.deliveryId).toMatch(/^dlv_/);

    // Matching later (identify with the trait): enters on the change.
    const late = await trialUser('trial-late');
    await env.server.reactions.settled();
    expect((await late.list()).messages.map((m) => m.id)).toContain(welcome.id);
    expect(await stats()).toMatchObject({ entered: 2, active: 2, steps: [{ id: 'welcome', reached: 2 }, { id: 'wait', reached: 2, current: 2 }, { id: 'check', reached: 0 }, { id: 'nudge', reached: 0 }] });

    // The early one activates: the wait ends, the branch exits.
    await widgetPost(env.server.url, 'events', { token: early.boot.token, events: [{ id: 'ev-activated-1', type: 'track', name: 'activated' }] });
    await env.server.reactions.settled();
    expect(await stats()).toMatchObject({ exited: 1, active: 1 });

    // Three days on, the late one has not: the nudge is sent and the series completes.
    const messaged = await env.server.domain.series.tick(Date.now() + 3 * DAY + 1_000);
    expect(messaged.map((c) => c.id)).toEqual([late.boot.contactId]);
    expect((await late.list()).messages.map((m) => m.id)).toContain(nudge.id);
    expect((await early.list()).messages.map((m) => m.id)).not.toContain(nudge.id);
    expect(await stats()).toMatchObject({
      entered: 2,
      active: 0,
      completed: 1,
      exited: 1,
      steps: [
        { id: 'welcome', reached: 2, current: 0 },
        { id: 'wait', reached: 2, current: 0 },
        { id: 'check', reached: 2, current: 0 },
        { id: 'nudge', reached: 1, current: 0 },
      ],
    });

    // Each contact enters once: another change does not start it again.
    await env.server.domain.series.tick(Date.now() + 10 * DAY);
    expect((await stats()).entered).toBe(2);
  });
});
