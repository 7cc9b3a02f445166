/**
 * Who matches a rule, across every contact of a workspace: the live count and
 * contact list of a segment, a series' entry. Contacts are read a page at a
 * time (keyset on last seen, newest first) with the events the rule reads, so
 * memory stays flat however many contacts there are.
 */
import type { Kysely } from 'kysely';
import { ruleVerdict, type Rule } from '../../../protocol/index.js';
import type { ContactRow, Database } from '../../store/index.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { lastPage } from './contact-facts.js';
import type { TargetingContexts } from './targeting-contexts.js';

const PAGE = 500;

export class AudienceScanner {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly contexts: TargetingContexts,
  ) {}

  /** Calls `onMatch` for each matching contact, newest first; stop early by returning false. */
  async scan(workspaceId: string, rule: Rule, onMatch: (contact: ContactRow) => boolean | void, from?: { at: string; id: string }): Promise<void> {
    let after = from;
    for (;;) {
      // An erase's remnant (erased_at set) is nobody: never in an audience.
      let q = this.db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('erased_at', 'is', null);
      if (after) {
        const { at, id } = after;
        q = q.where((eb) => eb.or([eb('last_seen_at', '<', at), eb.and([eb('last_seen_at', '=', at), eb('id', '<', id)])]));
      }
      const rows = await q.orderBy('last_seen_at', 'desc').orderBy('id', 'desc').limit(PAGE).execute();
      if (rows.length === 0) return;
      const now = Date.now();
      const contexts = await this.contexts.forContacts(workspaceId, rows, [rule], now);
      for (const row of rows) {
        const ctx = contexts.get(row.id);
        // Outside a visit, "where" is the page the contact was last seen on.
        if (ctx && ruleVerdict(rule, { ...ctx, page: lastPage(row) }, now) === true && onMatch(row) === false) return;
      }
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1];
      after = { at: last.last_seen_at, id: last.id };
    }
  }

  async count(workspaceId: string, rule: Rule): Promise<number> {
    let count = 0;
    await this.scan(workspaceId, rule, () => {
      count += 1;
    });
    return count;
  }

  /** One page of matching contacts and the cursor of the next. */
  async list(workspaceId: string, rule: Rule, opts: { limit: number; cursor?: string }): Promise<{ rows: ContactRow[]; next: string | null }> {
    const rows: ContactRow[] = [];
    const from = opts.cursor ? decodeCursor(opts.cursor) : undefined;
    await this.scan(
      workspaceId,
      rule,
      (row) => {
        rows.push(row);
        return rows.length <= opts.limit;
      },
      from ? { at: from[0], id: from[1] } : undefined,
    );
    const page = rows.slice(0, opts.limit);
    const last = page[page.length - 1];
    return { rows: page, next: rows.length > opts.limit && last ? encodeCursor(last.last_seen_at, last.id) : null };
  }
}
