/**
 * Settings → Audit log (admins): who exported, erased or edited a contact,
 * changed the settings or managed API tokens, and when — newest first, with an
 * action filter and "Load more". The log is append-only: nothing here edits it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AuditAction, AuditEntry } from '../../../protocol/privacy/audit.js';
import { AUDIT_ACTIONS } from '../../../protocol/privacy/audit.js';
import type { PrivacyApi } from '../../api/privacy-endpoints.js';
import { formatDateTime } from '../../format/relative-time.js';
import { errorText } from '../content/use-resource.js';
import { AUDIT_ACTION_LABELS, actorLabel, detailsLabel } from './audit-labels.js';
import '../../styles/tables.css';
import '../../styles/privacy.css';

type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; entries: AuditEntry[]; next: string | null };

export function AuditLogPage({ api }: { api: Pick<PrivacyApi, 'listAuditLog'> }) {
  const [action, setAction] = useState<AuditAction | ''>('');
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [more, setMore] = useState(false);

  useEffect(() => {
    let live = true;
    setLoaded({ status: 'loading' });
    api.listAuditLog({ action: action || undefined }).then(
      (page) => live && setLoaded({ status: 'ready', entries: page.data, next: page.next_cursor }),
      (error: unknown) => live && setLoaded({ status: 'failed', message: errorText(error, 'Could not load the audit log.') }),
    );
    return () => {
      live = false;
    };
  }, [api, action, attempt]);

  async function loadMore(): Promise<void> {
    if (loaded.status !== 'ready' || !loaded.next || more) return;
    setMore(true);
    try {
      const page = await api.listAuditLog({ action: action || undefined }, loaded.next);
      setLoaded({ status: 'ready', entries: [...loaded.entries, ...page.data], next: page.next_cursor });
    } catch (error) {
      setLoaded({ status: 'failed', message: errorText(error, 'Could not load the audit log.') });
    } finally {
      setMore(false);
    }
  }

  return (
    <section class="settings__section audit-log" aria-labelledby="audit-log-title">
      <h2 id="audit-log-title" class="settings__section-title">
        Audit log
      </h2>
      <p class="settings__hint">
        Every export, erase and edit of a contact, settings change and API token, with who did it and when. Entries hold ids and field names,
        never the data itself, and cannot be changed or removed.
      </p>
      <div class="field">
        <label class="field__label" for="audit-action">
          Action
        </label>
        <select id="audit-action" class="input" value={action} onChange={(e) => setAction(e.currentTarget.value as AuditAction | '')}>
          <option value="">All actions</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {AUDIT_ACTION_LABELS[a]}
            </option>
          ))}
        </select>
      </div>
      {loaded.status === 'loading' && <p role="status">Loading the audit log…</p>}
      {loaded.status === 'failed' && (
        <div class="settings__load-error">
          <p role="alert">{loaded.message}</p>
          <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
            Retry
          </button>
        </div>
      )}
      {loaded.status === 'ready' &&
        (loaded.entries.length === 0 ? (
          <p class="settings__hint">Nothing recorded yet.</p>
        ) : (
          <div class="data-table__wrap">
            <table class="data-table">
              <caption class="visually-hidden">Audit log, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">On</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {loaded.entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>
                      <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                    </td>
                    <td>{actorLabel(entry.actor)}</td>
                    <td>{AUDIT_ACTION_LABELS[entry.action] ?? entry.action}</td>
                    <td>{entry.target ? `${entry.target.type.replace('_', ' ')} ${entry.target.id}` : '—'}</td>
                    <td>{detailsLabel(entry.details) || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {loaded.status === 'ready' && loaded.next && (
        <button type="button" class="button" aria-busy={more} onClick={() => void loadMore()}>
          Load more
        </button>
      )}
    </section>
  );
}
