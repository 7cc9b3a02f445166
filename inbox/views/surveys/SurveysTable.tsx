/**
 * `#/surveys`: every survey with its status, responses, headline score (NPS,
 * else CSAT, else CES), response rate and a link to its results; "New
 * survey"; and below, how visitors rate closed conversations (CSAT).
 */
import { useState } from 'preact/hooks';
import type { InboxApi } from '../../api/endpoints.js';
import type { CsatReport } from '../../api/content-endpoints.js';
import { formatCount, formatRate } from '../../format/stats.js';
import { surveyResultsHref } from '../../host/hash-route.js';
import { usePolling } from '../../host/use-polling.js';
import { formatCsat, headlineScore } from '../../state/survey-results.js';
import { StatusBadge } from '../content/ContentPage.js';
import { ContentTable } from '../content/ContentTable.js';
import { useContentList, useRowData } from '../content/use-content-list.js';
import { BarList } from './charts/BarList.js';
import '../../styles/surveys.css';

type ListApi = Pick<InboxApi, 'listSurveys' | 'getSurveyResults' | 'getCsatReport'>;

const COLUMNS = [{ label: 'Status' }, { label: 'Responses', number: true }, { label: 'Score', number: true }, { label: 'Response rate', number: true }, { label: 'Results' }];

export function SurveysTable({ api }: { api: ListApi }) {
  const { resource, retry, list } = useContentList('surveys', () => api.listSurveys().then((p) => p.data));
  const results = useRowData(list, (s, signal) => api.getSurveyResults(s.id, {}, signal));

  return (
    <ContentTable
      section="surveys"
      titleId="surveys-title"
      title="Surveys"
      newLabel="New survey"
      resource={resource}
      onRetry={retry}
      empty={{ title: 'No surveys yet', hint: 'Ask NPS, CSAT, effort or your own questions in the product, and follow up on the answers.' }}
      columns={COLUMNS}
      cells={(s) => {
        const r = results.get(s.id);
        const score = r ? headlineScore(r) : null;
        return (
          <>
            <td>
              <StatusBadge status={s.status} />
            </td>
            <td class="data-table__number">{formatCount(r?.responses)}</td>
            <td class="data-table__number">{score ? `${score.label} ${score.text}` : '—'}</td>
            <td class="data-table__number">{formatRate(r?.response_rate)}</td>
            <td>
              {/* Named "Results" alone (the row header says whose): a name with the survey's in it would also match a search for the survey's own link. */}
              <a href={surveyResultsHref(s.id)}>Results</a>
            </td>
          </>
        );
      }}
      after={<ConversationRatings api={api} />}
    />
  );
}

/** CSAT of closed conversations, as their visitors rated them (1–5). Hidden when the report can't be had. */
function ConversationRatings({ api }: { api: Pick<InboxApi, 'getCsatReport'> }) {
  const [report, setReport] = useState<CsatReport | null>(null);
  usePolling(
    (signal) => {
      api.getCsatReport({}, signal).then(
        (next) => !signal.aborted && setReport(next),
        () => undefined,
      );
    },
    60_000,
    'csat',
  );
  if (!report) return null;
  const bars = ['5', '4', '3', '2', '1'].map((n) => ({ label: `${n} ★`, count: report.distribution[n] ?? 0, tone: 'neutral' as const }));
  return (
    <section class="stats-panel conversation-ratings" aria-labelledby="conversation-ratings-title">
        <h2 id="conversation-ratings-title" class="settings__section-title">
          Conversation ratings
        </h2>
        <p class="settings__hint">How visitors rated conversations after they were closed.</p>
        {report.ratings === 0 ? (
          <p>No ratings yet.</p>
        ) : (
          <div class="conversation-ratings__body">
            <dl class="stats-grid">
              <div class="stats-grid__item">
                <dt>CSAT</dt>
                <dd>{formatCsat(report.csat)}</dd>
              </div>
              <div class="stats-grid__item">
                <dt>Ratings</dt>
                <dd>{formatCount(report.ratings)}</dd>
              </div>
            </dl>
            <BarList title="Ratings" bars={bars} />
          </div>
        )}
    </section>
  );
}
