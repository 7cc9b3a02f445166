/**
 * The right column's data: the profile and recent activity of the open
 * conversation's contact. `contact:updated` replaces the profile at once and
 * refetches the activity shortly after, since pages and events usually come
 * in bursts (a page view updates the profile and adds an event together).
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { ContactEvent, ContactProfile } from '../../protocol/index.js';
import type { InboxApi } from '../api/endpoints.js';
import type { LoadStatus } from './conversation-list-store.js';

export interface ContactStore {
  profile: ReadonlySignal<ContactProfile | null>;
  events: ReadonlySignal<readonly ContactEvent[]>;
  status: ReadonlySignal<LoadStatus | 'none'>;
  show(contactId: string | null): void;
  reload(): Promise<void>;
  apply(contact: ContactProfile): void;
  dispose(): void;
}

const EVENTS_REFRESH_DELAY_MS = 1_000;

export function createContactStore(api: Pick<InboxApi, 'getContact' | 'listContactEvents'>): ContactStore {
  const contactId = signal<string | null>(null);
  const profile = signal<ContactProfile | null>(null);
  const events = signal<readonly ContactEvent[]>([]);
  const status = signal<LoadStatus | 'none'>('none');
  let controller: AbortController | null = null;
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;

  async function reload(): Promise<void> {
    const wanted = contactId.value;
    controller?.abort();
    if (!wanted) return;
    const mine = new AbortController();
    controller = mine;
    if (profile.value?.id !== wanted) status.value = 'loading';
    try {
      const [loaded, activity] = await Promise.all([
        api.getContact(wanted, mine.signal),
        // Activity is secondary: a failure here must not hide the profile.
        api.listContactEvents(wanted, mine.signal).catch(() => ({ data: [] as ContactEvent[] })),
      ]);
      if (mine.signal.aborted) return;
      profile.value = loaded;
      events.value = activity.data;
      status.value = 'ready';
    } catch {
      if (!mine.signal.aborted) status.value = 'error';
    }
  }

  async function refreshEvents(): Promise<void> {
    const wanted = contactId.value;
    if (!wanted) return;
    try {
      const activity = await api.listContactEvents(wanted);
      if (contactId.value === wanted) events.value = activity.data;
    } catch {
      // Keep showing the previous activity; the next update retries.
    }
  }

  return {
    profile,
    events,
    status,
    show(next) {
      if (next === contactId.value) return;
      contactId.value = next;
      profile.value = null;
      events.value = [];
      status.value = next ? 'loading' : 'none';
      void reload();
    },
    reload,
    apply(contact) {
      if (contact.id !== contactId.value) return;
      profile.value = contact;
      if (refreshTimer) clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => void refreshEvents(), EVENTS_REFRESH_DELAY_MS);
    },
    dispose() {
      controller?.abort();
      if (refreshTimer) clearTimeout(refreshTimer);
    },
  };
}
