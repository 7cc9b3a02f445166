/**
 * A survey a team member sent in a conversation, answered where it was asked
 * (lazy, in the surveys chunk: see widget/surveys/host/SurveyInThread.tsx).
 * It asks the server for the questions and saved answers (`survey:load`, so a
 * half-answered survey resumes after a reload), then draws the survey inline
 * in the thread and saves every answer as it comes.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EligibleMessage } from '../../../protocol/content/models.js';
import type { Ack } from '../../../protocol/ack.js';
import type { MessageSurvey } from '../../../protocol/models.js';
import type { WidgetSurvey } from '../../../protocol/surveys/models.js';
import type { Strings } from '../../i18n/index.js';
import { INAPP_CSS } from '../../inapp/ui/styles.js';
import { SURVEYS_CSS } from './styles.js';
import { SurveyView } from './SurveyView.js';

export interface ThreadSurveyProps {
  survey: MessageSurvey;
  strings: Strings;
  request<T>(event: 'survey:load' | 'survey:answer', payload: unknown, timeoutMs?: number): Promise<Ack<T> | null>;
  /** Adopts a lazy chunk's CSS into the shadow root (once per sheet). */
  addStyles(css: string): void;
  onCompleted(surveyId: string): void;
  onError(err: unknown): void;
}

const TIMEOUT_MS = 10_000;

export function ThreadSurvey({ survey, strings, request, addStyles, onCompleted, onError }: ThreadSurveyProps) {
  const [loaded, setLoaded] = useState<WidgetSurvey | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setFailed(false);
    request<{ message: EligibleMessage }>('survey:load', { deliveryId: survey.deliveryId }, TIMEOUT_MS)
      .then((res) => {
        if (!live) return;
        // No connection yet, or refused: offer a retry rather than a spinner forever.
        if (!res?.ok || !res.data.message.survey) return setFailed(true);
        // The in-app base (theme variables, markdown body, buttons) and the survey sheet.
        addStyles(INAPP_CSS);
        addStyles(SURVEYS_CSS);
        setLoaded(res.data.message.survey);
      })
      .catch((err: unknown) => {
        if (live) setFailed(true);
        onError(err);
      });
    return () => {
      live = false;
    };
  }, [survey.deliveryId, attempt]);

  if (loaded) {
    return (
      <div class="inapp ps-thread">
        <SurveyView
          survey={loaded}
          strings={strings}
          inline
          onAnswer={(answers, completed) => {
            request<{ completed: boolean }>('survey:answer', { deliveryId: survey.deliveryId, answers, completed }, TIMEOUT_MS).then(
              (res) => res?.ok && completed && onCompleted(survey.id),
              onError,
            );
          }}
          onDismiss={() => {}}
        />
      </div>
    );
  }
  return (
    <p class="meta">
      {failed ? (
        <button type="button" class="link-btn" onClick={() => setAttempt(attempt + 1)}>
          {strings.retry}
        </button>
      ) : (
        strings.survey
      )}
    </p>
  );
}
