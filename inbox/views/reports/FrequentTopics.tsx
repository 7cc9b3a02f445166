/**
 * "Frequently asked" on the reports page: the topics visitors opened
 * conversations with most in the period (`reports/topics`), each with its
 * count and a typical question — the list of help articles worth writing.
 * Loads on its own so a slow clustering never holds up the numbers above.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TopicsReport } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { errorText } from '../content/use-resource.js';

export interface FrequentTopicsProps {
  api: Pick<InboxApi, 'getQuestionTopics'>;
  range: { from: string; to: string };
}

export function FrequentTopics({ api, range }: FrequentTopicsProps) {
  const [report, setReport] = useState<TopicsReport | null>(null);
  const [failure, setFailure] = useState('');
  const key = `${range.from}/${range.to}`;

  useEffect(() => {
    const controller = new AbortController();
    setFailure('');
    api.getQuestionTopics(range, controller.signal).then(
      (r) => !controller.signal.aborted && setReport(r),
      (error: unknown) => !controller.signal.aborted && setFailure(errorText(error, 'Could not load the topics.')),
    );
    return () => controller.abort();
  }, [key]);

  return (
    <section class="results-section report-topics" aria-labelledby="report-topics-title">
      <h2 id="report-topics-title" class="settings__section-title">
        Frequently asked
      </h2>
      <p class="settings__hint">What visitors opened conversations with, grouped by topic: the help articles worth writing.</p>
      {failure && <p class="settings__error">{failure}</p>}
      {report && report.data.length === 0 && <p class="settings__hint">No question was asked twice in this period.</p>}
      {report && report.data.length > 0 && (
        <ol class="report-topics__list">
          {report.data.map((topic) => (
            <li key={topic.terms.join(' ')} class="report-topics__item">
              <span class="report-topics__terms">{topic.terms.join(' · ')}</span>
              <span class="report-topics__count">
                {topic.count} {topic.count === 1 ? 'conversation' : 'conversations'}
              </span>
              <q class="report-topics__example">{topic.example}</q>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
