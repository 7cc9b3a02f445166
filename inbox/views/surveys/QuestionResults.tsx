/** Each question's answers: its distribution as a chart (columns for scales, bars for choices), answered count and average. */
import type { QuestionResult, SurveyQuestion } from '../../../protocol/index.js';
import { formatCount } from '../../format/stats.js';
import { questionBars } from '../../state/survey-results.js';
import { QUESTION_LABELS } from '../../state/survey-draft.js';
import { BarList } from './charts/BarList.js';
import { ColumnChart } from './charts/ColumnChart.js';

export function QuestionResults({ results, questions }: { results: readonly QuestionResult[]; questions: readonly SurveyQuestion[] }) {
  return (
    <section class="results-section" aria-labelledby="results-questions-title">
      <h2 id="results-questions-title" class="settings__section-title">
        Questions
      </h2>
      <ol class="question-results">
        {results.map((result, i) => {
          const question = questions.find((q) => q.id === result.id);
          const bars = questionBars(result, question);
          const title = `${i + 1}. ${result.text}`;
          const choice = result.type === 'single' || result.type === 'multi';
          return (
            <li key={result.id} class="question-result">
              <p class="question-result__meta">
                {QUESTION_LABELS[result.type]} · {formatCount(result.answered)} answered
                {result.average !== null && ` · average ${result.average.toFixed(1)}`}
              </p>
              {result.type === 'text' ? (
                <figure class="chart">
                  <figcaption class="chart__title">{title}</figcaption>
                  <p class="settings__hint">{result.answered === 0 ? 'No answers yet.' : 'The answers are listed under Text answers.'}</p>
                </figure>
              ) : choice ? (
                <BarList title={title} bars={bars} total={result.answered} />
              ) : (
                <ColumnChart title={title} bars={bars} labelName="Answer" />
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
