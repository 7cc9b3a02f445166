/**
 * Who is this visitor? Turns a boot or identify call into one contact:
 * an anonymous visitor, or the known user — merging the anonymous history into
 * the known contact so there is one golden record across devices.
 *
 * Never attaches a browser to an existing contact without proof: a valid
 * userHash or identity token when the workspace verifies identity (DESIGN.md §5).
 * An identity token, when given, is always verified (even with verification
 * off) and must be valid: an expired or forged one is refused, never ignored.
 */
import type { Kysely } from 'kysely';
import type { Traits } from '../../../protocol/index.js';
import type { ContactRow, Database } from '../../store/index.js';
import type { Attachments } from '../attachments/index.js';
import type { DomainBus } from '../bus.js';
import { ParleyError } from '../errors.js';
import { isValidUserHash, verifyIdentityToken } from '../identity/index.js';
import { newId, nowIso } from '../ids.js';
import { parseJsonColumn } from '../json.js';
import type { Workspace } from '../workspaces/index.js';
import { type ContactStore, type DeviceInfo, splitTraits, toContactProfile } from './contacts.js';

export interface KnownUser {
  /** Required unless `identityToken` is given (its `sub` is then the user id). */
  userId?: string;
  userHash?: string;
  /** Short-lived JWT from the host's backend; see verifyIdentityToken. */
  identityToken?: string;
  traits?: Traits;
  name?: string;
  email?: string;
}

/** A user whose id is settled and proven (or unproven but allowed: verification off). */
export interface VerifiedUser {
  userId: string;
  traits?: Traits;
  name?: string;
  email?: string;
}

const stringTrait = (traits: Traits | undefined, key: string): string | undefined => {
  const v = traits?.[key];
  return typeof v === 'string' ? v : undefined;
};

