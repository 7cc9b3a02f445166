/**
 * A webhook's URL, events (checkboxes) and description, to add one or change
 * one. Problems show under their field once the admin tries to save; the
 * server's refusal (a private address, a host that does not resolve) is
 * shown under the URL, since that is what it is about.
 */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Webhook } from '../../../protocol/index.js';
import { ApiError } from '../../api/http.js';
import {
  EMPTY_WEBHOOK_DRAFT,
  toggleEvent,
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_EVENTS,
  WEBHOOK_FORM_LIMITS,
  webhookDraftOf,
  webhookProblems,
  type WebhookDraft,
  type WebhookField,
} from '../../state/webhook-form.js';
import { Field, FieldError } from '../content/Field.js';
import { FormFooter } from '../content/FormFooter.js';

export interface WebhookFormProps {
  /** null: a new webhook. */
  hook: Webhook | null;
  /** Resolves when saved; rejects with an ApiError the form shows. */
  onSave(draft: WebhookDraft): Promise<void>;
  onCancel(): void;
}

export function WebhookForm({ hook, onSave, onCancel }: WebhookFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<WebhookDraft>(() => (hook ? webhookDraftOf(hook) : EMPTY_WEBHOOK_DRAFT));
  const [checked, setChecked] = useState(false);
  const [serverError, setServerError] = useState<{ field: WebhookField | null; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);

  useEffect(() => urlRef.current?.focus(), []);

  const problems = checked ? webhookProblems(draft) : {};
  const errorOf = (field: WebhookField) => problems[field] ?? (serverError?.field === field ? serverError.text : undefined);
  const edit = <K extends WebhookField>(field: K, value: WebhookDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setServerError(null);
  };

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving) return;
    setChecked(true);
    const found = webhookProblems(draft);
    const first = (Object.keys(found) as WebhookField[])[0];
    if (first) {
      document.getElementById(first === 'events' ? `${id}-event-0` : `${id}-${first}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      await onSave(draft);
    } catch (failure) {
      const text = failure instanceof ApiError ? failure.message : 'Could not save the webhook.';
      // "url: …" is about the URL: show it there, without the prefix.
      const onUrl = failure instanceof ApiError && failure.message.startsWith('url: ');
      setServerError({ field: onUrl ? 'url' : null, text: onUrl ? text.slice(5) : text });
      if (onUrl) urlRef.current?.focus();
      setSaving(false);
    }
  }

  const eventsError = errorOf('events');
  return (
    <form class="webhook-form" aria-label={hook ? `Edit webhook ${hook.url}` : 'New webhook'} onSubmit={submit} noValidate>
      <Field id={`${id}-url`} label="Endpoint URL" error={errorOf('url')} hint="Parley POSTs JSON here. Private and local addresses are refused unless the server allows them.">
        {(control) => (
          <input
            {...control}
            ref={urlRef}
            class="input"
            type="url"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            placeholder="https://example.com/parley/webhooks"
            maxLength={WEBHOOK_FORM_LIMITS.url + 10}
            value={draft.url}
            onInput={(e) => edit('url', e.currentTarget.value)}
          />
        )}
      </Field>
      <fieldset class="settings__fieldset webhook-form__events" aria-describedby={eventsError ? `${id}-events-error` : undefined}>
        <legend class="field__label">Events</legend>
        {WEBHOOK_EVENTS.map((event, index) => (
          <label key={event} class="settings__choice">
            <input
              id={`${id}-event-${index}`}
              type="checkbox"
              checked={draft.events.includes(event)}
              aria-invalid={eventsError ? true : undefined}
              onChange={(e) => edit('events', toggleEvent(draft.events, event, e.currentTarget.checked))}
            />
            <span>
              {WEBHOOK_EVENT_LABELS[event]} <code class="webhook-form__type">{event}</code>
            </span>
          </label>
        ))}
        <FieldError id={`${id}-events-error`} text={eventsError} />
      </fieldset>
      <Field id={`${id}-description`} label="Description (optional)" error={errorOf('description')}>
        {(control) => (
          <input {...control} class="input" maxLength={WEBHOOK_FORM_LIMITS.description + 10} value={draft.description} onInput={(e) => edit('description', e.currentTarget.value)} />
        )}
      </Field>
      <FormFooter
        error={serverError && serverError.field === null ? serverError.text : null}
        saving={saving}
        submitLabel={saving ? 'Saving…' : hook ? 'Save webhook' : 'Add webhook'}
        onCancel={onCancel}
        actionsClass="webhook-form__actions"
        errorClass="field__error"
      />
    </form>
  );
}
