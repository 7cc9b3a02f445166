/** "Content" of the message editor: name, format, body, and the fields only some formats use. */
import { CONTENT_LIMITS, MESSAGE_FORMATS, type AgentProfile, type MessageFormat } from '../../../protocol/index.js';
import type { FieldErrors } from '../../state/form-issues.js';
import { formatUses, type MessageDraft, type MessageDraftField } from '../../state/message-draft.js';
import { FORMAT_LABELS } from '../content/ContentPage.js';
import { Field } from '../content/Field.js';

export interface MessageFieldsProps {
  draft: MessageDraft;
  edit<K extends keyof MessageDraft>(field: K, value: MessageDraft[K]): void;
  errors: FieldErrors<MessageDraftField>;
}

const FORMAT_HINTS: Record<MessageFormat, string> = {
  chat: 'A message from a teammate above the launcher; a reply starts a conversation.',
  post: 'A card above the launcher, with an optional image and button.',
  banner: 'A bar across the top or bottom of the page.',
  modal: 'A centred dialog over the page, for what deserves the whole screen.',
  tooltip: 'A bubble pointing at an element of the page.',
};

export function MessageContentFields({ draft, edit, errors, agents }: MessageFieldsProps & { agents: readonly AgentProfile[] }) {
  const format = draft.format;
  return (
    <section class="settings__section" aria-labelledby="message-content-title">
      <h2 id="message-content-title" class="settings__section-title">
        Content
      </h2>
      <Field id="message-name" label="Name" error={errors.name} hint="Only your team sees it.">
        {(aria) => <input {...aria} class="input" type="text" maxLength={CONTENT_LIMITS.name} value={draft.name} onInput={(e) => edit('name', e.currentTarget.value)} />}
      </Field>
      <Field id="message-format" label="Format" error={errors.format} hint={FORMAT_HINTS[format]}>
        {(aria) => (
          <select {...aria} class="select" value={format} onChange={(e) => edit('format', e.currentTarget.value as MessageFormat)}>
            {MESSAGE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {formatUses('sender', format) && (
        <Field id="message-sender" label="Send as" error={errors.senderId}>
          {(aria) => (
            <select {...aria} class="select" value={draft.senderId} onChange={(e) => edit('senderId', e.currentTarget.value)}>
              <option value="">The team</option>
              {agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field
        id="message-body"
        label="Body"
        error={errors.body}
        hint={
          <>
            Markdown. Personalise with <code>{'{{user.name | fallback: "there"}}'}</code>, <code>{'{{user.first_name}}'}</code>,{' '}
            <code>{'{{user.email}}'}</code>, any trait as <code>{'{{user.plan}}'}</code>, or <code>{'{{workspace.name}}'}</code>.
          </>
        }
      >
        {(aria) => (
          <textarea
            {...aria}
            class="input settings__textarea message-editor__body"
            rows={6}
            maxLength={CONTENT_LIMITS.body}
            value={draft.body}
            onInput={(e) => edit('body', e.currentTarget.value)}
          />
        )}
      </Field>
      {formatUses('image', format) && (
        <Field id="message-image" label="Image URL" error={errors.imageUrl} hint="Optional: an https image shown above the body.">
          {(aria) => <input {...aria} class="input" type="url" inputMode="url" placeholder="https://…" value={draft.imageUrl} onInput={(e) => edit('imageUrl', e.currentTarget.value)} />}
        </Field>
      )}
      {formatUses('selector', format) && (
        <Field id="message-selector" label="Element selector" error={errors.selector} hint="The CSS selector of the element the tooltip points at, such as #upgrade-button.">
          {(aria) => (
            <input {...aria} class="input settings__mono" type="text" spellcheck={false} placeholder="#upgrade-button" value={draft.selector} onInput={(e) => edit('selector', e.currentTarget.value)} />
          )}
        </Field>
      )}
      {formatUses('position', format) && (
        <fieldset class="settings__fieldset">
          <legend class="field__label">Banner position</legend>
          <div class="settings__row">
            {(['top', 'bottom'] as const).map((edge) => (
              <label key={edge} class="settings__choice">
                <input type="radio" name="message-position" value={edge} checked={draft.position === edge} onChange={() => edit('position', edge)} />
                {edge === 'top' ? 'Top' : 'Bottom'}
              </label>
            ))}
          </div>
          <label class="settings__choice">
            <input type="checkbox" checked={draft.dismissible} onChange={(e) => edit('dismissible', e.currentTarget.checked)} />
            Can be dismissed
          </label>
        </fieldset>
      )}
      {formatUses('button', format) && (
        <div class="editor-row">
          <Field id="message-button-label" label="Button label" error={errors.buttonLabel} hint="Optional.">
            {(aria) => (
              <input {...aria} class="input" type="text" maxLength={CONTENT_LIMITS.buttonLabel} value={draft.buttonLabel} onInput={(e) => edit('buttonLabel', e.currentTarget.value)} />
            )}
          </Field>
          <Field id="message-button-url" label="Button URL" error={errors.buttonUrl} hint="Without one, the button closes the message.">
            {(aria) => <input {...aria} class="input" type="url" inputMode="url" placeholder="https://…" value={draft.buttonUrl} onInput={(e) => edit('buttonUrl', e.currentTarget.value)} />}
          </Field>
        </div>
      )}
    </section>
  );
}
