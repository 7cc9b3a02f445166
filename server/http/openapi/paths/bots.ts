/** `/bots`: custom bot flows, their order, the answer bot and a conversation's run (routes/bots.ts, docs/bots.md). */
import { answerBotSettingsSchema, createBotSchema, reorderBotsSchema, updateBotSchema } from '../../../../protocol/index.js';
import { objectDoc } from '../models/shared.js';
import { json, named, pageOf, type RouteDoc } from '../route-doc.js';
import { crudDocs } from './crud.js';

const BotDoc = objectDoc(
  'Bot',
  '`{ id, name, enabled, position, trigger: { on, audience? }, steps: [...], created_at, updated_at }`: the fields of CreateBotRequest with defaults filled in.',
);
const AnswerBotDoc = objectDoc('AnswerBotSettings', '`{ enabled }`: the answer bot offers help articles on new conversations.');
const BotRunDoc = objectDoc('BotRun', '`{ id, bot_id, kind: "flow"|"answer", bot_name, conversation_id, status, step, answers, created_at, updated_at }`.');

const tags = ['Bots'];

export const botDocs: RouteDoc[] = [
  ...crudDocs({
    base: '/bots',
    tag: 'Bots',
    thing: 'bot',
    item: BotDoc,
    create: named('CreateBotRequest', createBotSchema),
    update: named('UpdateBotRequest', updateBotSchema),
    writeNote: 'Admins only. A new `position` moves the bot; `steps` replaces the flow (runs under way keep theirs).',
  }),
  {
    method: 'put',
    path: '/bots/order',
    summary: 'Reorder every bot at once',
    description: 'Admins only.',
    tags,
    auth: 'admin',
    request: { body: named('ReorderBotsRequest', reorderBotsSchema) },
    responses: { 200: json('The bots in their new order', pageOf(BotDoc)) },
  },
  { method: 'get', path: '/bots/answer-bot', summary: 'The answer bot’s settings', tags, auth: 'admin', responses: { 200: json('The settings', AnswerBotDoc) } },
  {
    method: 'patch',
    path: '/bots/answer-bot',
    summary: 'Turn the answer bot on or off',
    description: 'Admins only.',
    tags,
    auth: 'admin',
    request: { body: named('AnswerBotSettingsRequest', answerBotSettingsSchema) },
    responses: { 200: json('The settings', AnswerBotDoc) },
  },
  {
    method: 'get',
    path: '/bots/runs/:conversationId',
    summary: 'Where a conversation is in its bot',
    description: '404 when no bot talked in it.',
    tags,
    auth: 'admin',
    request: { params: { conversationId: 'The conversation’s id' } },
    responses: { 200: json('The run', BotRunDoc) },
  },
];
