/**
 * A webhook's delivery log, newest first: the event, its status, the last
 * answer (status code and time, or why it failed), when, the attempts so far,
 * and "Retry" (one more attempt, at once). Pages with "Load more"; "Refresh"
 * reloads the first page.
 */
import { useEffect, useState } from 'preact/hooks';
import type { WebhookDelivery } from '../../../protocol/index.js';
import type { WebhookApi } from '../../api/webhook-endpoints.js';
import { formatDateTime } from '../../format/relative-time.js';
import { deliveryStatusLabel, describeOutcome } from '../../state/webhook-form.js';
import { errorText } from '../content/use-resource.js';
import '../../styles/tables.css';

export interface WebhookDeliveriesProps {
  api: Pick<WebhookApi, 'listWebhookDeliveries' | 'retryWebhookDelivery'>;
  webhookId: string;
  /** The element's id (the "Deliveries" button controls it). */
  id: string;
  /** Bumped by the card after "Send test", so the new ping shows. */
  version: number;
}

type Log = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; rows: WebhookDelivery[]; next: string | null };

export function WebhookDeliveries({ api, webhookId, id, version }: WebhookDeliveriesProps) {
  const [log, setLog] = useState<Log>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [retrying, setRetrying] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    let live = true;
    api.listWebhookDeliveries(webhookId).then(
      (page) => live && setLog({ status: 'ready', rows: page.data, next: page.next_cursor }),
      (error: unknown) => live && setLog({ status: 'failed', message: errorText(error, 'Could not load the deliveries.') }),
    );
    return () => {
      live = false;
    };
  }, [api, webhookId, attempt, version]);

  async function more(cursor: string): Promise<void> {
    try {
      const page = await api.listWebhookDeliveries(webhookId, cursor);
      setLog((l) => (l.status === 'ready' ? { status: 'ready', rows: [...l.rows, ...page.data], next: page.next_cursor } : l));
    } catch (error) {
      setNotice(errorText(error, 'Could not load more deliveries.'));
    }
  }

  async function retry(delivery: WebhookDelivery): Promise<void> {
    if (retrying) return;
    setRetrying(delivery.id);
    setNotice('');
    try {
      const updated = await api.retryWebhookDelivery(webhookId, delivery.id);
      setLog((l) => (l.status === 'ready' ? { ...l, rows: l.rows.map((r) => (r.id === updated.id ? updated : r)) } : l));
      setNotice(`Retried ${updated.event_type}: ${deliveryStatusLabel(updated).toLowerCase()}, ${describeOutcome(updated)}.`);
    } catch (error) {
      setNotice(errorText(error, 'Could not retry the delivery.'));
    } finally {
      setRetrying(null);
    }
  }

  return (
    <div class="webhook-log" id={id}>
      <div class="settings__row">
        <h4 class="webhook-log__title">Deliveries</h4>
        <button type="button" class="button button--ghost" onClick={() => setAttempt((n) => n + 1)}>
          Refresh<span class="visually-hidden"> deliveries</span>
        </button>
      </div>
      {log.status === 'loading' && <p role="status">Loading deliveries…</p>}
      {log.status === 'failed' && <p role="alert">{log.message}</p>}
      {log.status === 'ready' && log.rows.length === 0 && <p class="settings__hint">No deliveries yet.</p>}
      {log.status === 'ready' && log.rows.length > 0 && (
        <div class="data-table__wrap">
          <table class="data-table data-table--compact">
            <caption class="visually-hidden">Deliveries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Response</th>
                <th scope="col">Time</th>
                <th scope="col" class="data-table__number">
                  Attempts
                </th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <code>{d.event_type}</code>
                  </th>
                  <td>
                    <span class={`status-badge webhook-status--${d.status}`}>{deliveryStatusLabel(d)}</span>
                  </td>
                  <td class="webhook-log__outcome">{describeOutcome(d)}</td>
                  <td>
                    <time dateTime={d.last_attempt_at ?? d.created_at}>{formatDateTime(d.last_attempt_at ?? d.created_at)}</time>
                  </td>
                  <td class="data-table__number">{d.attempts}</td>
                  <td>
                    <button type="button" class="button button--ghost" aria-busy={retrying === d.id} onClick={() => void retry(d)}>
                      Retry<span class="visually-hidden"> {d.event_type} delivery</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.status === 'ready' && log.next && (
        <button type="button" class="button" onClick={() => void more(log.next ?? '')}>
          Load more deliveries
        </button>
      )}
      {/* Always in the DOM: a live region added together with its text is often not announced. */}
      <p class="settings__saved" role="status">
        {notice}
      </p>
    </div>
  );
}
