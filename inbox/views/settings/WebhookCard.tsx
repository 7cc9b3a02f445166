/**
 * One webhook in the list: its URL, description, events and state, and what
 * an admin does with it — edit, turn on or off, send a test, rotate the
 * secret (asked first: the old secret stops signing at once), open the
 * delivery log, delete. Every button is named after the webhook for screen
 * readers ("Send test to https://…").
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Webhook, WebhookWithSecret } from '../../../protocol/index.js';
import type { WebhookApi } from '../../api/webhook-endpoints.js';
import { describeTest, WEBHOOK_EVENT_LABELS, webhookStateLabel } from '../../state/webhook-form.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';
import { errorText } from '../content/use-resource.js';
import { WebhookDeliveries } from './WebhookDeliveries.js';

export interface WebhookCardProps {
  api: Pick<WebhookApi, 'updateWebhook' | 'sendWebhookTest' | 'rotateWebhookSecret' | 'listWebhookDeliveries' | 'retryWebhookDelivery'>;
  hook: Webhook;
  /** The "Edit" button, so the page can return focus to it. */
  editRef(el: HTMLButtonElement | null): void;
  onEdit(): void;
  onChanged(hook: Webhook): void;
  onRotated(hook: WebhookWithSecret): void;
  onDelete(): Promise<void>;
  /** A line for the page's live region. */
  announce(text: string): void;
}

export function WebhookCard({ api, hook, editRef, onEdit, onChanged, onRotated, onDelete, announce }: WebhookCardProps) {
  const id = useId();
  const [busy, setBusy] = useState<'toggle' | 'test' | 'rotate' | null>(null);
  const [logOpen, setLogOpen] = useState(false);
  const [logVersion, setLogVersion] = useState(0);
  const [askingRotate, setAskingRotate] = useState(false);
  const rotateConfirm = useRef<HTMLButtonElement>(null);
  const rotateButton = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  // Focus to the question when it opens, back to "Rotate secret" when it is cancelled.
  useEffect(() => {
    if (askingRotate) rotateConfirm.current?.focus();
    else if (wasAsking.current) rotateButton.current?.focus();
    wasAsking.current = askingRotate;
  }, [askingRotate]);

  async function run(kind: 'toggle' | 'test' | 'rotate', work: () => Promise<void>, failure: string): Promise<void> {
    if (busy) return;
    setBusy(kind);
    try {
      await work();
    } catch (error) {
      announce(errorText(error, failure));
    } finally {
      setBusy(null);
    }
  }

  const toggle = () =>
    run(
      'toggle',
      async () => {
        const saved = await api.updateWebhook(hook.id, { enabled: !hook.enabled });
        onChanged(saved);
        announce(`Webhook ${saved.enabled ? 'enabled' : 'disabled'}.`);
      },
      'Could not change the webhook.',
    );
  const test = () =>
    run(
      'test',
      async () => {
        announce('Sending a test…');
        const delivery = await api.sendWebhookTest(hook.id);
        announce(describeTest(delivery));
        setLogVersion((n) => n + 1);
      },
      'Could not send the test.',
    );
  const rotate = () =>
    run(
      'rotate',
      async () => {
        const rotated = await api.rotateWebhookSecret(hook.id);
        // The secret notice takes the focus: this button's own return of focus must not.
        wasAsking.current = false;
        setAskingRotate(false);
        onRotated(rotated);
      },
      'Could not rotate the secret.',
    );

  const named = <span class="visually-hidden"> {hook.url}</span>;
  return (
    <article class="webhook-card" aria-labelledby={`${id}-url`}>
      <h3 id={`${id}-url`} class="webhook-card__url">
        {hook.url}
      </h3>
      {hook.description && <p class="webhook-card__description">{hook.description}</p>}
      <p class="webhook-card__meta">
        <span class={`status-badge ${hook.enabled ? 'status-badge--live' : 'webhook-status--off'}`}>{webhookStateLabel(hook)}</span>
        <span class="visually-hidden">Events: </span>
        {hook.events.map((e) => (
          <code key={e} class="webhook-card__event" title={WEBHOOK_EVENT_LABELS[e]}>
            {e}
          </code>
        ))}
      </p>
      <div class="webhook-card__actions">
        <button type="button" class="button" ref={editRef} onClick={onEdit}>
          Edit{named}
        </button>
        <button type="button" class="button" aria-busy={busy === 'toggle'} onClick={() => void toggle()}>
          {hook.enabled ? 'Disable' : 'Enable'}
          {named}
        </button>
        <button type="button" class="button" aria-busy={busy === 'test'} onClick={() => void test()}>
          Send test<span class="visually-hidden"> to {hook.url}</span>
        </button>
        <button type="button" class="button" ref={rotateButton} onClick={() => setAskingRotate(true)} aria-expanded={askingRotate}>
          Rotate secret{named}
        </button>
        <button type="button" class="button" aria-expanded={logOpen} aria-controls={`${id}-log`} onClick={() => setLogOpen((o) => !o)}>
          Deliveries{named}
        </button>
        <ConfirmDelete thing="webhook" name={hook.url} onConfirm={onDelete} />
      </div>
      {askingRotate && (
        <div class="confirm-delete" role="group" aria-labelledby={`${id}-rotate-question`}>
          <p id={`${id}-rotate-question`} class="confirm-delete__question">
            Make a new secret? The current one stops signing at once: update your endpoint right after.
          </p>
          <button type="button" class="button button--primary" ref={rotateConfirm} aria-busy={busy === 'rotate'} onClick={() => void rotate()}>
            Make a new secret
          </button>
          <button type="button" class="button button--ghost" onClick={() => setAskingRotate(false)}>
            Cancel
          </button>
        </div>
      )}
      {logOpen && <WebhookDeliveries api={api} webhookId={hook.id} id={`${id}-log`} version={logVersion} />}
    </article>
  );
}
