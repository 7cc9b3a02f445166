/**
 * The end of a small form: its failure (an alert, so it is read out), then
 * the submit button (busy while saving) and Cancel.
 *
 * @example <FormFooter error={error} saving={saving} submitLabel="Save team" onCancel={close} />
 */
export interface FormFooterProps {
  error: string | null | undefined;
  saving: boolean;
  submitLabel: string;
  onCancel(): void;
  /** The row's class (layouts differ between settings and popovers). */
  actionsClass?: string;
  errorClass?: string;
}

export function FormFooter({ error, saving, submitLabel, onCancel, actionsClass = 'settings__actions', errorClass = 'settings__error' }: FormFooterProps) {
  return (
    <>
      {error && (
        <p class={errorClass} role="alert">
          {error}
        </p>
      )}
      <div class={actionsClass}>
        <button type="submit" class="button button--primary" aria-busy={saving}>
          {submitLabel}
        </button>
        <button type="button" class="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
