/** Text answers (and "Other" answers) of every question, newest first: what respondents wrote, as text. */
import { formatDateTime } from '../../format/relative-time.js';
import type { TextAnswer } from '../../state/survey-results.js';

export function TextAnswers({ answers }: { answers: readonly TextAnswer[] }) {
  return (
    <section class="results-section" aria-labelledby="results-texts-title">
      <h2 id="results-texts-title" class="settings__section-title">
        Text answers
      </h2>
      {answers.length === 0 ? (
        <p class="settings__hint">No text answers yet.</p>
      ) : (
        <ul class="text-answers">
          {answers.map((a, i) => (
            <li key={`${a.contactId}-${a.questionId}-${a.at}-${i}`} class="text-answer">
              <blockquote class="text-answer__body">{a.answer}</blockquote>
              <p class="text-answer__meta">
                <span>{a.question}</span> · <span class="settings__mono">{a.contactId}</span> · <time dateTime={a.at}>{formatDateTime(a.at)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
