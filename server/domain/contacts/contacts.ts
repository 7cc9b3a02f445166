import type { Kysely } from 'kysely';
import type { ContactProfile, ContactSummary, Traits } from '../../../protocol/index.js';
import type { ContactRow, Database } from '../../store/index.js';
import type { DomainBus } from '../bus.js';
import { notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { parseJsonColumn } from '../json.js';

export interface DeviceInfo {
  userAgent?: string;
  screen?: string;
  timezone?: string;
}

export function toContactSummary(row: ContactRow): ContactSummary {
  return {
    id: row.id,
    externalId: row.external_id,
    name: row.name,
    email: row.email,
    identified: row.external_id !== null,
  };
}

export function toContactProfile(row: ContactRow): ContactProfile {
  return {
    ...toContactSummary(row),
    traits: parseJsonColumn<Traits>(row.traits, {}),
    locale: row.locale,
    device: parseJsonColumn<DeviceInfo | null>(row.device, null),
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    lastPageUrl: row.last_page_url,
    tags: parseJsonColumn<unknown[]>(row.tags, []).filter((t): t is string => typeof t === 'string'),
  };
}

/** `name` and `email` travel as traits from the SDK but live in their own columns. */
export function splitTraits(traits: Traits | undefined): { name?: string; email?: string; rest: Traits } {
  const rest: Traits = { ...(traits ?? {}) };
  const name = typeof rest.name === 'string' ? rest.name : undefined;
  const email = typeof rest.email === 'string' ? rest.email : undefined;
  delete rest.name;
  delete rest.email;
  return { name, email, rest };
}

export class ContactStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly bus: DomainBus,
  ) {}

  async get(workspaceId: string, id: string): Promise<ContactRow> {
    const row = await this.db
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', id)
      .where('workspace_id', '=', workspaceId)
      // What an erase left for the counts is nobody: it answers like a missing contact.
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound('contact');
    return row;
  }

  async findByExternalId(workspaceId: string, externalId: string): Promise<ContactRow | undefined> {
    return this.db
      .selectFrom('contacts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
  }

  async createAnonymous(workspaceId: string, seen: { locale?: string; device?: DeviceInfo }): Promise<ContactRow> {
    const now = nowIso();
    const row: ContactRow = {
      id: newId('ct'),
      workspace_id: workspaceId,
      external_id: null,
      email: null,
      name: null,
      traits: '{}',
      locale: seen.locale ?? null,
      device: seen.device ? JSON.stringify(seen.device) : null,
      first_seen_at: now,
      last_seen_at: now,
      last_page_url: null,
      tags: '[]',
    };
    await this.db.insertInto('contacts').values(row).execute();
    this.bus.publish('contact.created', { workspaceId: row.workspace_id, contact: toContactProfile(row) });
    return row;
  }

  /** Records a visit: last seen, and locale/device when the browser reported them. */
  async touch(row: ContactRow, seen: { locale?: string; device?: DeviceInfo }): Promise<ContactRow> {
    const patch = {
      last_seen_at: nowIso(),
      ...(seen.locale ? { locale: seen.locale } : {}),
      ...(seen.device ? { device: JSON.stringify(seen.device) } : {}),
    };
    await this.db.updateTable('contacts').set(patch).where('id', '=', row.id).execute();
    return { ...row, ...patch };
  }

  /** Merges new traits over the stored ones (a null value removes a trait). */
  async updateTraits(row: ContactRow, traits: Traits | undefined, fields: { name?: string; email?: string } = {}): Promise<ContactRow> {
    const split = splitTraits(traits);
    const merged: Traits = { ...parseJsonColumn<Traits>(row.traits, {}) };
    for (const [k, v] of Object.entries(split.rest)) {
      if (v === null) delete merged[k];
      else merged[k] = v;
    }
    const patch = {
      traits: JSON.stringify(merged),
      name: fields.name ?? split.name ?? row.name,
      email: fields.email ?? split.email ?? row.email,
    };
    await this.db.updateTable('contacts').set(patch).where('id', '=', row.id).execute();
    const updated = { ...row, ...patch };
    this.announce(updated);
    return updated;
  }

  /** An edit by the team (`PATCH /contacts/:id`): name and email set or cleared (null), traits merged (null removes one). */
  async edit(row: ContactRow, patch: { name?: string | null; email?: string | null; traits?: Traits }): Promise<ContactRow> {
    const merged = patch.traits ? await this.updateTraits(row, patch.traits) : row;
    const fields = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.email !== undefined ? { email: patch.email?.toLowerCase() ?? null } : {}),
    };
    if (Object.keys(fields).length === 0) return merged;
    await this.db.updateTable('contacts').set(fields).where('id', '=', row.id).execute();
    const updated = { ...merged, ...fields };
    this.announce(updated);
    return updated;
  }

  /** Adds tags (each once; a contact keeps at most 100). */
  async addTags(row: ContactRow, tags: string[]): Promise<ContactRow> {
    const current = parseJsonColumn<string[]>(row.tags, []);
    const merged = [...new Set([...current, ...tags.map((t) => t.trim()).filter(Boolean)])].slice(0, 100);
    if (merged.length === current.length) return row;
    const updated = { ...row, tags: JSON.stringify(merged) };
    await this.db.updateTable('contacts').set({ tags: updated.tags }).where('id', '=', row.id).execute();
    this.announce(updated);
    return updated;
  }

  announce(row: ContactRow): void {
    this.bus.publish('contact.updated', { workspaceId: row.workspace_id, contact: toContactProfile(row) });
  }

  async list(workspaceId: string, opts: { limit: number; cursor?: string }): Promise<{ rows: ContactRow[]; next: string | null }> {
    let q = this.db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('erased_at', 'is', null);
    if (opts.cursor) {
      const [at, id] = decodeCursor(opts.cursor);
      q = q.where((eb) => eb.or([eb('last_seen_at', '<', at), eb.and([eb('last_seen_at', '=', at), eb('id', '<', id)])]));
    }
    const rows = await q.orderBy('last_seen_at', 'desc').orderBy('id', 'desc').limit(opts.limit + 1).execute();
    const page = rows.slice(0, opts.limit);
    const last = page[page.length - 1];
    return { rows: page, next: rows.length > opts.limit && last ? encodeCursor(last.last_seen_at, last.id) : null };
  }
}
