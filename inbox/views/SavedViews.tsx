/**
 * "Saved views": a disclosure under the filters with the agent's own and the
 * team's shared views (press one to apply its filters; the one in use is
 * pressed), a delete button on those the agent may delete, and a small form
 * that saves the current filters under a name, optionally shared.
 */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SavedView } from '../../protocol/index.js';
import { ApiError } from '../api/http.js';
import { useInbox } from './inbox-context.js';

const PANEL_ID = 'saved-views';

export function SavedViews() {
  const { views, announcer } = useInbox();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState('');
  const nameInput = useRef<HTMLInputElement>(null);
  const list = views.views.value;
  const active = views.active.value;

  useEffect(() => {
    if (open) void views.ensure();
  }, [open, views]);

  async function save(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving) return;
    if (!name.trim()) {
      setProblem('Name the view.');
      nameInput.current?.focus();
      return;
    }
    setSaving(true);
    setProblem('');
    try {
      const view = await views.save(name, shared);
      setName('');
      setShared(false);
      announcer.announce(`View ${view.name} saved.`);
    } catch (failure) {
      setProblem(failure instanceof ApiError ? failure.message : 'Could not save the view.');
    } finally {
      setSaving(false);
    }
  }

  async function remove(view: SavedView): Promise<void> {
    try {
      await views.remove(view.id);
      announcer.announce(`View ${view.name} deleted.`);
      // The button pressed is gone: keep the keyboard in the panel.
      nameInput.current?.focus();
    } catch (failure) {
      setProblem(failure instanceof ApiError ? failure.message : 'Could not delete the view.');
    }
  }

  return (
    <div class="saved-views">
      <button type="button" class="button button--ghost saved-views__toggle" aria-expanded={open} aria-controls={PANEL_ID} onClick={() => setOpen(!open)}>
        Saved views{active ? `: ${active.name}` : ''}
      </button>
      {open && (
        <div id={PANEL_ID} class="saved-views__panel">
          {views.status.value === 'loading' && list.length === 0 && <p role="status">Loading views…</p>}
          {views.status.value === 'error' && (
            <p class="saved-views__problem">
              Could not load the views.{' '}
              <button type="button" class="link-button" onClick={() => void views.reload()}>
                Try again
              </button>
            </p>
          )}
          {views.status.value === 'ready' && list.length === 0 && <p class="saved-views__empty">No saved views yet.</p>}
          {list.length > 0 && (
            <ul class="saved-views__list" aria-label="Saved views">
              {list.map((view) => (
                <li key={view.id} class="saved-views__item">
                  <button type="button" class="saved-views__apply" aria-pressed={view.id === active?.id} onClick={() => views.apply(view)}>
                    {view.name}
                  </button>
                  {view.shared && <span class="saved-views__shared">Shared</span>}
                  {views.canDelete(view) && (
                    <button type="button" class="link-button saved-views__delete" aria-label={`Delete view ${view.name}`} onClick={() => void remove(view)}>
                      Delete
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          <form class="saved-views__form" aria-label="Save the current filters" onSubmit={save}>
            <label class="filters__label" for="saved-view-name">
              View name
            </label>
            <input
              id="saved-view-name"
              ref={nameInput}
              class="input"
              maxLength={80}
              value={name}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'saved-view-problem' : undefined}
              onInput={(event) => {
                setName(event.currentTarget.value);
                setProblem('');
              }}
            />
            <label class="saved-views__check">
              <input type="checkbox" checked={shared} onChange={(event) => setShared(event.currentTarget.checked)} />
              Share with the team
            </label>
            <button type="submit" class="button" aria-busy={saving || undefined}>
              Save current filters
            </button>
            {problem && (
              <p id="saved-view-problem" class="saved-views__problem" role="alert">
                {problem}
              </p>
            )}
          </form>
        </div>
      )}
    </div>
  );
}
