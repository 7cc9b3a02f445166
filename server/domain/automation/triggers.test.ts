/**
 * Each of the five triggers, through the real server: the visitor's socket,
 * an agent's REST call, a survey answered in the thread, the SDK's events
 * endpoint. For each, a rule whose conditions hold runs (its run log and its
 * note say so) and a rule of the same trigger whose conditions don't, doesn't.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AutomationRule } from '../../../protocol/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { automationHelpers } from './automation.test-helper.js';

const env = useAdminTestServer();
const h = automationHelpers(env);

afterEach(() => h.clearRules());

/** Two rules of one trigger, each leaving a note named after it: one whose conditions hold, one whose don't. */
async function pair(trigger: string, matching: unknown, other: unknown): Promise<[AutomationRule, AutomationRule]> {
  const hit = await h.createRule({ name: `${trigger} hit`, trigger, conditions: matching, actions: [{ type: 'add_note', body: `${trigger}: hit` }] });
  const miss = await h.createRule({ name: `${trigger} miss`, trigger, conditions: other, actions: [{ type: 'add_note', body: `${trigger}: miss` }] });
  return [hit, miss];
}

const noteBodies = async (conversationId: string) => (await h.notes(conversationId)).map((n) => n.body);

describe('triggers', () => {
  it('conversation created: reads the first message and the conversation', async () => {
    const [hit, miss] = await pair(
      'conversation_created',
      { all: [{ attr: 'conversation.first_message', op: 'contains', value: 'invoice' }, { attr: 'conversation.status', op: 'eq', value: 'open' }] },
      { attr: 'conversation.first_message', op: 'contains', value: 'password' },
    );
    const v = await h.start('Where is my invoice for March?');
    expect(await h.runs(hit.id)).toEqual([
      expect.objectContaining({ rule_id: hit.id, trigger: 'conversation_created', conversation_id: v.conversationId, contact_id: v.contactId, outcome: 'succeeded', error: null }),
    ]);
    expect(await h.runs(miss.id)).toEqual([]);
    const notes = await h.notes(v.conversationId);
    expect(notes).toEqual([expect.objectContaining({ body: 'conversation_created: hit', authorId: null, authorName: 'Automation: conversation_created hit' })]);
  });

  it('message received: the visitor’s messages only, each one', async () => {
    const [hit, miss] = await pair('message_received', { attr: 'message.body', op: 'contains', value: 'refund' }, { attr: 'message.body', op: 'contains', value: 'cancel' });
    const v = await h.start('Hello there');
    expect(await h.runs(hit.id)).toHaveLength(0);
    await h.say(v, 'I would like a REFUND please');
    expect(await h.runs(hit.id)).toEqual([expect.objectContaining({ trigger: 'message_received', conversation_id: v.conversationId })]);
    // The team writing the word is no message received.
    await h.ok('POST', `/conversations/${v.conversationId}/messages`, { body: 'About your refund…' });
    await h.settled();
    await h.say(v, 'refund, again');
    expect(await h.runs(hit.id)).toHaveLength(2);
    expect(await h.runs(miss.id)).toEqual([]);
    expect(await noteBodies(v.conversationId)).toEqual(['message_received: hit', 'message_received: hit']);
  });

  it('tag added: once per tag newly put on the conversation', async () => {
    const [hit, miss] = await pair('tag_added', { attr: 'tag.name', op: 'eq', value: 'Bug' }, { attr: 'tag.name', op: 'eq', value: 'Incident' });
    const v = await h.start('The export button does nothing');
    await h.setTags(v.conversationId, ['bug']);
    // Already there: not added again. Another tag: not this rule's.
    await h.setTags(v.conversationId, ['Bug', 'vip']);
    expect(await h.runs(hit.id)).toEqual([expect.objectContaining({ trigger: 'tag_added', conversation_id: v.conversationId, outcome: 'succeeded' })]);
    expect(await h.runs(miss.id)).toEqual([]);
    // The conversation's tags are facts too.
    const tagged = await h.createRule({ name: 'has vip', trigger: 'tag_added', conditions: { attr: 'conversation.tags', op: 'contains', value: 'vip' }, actions: [{ type: 'set_priority', priority: 'high' }] });
    await h.setTags(v.conversationId, ['Bug', 'vip', 'later']);
    expect(await h.runs(tagged.id)).toHaveLength(1);
    expect((await h.conversation(v.conversationId)).priority).toBe('high');
  });

  it('survey answered: reads the NPS score of the answer, in the conversation it was sent in', async () => {
    const [hit, miss] = await pair('survey_answered', { attr: 'survey.nps', op: 'lte', value: 6 }, { attr: 'survey.nps', op: 'gte', value: 9 });
    const v = await h.start('Your app is slow');
    const survey = await h.answerNps(v, 4);
    expect(await h.runs(hit.id)).toEqual([expect.objectContaining({ trigger: 'survey_answered', conversation_id: v.conversationId, contact_id: v.contactId })]);
    expect(await h.runs(miss.id)).toEqual([]);
    const byId = await h.createRule({ name: 'this survey', trigger: 'survey_answered', conditions: { all: [{ attr: 'survey.id', op: 'eq', value: survey.id }, { attr: 'survey.answer.nps', op: 'eq', value: 10 }] }, actions: [{ type: 'close' }] });
    const w = await h.start('Love it');
    await h.answerNps(w, 10);
    expect(await h.runs(byId.id)).toHaveLength(0); // another survey (answerNps makes a new one)
    expect(await h.runs(miss.id)).toHaveLength(1);
  });

  it('event tracked: on the contact’s open conversation, or on none', async () => {
    const [hit, miss] = await pair('event_tracked', { attr: 'event.name', op: 'eq', value: 'payment_failed' }, { attr: 'event.name', op: 'eq', value: 'signed_up' });
    const v = await h.start('Hi');
    await h.track('payment_failed', v.token);
    expect(await h.runs(hit.id)).toEqual([expect.objectContaining({ trigger: 'event_tracked', conversation_id: v.conversationId, contact_id: v.contactId, outcome: 'succeeded' })]);
    expect(await noteBodies(v.conversationId)).toEqual(['event_tracked: hit']);

    // A contact without a conversation: the rule runs, and an action that needs one says so.
    const lonely = await h.track('payment_failed');
    const [latest] = await h.runs(hit.id);
    expect(latest).toMatchObject({ contact_id: lonely, conversation_id: null, outcome: 'failed', actions: [{ type: 'add_note', ok: false, error: expect.stringContaining('no conversation') }] });
    expect(await h.runs(miss.id)).toEqual([]);
  });
});
