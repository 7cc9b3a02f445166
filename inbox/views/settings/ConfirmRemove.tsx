/**
 * "Delete" for one item of a list, named after it for screen readers
 * ("Delete Support"), then an inline question with a confirming button and
 * "Cancel" — no `window.confirm`. Focus moves to the confirming button, and
 * back to "Delete" on cancel.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface ConfirmRemoveProps {
  /** "team", "rule". */
  thing: string;
  /** The item's name: "Support". */
  name: string;
  onConfirm(): Promise<void>;
}

export function ConfirmRemove({ thing, name, onConfirm }: ConfirmRemoveProps) {
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
        Delete<span class="visually-hidden"> {name}</span>
      </button>
    );
  }
  return (
    <div class="confirm-delete" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`} class="confirm-delete__question">
        Delete the {thing} “{name}”?
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
        Delete {thing}
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
