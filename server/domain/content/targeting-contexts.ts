/**
 * Builds the facts rules are evaluated against, from the store: a contact's
 * traits and facets, its events (only those the rules read: a contact may have
 * thousands of page views), and segment membership. Segment rules are
 * evaluated against the same facts plus the contact's last page (a segment is
 * a persona: who they are, where they were, what they did).
 */
import type { Kysely } from 'kysely';
import { contextFromRows, ruleDependencies, ruleVerdict, type EventRow, type PageInfo, type Rule, type TargetingContext } from '../../../protocol/index.js';
import type { ContactRow, Database } from '../../store/index.js';
import { contactFacts, lastPage } from './contact-facts.js';
import type { SegmentStore } from './segment-store.js';

/** SQLite's default bound-parameter limit is 999 (older builds); stay well under it. */
const IN_CHUNK = 400; // contacts per query; event names go 100 at a time

export class TargetingContexts {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly segments: SegmentStore,
  ) {}

  /** Event names the rules read, directly or through the segments they use. */
  async eventNames(workspaceId: string, rules: Iterable<Rule>): Promise<Set<string>> {
    const segmentRules = await this.segments.rules(workspaceId);
    const names = new Set<string>();
    const seen = new Set<string>();
    const visit = (rule: Rule) => {
      const deps = ruleDependencies(rule);
      deps.events.forEach((n) => names.add(n));
      for (const id of deps.segments) {
        const segmentRule = segmentRules.get(id);
        if (segmentRule && !seen.has(id)) {
          seen.add(id);
          visit(segmentRule);
        }
      }
    };
    for (const rule of rules) visit(rule);
    return names;
  }

  async forContact(contact: ContactRow, rules: Iterable<Rule>, now: number, extraEvents: Iterable<string> = []): Promise<TargetingContext> {
    const contexts = await this.forContacts(contact.workspace_id, [contact], rules, now, extraEvents);
    return contexts.get(contact.id) as TargetingContext;
  }

  /** One context per contact, with two queries per chunk of contacts whatever the number of rules. */
  async forContacts(
    workspaceId: string,
    contacts: ContactRow[],
    rules: Iterable<Rule>,
    now: number,
    extraEvents: Iterable<string> = [],
  ): Promise<Map<string, TargetingContext>> {
    const names = await this.eventNames(workspaceId, rules);
    for (const n of extraEvents) names.add(n);
    const eventsByContact = await this.loadEvents(contacts.map((c) => c.id), [...names]);
    const segmentRules = await this.segments.rules(workspaceId);
    const contexts = new Map<string, TargetingContext>();
    for (const contact of contacts) {
      const ctx = contextFromRows(contactFacts(contact), eventsByContact.get(contact.id) ?? []);
      ctx.segments = segmentMembership(segmentRules, ctx, lastPage(contact), now);
      contexts.set(contact.id, ctx);
    }
    return contexts;
  }

  private async loadEvents(contactIds: string[], names: string[]): Promise<Map<string, EventRow[]>> {
    const byContact = new Map<string, EventRow[]>();
    if (names.length === 0 || contactIds.length === 0) return byContact;
    const nameChunk = Math.max(1, Math.floor(IN_CHUNK / 4));
    for (let i = 0; i < contactIds.length; i += IN_CHUNK) {
      const ids = contactIds.slice(i, i + IN_CHUNK);
      const rows = [];
      for (let j = 0; j < names.length; j += nameChunk) {
        rows.push(
          ...(await this.db
            .selectFrom('events')
            .select(['contact_id', 'name', 'props', 'occurred_at'])
            .where('contact_id', 'in', ids)
            .where('name', 'in', names.slice(j, j + nameChunk))
            .execute()),
        );
      }
      for (const row of rows) {
        const list = byContact.get(row.contact_id);
        const event: EventRow = { name: row.name, props: row.props, occurredAt: row.occurred_at };
        if (list) list.push(event);
        else byContact.set(row.contact_id, [event]);
      }
    }
    return byContact;
  }
}

/**
 * `{ segment: id }` → does the contact match that segment's rule? Memoised per
 * context; a segment being evaluated counts as not matching inside itself (the
 * store refuses cycles, this only guards rows written around it).
 */
function segmentMembership(segmentRules: Map<string, Rule>, ctx: TargetingContext, page: PageInfo | undefined, now: number): (id: string) => boolean {
  const memo = new Map<string, boolean>();
  const personaCtx: TargetingContext = { ...ctx, page };
  const member = (id: string): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const rule = segmentRules.get(id);
    memo.set(id, false);
    const result = rule ? ruleVerdict(rule, personaCtx, now) === true : false;
    memo.set(id, result);
    return result;
  };
  personaCtx.segments = member;
  return member;
}
