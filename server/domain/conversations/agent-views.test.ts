/**
 * Agents' views of a whole page at once (agent-views.ts), through the real
 * server: each row's view is exactly its one-row view (nothing mixed between
 * rows: tags, last message and its attachments, team, assignee), and a page
 * costs a handful of statements however many rows it has, each with at most
 * 400 ids. Statements are counted with a Kysely plugin on the server's own
 * database handle.
 */
import { randomUUID } from 'node:crypto';
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, Attachment, Page, Team } from '../../../protocol/index.js';
import type { ConversationRow } from '../../store/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { bootVisitor, connectVisitor } from '../../test-support/test-server.js';
import { agentViews } from './agent-views.js';

const ctx = useAdminTestServer();

/** A 1×1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const BULK = 450;

const ids = { withFile: '', replied: '', closed: '' };
let bulk: ConversationRow[] = [];
let team: Team;

/** A visitor starts a conversation over /visitor, with an uploaded file when asked. */
async function started(body: string, file = false): Promise<string> {
  const boot = await bootVisitor(ctx.server.url);
  const socket = await connectVisitor(ctx.server.url, boot.token);
  ctx.sockets.push(socket);
  let attachmentIds: string[] | undefined;
  if (file) {
    const res = await fetch(`${ctx.server.url}/api/v1/widget/uploads?name=pixel.png`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${boot.token}`, 'Content-Type': 'image/png', Origin: ctx.server.url },
      body: new Uint8Array(PNG),
    });
    attachmentIds = [((await res.json()) as Attachment).id];
  }
  const r = await socket.emitWithAck('conversation:start', { clientId: `views-${randomUUID()}`, body, attachmentIds });
  if (!r.ok) throw new Error(r.error.message);
  return r.data.conversation.id;
}

const rowsOf = async (conversationIds: readonly string[]): Promise<ConversationRow[]> => {
  const ws = await ctx.server.domain.workspaces.byAppId('demo');
  return Promise.all(conversationIds.map((id) => ctx.server.domain.conversations.getInWorkspace(ws.id, id)));
};

/** Views of `rows` built on a database handle that records the bound values of every statement it runs. */
async function counted(rows: readonly ConversationRow[]): Promise<{ views: AgentConversation[]; statements: number[] }> {
  const { db, messages, serviceLevels } = ctx.server.domain;
  const statements: number[] = [];
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      statements.push(db.getExecutor().compileQuery(args.node as RootOperationNode, args.queryId).parameters.length);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const views = await agentViews({ db: db.withPlugin(counter), messages, serviceLevels }, rows);
  return { views, statements };
}

beforeAll(async () => {
  // Enough conversations for more than one chunk, started through the domain (as the socket handler does).
  const { domain } = ctx.server;
  const ws = await domain.workspaces.byAppId('demo');
  const contact = await domain.contacts.get(ws.id, (await bootVisitor(ctx.server.url)).contactId);
  for (let i = 0; i < BULK; i += 10) {
    await Promise.all(Array.from({ length: 10 }, (_, j) => domain.conversations.start(contact, { clientId: `bulk-${i + j}-${randomUUID()}`, body: `bulk ${i + j}` })));
  }
  await domain.routing.settled();
  bulk = await domain.db.selectFrom('conversations').selectAll().where('contact_id', '=', contact.id).orderBy('created_at').orderBy('id').execute();

  // Then the REST set-up, right before the tests' own requests.
  team = (await ctx.api<Team>('POST', '/teams', { name: 'Views team', member_ids: [ctx.session.agentId] })).body;
  ids.withFile = await started('here is a screenshot', true);
  await ctx.api('PUT', `/conversations/${ids.withFile}/tags`, { tags: ['zeta', 'Alpha'] });
  await ctx.api('POST', `/conversations/${ids.withFile}/assign`, { assigneeId: ctx.session.agentId, teamId: team.id });
  ids.replied = await started('a question');
  await ctx.api('POST', `/conversations/${ids.replied}/messages`, { body: 'an answer' });
  await ctx.api('PUT', `/conversations/${ids.replied}/tags`, { tags: ['beta'] });
  ids.closed = await started('never mind');
  await ctx.api('PATCH', `/conversations/${ids.closed}`, { status: 'closed' });
});

describe('agent views of a page', () => {
  it('gives every row exactly its one-row view, in the order given', async () => {
    const rows = await rowsOf([ids.closed, ids.withFile, ids.replied]);
    const page = await ctx.server.domain.conversations.agentViews(rows);
    const one = await Promise.all(rows.map((r) => ctx.server.domain.conversations.agentView(r)));
    expect(page).toEqual(one);

    const [closed, withFile, replied] = page;
    expect(withFile).toMatchObject({ id: ids.withFile, tags: ['Alpha', 'zeta'], teamId: team.id, teamName: 'Views team', assigneeId: ctx.session.agentId });
    expect(withFile.assigneeName).toEqual(expect.any(String));
    expect(withFile.lastMessage).toMatchObject({ body: 'here is a screenshot', attachments: [{ name: 'pixel.png', contentType: 'image/png' }] });
    expect(replied).toMatchObject({ id: ids.replied, tags: ['beta'], teamId: null, teamName: null, assigneeId: null, assigneeName: null });
    expect(replied.lastMessage).toMatchObject({ body: 'an answer', authorType: 'agent', attachments: [] });
    expect(closed).toMatchObject({ id: ids.closed, status: 'closed', tags: [] });
    expect(closed.lastMessage?.body).toBe('never mind');

    // The REST reads agree: one conversation, and the list.
    const single = await ctx.api<AgentConversation>('GET', `/conversations/${ids.withFile}`);
    expect(single.body).toEqual(withFile);
    const listed = await ctx.api<Page<AgentConversation>>('GET', '/conversations?tag=zeta');
    expect(listed.body.data).toEqual([withFile]);
  });

  it('costs the same few statements for one row or fifty', async () => {
    const one = await counted(await rowsOf([ids.withFile]));
    const mixed = await rowsOf([ids.withFile, ids.replied, ids.closed]);
    const fifty = await counted([...mixed, ...bulk.slice(0, 47)]);
    expect(fifty.views).toHaveLength(50);
    // Contacts, last messages, their attachments, assignees, teams, tags.
    expect(one.statements).toHaveLength(6);
    expect(fifty.statements).toHaveLength(6);
  });

  it(`splits ${BULK} rows into chunks of at most 400 ids and keeps each row's own last message`, async () => {
    expect(bulk).toHaveLength(BULK);
    const { views, statements } = await counted(bulk);
    expect(views.map((v) => v.id)).toEqual(bulk.map((r) => r.id));
    // Started with client id `bulk-<i>-…` and body `bulk <i>`.
    expect(views.map((v) => v.lastMessage?.body)).toEqual(bulk.map((r) => `bulk ${r.client_id.split('-')[1]}`));
    // One contact; messages, attachments and tags in two chunks each; no assignee, no team.
    expect(statements).toHaveLength(7);
    // A message is looked up by (conversation, seq): two values per id.
    expect(Math.max(...statements)).toBeLessThanOrEqual(800);
  });
});
