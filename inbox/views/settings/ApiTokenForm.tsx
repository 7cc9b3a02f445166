/**
 * A new API token's name and scopes (checkboxes, each with what it allows).
 * Problems show under their field once the admin tries to create; the
 * server's refusal shows above the buttons.
 */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { API_TOKEN_LIMITS, API_TOKEN_SCOPE_DESCRIPTIONS, API_TOKEN_SCOPES, type ApiTokenScope, type CreateApiTokenInput } from '../../../protocol/index.js';
import { ApiError } from '../../api/http.js';
import { Field, FieldError } from '../content/Field.js';
import { FormFooter } from '../content/FormFooter.js';

export interface ApiTokenFormProps {
  /** Resolves when created; rejects with an ApiError the form shows. */
  onCreate(input: CreateApiTokenInput): Promise<void>;
  onCancel(): void;
}

function problemsOf(name: string, scopes: readonly ApiTokenScope[]): { name?: string; scopes?: string } {
  const trimmed = name.trim();
  return {
    ...(trimmed === '' ? { name: 'Give the token a name, e.g. what uses it.' } : {}),
    ...(trimmed.length > API_TOKEN_LIMITS.name ? { name: `At most ${API_TOKEN_LIMITS.name} characters.` } : {}),
    ...(scopes.length === 0 ? { scopes: 'Choose at least one scope.' } : {}),
  };
}

export function ApiTokenForm({ onCreate, onCancel }: ApiTokenFormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiTokenScope[]>(['read']);
  const [checked, setChecked] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => nameRef.current?.focus(), []);

  const problems = checked ? problemsOf(name, scopes) : {};

  function toggle(scope: ApiTokenScope, on: boolean): void {
    setScopes((current) => API_TOKEN_SCOPES.filter((s) => (s === scope ? on : current.includes(s))));
    setServerError(null);
  }

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving) return;
    setChecked(true);
    const found = problemsOf(name, scopes);
    if (found.name) return void nameRef.current?.focus();
    if (found.scopes) return void document.getElementById(`${id}-scope-0`)?.focus();
    setSaving(true);
    try {
      await onCreate({ name: name.trim(), scopes });
    } catch (failure) {
      setServerError(failure instanceof ApiError ? failure.message : 'Could not create the token.');
      setSaving(false);
    }
  }

  return (
    <form class="api-token-form" aria-label="New API token" onSubmit={submit} noValidate>
      <Field id={`${id}-name`} label="Name" error={problems.name} hint="What uses it (“CRM sync”, “Data export”): you will recognise it in the list.">
        {(control) => (
          <input
            {...control}
            ref={nameRef}
            class="input"
            autocomplete="off"
            maxLength={API_TOKEN_LIMITS.name + 10}
            value={name}
            onInput={(e) => {
              setName(e.currentTarget.value);
              setServerError(null);
            }}
          />
        )}
      </Field>
      <fieldset class="settings__fieldset api-token-form__scopes" aria-describedby={problems.scopes ? `${id}-scopes-error` : undefined}>
        <legend class="field__label">Scopes</legend>
        {API_TOKEN_SCOPES.map((scope, index) => (
          <label key={scope} class="settings__choice">
            <input
              id={`${id}-scope-${index}`}
              type="checkbox"
              checked={scopes.includes(scope)}
              aria-invalid={problems.scopes ? true : undefined}
              onChange={(e) => toggle(scope, e.currentTarget.checked)}
            />
            <span>
              <code class="api-token__scope">{scope}</code> {API_TOKEN_SCOPE_DESCRIPTIONS[scope]}
            </span>
          </label>
        ))}
        <FieldError id={`${id}-scopes-error`} text={problems.scopes} />
      </fieldset>
      <FormFooter error={serverError} saving={saving} submitLabel={saving ? 'Creating…' : 'Create token'} onCancel={onCancel} />
    </form>
  );
}
