/**
 * `#/surveys/<id>/results`: the headline tiles (NPS, CSAT, CES, responses,
 * partial, response rate), the NPS distribution and the trend, a breakdown
 * by trait or segment, each question's answers and the text answers, for a
 * date range; "Download CSV" of every response. Refreshed every 10 s while
 * the tab is visible; a failed refresh keeps the last numbers.
 */
import { useState } from 'preact/hooks';
import type { QuestionType, Survey, SurveyResults } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { contentHref } from '../../host/hash-route.js';
import {
  breakdownParam,
  dateRangeQuery,
  headlineNpsQuestion,
  isTraitKey,
  latestTexts,
  npsBars,
  trendScore,
  type BreakdownMode,
} from '../../state/survey-results.js';
import { ContentPage } from '../content/ContentPage.js';
import { LoadState } from '../content/LoadState.js';
import { PollStatus, STATS_REFRESH_MS, usePolledData } from '../content/use-polled-data.js';
import { useResource } from '../content/use-resource.js';
import { ColumnChart } from './charts/ColumnChart.js';
import { TrendChart } from './charts/TrendChart.js';
import { QuestionResults } from './QuestionResults.js';
import { ResultsBreakdown } from './ResultsBreakdown.js';
import { ResultTiles } from './ResultTiles.js';
import { TextAnswers } from './TextAnswers.js';
import '../../styles/content.css';
import '../../styles/tables.css';
import '../../styles/surveys.css';

export const RESULTS_REFRESH_MS = STATS_REFRESH_MS;

type ResultsApi = Pick<InboxApi, 'getSurvey' | 'getSurveyResults' | 'surveyResultsCsvUrl'>;

export function SurveyResultsPage({ api, id }: { api: ResultsApi; id: string }) {
  const { resource: survey, retry } = useResource<Survey>(() => api.getSurvey(id), id, 'Could not load the survey.');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [mode, setMode] = useState<BreakdownMode>('none');
  const [traitInput, setTraitInput] = useState('');
  const [trait, setTrait] = useState('');
  const by = breakdownParam(mode, trait);
  const range = dateRangeQuery(from, to);
  const query = { ...(by ? { by } : {}), ...range };
  const polled = usePolledData((signal) => api.getSurveyResults(id, query, signal), JSON.stringify([id, query]), 'Could not load the results.', RESULTS_REFRESH_MS);
  const results = polled.value;

  const saved = survey.status === 'ready' ? survey.value : null;
  const editHref = contentHref('surveys', { id });
  const types = new Set<QuestionType>(saved?.questions.map((q) => q.type) ?? []);

  return (
    <ContentPage
      titleId="results-title"
      title="Results"
      back={{ href: editHref, label: saved ? saved.name : 'Survey' }}
      wide
      actions={
        <>
          <a class="button" href={api.surveyResultsCsvUrl(id, range)} download>
            Download CSV
          </a>
          <a class="button" href={editHref}>
            Edit survey
          </a>
        </>
      }
    >
      {survey.status !== 'ready' && <LoadState resource={survey} what="survey" onRetry={retry} />}

      <form
        class="results-filters"
        aria-label="Filter results"
        onSubmit={(e) => {
          e.preventDefault();
          setTrait(traitInput);
        }}
      >
        <div class="field">
          <label class="field__label field__label--small" for="results-from">
            From
          </label>
          <input id="results-from" class="input" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label class="field__label field__label--small" for="results-to">
            To
          </label>
          <input id="results-to" class="input" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label class="field__label field__label--small" for="results-by">
            Break down by
          </label>
          <select id="results-by" class="select" value={mode} onChange={(e) => setMode(e.currentTarget.value as BreakdownMode)}>
            <option value="none">Nothing</option>
            <option value="trait">A trait</option>
            <option value="segment">Segments</option>
          </select>
        </div>
        {mode === 'trait' && (
          <div class="field">
            <label class="field__label field__label--small" for="results-trait">
              Trait key
            </label>
            <div class="settings__row results-filters__trait">
              <input
                id="results-trait"
                class="input settings__mono"
                type="text"
                spellcheck={false}
                placeholder="plan"
                value={traitInput}
                aria-invalid={traitInput.trim() !== '' && !isTraitKey(traitInput) ? true : undefined}
                aria-describedby="results-trait-hint"
                onInput={(e) => setTraitInput(e.currentTarget.value)}
                onChange={(e) => setTrait(e.currentTarget.value)}
              />
              <button type="submit" class="button">
                Apply
              </button>
            </div>
            <p class="settings__hint" id="results-trait-hint">
              Letters, digits, _ . and -.
            </p>
          </div>
        )}
      </form>

      <PollStatus data={polled} what="results" />
      {results && <ResultsBody results={results} survey={saved} types={types} by={by} />}
    </ContentPage>
  );
}

function ResultsBody({ results, survey, types, by }: { results: SurveyResults; survey: Survey | null; types: ReadonlySet<QuestionType>; by: string | undefined }) {
  const empty = results.responses === 0 && results.partial === 0;
  const npsQuestion = headlineNpsQuestion(results);
  return (
    <>
      <ResultTiles results={results} types={types} />
      {empty ? (
        <div class="empty-state empty-state--compact">
          <p class="empty-state__title">No responses yet</p>
          <p class="empty-state__hint">Answers appear here as contacts respond; this page refreshes itself.</p>
        </div>
      ) : (
        <>
          <div class="results-charts">
            {npsQuestion && (
              <section class="results-section" aria-labelledby="results-nps-chart-title">
                {/* Not "NPS …": the region named "NPS" is the score's tile, and stays the only one. */}
                <h2 id="results-nps-chart-title" class="settings__section-title">
                  Score distribution, 0–10
                </h2>
                <ColumnChart title={`Answers to “${npsQuestion.text}”, 0 to 10`} bars={npsBars(npsQuestion.distribution)} labelName="Score" />
                <p class="chart__legend" aria-hidden="true">
                  <span class="chart__key chart__key--detractor" /> Detractors 0–6 <span class="chart__key chart__key--passive" /> Passives 7–8{' '}
                  <span class="chart__key chart__key--promoter" /> Promoters 9–10
                </p>
              </section>
            )}
            <section class="results-section" aria-labelledby="results-trend-title">
              <h2 id="results-trend-title" class="settings__section-title">
                Trend
              </h2>
              <TrendChart trend={results.trend} score={trendScore(results)} />
            </section>
          </div>
          {by && results.breakdown && <ResultsBreakdown rows={results.breakdown} by={by} />}
          <QuestionResults results={results.questions} questions={survey?.questions ?? []} />
          <TextAnswers answers={latestTexts(results)} />
        </>
      )}
    </>
  );
}
