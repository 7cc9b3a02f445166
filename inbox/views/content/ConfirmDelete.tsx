/**
 * "Delete", then an inline "Delete <thing>?" with a confirming button and
 * "Cancel": no `window.confirm` (blocking, unstyled, and auto-dismissed in
 * headless browsers). Focus moves to the confirming button and back to
 * "Delete" on cancel. In a list (`name` given), the button is named after
 * its item for screen readers ("Delete Support").
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface ConfirmDeleteProps {
  /** "message", "segment", "series", "team". */
  thing: string;
  /** The item's name, for one item of a list: "Support". */
  name?: string;
  /** The action's word, "Delete" unless given ("Revoke"). */
  verb?: string;
  onConfirm(): Promise<void>;
}

export function ConfirmDelete({ thing, name, verb = 'Delete', onConfirm }: ConfirmDeleteProps) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      deleteRef.current?.focus();
    }
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" class="button button--danger" ref={deleteRef} onClick={() => setAsking(true)}>
        {verb}
        {name !== undefined && <span class="visually-hidden"> {name}</span>}
      </button>
    );
  }
  return (
    <div class="confirm-delete" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`} class="confirm-delete__question">
        {name !== undefined ? `${verb} the ${thing} “${name}”?` : `${verb} this ${thing}? This cannot be undone.`}
      </p>
      <button
        type="button"
        class="button button--danger-solid"
        ref={confirmRef}
        aria-busy={busy}
        onClick={() => {
          if (busy) return;
          setBusy(true);
          onConfirm().finally(() => setBusy(false));
        }}
      >
        {verb} {thing}
      </button>
      <button
        type="button"
        class="button button--ghost"
        onClick={() => {
          returnFocus.current = true;
          setAsking(false);
        }}
      >
        Cancel
      </button>
    </div>
  );
}
