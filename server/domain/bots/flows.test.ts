/**
 * Custom bots end to end through real sockets: a visitor starts a
 * conversation, the bot talks over /visitor, the visitor clicks buttons and
 * types answers, and what the bot did is read back over REST — the
 * conversation's tags, priority and team, the contact's email and traits,
 * the run. Routing waits while the bot talks and routes at hand-over.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Tag, Team } from '../../../protocol/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { clearRules, createAgent, createRule, createTeam, goOnline } from '../../test-support/team-fixtures.js';
import { type BotVisitor, botHelpers, botLines, closedNow, ALWAYS_OPEN } from './bots.test-helper.js';

const env = useAdminTestServer();
const h = botHelpers(env);

let team: Team;
let queue: Team;
let bug: Tag;
let agentId: string;

beforeAll(async () => {
  await h.clearBots();
  const agent = await createAgent(env.server, { name: 'Vera' });
  agentId = agent.id;
  env.sockets.push(await goOnline(env.server, agent));
  team = await createTeam(env.server, env.session, { name: 'VIP', member_ids: [agent.id] });
  queue = await createTeam(env.server, env.session, { name: 'Queue' });
  bug = await h.ok<Tag>('POST', '/tags', { name: 'Bot tagged' });
});

afterEach(async () => {
  await h.clearBots();
  await clearRules(env.server, env.session);
  await h.ok('PATCH', '/settings', { businessHours: null });
});

/** Plan (Free / Enterprise, kept as a trait); Enterprise is urgent, tagged and goes to the VIP team; everyone leaves an email. */
const planFlow = () => ({
  name: 'Plan and email',
  trigger: { on: 'new_conversation' },
  steps: [
    { id: 'hi', type: 'message', body: 'Hi! A couple of questions first.' },
    {
      id: 'plan',
      type: 'buttons',
      body: 'Which plan are you on?',
      trait_key: 'plan',
      options: [
        { id: 'free', label: 'Free', next: 'email' },
        { id: 'enterprise', label: 'Enterprise', next: 'vip' },
      ],
    },
    { id: 'vip', type: 'set_priority', priority: 'urgent' },
    { id: 'vip-tag', type: 'tag', tag_id: bug.id },
    { id: 'vip-team', type: 'assign', team_id: team.id },
    { id: 'email', type: 'collect', body: 'What is your email?', field: 'email', validation: 'email' },
    { id: 'done', type: 'set_trait', key: 'asked_by_bot', value: true },
    { id: 'bye', type: 'message', body: 'Thanks, a person takes it from here.' },
    { id: 'handover', type: 'handover' },
  ],
});

