/**
 * What content does when a contact changes: goals reached by new events, and a
 * `content.changed` notice when the change can alter what the contact is
 * eligible for (only when a live rule reads what changed: incremental, not a
 * re-evaluation of everything on every event). Transports turn the notice into
 * a fresh list for the contact's widget.
 */
import type { ContactRow } from '../../store/index.js';
import type { DomainBus } from '../bus.js';
import type { ContactStore } from '../contacts/index.js';
import type { InAppMessages } from './in-app.js';

/** Another reaction to a changed contact (series); resolves true when it sent the contact something. */
export type ContactFollower = (contact: ContactRow) => Promise<boolean>;

export interface ContentReactions {
  /** Resolves when every reaction started so far has finished (tests, shutdown). */
  settled(): Promise<void>;
  stop(): void;
}

export function startContentReactions(
  deps: { bus: DomainBus; contacts: ContactStore; inApp: InAppMessages; followers?: ContactFollower[] },
  onError: (err: unknown) => void,
): ContentReactions {
  const { bus, contacts, inApp } = deps;
  const running = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const p = work.catch(onError).finally(() => running.delete(p));
    running.add(p);
  };

  const offs = [
    bus.subscribe('contact.events', ({ workspaceId, contactId, names }) =>
      track(
        (async () => {
          const contact = await contacts.get(workspaceId, contactId).catch(() => null);
          if (!contact) return; // merged or erased meanwhile
          let changed = await inApp.onEvents(contact, names, Date.now());
          for (const follow of deps.followers ?? []) changed = (await follow(contact)) || changed;
          if (changed) bus.publish('content.changed', { workspaceId, contactId });
        })(),
      ),
    ),
    bus.subscribe('contact.updated', ({ workspaceId, contact }) =>
      track(
        (async () => {
          const traits = [...Object.keys(contact.traits), 'name', 'email', 'user_id'];
          let changed = await inApp.affects(workspaceId, { traits, locale: true, device: true, browser: true });
          const row = deps.followers?.length ? await contacts.get(workspaceId, contact.id).catch(() => null) : null;
          for (const follow of row ? (deps.followers ?? []) : []) changed = (await follow(row as ContactRow)) || changed;
          if (changed) bus.publish('content.changed', { workspaceId, contactId: contact.id });
        })(),
      ),
    ),
    inApp.campaigns.onChange((workspaceId) => bus.publish('content.changed', { workspaceId })),
  ];

  return {
    settled: async () => {
      while (running.size > 0) await Promise.all([...running]);
    },
    stop: () => offs.forEach((off) => off()),
  };
}
