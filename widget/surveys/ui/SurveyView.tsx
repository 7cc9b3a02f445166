/**
 * A survey, one question at a time: a card in the launcher's corner
 * (`display: 'card'`) or a centred post over a backdrop (`'post'`, modal).
 * It starts where the respondent left off, walks the author's logic jumps,
 * reports the answers after every step (so a half-answered survey survives
 * a reload) and ends on a thank-you. The engine (widget/surveys) decides
 * which survey and when; the inbox's editor renders this with `preview`.
 *
 * @example
 * <div class="inapp" dir={dir} lang={lang}>
 *   <SurveyView survey={s} strings={strings} onAnswer={save} onDismiss={close} />
 * </div>
 */
import { useRef, useState } from 'preact/hooks';
import { answerMatches, nextQuestion, resumeAt } from '../../../protocol/surveys/logic.js';
import type { AnswerValue, Answers } from '../../../protocol/surveys/models.js';
import { useModalFocus } from '../../inapp/ui/dialog-hooks.js';
import { CloseButton } from '../../inapp/ui/MessageControls.js';
import { trapTabAtEnds } from './focus-trap.js';
import { surveyStep } from './path.js';
import { plainText } from './plain-text.js';
import { QuestionStep } from './QuestionStep.js';
import { ThankYou } from './ThankYou.js';
import type { SurveyViewProps } from './types.js';

export function SurveyView({ survey, strings, onAnswer, onDismiss, preview, inline }: SurveyViewProps) {
  const { questions } = survey;
  const [answers, setAnswers] = useState<Answers>(survey.answers);
  const [index, setIndex] = useState(() => resumeAt(questions, survey.answers));
  // Focus follows the steps the respondent takes, never the first render: a
  // card appearing in the corner must not pull focus out of the host page.
  const [stepped, setStepped] = useState(false);
  const dialogRef = useRef<HTMLDivElement>(null);
  const modal = survey.display === 'post' && !preview && !inline;
  useModalFocus(dialogRef, modal);

  const done = index >= questions.length;
  const step = surveyStep(questions, answers, index);
  const answer = (value: AnswerValue | undefined) => {
    const question = questions[index];
    const next: Answers = { ...answers };
    if (value !== undefined && answerMatches({ op: 'answered' }, value)) next[question.id] = value;
    else delete next[question.id];
    const to = nextQuestion(questions, index, value);
    setAnswers(next);
    setIndex(to);
    setStepped(true);
    onAnswer(next, to >= questions.length);
  };

  const kind = inline ? 'ps-survey ps-inline' : survey.display === 'post' ? 'pm-modal ps-survey ps-post' : `pm-card ps-survey ps-card${preview ? ' pm-preview' : ''}`;
  const dialog = (
    <div
      ref={dialogRef}
      class={kind}
      role={inline ? 'group' : 'dialog'}
      // In the editor preview it is not modal: the rest of the inbox stays readable.
      aria-modal={modal ? 'true' : undefined}
      aria-label={(questions[0] && plainText(questions[0].text)) || strings.survey}
      tabIndex={-1}
      onKeyDown={(e) => {
        // On the dialog, not the document: Esc in the host page is the host page's.
        if (e.key === 'Escape' && !preview && !inline) onDismiss();
        if (modal && dialogRef.current) trapTabAtEnds(e, dialogRef.current);
      }}
    >
      <div class={done ? 'ps-head ps-head-done' : 'ps-head'}>
        {!done && step.total > 1 && (
          <span class="ps-dots" aria-hidden="true">
            {Array.from({ length: step.total }, (_, i) => (
              <i key={i} class={i < step.n ? 'ps-on' : undefined} />
            ))}
          </span>
        )}
        {/* Always in the tree, so the change is announced (a new live region is not). */}
        <p class="ps-progress" aria-live="polite">
          {!done && step.total > 1 ? strings.surveyProgress(step.n, step.total) : ''}
        </p>
        {!done && !inline && <CloseButton label={strings.dismiss} onClick={onDismiss} />}
      </div>
      {done ? (
        <ThankYou thankYou={survey.thank_you} strings={strings} onClose={inline ? undefined : onDismiss} autoFocus={stepped && !preview} />
      ) : (
        <QuestionStep
          key={index}
          question={questions[index]}
          strings={strings}
          endsWith={(value) => nextQuestion(questions, index, value) >= questions.length}
          onDone={answer}
          autoFocus={stepped && !preview}
        />
      )}
    </div>
  );
  if (survey.display !== 'post' || inline) return dialog;
  // A survey is not dismissed by a click beside it: a stray click would lose the respondent's place.
  return <div class={preview ? 'pm-backdrop pm-preview' : 'pm-backdrop'}>{dialog}</div>;
}
