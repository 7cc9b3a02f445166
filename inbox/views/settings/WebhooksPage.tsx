/**
 * Settings › Webhooks (`#/settings/webhooks`): the workspace's endpoints, to
 * add, change, turn on or off, test and delete, the signing secret shown once
 * (after adding or rotating) with a copy button, and each endpoint's delivery
 * log with retry. Admins only: the server refuses everyone else, reads too.
 * One form is open at a time; focus returns to "Edit" (or "Add webhook") when
 * it closes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Webhook, WebhookWithSecret } from '../../../protocol/index.js';
import type { WebhookApi } from '../../api/webhook-endpoints.js';
import { toCreateWebhook, toUpdateWebhook } from '../../state/webhook-form.js';
import { errorText } from '../content/use-resource.js';
import { WebhookCard } from './WebhookCard.js';
import { WebhookForm } from './WebhookForm.js';
import { WebhookSecret } from './WebhookSecret.js';
import '../../styles/webhooks.css';

const NEW = 'new';

/** The subscription without its secret: the list keeps no secret, only the one-time notice does. */
function withoutSecret({ secret: _secret, ...hook }: WebhookWithSecret): Webhook {
  return hook;
}

export interface WebhooksPageProps {
  api: WebhookApi;
  canEdit: boolean;
}

type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; hooks: Webhook[] };

export function WebhooksPage({ api, canEdit }: WebhooksPageProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ hook: WebhookWithSecret; reason: 'created' | 'rotated' } | null>(null);
  const [notice, setNotice] = useState('');
  const [focusAfter, setFocusAfter] = useState<{ id: string } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    if (!canEdit) return;
    let live = true;
    api.listWebhooks().then(
      (page) => live && setLoaded({ status: 'ready', hooks: page.data }),
      (error: unknown) => live && setLoaded({ status: 'failed', message: errorText(error, 'Could not load the webhooks.') }),
    );
    return () => {
      live = false;
    };
  }, [api, canEdit, attempt]);

  useEffect(() => {
    if (focusAfter && editing === null && !secret) buttons.current.get(focusAfter.id)?.focus();
  }, [focusAfter, editing, secret]);

  const keepButton = (id: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(id, el);
    else buttons.current.delete(id);
  };
  const hooks = loaded.status === 'ready' ? loaded.hooks : [];
  const replace = (hook: Webhook) => setLoaded((l) => (l.status === 'ready' ? { ...l, hooks: l.hooks.map((h) => (h.id === hook.id ? hook : h)) } : l));
  function close(focus: string): void {
    setEditing(null);
    // A new object each time, so asking for the same button twice still moves focus.
    setFocusAfter({ id: focus });
  }

  if (!canEdit) {
    return (
      <section class="settings__section" aria-labelledby="webhooks-title">
        <h2 id="webhooks-title" class="settings__section-title">
          Webhooks
        </h2>
        <p class="settings__hint">Only admins can see and change webhooks.</p>
      </section>
    );
  }

  return (
    <section class="settings__section" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title" class="settings__section-title">
        Webhooks
      </h2>
      <p class="settings__hint">
        Parley sends a signed JSON POST to each endpoint when one of its events happens, and retries for about two days when it fails. Check the{' '}
        <code>Parley-Signature</code> header with the endpoint’s secret (docs/webhooks.md).
      </p>
      {secret && (
        <WebhookSecret
          url={secret.hook.url}
          secret={secret.hook.secret}
          reason={secret.reason}
          onDone={() => {
            setFocusAfter({ id: secret.hook.id });
            setSecret(null);
          }}
        />
      )}
      {loaded.status === 'loading' && <p role="status">Loading webhooks…</p>}
      {loaded.status === 'failed' && (
        <div class="settings__load-error">
          <p role="alert">{loaded.message}</p>
          <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
            Retry
          </button>
        </div>
      )}
      {loaded.status === 'ready' && hooks.length === 0 && <p class="settings__hint">No webhooks yet.</p>}
      <ul class="webhook-list" aria-label="Webhooks">
        {hooks.map((hook) => (
          <li key={hook.id}>
            {editing === hook.id ? (
              <WebhookForm
                hook={hook}
                onCancel={() => close(hook.id)}
                onSave={async (draft) => {
                  const patch = toUpdateWebhook(hook, draft);
                  const saved = Object.keys(patch).length > 0 ? await api.updateWebhook(hook.id, patch) : hook;
                  replace(saved);
                  setNotice('Webhook saved.');
                  close(hook.id);
                }}
              />
            ) : (
              <WebhookCard
                api={api}
                hook={hook}
                editRef={keepButton(hook.id)}
                onEdit={() => {
                  setNotice('');
                  setEditing(hook.id);
                }}
                onChanged={replace}
                onRotated={(rotated) => {
                  replace(withoutSecret(rotated));
                  setSecret({ hook: rotated, reason: 'rotated' });
                }}
                onDelete={async () => {
                  try {
                    await api.deleteWebhook(hook.id);
                    setLoaded((l) => (l.status === 'ready' ? { ...l, hooks: l.hooks.filter((h) => h.id !== hook.id) } : l));
                    setNotice('Webhook deleted.');
                    setFocusAfter({ id: NEW });
                  } catch (failure) {
                    setNotice(errorText(failure, 'Could not delete the webhook.'));
                  }
                }}
                announce={setNotice}
              />
            )}
          </li>
        ))}
      </ul>
      {editing === NEW ? (
        <WebhookForm
          hook={null}
          onCancel={() => close(NEW)}
          onSave={async (draft) => {
            const created = await api.createWebhook(toCreateWebhook(draft));
            setLoaded((l) => (l.status === 'ready' ? { ...l, hooks: [...l.hooks, withoutSecret(created)] } : l));
            setEditing(null);
            setSecret({ hook: created, reason: 'created' });
          }}
        />
      ) : (
        loaded.status === 'ready' && (
          <button
            type="button"
            class="button"
            ref={keepButton(NEW)}
            onClick={() => {
              setNotice('');
              setEditing(NEW);
            }}
          >
            Add webhook
          </button>
        )
      )}
      {/* Always in the DOM: a live region added together with its text is often not announced. */}
      <p class="settings__saved" role="status">
        {notice}
      </p>
    </section>
  );
}
