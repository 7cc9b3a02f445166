/**
 * A labelled form control with its hint and error, wired for screen readers:
 * the control gets the id, `aria-invalid` and `aria-describedby` (hint and
 * error) through a render prop, so any input, select or textarea fits.
 */
import type { ComponentChildren, VNode } from 'preact';

export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

export interface FieldProps {
  id: string;
  label: ComponentChildren;
  error?: string;
  hint?: ComponentChildren;
  class?: string;
  children(control: ControlProps): VNode;
}

export function controlProps(id: string, error: string | undefined, hint: boolean): ControlProps {
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return { id, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
}

export function Field({ id, label, error, hint, class: extra, children }: FieldProps) {
  return (
    <div class={extra ? `field ${extra}` : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {children(controlProps(id, error, hint !== undefined))}
      {hint !== undefined && (
        <p class="settings__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} text={error} />
    </div>
  );
}

/** A label whose end (" of step 2") only screen readers hear: on screen the item it belongs to is plain, not in its name. */
export function labelOf(text: string, item: string): ComponentChildren {
  return (
    <>
      {text}
      <span class="visually-hidden"> of {item}</span>
    </>
  );
}

export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p class="field__error" id={id}>
      {text}
    </p>
  );
}
