/** The breakdown table: one row per trait value or segment, with its responses and scores. */
import type { SurveyResults } from '../../../protocol/index.js';
import { formatCount } from '../../format/stats.js';
import { formatCes, formatCsat, formatNps } from '../../state/survey-results.js';

export function ResultsBreakdown({ rows, by }: { rows: NonNullable<SurveyResults['breakdown']>; by: string }) {
  const title = by === 'segment' ? 'By segment' : `By ${by.replace(/^trait:/, '')}`;
  return (
    <section class="results-section" aria-labelledby="results-breakdown-title">
      <h2 id="results-breakdown-title" class="settings__section-title">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p class="settings__hint">{by === 'segment' ? 'No respondent is in a saved segment.' : 'No completed responses to group.'}</p>
      ) : (
        <div class="data-table__wrap">
          <table class="data-table" aria-labelledby="results-breakdown-title">
            <thead>
              <tr>
                <th scope="col">{by === 'segment' ? 'Segment' : 'Value'}</th>
                <th scope="col" class="data-table__number">
                  Responses
                </th>
                <th scope="col" class="data-table__number">
                  NPS
                </th>
                <th scope="col" class="data-table__number">
                  CSAT
                </th>
                <th scope="col" class="data-table__number">
                  CES
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.group}>
                  <th scope="row">{row.group}</th>
                  <td class="data-table__number">{formatCount(row.responses)}</td>
                  <td class="data-table__number">{formatNps(row.nps?.score)}</td>
                  <td class="data-table__number">{formatCsat(row.csat)}</td>
                  <td class="data-table__number">{formatCes(row.ces)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
