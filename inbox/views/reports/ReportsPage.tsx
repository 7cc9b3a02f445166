/**
 * `#/reports`: how the team is doing over a period — conversations opened and
 * closed, first response (median and p90), resolution, first-contact
 * resolution and CSAT as tiles; opened/closed per day; the busiest hours; the
 * same per agent and per team; the frequently asked topics; and the
 * conversations as CSV. Filters: period,
 * team, agent, time zone (the browser's by default). A new query keeps the
 * last numbers on screen until the new ones arrive.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AgentProfile, ConversationReport, Team } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { browserTimeZone, reportQuery, reportRange, todayIn, type ReportFilters } from '../../state/report-range.js';
import { ContentPage } from '../content/ContentPage.js';
import { errorText } from '../content/use-resource.js';
import { BusiestHoursChart } from './BusiestHoursChart.js';
import { DailyVolumeChart } from './DailyVolumeChart.js';
import { FrequentTopics } from './FrequentTopics.js';
import { ReportFiltersForm } from './ReportFiltersForm.js';
import { BreakdownTable } from './ReportTables.js';
import { ReportTiles } from './ReportTiles.js';
import '../../styles/content.css';
import '../../styles/tables.css';
import '../../styles/surveys.css';
import '../../styles/reports.css';

export type ReportsApi = Pick<InboxApi, 'getConversationReport' | 'conversationReportCsvUrl' | 'listTeams' | 'getQuestionTopics'>;

export interface ReportsPageProps {
  api: ReportsApi;
  /** The workspace's agents, for the agent filter. */
  agents: readonly AgentProfile[];
  /** The zone days and hours are counted in at first; the browser's by default. */
  timeZone?: string;
  /** "Now", replaced in tests. */
  now?: () => number;
}

interface Loaded {
  report: ConversationReport | null;
  loading: boolean;
  failure: string;
}

export function ReportsPage({ api, agents, timeZone, now = Date.now }: ReportsPageProps) {
  const [at, setAt] = useState(now);
  const [filters, setFilters] = useState<ReportFilters>(() => {
    const tz = timeZone ?? browserTimeZone();
    const today = todayIn(tz, at);
    return { preset: '30', from: today, to: today, teamId: '', agentId: '', tz };
  });
  const [teams, setTeams] = useState<readonly Team[]>([]);
  const [loaded, setLoaded] = useState<Loaded>({ report: null, loading: true, failure: '' });
  const [attempt, setAttempt] = useState(0);

  const range = reportRange(filters, at);
  const query = reportQuery(filters, at);
  const key = JSON.stringify(query);

  useEffect(() => {
    api.listTeams().then(
      (page) => setTeams(page.data),
      () => setTeams([]), // The report works without the team filter.
    );
  }, [api]);

  useEffect(() => {
    if (!query) return;
    const controller = new AbortController();
    setLoaded((l) => ({ ...l, loading: true, failure: '' }));
    api.getConversationReport(query, controller.signal).then(
      (report) => {
        if (!controller.signal.aborted) setLoaded({ report, loading: false, failure: '' });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded((l) => ({ ...l, loading: false, failure: errorText(error, 'Could not load the report.') }));
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const { report, loading, failure } = loaded;
  const agentNames = new Map(agents.map((a) => [a.id, a.name]));

  return (
    <ContentPage
      titleId="reports-title"
      title="Reports"
      wide
      actions={
        <>
          {query && (
            <a class="button" href={api.conversationReportCsvUrl(query)} download>
              Download CSV
            </a>
          )}
          <button
            type="button"
            class="button"
            onClick={() => {
              setAt(now());
              setAttempt((n) => n + 1);
            }}
          >
            Refresh
          </button>
        </>
      }
    >
      <ReportFiltersForm filters={filters} onChange={setFilters} teams={teams} agents={agents} rangeError={range.ok ? '' : range.error} />

      {/* Always in the DOM: a live region added together with its text is often not announced. */}
      <p class={failure ? 'settings__error' : 'settings__hint'} role="status">
        {failure ? (report ? `Could not refresh: ${failure} Showing the last report.` : failure) : loading && query ? 'Loading the report…' : ''}
      </p>
      {failure && (
        <button type="button" class="button report-retry" onClick={() => setAttempt((n) => n + 1)}>
          Retry
        </button>
      )}

      {report && (
        <div class="report" aria-busy={loading}>
          <ReportTiles report={report} />
          <div class="results-charts report-charts">
            <section class="results-section" aria-labelledby="report-volume-title">
              <h2 id="report-volume-title" class="settings__section-title">
                Volume
              </h2>
              <DailyVolumeChart days={report.by_day} />
            </section>
            <section class="results-section" aria-labelledby="report-hours-title">
              <h2 id="report-hours-title" class="settings__section-title">
                Busiest hours
              </h2>
              <BusiestHoursChart grid={report.busiest_hours} tz={report.tz} />
            </section>
          </div>
          <BreakdownTable
            id="report-agents"
            title="Per agent"
            nameHeader="Agent"
            empty="No conversations assigned to an agent in this period."
            rows={report.per_agent.map((row) => ({ id: row.agent_id, name: row.name ?? agentNames.get(row.agent_id) ?? 'Unknown agent', stats: row }))}
          />
          <BreakdownTable
            id="report-teams"
            title="Per team"
            nameHeader="Team"
            empty="No conversations with a team in this period."
            rows={report.per_team.map((row) => ({ id: row.team_id, name: row.name ?? 'Deleted team', stats: row }))}
          />
        </div>
      )}
      {query?.from && query.to && <FrequentTopics api={api} range={{ from: query.from, to: query.to }} />}
    </ContentPage>
  );
}
