/**
 * The save flow every content editor (message, segment, series) shares, so the
 * three behave alike and a fix to one reaches all: our own check first, then
 * create or update, the new item's address, the notice, the server's refusal
 * mapped onto fields, keyboard focus on the first field to fix, and delete.
 * Each editor keeps only what differs: its nouns, calls and field layout.
 */
import type { RefObject, TargetedSubmitEvent } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/http.js';
import { contentHref, type ContentSection } from '../../host/hash-route.js';
import { errorText } from './use-resource.js';

/** A draft checked against the protocol schema: the request body, or what to fix. */
export type Checked<Input, Errors> = { ok: true; input: Input } | { ok: false; errors: Errors };

export interface ContentEditorOptions<Draft, Input, Saved extends { id: string }, Errors> {
  /** "message", "segment", "series": said in the notices ("Segment saved.") and failures. */
  noun: string;
  /** Where the list lives (after a delete) and each saved item's address. */
  section: ContentSection;
  /** As loaded; null on a new item. */
  initial: Saved | null;
  draftFrom(saved: Saved | null): Draft;
  check(draft: Draft): Checked<Input, Errors>;
  create(input: Input): Promise<Saved>;
  /** Given the saved version, so only what changed need be sent. */
  update(saved: Saved, input: Input): Promise<Saved>;
  remove(saved: Saved): Promise<void>;
  /** A `validation_failed` message as field errors; null when it names no field the form shows. */
  serverErrors(message: string, draft: Draft): Errors | null;
}

export interface ContentEditor<Draft, Input, Saved, Errors> {
  draft: Draft;
  /** The server's latest version; null until a new item is first saved. */
  saved: Saved | null;
  /** Our own check's problems, shown only once a save was tried. */
  ownErrors: Errors | null;
  /** The server's refusal, until the next edit. */
  serverErrors: Errors | null;
  saving: boolean;
  /** For EditorActions: the refusal or failure. */
  alert: string;
  /** For EditorActions: "Segment saved." or an edit's announcement. */
  notice: string;
  formRef: RefObject<HTMLFormElement>;
  /** Merges a change into the draft; `announce` is said politely (e.g. a step moved). */
  edit(change: Partial<Draft>, announce?: string): void;
  submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void>;
  /** Deletes the saved item and goes back to the list; for ConfirmDelete. */
  remove(): Promise<void>;
}

export function useContentEditor<Draft, Input, Saved extends { id: string }, Errors>(
  options: ContentEditorOptions<Draft, Input, Saved, Errors>,
): ContentEditor<Draft, Input, Saved, Errors> {
  const { noun, section } = options;
  const [saved, setSaved] = useState<Saved | null>(options.initial);
  const [draft, setDraft] = useState<Draft>(() => options.draftFrom(options.initial));
  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors | null>(null);
  const [alert, setAlert] = useState('');
  const [notice, setNotice] = useState('');
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // A count in state, not a flag in a ref: the focus must wait for the render
  // that marks the fields invalid, and a ref would also be seen (and spent) by
  // an effect still pending from the render before.
  const [focusRequests, setFocusRequests] = useState(0);

  // `check` is a new closure each render but depends on the draft alone.
  const checked = useMemo(() => options.check(draft), [draft]);
  const ownErrors = showErrors && !checked.ok ? checked.errors : null;

  // After a refused save, keyboard focus goes to the first field to fix.
  useEffect(() => {
    if (focusRequests > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequests]);

  function edit(change: Partial<Draft>, announce = ''): void {
    setDraft((d) => ({ ...d, ...change }));
    setServerErrors(null);
    setNotice(announce);
    setAlert('');
  }

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving) return;
    setShowErrors(true);
    // A stale "Saved." (or an edit's announcement) must not stand beside this attempt's outcome.
    setNotice('');
    if (!checked.ok) {
      setAlert('Some fields need your attention.');
      setFocusRequests((n) => n + 1);
      return;
    }
    setSaving(true);
    setAlert('');
    try {
      const next = saved ? await options.update(saved, checked.input) : await options.create(checked.input);
      if (!saved) {
        // The new item now has an address; replace (not push) so Back doesn't return to an empty form.
        history.replaceState(null, '', contentHref(section, { id: next.id }));
      }
      setSaved(next);
      setShowErrors(false);
      setNotice(`${capitalized(noun)} ${saved ? 'saved' : 'created'}.`);
    } catch (failure) {
      const mapped = failure instanceof ApiError && failure.code === 'validation_failed' ? options.serverErrors(failure.message, draft) : null;
      if (mapped) {
        setServerErrors(mapped);
        setFocusRequests((n) => n + 1);
      }
      setAlert(mapped ? 'The server refused a field: see below it.' : errorText(failure, `Could not save the ${noun}.`));
    } finally {
      setSaving(false);
    }
  }

  async function remove(): Promise<void> {
    if (!saved) return;
    try {
      await options.remove(saved);
      window.location.hash = contentHref(section);
    } catch (failure) {
      setAlert(errorText(failure, `Could not delete the ${noun}.`));
    }
  }

  return { draft, saved, ownErrors, serverErrors, saving, alert, notice, formRef, edit, submit, remove };
}

/** "Segment" from "segment", for the start of a sentence or a title. */
export function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
