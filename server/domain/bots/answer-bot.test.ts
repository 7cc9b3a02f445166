/**
 * The answer bot end to end through real sockets: the visitor's first
 * message is searched in the help center, the best live articles come back as
 * a bot message with "Did that help?"; yes closes the conversation as resolved
 * by the bot, no hands it to a person (routed by the rules). The conversation
 * report counts what it answered and resolved (its deflection), on the
 * conversations of this file only (its own server).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConversationReport, HelpArticle, Team } from '../../../protocol/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { createRule, createTeam } from '../../test-support/team-fixtures.js';
import { botHelpers, botLines } from './bots.test-helper.js';

const env = useAdminTestServer();
const h = botHelpers(env);

let article: HelpArticle;
let people: Team;

const QUESTION = 'How do I recharge the zeppelin battery?';

beforeAll(async () => {
  await h.clearBots();
  article = await h.ok<HelpArticle>('POST', '/articles', {
    title: 'Recharging the zeppelin battery',
    summary: 'Plug it in overnight.',
    body: 'Plug the zeppelin into the dock and leave the battery to recharge overnight.',
    status: 'live',
  });
  await h.ok<HelpArticle>('POST', '/articles', { title: 'Zeppelin battery draft', body: 'Not live: never offered.', status: 'draft' });
  people = await createTeam(env.server, env.session, { name: 'People' });
  await createRule(env.server, env.session, { name: 'All to people', team_id: people.id });
  expect((await h.ok<{ enabled: boolean }>('PATCH', '/bots/answer-bot', { enabled: true })).enabled).toBe(true);
});

const articleLine = () => `- [Recharging the zeppelin battery](http://127.0.0.1/help/demo/en/articles/${article.slug})`;

describe('the answer bot', () => {
  it('offers the best live articles with "Did that help?"; yes resolves the conversation', async () => {
    const v = await h.start(QUESTION);
    const [offer] = await h.until(v, (r) => r.some((m) => m.buttons)).then((r) => r.filter((m) => m.buttons));
    expect(offer.authorType).toBe('bot');
    expect(offer.body.split('\n')).toEqual(['These articles might help:', '', articleLine(), '', 'Did that help?']);
    expect(offer.buttons).toEqual([
      { id: 'yes', label: 'Yes, thanks' },
      { id: 'no', label: 'No, talk to a person' },
    ]);
    // Held from routing while it waits.
    expect(await h.conversation(v.conversationId)).toMatchObject({ teamId: null, status: 'open' });

    await h.click(v, 'Yes, thanks');
    await h.until(v, (r) => botLines(r).some((line) => line.startsWith('Great, glad it helped!')));
    expect(await h.conversation(v.conversationId)).toMatchObject({ status: 'closed', teamId: null });
    expect((await h.run(v.conversationId)).body).toMatchObject({ kind: 'answer', status: 'resolved' });
    const row = await env.server.domain.db.selectFrom('conversations').select('resolved_by').where('id', '=', v.conversationId).executeTakeFirstOrThrow();
    expect(row.resolved_by).toBe('bot');
  });

  it('no hands over to a person: a line saying so, then the assignment rules route it', async () => {
    const v = await h.start(QUESTION);
    await h.click(v, 'No, talk to a person');
    await h.until(v, (r) => botLines(r).includes('No problem: a teammate will reply here soon.'));
    expect(await h.conversation(v.conversationId)).toMatchObject({ status: 'open', teamId: people.id });
    expect((await h.run(v.conversationId)).body.status).toBe('handed_over');
  });

  it('a visitor who types instead of answering goes on to a person, like a no', async () => {
    const v = await h.start(QUESTION);
    await h.until(v, (r) => r.some((m) => m.buttons));
    await h.say(v, 'It is about the propeller, actually');
    expect(botLines(await h.messages(v.conversationId)).at(-1)).toBe('No problem: a teammate will reply here soon.');
    expect(await h.conversation(v.conversationId)).toMatchObject({ status: 'open', teamId: people.id });
  });

  it('a visitor who writes again after a resolution takes it back: reopened and routed', async () => {
    const v = await h.start(QUESTION);
    await h.click(v, 'Yes, thanks');
    expect((await h.conversation(v.conversationId)).status).toBe('closed');
    await h.say(v, 'Actually it still does not charge');
    expect(await h.conversation(v.conversationId)).toMatchObject({ status: 'open', teamId: people.id });
    const row = await env.server.domain.db.selectFrom('conversations').select('resolved_by').where('id', '=', v.conversationId).executeTakeFirstOrThrow();
    expect(row.resolved_by).toBeNull();
  });

  it('without an article for the question it stays quiet, and the custom bots or the rules take the conversation', async () => {
    const quiet = await h.start('Qwxyzzy plokmn?');
    expect(botLines(await h.messages(quiet.conversationId))).toEqual([]);
    expect(await h.conversation(quiet.conversationId)).toMatchObject({ teamId: people.id });

    const bot = await h.createBot({ name: 'Fallback', trigger: { on: 'new_conversation' }, steps: [{ id: 'hi', type: 'message', body: 'The custom bot here.' }] });
    const custom = await h.start('Qwxyzzy plokmn?');
    expect(botLines(await h.messages(custom.conversationId))).toEqual(['The custom bot here.']);
    // The flow ended without a hand-over step: completed, and routed all the same.
    expect((await h.run(custom.conversationId)).body).toMatchObject({ status: 'completed', bot_id: bot.id });
    expect(await h.conversation(custom.conversationId)).toMatchObject({ teamId: people.id });
    await h.ok('DELETE', `/bots/${bot.id}`);
  });

  it('is counted in the conversation report: answered, resolved and the deflection rate', async () => {
    const report = await h.ok<ConversationReport>('GET', '/reports/conversations');
    // Answered: yes, no, typed, and the one taken back; resolved: only the first.
    expect(report.answer_bot).toEqual({ answered: 4, resolved: 1, deflection_rate: 0.25 });
    const other = await h.ok<ConversationReport>('GET', `/reports/conversations?team_id=${people.id}`);
    expect(other.answer_bot).toEqual({ answered: 3, resolved: 0, deflection_rate: 0 });
  });

  it('switched off, it offers nothing', async () => {
    await h.ok('PATCH', '/bots/answer-bot', { enabled: false });
    expect((await h.ok<{ enabled: boolean }>('GET', '/bots/answer-bot')).enabled).toBe(false);
    const v = await h.start(QUESTION);
    expect(botLines(await h.messages(v.conversationId))).toEqual([]);
  });
});
