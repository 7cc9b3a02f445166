/**
 * "Pick on your site": the tour editor asks for a page of the team's site,
 * gets a picker link for it from the server (`POST /tours/picker`), opens it
 * in the `parley-picker` tab and waits for that tab's answer. One session at
 * a time for the whole editor: every step shares the one named tab, so two
 * listeners would both take its answer.
 *
 * The `message` listener lives only while waiting (added by an effect,
 * removed on an answer, on cancel and on unmount), and takes only what
 * `pickerMessageFrom` accepts: the tab we opened, at the origin we opened.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { InboxApi } from '../../api/endpoints.js';
import { ApiError } from '../../api/http.js';
import { readLocalSetting, writeLocalSetting } from '../../host/local-setting.js';
import { httpOrigin, PICKER_URL_KEY, pickerMessageFrom, pickerUrlFor, pickerUrlProblem } from '../../state/element-picker.js';
import { parseServerIssue } from '../../state/form-issues.js';
import { errorText } from '../content/use-resource.js';

/** The tab the picker opens in: named, so picking again reuses it. */
export const PICKER_WINDOW = 'parley-picker';
export const PICKER_WAITING_TEXT = 'Click the element on your site… (Esc there cancels)';

export type PickerSession =
  | { phase: 'idle' }
  /** The page field is shown for step `key`; `busy` while the link is being made. */
  | { phase: 'asking'; key: number; url: string; error: string; busy: boolean }
  | { phase: 'waiting'; key: number; source: Window; origin: string };

export interface ElementPicker {
  session: PickerSession;
  /** What the status line of a step says (waiting, picked, cancelled). */
  statusOf(key: number): string;
  /** Shows the page field for a step, filled from its page or the last page picked on. */
  ask(key: number, stepPage: string): void;
  setUrl(url: string): void;
  open(): Promise<void>;
  /** Stops asking or waiting (the site's tab stays open; its answer is no longer taken). */
  cancel(): void;
}

type PickerApi = Pick<InboxApi, 'createPickerLink'>;

export function useElementPicker(api: PickerApi, onPicked: (key: number, selector: string, label: string) => void, win: Window = window): ElementPicker {
  const [session, setSession] = useState<PickerSession>({ phase: 'idle' });
  const [status, setStatus] = useState<{ key: number; text: string } | null>(null);
  // Each ask or cancel starts over: a link that arrives for an abandoned attempt opens nothing.
  const attempt = useRef(0);
  const latestOnPicked = useRef(onPicked);
  latestOnPicked.current = onPicked;

  // A layout effect: listening from the very render that says "Click the element…", not a frame later.
  useLayoutEffect(() => {
    if (session.phase !== 'waiting') return;
    const { key, source, origin } = session;
    const onMessage = (event: MessageEvent) => {
      const message = pickerMessageFrom(event, { source, origin });
      if (!message) return;
      attempt.current += 1;
      setSession({ phase: 'idle' });
      if (message.type === 'parley:picker-cancelled') {
        setStatus({ key, text: 'Picking was cancelled on your site.' });
        return;
      }
      setStatus({ key, text: `Picked ${message.label ? `“${message.label}”` : 'an element'}.` });
      latestOnPicked.current(key, message.selector, message.label);
    };
    win.addEventListener('message', onMessage);
    return () => win.removeEventListener('message', onMessage);
  }, [session, win]);

  async function open(): Promise<void> {
    if (session.phase !== 'asking' || session.busy) return;
    const asking = session;
    const url = asking.url.trim();
    const problem = pickerUrlProblem(url);
    if (problem) return setSession({ ...asking, error: problem });
    const mine = ++attempt.current;
    setSession({ ...asking, busy: true, error: '' });
    let error: string;
    try {
      const link = await api.createPickerLink(url);
      if (attempt.current !== mine) return;
      const origin = httpOrigin(link.url);
      const opened = origin ? win.open(link.url, PICKER_WINDOW) : null;
      if (origin && opened) {
        writeLocalSetting(PICKER_URL_KEY, url);
        setSession({ phase: 'waiting', key: asking.key, source: opened, origin });
        setStatus(null);
        return;
      }
      error = origin ? 'Your browser blocked the new tab: allow pop-ups for the inbox, then try again.' : 'The server sent a link that can’t be opened.';
    } catch (failure) {
      if (attempt.current !== mine) return;
      const issue = failure instanceof ApiError && failure.code === 'validation_failed' ? parseServerIssue(failure.message) : null;
      error = issue ? `Can’t pick there: ${issue.text}.` : errorText(failure, 'Could not start the picker.');
    }
    setSession({ ...asking, busy: false, error });
  }

  return {
    session,
    statusOf: (key) => (session.phase === 'waiting' && session.key === key ? PICKER_WAITING_TEXT : status?.key === key ? status.text : ''),
    ask(key, stepPage) {
      attempt.current += 1;
      setStatus(null);
      setSession({ phase: 'asking', key, url: pickerUrlFor(stepPage, readLocalSetting(PICKER_URL_KEY)), error: '', busy: false });
    },
    setUrl(url) {
      if (session.phase === 'asking') setSession({ ...session, url, error: '' });
    },
    open,
    cancel() {
      attempt.current += 1;
      if (session.phase === 'waiting') setStatus({ key: session.key, text: 'Picking stopped.' });
      setSession({ phase: 'idle' });
    },
  };
}
