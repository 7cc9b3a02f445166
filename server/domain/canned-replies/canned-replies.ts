/**
 * Canned replies: saved answers an agent inserts with `/shortcut`. Bodies are
 * markdown with the placeholders of protocol/content/personalize.ts: the
 * contact's (`{{user.first_name | fallback: "there"}}`, traits), the agent's
 * (`{{agent.name}}`, `{{agent.first_name}}`) and `{{workspace.name}}`.
 * Rendering fills them for one conversation; values are escaped as markdown
 * text, so a contact's name can never become a link in the team's reply.
 */
import type { Kysely } from 'kysely';
import {
  type CannedReply,
  type CreateCannedReplyInput,
  type PersonalizationVars,
  personalize,
  type UpdateCannedReplyInput,
} from '../../../protocol/index.js';
import type { CannedReplyRow, ContactRow, Database } from '../../store/index.js';
import { ParleyError, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { parseJsonColumn } from '../json.js';
import { isUniqueViolation } from '../unique-violation.js';

const toCannedReply = (row: CannedReplyRow): CannedReply => ({
  id: row.id,
  shortcut: row.shortcut,
  title: row.title,
  body: row.body,
  created_at: row.created_at,
  updated_at: row.updated_at,
});

const firstName = (name: string | null | undefined): string | null => name?.trim().split(/\s+/)[0] || null;

/** Whom a reply is rendered for and by; null parts take their placeholders' fallbacks. */
export interface RenderContext {
  contact: ContactRow | null;
  agent: { name: string } | null;
  workspaceName: string;
}

export function personalizationFor(ctx: RenderContext): PersonalizationVars {
  const c = ctx.contact;
  return {
    user: {
      name: c?.name ?? null,
      first_name: firstName(c?.name),
      email: c?.email ?? null,
      traits: c ? parseJsonColumn<Record<string, string | number | boolean | null>>(c.traits, {}) : {},
    },
    workspace: { name: ctx.workspaceName },
    agent: { name: ctx.agent?.name ?? null, first_name: firstName(ctx.agent?.name) },
  };
}

export class CannedReplies {
  constructor(private readonly db: Kysely<Database>) {}

  async list(workspaceId: string): Promise<CannedReply[]> {
    const rows = await this.db.selectFrom('canned_replies').selectAll().where('workspace_id', '=', workspaceId).orderBy('shortcut').execute();
    return rows.map(toCannedReply);
  }

  async get(workspaceId: string, id: string): Promise<CannedReply> {
    const row = await this.db.selectFrom('canned_replies').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('canned reply');
    return toCannedReply(row);
  }

  async create(workspaceId: string, input: CreateCannedReplyInput): Promise<CannedReply> {
    const now = nowIso();
    const row: CannedReplyRow = { id: newId('cr'), workspace_id: workspaceId, ...input, created_at: now, updated_at: now };
    await this.write(input.shortcut, () => this.db.insertInto('canned_replies').values(row).execute());
    return toCannedReply(row);
  }

  async update(workspaceId: string, id: string, patch: UpdateCannedReplyInput): Promise<CannedReply> {
    await this.get(workspaceId, id);
    await this.write(patch.shortcut ?? '', () =>
      this.db.updateTable('canned_replies').set({ ...patch, updated_at: nowIso() }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute(),
    );
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const result = await this.db.deleteFrom('canned_replies').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('canned reply');
  }

  /** The body with the contact's, the agent's and the workspace's placeholders filled in. */
  async render(workspaceId: string, id: string, ctx: RenderContext): Promise<{ body: string }> {
    const reply = await this.get(workspaceId, id);
    return { body: personalize(reply.body, personalizationFor(ctx)) };
  }

  /** Shortcuts are unique per workspace (the database decides, so two concurrent creates can't both win). */
  private async write(shortcut: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (err) {
      if (isUniqueViolation(err)) throw new ParleyError('conflict', `the shortcut "${shortcut}" is already used`);
      throw err;
    }
  }
}
