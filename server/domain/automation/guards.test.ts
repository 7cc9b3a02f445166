/**
 * What keeps automation in bounds, through the real server: rules run in
 * their order and `stop_processing` ends the list; the loop guard (an event
 * an automation caused triggers no rule, so a rule that would re-trigger
 * itself runs once); a disabled rule never runs; another workspace's rules
 * never run on this one's events.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AutomationRule, Page } from '../../../protocol/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { otherWorkspace } from '../../test-support/inbox-fixtures.js';
import { adminFetch } from '../../test-support/test-server.js';
import { automationHelpers } from './automation.test-helper.js';

const env = useAdminTestServer();
const h = automationHelpers(env);

afterEach(() => h.clearRules());

const note = (name: string, extra: Record<string, unknown> = {}) => ({ name, trigger: 'conversation_created', actions: [{ type: 'add_note', body: name }], ...extra });
const noteBodies = async (conversationId: string) => (await h.notes(conversationId)).map((n) => n.body);

describe('order and stop_processing', () => {
  it('runs the matching rules in position order until one says stop', async () => {
    const first = await h.createRule(note('first'));
    const stopper = await h.createRule(note('stopper', { stop_processing: true }));
    const after = await h.createRule(note('after'));
    // A rule that does not match does not stop anything, even with stop_processing.
    await h.createRule(note('not matching', { conditions: { any: [] }, stop_processing: true, position: 0 }));
    const v = await h.start('Order please');
    expect(await noteBodies(v.conversationId)).toEqual(['first', 'stopper']);
    expect(await h.runs(after.id)).toEqual([]);

    // Moved to the front, `after` runs first; the stopper still ends the list.
    const order = (await h.ok<Page<AutomationRule>>('PUT', '/automation-rules/order', { ids: [after.id, (await h.ok<Page<AutomationRule>>('GET', '/automation-rules')).data[0].id, stopper.id, first.id] })).data;
    expect(order.map((r) => r.name)).toEqual(['after', 'not matching', 'stopper', 'first']);
    const w = await h.start('Again');
    expect(await noteBodies(w.conversationId)).toEqual(['after', 'stopper']);
    expect(await h.runs(first.id)).toHaveLength(1);
  });
});

describe('the loop guard', () => {
  it('runs a rule that would re-trigger itself once', async () => {
    const echo = await h.tag('echo');
    // Each run takes the tag off and puts it back: without the guard, every run would start the next.
    const loop = await h.createRule({ name: 'Echo', trigger: 'tag_added', actions: [{ type: 'remove_tag', tag_id: echo.id }, { type: 'add_tag', tag_id: echo.id }] });
    const v = await h.start('Loop me');
    await h.setTags(v.conversationId, ['first']);
    expect(await h.runs(loop.id)).toEqual([expect.objectContaining({ outcome: 'succeeded' })]);
    expect((await h.conversation(v.conversationId)).tags).toEqual(['echo', 'first']);
  });

  it('never lets one rule’s actions trigger another rule', async () => {
    const vip = await h.tag('vip');
    await h.createRule({ name: 'Tag VIPs', trigger: 'conversation_created', actions: [{ type: 'add_tag', tag_id: vip.id }] });
    const onTag = await h.createRule({ name: 'On any tag', trigger: 'tag_added', actions: [{ type: 'set_priority', priority: 'urgent' }] });
    const v = await h.start('Hello');
    expect(await h.conversation(v.conversationId)).toMatchObject({ tags: ['vip'], priority: 'normal' });
    expect(await h.runs(onTag.id)).toEqual([]);
    // The same tag added by a person does trigger it.
    await h.setTags(v.conversationId, ['vip', 'person']);
    expect(await h.runs(onTag.id)).toHaveLength(1);
  });
});

describe('enabled and workspaces', () => {
  it('never runs a disabled rule; enabled again, it does', async () => {
    const off = await h.createRule(note('off', { enabled: false }));
    const v = await h.start('Quiet');
    expect(await h.runs(off.id)).toEqual([]);
    expect(await h.notes(v.conversationId)).toEqual([]);
    await h.ok('PATCH', `/automation-rules/${off.id}`, { enabled: true });
    const w = await h.start('Loud');
    expect(await noteBodies(w.conversationId)).toEqual(['off']);
  });

  it('never runs another workspace’s rules, and keeps them out of sight', async () => {
    const other = await otherWorkspace(env.server);
    const theirs = await adminFetch<AutomationRule>(env.server.url, other.session, 'POST', '/automation-rules', note('theirs'));
    expect(theirs.status).toBe(201);
    const v = await h.start('Mine');
    expect(await h.notes(v.conversationId)).toEqual([]);
    const theirRuns = await adminFetch<Page<unknown>>(env.server.url, other.session, 'GET', `/automation-rules/${theirs.body.id}/runs`);
    expect(theirRuns.body.data).toEqual([]);
    // Each side sees only its own: someone else's rule answers 404 like a missing one.
    expect((await env.api('GET', `/automation-rules/${theirs.body.id}`)).status).toBe(404);
    expect((await env.api('GET', `/automation-rules/${theirs.body.id}/runs`)).status).toBe(404);
    expect((await env.api('PATCH', `/automation-rules/${theirs.body.id}`, { enabled: false })).status).toBe(404);
    expect((await h.ok<Page<AutomationRule>>('GET', '/automation-rules')).data).toEqual([]);
  });
});
