/**
 * Every action's effect, seen through the REST API of the real server (and a
 * real webhook receiver on 127.0.0.1 for `call_webhook`), and what happens
 * when an action fails: it is in the run log, and the others still run.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AutomationTriggeredData, CannedReply, Page, Team, WebhookDelivery, WebhookWithSecret, WorkspaceSettings } from '../../../protocol/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { addAgent } from '../../test-support/inbox-fixtures.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../test-support/webhook-receiver.js';
import { automationHelpers } from './automation.test-helper.js';

const env = useAdminTestServer({ WEBHOOK_ALLOW_PRIVATE: '1' });
const h = automationHelpers(env);
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
afterEach(() => h.clearRules());

const MINUTE = 60_000;

describe('actions', () => {
  it('“message contains refund” tags it billing, makes it high priority and gives it to the Billing team', async () => {
    const billing = await h.tag('billing');
    const team = await h.ok<Team>('POST', '/teams', { name: 'Billing' });
    await h.createRule({
      name: 'Refunds',
      trigger: 'message_received',
      conditions: { attr: 'message.body', op: 'contains', value: 'refund' },
      actions: [{ type: 'add_tag', tag_id: billing.id }, { type: 'set_priority', priority: 'high' }, { type: 'assign', team_id: team.id }],
    });
    const v = await h.start('I want a refund for my last order');
    expect(await h.conversation(v.conversationId)).toMatchObject({ tags: ['billing'], priority: 'high', teamId: team.id, teamName: 'Billing', assigneeId: null });
  });

  it('assigns an agent, then unassigns keeping the team', async () => {
    const grace = await addAgent(env.server, { name: 'Grace Hopper', email: `grace-${Date.now()}@example.com` });
    const team = await h.ok<Team>('POST', '/teams', { name: 'Tier 2', member_ids: [grace.agentId] });
    const later = await h.tag('later');
    await h.createRule({ name: 'To Grace', trigger: 'conversation_created', actions: [{ type: 'assign', team_id: team.id, agent_id: grace.agentId }] });
    await h.createRule({ name: 'Parked', trigger: 'tag_added', conditions: { attr: 'tag.id', op: 'eq', value: later.id }, actions: [{ type: 'unassign' }] });
    const v = await h.start('Help');
    expect(await h.conversation(v.conversationId)).toMatchObject({ teamId: team.id, assigneeId: grace.agentId, assigneeName: 'Grace Hopper' });
    expect(await h.setTags(v.conversationId, ['later'])).toBeTruthy();
    expect(await h.conversation(v.conversationId)).toMatchObject({ teamId: team.id, assigneeId: null });
  });

  it('removes a tag and closes; snoozes for some minutes', async () => {
    const spam = await h.tag('spam');
    const waiting = await h.tag('waiting');
    await h.createRule({ name: 'Spam', trigger: 'tag_added', conditions: { attr: 'tag.id', op: 'eq', value: spam.id }, actions: [{ type: 'remove_tag', tag_id: waiting.id }, { type: 'close' }] });
    const v = await h.start('Buy cheap watches');
    await h.setTags(v.conversationId, ['waiting', 'spam']);
    expect(await h.conversation(v.conversationId)).toMatchObject({ tags: ['spam'], status: 'closed' });

    await h.createRule({ name: 'Nap', trigger: 'message_received', conditions: { attr: 'message.body', op: 'contains', value: 'tomorrow' }, actions: [{ type: 'snooze', minutes: 90 }] });
    const before = Date.now();
    const w = await h.start('I will be back tomorrow');
    const after = Date.now();
    const snoozed = await h.conversation(w.conversationId);
    expect(snoozed.status).toBe('snoozed');
    const until = Date.parse(snoozed.snoozedUntil ?? '');
    expect(until).toBeGreaterThanOrEqual(before + 90 * MINUTE);
    expect(until).toBeLessThanOrEqual(after + 90 * MINUTE);
  });

  it('sends a canned reply as a bot named after the workspace, placeholders filled like the inbox does', async () => {
    const settings = await h.ok<WorkspaceSettings>('GET', '/settings');
    const reply = await h.ok<CannedReply>('POST', '/canned-replies', {
      shortcut: `welcome-${Date.now()}`,
      title: 'Welcome',
      body: 'Hi {{user.first_name | fallback: "there"}}, this is {{workspace.name}}. {{agent.name | fallback: "Someone"}} will answer soon.',
    });
    await h.createRule({ name: 'Welcome', trigger: 'conversation_created', actions: [{ type: 'send_canned_reply', canned_reply_id: reply.id }] });
    const v = await h.start('Hello?', { id: 'automation-ada', name: '[Ada](https://evil.example) Lovelace' });
    const messages = await h.messages(v.conversationId);
    expect(messages.map((m) => m.authorType)).toEqual(['visitor', 'bot']);
    expect(messages[1]).toMatchObject({ authorName: settings.name, automatic: true });
    // The contact's name is text, never a link (escaped as markdown); the agent placeholders take their fallback.
    expect(messages[1].body).toBe(`Hi \\[Ada\\]\\(https\\://evil.example\\), this is ${settings.name}. Someone will answer soon.`);
  });

  it('calls a webhook: an automation.triggered delivery in its outbox, signed like every other', async () => {
    const hook = await h.ok<WebhookWithSecret>('POST', '/webhooks', { url: `${receiver.url}/issues`, events: ['contact.created'] });
    receiver.secrets = [hook.secret];
    const bug = await h.tag('Bug');
    const rule = await h.createRule({ name: 'Bugs to the tracker', trigger: 'tag_added', conditions: { attr: 'tag.id', op: 'eq', value: bug.id }, actions: [{ type: 'call_webhook', webhook_id: hook.id }] });
    const v = await h.start('It crashes on save');
    await h.setTags(v.conversationId, ['Bug']);

    const deliveries = await h.ok<Page<WebhookDelivery>>('GET', `/webhooks/${hook.id}/deliveries`);
    const delivery = deliveries.data.find((d) => d.event_type === 'automation.triggered');
    const data = delivery?.payload.data as AutomationTriggeredData;
    expect(data).toMatchObject({ rule: { id: rule.id, name: 'Bugs to the tracker' }, trigger: 'tag_added', conversation: { id: v.conversationId, tags: ['Bug'] }, contact: { id: v.contactId } });

    const sent = await h.ok<WebhookDelivery>('POST', `/webhooks/${hook.id}/deliveries/${delivery?.id}/retry`);
    expect(sent.status).toBe('succeeded');
    expect(receiver.received.find((r) => r.event.type === 'automation.triggered')).toMatchObject({ path: '/issues', verified: true });
  });

  it('logs a failing action in the run log and still runs the others', async () => {
    const doomed = await h.tag(`doomed-${Date.now()}`);
    const hook = await h.ok<WebhookWithSecret>('POST', '/webhooks', { url: `${receiver.url}/off`, events: ['contact.created'], enabled: false });
    const rule = await h.createRule({
      name: 'Brittle',
      trigger: 'conversation_created',
      actions: [{ type: 'add_tag', tag_id: doomed.id }, { type: 'set_priority', priority: 'urgent' }, { type: 'call_webhook', webhook_id: hook.id }, { type: 'add_note', body: 'still here' }],
    });
    await h.ok('DELETE', `/tags/${doomed.id}`);
    const v = await h.start('Anything');
    const [run] = await h.runs(rule.id);
    expect(run).toMatchObject({
      outcome: 'partially_failed',
      error: 'tag not found',
      actions: [
        { type: 'add_tag', ok: false, error: 'tag not found' },
        { type: 'set_priority', ok: true, error: null },
        { type: 'call_webhook', ok: false, error: `webhook "${hook.id}" is disabled` },
        { type: 'add_note', ok: true, error: null },
      ],
    });
    expect(await h.conversation(v.conversationId)).toMatchObject({ priority: 'urgent', tags: [] });
    expect((await h.notes(v.conversationId)).map((n) => n.body)).toEqual(['still here']);
  });
});
