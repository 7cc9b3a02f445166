/**
 * "Send a survey" in the composer: picks one of the workspace's surveys and
 * sends it into the conversation, with the reply box's text (if any) as its
 * introduction. The visitor answers it in the thread; the answers come back
 * as their message. Drafts can be sent: teams keep conversation-only surveys
 * out of automatic targeting.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Survey } from '../../protocol/index.js';
import { ApiError } from '../api/http.js';
import { useInbox } from './inbox-context.js';

export interface SendSurveyProps {
  conversationId: string;
  /** The reply box's text: the survey's introduction. */
  intro: string;
  onSent(): void;
  onClose(): void;
}

export function SendSurveyPanel({ conversationId, intro, onSent, onClose }: SendSurveyProps) {
  const inbox = useInbox();
  const [surveys, setSurveys] = useState<readonly Survey[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState('');
  const [sending, setSending] = useState(false);
  const select = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    let live = true;
    inbox.listSurveys().then(
      (list) => {
        if (!live) return;
        setSurveys(list);
        setChosen(list[0]?.id ?? '');
      },
      () => live && setError('Could not load the surveys.'),
    );
    return () => {
      live = false;
    };
  }, [inbox]);
  useEffect(() => {
    if (surveys && surveys.length > 0) select.current?.focus();
  }, [surveys]);

  async function send(): Promise<void> {
    if (!chosen || sending) return;
    setSending(true);
    setError('');
    try {
      await inbox.sendSurvey(conversationId, chosen, intro.trim());
      onSent();
    } catch (err) {
      setError(`Not sent: ${err instanceof ApiError ? err.message : 'the server could not be reached.'}`);
    } finally {
      setSending(false);
    }
  }

  return (
    <div
      class="send-survey"
      role="group"
      aria-label="Send a survey"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      {surveys === null && !error && <p class="send-survey__hint">Loading surveys…</p>}
      {surveys?.length === 0 && (
        <p class="send-survey__hint">
          No surveys yet. <a href="#/surveys/new">Create one</a>
        </p>
      )}
      {surveys && surveys.length > 0 && (
        <>
          <label class="send-survey__label" for="send-survey-choice">
            Survey
          </label>
          <select id="send-survey-choice" ref={select} class="send-survey__select" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
            {surveys.map((s) => (
              <option key={s.id} value={s.id}>
                {s.status === 'draft' ? `${s.name} (draft)` : s.name}
              </option>
            ))}
          </select>
          <p class="send-survey__hint">{intro.trim() ? 'Your reply text goes above it as an introduction.' : 'Tip: write an introduction in the reply box first.'}</p>
        </>
      )}
      <p class="send-survey__error" role="alert">
        {error}
      </p>
      <div class="send-survey__actions">
        <button type="button" class="button button--ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="button" class="button button--primary" disabled={!chosen || sending} onClick={() => void send()}>
          {sending ? 'Sending…' : 'Send survey'}
        </button>
      </div>
    </div>
  );
}
