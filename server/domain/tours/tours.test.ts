/**
 * Product tours through the real server: the REST API, the widget's socket
 * (list, claim, progress, resume, startTour), the drop-off funnel, events on
 * the contact, and what an attacker gets (another visitor's run, forged
 * picker tokens, malformed progress).
 */
import { describe, expect, it } from 'vitest';
import type { ContactEvent, Tour, TourStats } from '../../../protocol/index.js';
import { contentVisitor } from '../../test-support/test-server.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';

const env = useAdminTestServer();
const { sockets } = env;


const { api } = env;

const STEPS = [
  { id: 'welcome', kind: 'post', title: 'Welcome to Acme', body: 'A quick look around.' },
  { id: 'reports', kind: 'tooltip', body: 'Your reports live here.', selector: '#nav-reports', advance: 'click' },
  { id: 'export', kind: 'spotlight', body: 'Export any report as CSV.', selector: '[data-tour="export"]', page: '/reports/*', if_missing: 'skip' },
  { id: 'done', kind: 'post', body: 'That is all!' },
];

async function createTour(input: Record<string, unknown> = {}): Promise<Tour> {
  const res = await api<Tour>('POST', '/tours', { name: 'Onboarding', steps: STEPS, status: 'live', ...input });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

async function visitor(userId: string) {
  const v = await contentVisitor(env.server.url, { id: userId });
  sockets.push(v.socket);
  const progress = async (input: Record<string, unknown>) => v.socket.emitWithAck('tour:progress', input as never);
  return { ...v, progress };
}

describe('tours REST', () => {
  it('creates a tour returned whole, lists, updates and deletes it, and refuses malformed ones', async () => {
    const tour = await createTour({ name: 'Shape', status: 'draft' });
    expect(tour).toMatchObject({ id: expect.stringMatching(/^tur_/), name: 'Shape', steps: STEPS, trigger: { on: 'immediate' }, status: 'draft', audience: null });
    expect((await api<Tour>('GET', `/tours/${tour.id}`)).body).toEqual(tour);
    expect((await api<{ data: Tour[] }>('GET', '/tours')).body.data.map((t) => t.id)).toContain(tour.id);
    // A tour is neither a message nor a survey, and they are not tours.
    expect((await api('GET', `/messages/${tour.id}`)).status).toBe(404);
    expect((await api('GET', `/surveys/${tour.id}`)).status).toBe(404);
    expect((await api<{ data: Array<{ id: string }> }>('GET', '/messages')).body.data.map((m) => m.id)).not.toContain(tour.id);
    const renamed = await api<Tour>('PATCH', `/tours/${tour.id}`, { name: 'Renamed' });
    expect(renamed.body).toMatchObject({ name: 'Renamed', steps: STEPS });
    const bad = [
      { steps: [] },
      { steps: [{ id: 'a', kind: 'tooltip', body: 'No element' }] },
      { steps: [{ id: 'a', kind: 'post', body: 'One' }, { id: 'a', kind: 'post', body: 'Two' }] },
      { steps: [{ id: 'a', kind: 'post', body: 'x', advance: 'click' }] },
      { steps: [{ id: 'a', kind: 'post', body: '' }] },
      { steps: [{ id: 'a', kind: 'post', body: 'x', image_url: 'javascript:alert(1)' }] },
      { steps: [{ id: 'a', kind: 'post', body: 'x', wait_ms: 600_000 }] },
      { steps: [{ id: 'a', kind: 'post', body: 'x', onclick: 'alert(1)' }] },
    ];
    for (const input of bad) expect((await api('POST', '/tours', { name: 'Bad', ...input })).status).toBe(400);
    expect((await api('DELETE', `/tours/${tour.id}`)).status).toBe(204);
    expect((await api('GET', `/tours/${tour.id}`)).status).toBe(404);
  });
});

describe('running a tour', () => {
  it('is offered to the widget, claimed, followed step by step, resumed on the next page, and counted in the funnel', async () => {
    const tour = await createTour({ name: 'Funnel' });
    const v = await visitor('tour-user-1');
    const listed = (await v.list()).messages.find((m) => m.id === tour.id);
    expect(listed).toMatchObject({ format: 'tour', deliveryId: null, tour: { steps: STEPS, at: 0 } });
    const deliveryId = await v.claim(tour.id);

    expect(await v.progress({ deliveryId, type: 'step_seen', step: 0 })).toMatchObject({ ok: true, data: { status: 'running' } });
    expect(await v.progress({ deliveryId, type: 'step_seen', step: 1 })).toMatchObject({ ok: true });
    // The next page load lists the open run where it was: step 1.
    expect((await v.list()).messages.find((m) => m.id === tour.id)).toMatchObject({ deliveryId, tour: { at: 1 } });
    // The same step again (a reload) changes nothing.
    await v.progress({ deliveryId, type: 'step_seen', step: 1 });
    expect(await v.progress({ deliveryId, type: 'step_missing', step: 2, skipped: true })).toMatchObject({ ok: true });
    await v.progress({ deliveryId, type: 'step_seen', step: 3 });
    expect(await v.progress({ deliveryId, type: 'ended', step: 3, reason: 'completed' })).toMatchObject({ ok: true, data: { status: 'completed' } });
    // Finished: not offered again, and later reports change nothing.
    expect((await v.list()).messages.some((m) => m.id === tour.id)).toBe(false);
    expect(await v.progress({ deliveryId, type: 'ended', step: 0, reason: 'dismissed' })).toMatchObject({ ok: true, data: { status: 'completed' } });

    const dropper = await visitor('tour-user-2');
    const second = await dropper.claim(tour.id);
    await dropper.progress({ deliveryId: second, type: 'step_seen', step: 0 });
    await dropper.progress({ deliveryId: second, type: 'step_seen', step: 1 });
    await dropper.progress({ deliveryId: second, type: 'ended', step: 1, reason: 'dismissed' });

    const lost = await visitor('tour-user-3');
    const third = await lost.claim(tour.id);
    await lost.progress({ deliveryId: third, type: 'step_seen', step: 0 });
    await lost.progress({ deliveryId: third, type: 'step_missing', step: 1, skipped: false });
    await lost.progress({ deliveryId: third, type: 'ended', step: 1, reason: 'element_missing' });

    const stats = await api<TourStats>('GET', `/tours/${tour.id}/stats`);
    expect(stats.body).toEqual({
      started: 3,
      completed: 1,
      dismissed: 1,
      element_missing: 1,
      completion_rate: 1 / 3,
      steps: [
        { id: 'welcome', seen: 3, dismissed: 0, missing: 0 },
        { id: 'reports', seen: 2, dismissed: 1, missing: 1 },
        { id: 'export', seen: 0, dismissed: 0, missing: 1 },
        { id: 'done', seen: 1, dismissed: 0, missing: 0 },
      ],
    });

    // The closed loop: what happened is on the contact, once each.
    const contactId = v.boot.contactId;
    const events = await api<{ data: ContactEvent[] }>('GET', `/contacts/${contactId}/events`);
    const names = events.body.data.map((e) => e.name);
    expect(names.filter((n) => n === 'tour_started')).toHaveLength(1);
    expect(names.filter((n) => n === 'tour_step_seen')).toHaveLength(3);
    expect(names).toEqual(expect.arrayContaining(['tour_completed', 'tour_element_missing', 'message_shown']));
  });

  it('resumes a started tour whose audience was a page rule on any page, and startTour starts one whatever its audience', async () => {
    const onDashboard = await createTour({ name: 'Dashboard only', audience: { page: { op: 'glob', value: '/dashboard' } } });
    const v = await visitor('tour-user-4');
    const offered = (await v.list()).messages.find((m) => m.id === onDashboard.id);
    // The widget decides the page: the rule travels as the moment.
    expect(offered?.moment).toEqual({ page: { op: 'glob', value: '/dashboard' } });
    const deliveryId = await v.claim(onDashboard.id);
    await v.progress({ deliveryId, type: 'step_seen', step: 1 });
    // Started: it goes on across pages, so no page condition is left.
    expect((await v.list()).messages.find((m) => m.id === onDashboard.id)).toMatchObject({ deliveryId, moment: null, tour: { at: 1 } });

    const hidden = await createTour({ name: 'By API only', audience: { attr: 'plan', op: 'eq', value: 'nobody' } });
    expect((await v.list()).messages.some((m) => m.id === hidden.id)).toBe(false);
    const started = await v.socket.emitWithAck('tour:start', { tourId: hidden.id });
    expect(started).toMatchObject({ ok: true, data: { message: { id: hidden.id, format: 'tour', deliveryId: expect.stringMatching(/^dlv_/), tour: { at: 0 } } } });
    const draft = await createTour({ name: 'Draft', status: 'draft' });
    expect(await v.socket.emitWithAck('tour:start', { tourId: draft.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses another visitor’s run, steps that do not exist and malformed reports', async () => {
    const tour = await createTour({ name: 'Guarded' });
    const owner = await visitor('tour-owner');
    const deliveryId = await owner.claim(tour.id);
    const stranger = await visitor('tour-stranger');
    expect(await stranger.progress({ deliveryId, type: 'step_seen', step: 0 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await owner.progress({ deliveryId, type: 'step_seen', step: 9 })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await owner.progress({ deliveryId, type: 'ended', step: 0, reason: 'exploded' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await owner.progress({ deliveryId, type: 'teleport', step: 0 })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });
});

describe('the element picker', () => {
  it('issues a token in the site URL’s fragment that the widget of this workspace accepts, and nothing forged', async () => {
    const issued = await api<{ url: string; expires_at: string }>('POST', '/tours/picker', { url: `${env.server.url}/demo/` });
    expect(issued.status).toBe(201);
    const [page, fragment] = issued.body.url.split('#parley-picker=');
    expect(page).toBe(`${env.server.url}/demo/`);
    expect(Date.parse(issued.body.expires_at) - Date.now()).toBeGreaterThan(500_000);
    const v = await visitor('picker-author');
    expect(await v.socket.emitWithAck('tour:picker', { token: fragment })).toEqual({ ok: true, data: { ok: true } });
    expect(await v.socket.emitWithAck('tour:picker', { token: `${fragment.slice(0, -2)}xx` })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await v.socket.emitWithAck('tour:picker', { token: v.boot.token })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await api('POST', '/tours/picker', { url: 'javascript:alert(1)' })).status).toBe(400);
    expect((await api('POST', '/tours/picker', { url: `${env.server.url}/#already` })).status).toBe(400);
  });
});
