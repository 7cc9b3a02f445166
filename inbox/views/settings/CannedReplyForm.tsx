/**
 * One canned reply's shortcut, title and body, to create one or change one.
 * Problems show under their field once the agent tries to save; a shortcut
 * someone else took meanwhile (409) is reported on the shortcut.
 */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { CannedReply } from '../../../protocol/index.js';
import { ApiError } from '../../api/http.js';
import { CANNED_LIMITS, cannedReplyProblems, draftOf, EMPTY_DRAFT, type CannedReplyDraft, type CannedReplyField } from '../../state/canned-reply-form.js';
import { Field } from '../content/Field.js';
import { FormFooter } from '../content/FormFooter.js';

export interface CannedReplyFormProps {
  /** null: a new reply. */
  reply: CannedReply | null;
  /** Resolves when saved; rejects with an ApiError the form shows. */
  onSave(draft: CannedReplyDraft): Promise<void>;
  onCancel(): void;
}

export function CannedReplyForm({ reply, onSave, onCancel }: CannedReplyFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<CannedReplyDraft>(() => (reply ? draftOf(reply) : EMPTY_DRAFT));
  const [checked, setChecked] = useState(false);
  const [serverError, setServerError] = useState<{ field: CannedReplyField | null; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => first.current?.focus(), []);

  const problems = checked ? cannedReplyProblems(draft) : {};
  const errorOf = (field: CannedReplyField) => problems[field] ?? (serverError?.field === field ? serverError.text : undefined);
  const edit = (field: CannedReplyField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setServerError(null);
  };

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving) return;
    setChecked(true);
    const found = cannedReplyProblems(draft);
    const firstProblem = (Object.keys(found) as CannedReplyField[])[0];
    if (firstProblem) {
      document.getElementById(`${id}-${firstProblem}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      await onSave(draft);
    } catch (failure) {
      const text = failure instanceof ApiError ? failure.message : 'Could not save the canned reply.';
      const field = failure instanceof ApiError && failure.code === 'conflict' ? 'shortcut' : null;
      setServerError({ field, text: field ? 'Another canned reply has this shortcut.' : text });
      if (field) document.getElementById(`${id}-shortcut`)?.focus();
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="canned-form" aria-label={reply ? `Edit /${reply.shortcut}` : 'New canned reply'} onSubmit={submit} noValidate>
      <Field id={`${id}-shortcut`} label="Shortcut" error={errorOf('shortcut')} hint="Typed after / in a reply: lowercase letters, digits and “-”.">
        {(control) => (
          <input
            {...control}
            ref={first}
            class="input"
            maxLength={CANNED_LIMITS.shortcut + 10}
            autocomplete="off"
            value={draft.shortcut}
            onInput={(e) => edit('shortcut', e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={`${id}-title`} label="Title" error={errorOf('title')}>
        {(control) => <input {...control} class="input" maxLength={CANNED_LIMITS.title + 10} value={draft.title} onInput={(e) => edit('title', e.currentTarget.value)} />}
      </Field>
      <Field
        id={`${id}-body`}
        label="Reply"
        error={errorOf('body')}
        hint={'Markdown. Placeholders: {{user.first_name | fallback: "there"}}, {{user.email}}, {{agent.first_name}}, {{workspace.name}}.'}
      >
        {(control) => <textarea {...control} class="input canned-form__body" rows={5} value={draft.body} onInput={(e) => edit('body', e.currentTarget.value)} />}
      </Field>
      <FormFooter
        error={serverError && serverError.field === null ? serverError.text : null}
        saving={saving}
        submitLabel={saving ? 'Saving…' : 'Save'}
        onCancel={onCancel}
        actionsClass="canned-form__actions"
        errorClass="field__error"
      />
    </form>
  );
}