export class IdentityResolver {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly contacts: ContactStore,
    private readonly bus: DomainBus,
    private readonly attachments?: Pick<Attachments, 'moveUploadsIn'>,
  ) {}

  /**
   * Proves who the user is: a valid identity token (checked whenever one is
   * given) or, without one, a valid userHash when the workspace verifies
   * identity. The token's `sub`, traits, name and email are trusted and win
   * over what the client sent alongside.
   */
  async assertVerified(ws: Workspace, user: KnownUser): Promise<VerifiedUser> {
    if (user.identityToken !== undefined) {
      const claims = await verifyIdentityToken(ws.identitySecret, user.identityToken);
      if (user.userId !== undefined && user.userId !== claims.userId) {
        throw new ParleyError('invalid_user_hash', 'identity token was issued for another user than userId');
      }
      const traits = user.traits || claims.traits ? { ...user.traits, ...claims.traits } : undefined;
      return {
        userId: claims.userId,
        traits,
        // Token fields win; a name/email trait inside the token counts as the token's.
        name: claims.name ?? stringTrait(claims.traits, 'name') ?? user.name,
        email: claims.email ?? stringTrait(claims.traits, 'email') ?? user.email,
      };
    }
    if (user.userId === undefined) throw new ParleyError('invalid_user_hash', 'userId or identityToken is required');
    if (ws.identityVerification && !isValidUserHash(ws.identitySecret, user.userId, user.userHash)) {
      throw new ParleyError('invalid_user_hash', 'userHash is missing or does not match userId');
    }
    return { userId: user.userId, traits: user.traits, name: user.name, email: user.email };
  }

  /**
   * `current` is the contact this browser holds a token for (if any).
   * Returns the contact the browser should be from now on.
   */
  async identify(ws: Workspace, current: ContactRow | undefined, claimed: KnownUser): Promise<ContactRow> {
    const user = await this.assertVerified(ws, claimed);
    const fields = { name: user.name, email: user.email };

    if (current && current.external_id === user.userId) {
      return this.contacts.updateTraits(current, user.traits, fields);
    }
    const known = await this.contacts.findByExternalId(ws.id, user.userId);

    if (current && current.external_id === null) {
      if (known) {
        const merged = await this.mergeAnonymousInto(current, known);
        return this.contacts.updateTraits(merged, user.traits, fields);
      }
      // First identify of this visitor: the anonymous contact becomes the known one.
      await this.db.updateTable('contacts').set({ external_id: user.userId }).where('id', '=', current.id).execute();
      return this.contacts.updateTraits({ ...current, external_id: user.userId }, user.traits, fields);
    }

    // No token, or the browser belonged to another known user: switch, don't merge.
    if (known) return this.contacts.updateTraits(known, user.traits, fields);
    return this.createKnown(ws, user);
  }

  private async createKnown(ws: Workspace, user: VerifiedUser): Promise<ContactRow> {
    const now = nowIso();
    const split = splitTraits(user.traits);
    const row: ContactRow = {
      id: newId('ct'),
      workspace_id: ws.id,
      external_id: user.userId,
      email: user.email ?? split.email ?? null,
      name: user.name ?? split.name ?? null,
      traits: JSON.stringify(split.rest),
      locale: null,
      device: null,
      first_seen_at: now,
      last_seen_at: now,
      last_page_url: null,
      tags: '[]',
    };
    try {
      await this.db.insertInto('contacts').values(row).execute();
    } catch (err) {
      // Two devices identifying the same new user at once: the other insert won.
      const winner = await this.contacts.findByExternalId(ws.id, user.userId);
      if (winner) return winner;
      throw err;
    }
    this.bus.publish('contact.created', { workspaceId: row.workspace_id, contact: toContactProfile(row) });
    this.contacts.announce(row);
    return row;
  }

  /** Moves the anonymous contact's conversations and events to the known contact, then removes it. */
  private async mergeAnonymousInto(anon: ContactRow, known: ContactRow): Promise<ContactRow> {
    const traits = { ...parseJsonColumn<Traits>(anon.traits, {}), ...parseJsonColumn<Traits>(known.traits, {}) };
    const patch = {
      traits: JSON.stringify(traits),
      first_seen_at: anon.first_seen_at < known.first_seen_at ? anon.first_seen_at : known.first_seen_at,
      last_seen_at: nowIso(),
      locale: known.locale ?? anon.locale,
      device: anon.device ?? known.device,
      last_page_url: anon.last_page_url ?? known.last_page_url,
      email: known.email ?? anon.email,
      name: known.name ?? anon.name,
      tags: JSON.stringify([...new Set([...parseJsonColumn<string[]>(known.tags, []), ...parseJsonColumn<string[]>(anon.tags, [])])]),
    };
    const movedConversations = await this.db.transaction().execute(async (trx) => {
      const convs = await trx.selectFrom('conversations').select('id').where('contact_id', '=', anon.id).execute();
      await trx.updateTable('conversations').set({ contact_id: known.id }).where('contact_id', '=', anon.id).execute();
      await trx.updateTable('events').set({ contact_id: known.id }).where('contact_id', '=', anon.id).execute();
      // What was sent to the visitor counts for the person (send limits, stats, open messages).
      await trx.updateTable('campaign_deliveries').set({ contact_id: known.id }).where('contact_id', '=', anon.id).execute();
      // A series the known contact is already in keeps its place; the anonymous progress goes with the row.
      await trx
        .updateTable('series_enrollments')
        .set({ contact_id: known.id })
        .where('contact_id', '=', anon.id)
        .where('series_id', 'not in', (eb) => eb.selectFrom('series_enrollments').select('series_id').where('contact_id', '=', known.id))
        .execute();
      await this.attachments?.moveUploadsIn(trx, anon.id, known.id);
      await trx.updateTable('contacts').set(patch).where('id', '=', known.id).execute();
      await trx.deleteFrom('contacts').where('id', '=', anon.id).execute();
      return convs.map((c) => c.id);
    });
    for (const conversationId of movedConversations) {
      this.bus.publish('conversation.updated', { workspaceId: known.workspace_id, contactId: known.id, conversationId });
    }
    return { ...known, ...patch };
  }

  /** Boot: reuse the browser's contact when its token is valid, else start an anonymous one. */
  async resolveAnonymous(ws: Workspace, current: ContactRow | undefined, seen: { locale?: string; device?: DeviceInfo }): Promise<ContactRow> {
    if (current) return this.contacts.touch(current, seen);
    return this.contacts.createAnonymous(ws.id, seen);
  }
}
