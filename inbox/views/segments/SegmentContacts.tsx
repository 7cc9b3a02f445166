/** Every contact of a saved segment, 50 at a time, with "Load more". */
import { useEffect, useState } from 'preact/hooks';
import type { ContactProfile } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { formatCount } from '../../format/stats.js';
import { errorText } from '../content/use-resource.js';
import { ContactTable } from './ContactTable.js';

interface Loaded {
  contacts: ContactProfile[];
  cursor: string | null;
  count: number;
}

export function SegmentContacts({ api, segmentId, version }: { api: Pick<InboxApi, 'listSegmentContacts'>; segmentId: string; version: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');

  function load(cursor: string | null, signal?: AbortSignal): void {
    setLoading(true);
    setError('');
    api.listSegmentContacts(segmentId, { cursor, signal }).then(
      (page) => {
        if (signal?.aborted) return;
        // The total comes with the first page only.
        setLoaded((prev) => ({
          contacts: cursor && prev ? [...prev.contacts, ...page.data] : page.data,
          cursor: page.next_cursor,
          count: page.count ?? prev?.count ?? page.data.length,
        }));
        setLoading(false);
      },
      (failure: unknown) => {
        if (signal?.aborted) return;
        setError(errorText(failure, 'Could not load the contacts.'));
        setLoading(false);
      },
    );
  }

  // From the start again whenever the saved segment changes (`version` is its updated_at).
  useEffect(() => {
    const controller = new AbortController();
    setLoaded(null);
    load(null, controller.signal);
    return () => controller.abort();
  }, [segmentId, version]);

  return (
    <section class="settings__section" aria-labelledby="segment-contacts-title">
      <h2 id="segment-contacts-title" class="settings__section-title">
        Contacts in this segment{loaded ? ` (${formatCount(loaded.count)})` : ''}
      </h2>
      <p class="settings__hint">As saved; unsaved changes to the conditions show in the count above.</p>
      {loaded && loaded.contacts.length === 0 && <p>No contacts match yet.</p>}
      {loaded && loaded.contacts.length > 0 && <ContactTable contacts={loaded.contacts} label="Contacts in this segment" />}
      {error && <p role="alert" class="settings__error">{error}</p>}
      {!loaded && !error && <p role="status">Loading contacts…</p>}
      {loaded?.cursor && (
        <div>
          <button type="button" class="button" aria-busy={loading} onClick={() => !loading && load(loaded.cursor)}>
            {loading ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </section>
  );
}