describe('a custom bot flow', () => {
  it('asks with buttons, branches, re-asks an invalid email, keeps answers, tags, sets the priority and hands over to its team', async () => {
    // A rule that would route every conversation elsewhere: the bot's team wins, and nothing is routed while it talks.
    await createRule(env.server, env.session, { name: 'Everything to the queue', team_id: queue.id });
    await h.createBot(planFlow());
    const v = await h.start('Hello, I have a question');

    // The bot spoke first, live; routing waits.
    await h.until(v, (r) => botLines(r).length === 2);
    expect(botLines(v.received)).toEqual(['Hi! A couple of questions first.', 'Which plan are you on?']);
    const question = v.received.find((m) => m.buttons);
    expect(question).toMatchObject({ authorType: 'bot', body: 'Which plan are you on?', buttons: [{ id: 'free', label: 'Free' }, { id: 'enterprise', label: 'Enterprise' }] });
    expect(await h.conversation(v.conversationId)).toMatchObject({ teamId: null, assigneeId: null, priority: 'normal' });

    // The choice travels as the visitor's message, labelled.
    const choice = await h.click(v, 'Enterprise', 'choice-enterprise-1');
    expect(choice).toMatchObject({ authorType: 'visitor', body: 'Enterprise', choice: { messageId: question?.id, optionId: 'enterprise' } });
    // A resend of the same click is the same message and moves nothing.
    const runBefore = (await h.run(v.conversationId)).body;
    const again = await h.click(v, 'Enterprise', 'choice-enterprise-1');
    expect(again.id).toBe(choice.id);
    expect((await h.run(v.conversationId)).body).toEqual(runBefore);

    await h.until(v, (r) => botLines(r).includes('What is your email?'));
    await h.say(v, 'my email is secret');
    await h.until(v, (r) => botLines(r).length === 4);
    expect(botLines(v.received)[3]).toBe("That doesn't look like an email address. Could you check it?");
    await h.say(v, 'Ada@Example.com');
    await h.until(v, (r) => botLines(r).includes('Thanks, a person takes it from here.'));

    expect(botLines(v.received)).toEqual([
      'Hi! A couple of questions first.',
      'Which plan are you on?',
      'What is your email?',
      "That doesn't look like an email address. Could you check it?",
      'Thanks, a person takes it from here.',
    ]);
    const conversation = await h.conversation(v.conversationId);
    expect(conversation).toMatchObject({ priority: 'urgent', tags: ['Bot tagged'], teamId: team.id, assigneeId: agentId, status: 'open' });
    const contact = await h.contact(v.contactId);
    expect(contact).toMatchObject({ email: 'ada@example.com', traits: expect.objectContaining({ plan: 'Enterprise', asked_by_bot: true }) });
    expect((await h.run(v.conversationId)).body).toMatchObject({ status: 'handed_over', kind: 'flow', bot_name: 'Plan and email', answers: { plan: 'Enterprise', email: 'ada@example.com' } });

    // The agent's thread reads naturally: bot messages, and the visitor's choice as its label.
    const thread = await h.messages(v.conversationId);
    expect(thread.map((m) => `${m.authorType}: ${m.body}`)).toEqual([
      'visitor: Hello, I have a question',
      'bot: Hi! A couple of questions first.',
      'bot: Which plan are you on?',
      'visitor: Enterprise',
      'bot: What is your email?',
      'visitor: my email is secret',
      "bot: That doesn't look like an email address. Could you check it?",
      'visitor: Ada@Example.com',
      'bot: Thanks, a person takes it from here.',
    ]);
    expect(thread.filter((m) => m.authorType === 'bot').every((m) => m.automatic === true)).toBe(true);
  });

  it('the other branch: no team of its own, so the assignment rules route it at hand-over', async () => {
    await createRule(env.server, env.session, { name: 'Everything to the queue', team_id: queue.id });
    await h.createBot(planFlow());
    const v = await h.start('Hi');
    // Typing a label is the same as clicking it.
    await h.until(v, (r) => r.some((m) => m.buttons));
    await h.say(v, 'free');
    expect(await h.conversation(v.conversationId)).toMatchObject({ teamId: null, priority: 'normal' });
    await h.say(v, 'bo@example.com');
    expect(await h.conversation(v.conversationId)).toMatchObject({ teamId: queue.id, priority: 'normal', tags: [] });
    expect((await h.contact(v.contactId)).traits).toMatchObject({ plan: 'Free' });
  });

  it('hands over after three invalid answers', async () => {
    await h.createBot({
      name: 'Numbers',
      trigger: { on: 'new_conversation' },
      steps: [
        { id: 'seats', type: 'collect', body: 'How many seats?', field: 'trait', trait_key: 'seats', validation: 'number' },
        { id: 'never', type: 'message', body: 'Not reached' },
      ],
    });
    const v = await h.start('Hi');
    for (const answer of ['many', 'lots', 'a hundred']) await h.say(v, answer);
    const lines = botLines(await h.messages(v.conversationId));
    expect(lines).toEqual(['How many seats?', 'Please answer with a number.', 'Please answer with a number.']);
    expect((await h.run(v.conversationId)).body.status).toBe('handed_over');
  });

  it('stops when a person writes, and a bot message is not the team’s reply', async () => {
    await h.createBot(planFlow());
    const v = await h.start('Hi');
    await h.ok('POST', `/conversations/${v.conversationId}/messages`, { body: 'Hi, Vera here.' });
    await h.settled();
    expect((await h.run(v.conversationId)).body.status).toBe('handed_over');
    await h.say(v, 'Free');
    expect(botLines(await h.messages(v.conversationId))).toEqual(['Hi! A couple of questions first.', 'Which plan are you on?']);
  });
});

describe('triggers and audiences', () => {
  const oneLiner = (name: string, on: string, audience?: unknown) => ({
    name,
    trigger: { on, ...(audience ? { audience } : {}) },
    steps: [
      { id: 'say', type: 'message', body: `${name} here` },
      { id: 'end', type: 'handover' },
    ],
  });
  const saidBy = async (v: BotVisitor) => botLines(await h.messages(v.conversationId)).filter((line) => line.endsWith(' here'));

  it('outside business hours: the out-of-hours bot runs; inside them, the next one', async () => {
    await h.createBot(oneLiner('Night bot', 'outside_business_hours'));
    await h.createBot(oneLiner('Day bot', 'new_conversation'));
    await h.ok('PATCH', '/settings', { businessHours: closedNow() });
    expect(await saidBy(await h.start('Anyone?'))).toEqual(['Night bot here']);
    await h.ok('PATCH', '/settings', { businessHours: ALWAYS_OPEN });
    expect(await saidBy(await h.start('Anyone?'))).toEqual(['Day bot here']);
    // Without business hours it is never "outside" them.
    await h.ok('PATCH', '/settings', { businessHours: null });
    expect(await saidBy(await h.start('Anyone?'))).toEqual(['Day bot here']);
  });

  it('the audience decides: the first enabled bot whose audience matches starts, none when none does', async () => {
    await h.createBot(oneLiner('Pro bot', 'new_conversation', { attr: 'plan', op: 'eq', value: 'pro' }));
    await h.createBot(oneLiner('First message bot', 'new_conversation', { attr: 'conversation.first_message', op: 'contains', value: 'invoice' }));
    const disabled = await h.createBot({ ...oneLiner('Disabled bot', 'new_conversation'), enabled: false });
    expect(disabled.enabled).toBe(false);

    expect(await saidBy(await h.start('Hello', { id: `pro-${Date.now()}`, traits: { plan: 'pro' } }))).toEqual(['Pro bot here']);
    expect(await saidBy(await h.start('Where is my invoice?'))).toEqual(['First message bot here']);
    const nobody = await h.start('Hello');
    expect(await saidBy(nobody)).toEqual([]);
    expect((await h.run(nobody.conversationId)).status).toBe(404);
  });
});
