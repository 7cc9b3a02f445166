/**
 * The contact's event log: tracked events and page views. Each event carries a
 * client id, so a batch the SDK resends after a network error is stored once.
 */
import type { Kysely } from 'kysely';
import type { ContactEvent, TrackedEvent } from '../../../protocol/index.js';
import type { ContactRow, Database, EventRow } from '../../store/index.js';
import type { DomainBus } from '../bus.js';
import { newId, nowIso } from '../ids.js';
import { parseJsonColumn } from '../json.js';
import { keepAllowedQuery } from '../privacy/url-query.js';

export function toContactEvent(row: EventRow): ContactEvent {
  return {
    id: row.id,
    contactId: row.contact_id,
    type: row.type,
    name: row.name,
    props: parseJsonColumn(row.props, {}),
    url: row.url,
    occurredAt: row.occurred_at,
  };
}

/** Page URLs are stored without query string or fragment: they often carry tokens or personal data. */
export function stripQuery(url: string | undefined): string | null {
  return keepAllowedQuery(url);
}

export class EventLog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly bus?: DomainBus,
  ) {}

  /**
   * Returns how many events were new (resends count 0). Page URLs keep only
   * the query parameters in `keepQuery` (the workspace's allowlist; none by default).
   */
  async record(contact: ContactRow, events: TrackedEvent[], opts: { keepQuery?: readonly string[] } = {}): Promise<number> {
    const received = nowIso();
    // A client clock far in the future would sort above everything; clamp to now.
    const clamp = (ts: string | undefined) => (ts && ts < received ? new Date(ts).toISOString() : received);
    const rows: EventRow[] = events.map((e) => ({
      id: newId('ev'),
      workspace_id: contact.workspace_id,
      contact_id: contact.id,
      client_id: e.id,
      type: e.type,
      name: e.name,
      props: JSON.stringify(e.props ?? {}),
      url: keepAllowedQuery(e.url, opts.keepQuery),
      occurred_at: clamp(e.ts),
      received_at: received,
    }));
    const result = await this.db
      .insertInto('events')
      .values(rows)
      .onConflict((oc) => oc.columns(['workspace_id', 'client_id']).doNothing())
      .executeTakeFirst();
    const lastPage = [...rows].reverse().find((r) => r.type === 'page');
    await this.db
      .updateTable('contacts')
      .set({ last_seen_at: received, ...(lastPage ? { last_page_url: lastPage.url } : {}) })
      .where('id', '=', contact.id)
      .execute();
    const stored = Number(result.numInsertedOrUpdatedRows ?? 0);
    if (stored > 0) {
      this.bus?.publish('contact.events', {
        workspaceId: contact.workspace_id,
        contactId: contact.id,
        names: [...new Set(rows.map((r) => r.name))],
        tracked: [...new Set(rows.filter((r) => r.type === 'track').map((r) => r.name))],
      });
    }
    return stored;
  }

  async recent(workspaceId: string, contactId: string, opts: { limit: number; before?: string }): Promise<ContactEvent[]> {
    let q = this.db
      .selectFrom('events')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', contactId);
    if (opts.before) q = q.where('occurred_at', '<', opts.before);
    const rows = await q.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
    return rows.map(toContactEvent);
  }
}
