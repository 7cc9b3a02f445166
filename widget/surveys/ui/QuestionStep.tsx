/**
 * One question: its text (markdown), its control, and the buttons. The draft
 * answer lives here until "Next"/"Submit"; a required question without an
 * answer does not advance but says why, in an alert next to the buttons
 * (the button stays focusable, marked aria-disabled, so keyboard and
 * screen-reader users can find it and hear the reason).
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { answerMatches } from '../../../protocol/surveys/logic.js';
import type { AnswerValue, SurveyQuestion } from '../../../protocol/surveys/models.js';
import type { Strings } from '../../i18n/index.js';
import { MessageBody } from '../../inapp/ui/MessageBody.js';
import { QuestionControl, isKnownType } from './questions/QuestionControl.js';

export interface QuestionStepProps {
  question: SurveyQuestion;
  strings: Strings;
  /** Whether answering `value` ends the survey (the button then says "Submit"). */
  endsWith(value: AnswerValue | undefined): boolean;
  /** The answer (undefined: skipped). */
  onDone(value: AnswerValue | undefined): void;
  /** Move focus to the first control on mount (after a step; never in preview). */
  autoFocus: boolean;
}

/** The first thing to focus: the chosen radio, else the first control. */
function focusFirst(root: HTMLElement | null): void {
  root?.querySelector<HTMLElement>('input:checked,input,textarea,button')?.focus({ preventScroll: true });
}

// Links in a question are the author's (a review site): the browser follows them; nothing to report.
const ignoreLink = () => {};

export function QuestionStep({ question, strings, endsWith, onDone, autoFocus }: QuestionStepProps) {
  const [value, setValue] = useState<AnswerValue | undefined>(undefined);
  const [blocked, setBlocked] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  // A type this widget cannot draw can never be answered here: let it be skipped.
  const required = question.required !== false && isKnownType(question.type);
  const answered = answerMatches({ op: 'answered' }, value);
  useEffect(() => {
    if (autoFocus) focusFirst(formRef.current);
  }, []);

  const submit = () => {
    if (answered) return onDone(value);
    if (!required) return onDone(undefined);
    setBlocked(true);
    focusFirst(formRef.current);
  };

  return (
    <form
      ref={formRef}
      class="ps-step"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div id={`${id}-q`} class="ps-question">
        <MessageBody body={question.text} onLink={ignoreLink} />
      </div>
      <QuestionControl
        question={question}
        strings={strings}
        value={value}
        onChange={setValue}
        onSubmit={submit}
        labelId={`${id}-q`}
        name={`${id}-a`}
        required={required}
      />
      {blocked && !answered && (
        <p class="ps-error" role="alert">
          {strings.required}
        </p>
      )}
      <div class="ps-actions">
        {!required && (
          <button type="button" class="ps-skip" onClick={() => onDone(undefined)}>
            {strings.surveySkip}
          </button>
        )}
        <button type="submit" class="pm-cta ps-next" aria-disabled={required && !answered ? 'true' : undefined}>
          {endsWith(answered ? value : undefined) ? strings.surveySubmit : strings.surveyNext}
        </button>
      </div>
    </form>
  );
}
