/**
 * `/api/v1/bots` against the real server: the ordered list, the checks a flow
 * must pass (step ids, branch targets, the workspace's tags and teams), who
 * may write, the answer bot's switch — and two nodes answering one question
 * at once, which moves the bot once.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Bot, Page, Tag } from '../../../protocol/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { adminFetch, connectVisitor } from '../../test-support/test-server.js';
import { createAgent } from '../../test-support/team-fixtures.js';
import { botHelpers } from '../../domain/bots/bots.test-helper.js';

const env = useAdminTestServer();
const h = botHelpers(env);

type ErrorBody = { error: { code: string; message: string } };

const hello = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  trigger: { on: 'new_conversation' },
  steps: [{ id: 'hi', type: 'message', body: `${name} says hi` }],
  ...extra,
});

describe('REST', () => {
  it('has the demo bot on a new database: plan and urgency from the Billing page, to the Enterprise desk', async () => {
    const [demo] = (await h.ok<Page<Bot>>('GET', '/bots')).data;
    expect(demo).toMatchObject({ name: 'Ask plan and urgency', enabled: true, position: 0, trigger: { on: 'new_conversation', audience: { page: { op: 'matches', value: '/demo/billing*' } } } });
    const team = (await h.ok<Page<{ id: string; name: string }>>('GET', '/teams')).data.find((t) => t.name === 'Enterprise desk');
    expect(demo.steps.filter((s) => s.type === 'assign')).toEqual([expect.objectContaining({ team_id: team?.id }), expect.objectContaining({ team_id: team?.id })]);
    expect(demo.steps.filter((s) => s.type === 'buttons').map((s) => s.type === 'buttons' && s.options.map((o) => o.label))).toEqual([
      ['Free', 'Pro', 'Enterprise'],
      ['Low: it can wait', 'Urgent: something is broken'],
      ['Low: it can wait', 'Urgent: something is broken'],
    ]);
    await h.clearBots();
  });

  it('lists bots in order, inserts at a position, reorders and deletes', async () => {
    const a = await h.createBot(hello('A'));
    const b = await h.createBot(hello('B'));
    const c = await h.createBot(hello('C', { position: 0, trigger: { on: 'outside_business_hours', audience: { page: { op: 'matches', value: '/pricing*' } } } }));
    expect(c).toMatchObject({ position: 0, enabled: true, trigger: { on: 'outside_business_hours', audience: { page: { op: 'matches', value: '/pricing*' } } } });
    const names = async () => (await h.ok<Page<Bot>>('GET', '/bots')).data.map((bot) => `${bot.position}:${bot.name}`);
    expect(await names()).toEqual(['0:C', '1:A', '2:B']);
    await h.ok('PUT', '/bots/order', { ids: [b.id, c.id, a.id] });
    expect(await names()).toEqual(['0:B', '1:C', '2:A']);
    const moved = await h.ok<Bot>('PATCH', `/bots/${a.id}`, { position: 0, enabled: false, name: 'A2' });
    expect(moved).toMatchObject({ position: 0, enabled: false, name: 'A2' });
    expect(await names()).toEqual(['0:A2', '1:B', '2:C']);
    await h.ok('DELETE', `/bots/${moved.id}`);
    expect(await names()).toEqual(['0:B', '1:C']);
    expect((await env.api('GET', `/bots/${moved.id}`)).status).toBe(404);
    await h.clearBots();
  });

  it('refuses a flow that does not hold together, naming the field', async () => {
    const bad = async (steps: unknown[]) => (await env.api<ErrorBody>('POST', '/bots', { ...hello('Bad'), steps })).body.error;
    expect(await bad([])).toMatchObject({ code: 'validation_failed', message: 'steps: give at least one step' });
    expect((await bad([{ id: 'a', type: 'message', body: 'x' }, { id: 'a', type: 'handover' }])).message).toBe('steps.1.id: step id "a" used twice');
    expect((await bad([{ id: 'q', type: 'buttons', body: 'Pick', options: [{ id: 'x', label: 'X', next: 'nowhere' }] }])).message).toBe('steps.0.options.0.next: no step "nowhere" in this bot');
    expect((await bad([{ id: 'q', type: 'collect', body: 'Plan?', field: 'trait', validation: 'text' }])).message).toBe('steps.0.trait_key: name the trait to keep the answer in');
    expect((await bad([{ id: 'q', type: 'collect', body: 'Plan?', field: 'name', validation: 'choice' }])).message).toBe('steps.0.options: a choice needs options');
    expect((await bad([{ id: 't', type: 'tag', tag_id: 'tag_nope' }])).message).toBe('steps.0.tag_id: no tag "tag_nope" in this workspace');
    expect((await bad([{ id: 't', type: 'assign', team_id: 'team_nope' }])).message).toBe('steps.0.team_id: no team "team_nope" in this workspace');
    expect((await bad([{ id: 'm', type: 'message', body: 'x', extra: 1 }])).code).toBe('validation_failed');
    const unknownTrigger = await env.api<ErrorBody>('POST', '/bots', { ...hello('Bad'), trigger: { on: 'sometimes' } });
    expect(unknownTrigger.status).toBe(400);
  });

  it('lets every agent read and only admins write', async () => {
    const agent = await createAgent(env.server, { name: 'Reader' });
    const asAgent = <T>(method: string, path: string, body?: unknown) => adminFetch<T>(env.server.url, agent, method, path, body);
    expect((await asAgent('GET', '/bots')).status).toBe(200);
    expect((await asAgent('GET', '/bots/answer-bot')).status).toBe(200);
    expect((await asAgent<ErrorBody>('POST', '/bots', hello('Nope'))).body.error).toEqual({ code: 'forbidden', message: 'only admins can change bots' });
    expect((await asAgent('PATCH', '/bots/answer-bot', { enabled: true })).status).toBe(403);
    expect((await env.api('PATCH', '/bots/answer-bot', { enabled: 'yes' })).status).toBe(400);
    expect((await fetch(`${env.server.url}/api/v1/bots`)).status).toBe(401);
  });
});

describe('two nodes, one question', () => {
  it('answers given at once through two nodes move the bot once', async () => {
    const peer = await env.server.peer();
    const tag = await h.ok<Tag>('POST', '/tags', { name: `Once ${randomUUID().slice(0, 6)}` });
    await h.createBot({
      name: 'Once',
      trigger: { on: 'new_conversation' },
      steps: [
        { id: 'pick', type: 'buttons', body: 'A or B?', trait_key: 'pick', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
        { id: 'tag', type: 'tag', tag_id: tag.id },
        { id: 'next', type: 'collect', body: 'Anything else?', field: 'trait', trait_key: 'more', validation: 'text' },
      ],
    });
    const v = await h.start('Hi');
    const question = (await h.messages(v.conversationId)).find((m) => m.buttons);
    // The same visitor on the other node: its token is good on any node.
    const second = await connectVisitor(peer.url, v.token);
    env.sockets.push(second);
    const send = (socket: typeof second, label: string) =>
      socket.emitWithAck('message:send', { conversationId: v.conversationId, clientId: `race-${randomUUID()}`, body: label, choice: { messageId: question?.id ?? '', optionId: label.toLowerCase() } });
    const [x, y] = await Promise.all([send(v.socket, 'A'), send(second, 'B')]);
    expect(x.ok && y.ok).toBe(true);
    for (let round = 0; round < 3; round++) {
      await h.settled();
      await peer.domain.bots.settled();
      await peer.domain.routing.settled();
    }
    const bot = (await h.messages(v.conversationId)).filter((m) => m.authorType === 'bot').map((m) => m.body);
    expect(bot).toEqual(['A or B?', 'Anything else?']);
    const run = (await h.run(v.conversationId)).body;
    expect(Object.keys(run.answers)).toEqual(['pick']);
    expect(run.step).toBe(2);
    expect((await h.conversation(v.conversationId)).tags).toEqual([tag.name]);
    await h.clearBots();
  });
});
