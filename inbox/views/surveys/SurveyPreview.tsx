/**
 * The survey's live preview: the widget's own `SurveyView` (preview mode) in a
 * shadow root with the widget's stylesheets, on a mock host page, showing the
 * question being edited (or the one chosen here, or the thank-you). Same
 * code and CSS as on a customer's site. `inert`, like the message preview: a
 * picture, not a second set of controls.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { WidgetSurvey } from '../../../protocol/index.js';
import { pickLocale } from '../../../widget/i18n/index.js';
import { INAPP_CSS } from '../../../widget/inapp/ui/index.js';
import { SURVEYS_CSS, SurveyView } from '../../../widget/surveys/ui/index.js';
import { snippet } from '../../state/survey-draft.js';
import { WidgetShadow } from '../content/WidgetShadow.js';

const strings = pickLocale('en').strings;
const ignore = (): void => undefined;
const CSS = [INAPP_CSS, SURVEYS_CSS];

export interface SurveyPreviewProps {
  survey: WidgetSurvey;
  /** The question texts, for the step chooser. */
  questionTexts: readonly string[];
  /** Which step is shown: a question's index, or `questionTexts.length` for the thank-you. */
  step: number;
  onStep(step: number): void;
  brand: string;
}

export function SurveyPreview({ survey, questionTexts, step, onStep, brand }: SurveyPreviewProps) {
  const pageRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    pageRef.current?.style.setProperty('--preview-brand', brand);
  }, [brand]);
  const thanks = questionTexts.length;

  return (
    <figure class="message-preview survey-preview">
      <figcaption class="settings__section-title">Preview</figcaption>
      <div class="field">
        <label class="field__label field__label--small" for="survey-preview-step">
          Showing
        </label>
        <select id="survey-preview-step" class="select" value={String(step)} onChange={(e) => onStep(Number(e.currentTarget.value))}>
          {questionTexts.map((text, i) => (
            <option key={i} value={String(i)}>
              {`Question ${i + 1}: ${snippet(text, 32)}`}
            </option>
          ))}
          <option value={String(thanks)}>Thank you</option>
        </select>
      </div>
      <div class={`message-preview__page message-preview__page--${survey.display === 'post' ? 'modal' : 'post'}`} ref={pageRef} inert>
        <div class="message-preview__mock" aria-hidden="true">
          <span class="message-preview__nav" />
          <span class="message-preview__line" />
          <span class="message-preview__line message-preview__line--short" />
          <span class="message-preview__line" />
          {survey.display !== 'post' && <span class="message-preview__launcher" />}
        </div>
        <WidgetShadow css={CSS} brand={brand} class="message-preview__host" testId="survey-preview">
          {/* Remounted per step: the view starts at its first question and keeps no answer state across steps. */}
          <SurveyView key={`${step}:${survey.display}`} survey={survey} strings={strings} onAnswer={ignore} onDismiss={ignore} preview />
        </WidgetShadow>
      </div>
    </figure>
  );
}
