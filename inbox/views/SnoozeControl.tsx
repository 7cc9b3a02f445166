/**
 * Snooze for an open conversation: a disclosure with the quick choices
 * (1 hour, tomorrow 9:00, next Monday 9:00, in the agent's time zone) and a
 * date-and-time field. A snoozed one shows until when, and "Reopen". Focus
 * lands on what replaces the control used, never on nothing.
 */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AgentConversation } from '../../protocol/index.js';
import { formatDateTime } from '../format/relative-time.js';
import { instantFromLocalInput, localTimeZone, snoozeChoices, snoozeProblem } from '../state/snooze-options.js';
import { useInbox } from './inbox-context.js';

const PANEL_ID = 'snooze-options';

export function SnoozeControl({ conversation }: { conversation: AgentConversation }) {
  const { current, announcer } = useInbox();
  const [open, setOpen] = useState(false);
  const [custom, setCustom] = useState('');
  const [problem, setProblem] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);
  const reopen = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  /** Where focus goes once the status has changed (the control used is gone by then). */
  const focusNext = useRef<'reopen' | 'toggle' | null>(null);
  const status = conversation.status;

  useEffect(() => {
    const target = focusNext.current === 'reopen' ? reopen.current : focusNext.current === 'toggle' ? toggle.current : null;
    if (!target) return;
    focusNext.current = null;
    target.focus();
  }, [status]);

  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [open]);

  if (status === 'closed') return null;

  if (status === 'snoozed') {
    const until = conversation.snoozedUntil;
    return (
      <div class="snooze">
        <span class="snooze__until">{until ? `Snoozed until ${formatDateTime(until)}` : 'Snoozed'}</span>
        <button
          type="button"
          class="button"
          ref={reopen}
          onClick={() => {
            focusNext.current = 'toggle';
            void current.setStatus('open');
          }}
        >
          Reopen
        </button>
      </div>
    );
  }

  function close(): void {
    setOpen(false);
    setProblem('');
    toggle.current?.focus();
  }

  function snoozeAt(at: number): void {
    const why = snoozeProblem(at, Date.now());
    setProblem(why ?? '');
    if (why) return;
    const until = new Date(at).toISOString();
    focusNext.current = 'reopen';
    void current.snooze(until).then((done) => {
      if (!done) {
        focusNext.current = null;
        return;
      }
      setOpen(false);
      setCustom('');
      announcer.announce(`Snoozed until ${formatDateTime(until)}.`);
    });
  }

  function onCustom(event: TargetedSubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const at = instantFromLocalInput(custom, localTimeZone());
    if (at === null) setProblem('Pick a date and a time.');
    else snoozeAt(at);
  }

  const now = Date.now();
  return (
    <div
      class="snooze"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          close();
        }
      }}
    >
      <button
        type="button"
        class="button"
        ref={toggle}
        aria-expanded={open}
        aria-controls={PANEL_ID}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Snooze
      </button>
      {open && (
        <div id={PANEL_ID} class="snooze__panel" role="group" aria-label="Snooze until" ref={panel}>
          <ul class="snooze__choices">
            {snoozeChoices(now, localTimeZone()).map((choice) => (
              <li key={choice.id}>
                <button type="button" class="snooze__choice" onClick={() => snoozeAt(choice.at)}>
                  <span>{choice.label}</span>
                  <span class="snooze__when">{formatDateTime(new Date(choice.at).toISOString())}</span>
                </button>
              </li>
            ))}
          </ul>
          <form class="snooze__custom" onSubmit={onCustom}>
            <label class="snooze__label" for="snooze-custom">
              Date and time
            </label>
            <input
              id="snooze-custom"
              class="input"
              type="datetime-local"
              value={custom}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'snooze-problem' : undefined}
              onInput={(event) => {
                setCustom(event.currentTarget.value);
                setProblem('');
              }}
            />
            <button type="submit" class="button">
              Snooze until then
            </button>
          </form>
          {problem && (
            <p id="snooze-problem" class="snooze__problem" role="alert">
              {problem}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
