/**
 * The headline numbers of a survey's results, one named region each: "NPS"
 * (score with promoters, passives and detractors), "CSAT", "CES",
 * "Responses", "Partial" and "Response rate". A score with nothing to score
 * reads "—", never NaN.
 */
import type { QuestionType, SurveyResults } from '../../../protocol/index.js';
import { formatCount, formatRate } from '../../format/stats.js';
import { formatCes, formatCsat, formatNps, shareOf } from '../../state/survey-results.js';
import { StatTile as Tile } from '../content/StatTile.js';

export interface ResultTilesProps {
  results: SurveyResults;
  /** The survey's question types: a score's tile shows when the survey asks for it, answered or not. */
  types: ReadonlySet<QuestionType>;
}

export function ResultTiles({ results, types }: ResultTilesProps) {
  const nps = results.nps;
  const total = nps?.total ?? 0;
  return (
    <div class="result-tiles">
      {(types.has('nps') || nps) && (
        <Tile id="nps" label="NPS" value={formatNps(nps?.score)}>
          {nps && total > 0 ? (
            <ul class="nps-split">
              <li class="nps-split__item nps-split__item--promoter">
                {formatCount(nps.promoters)} promoters ({shareOf(nps.promoters, total)})
              </li>
              <li class="nps-split__item nps-split__item--passive">
                {formatCount(nps.passives)} passives ({shareOf(nps.passives, total)})
              </li>
              <li class="nps-split__item nps-split__item--detractor">
                {formatCount(nps.detractors)} detractors ({shareOf(nps.detractors, total)})
              </li>
            </ul>
          ) : (
            <p>No answers yet</p>
          )}
        </Tile>
      )}
      {(types.has('csat') || results.csat !== null) && (
        <Tile id="csat" label="CSAT" value={formatCsat(results.csat)}>
          <p>Rated 4 or 5 of 5</p>
        </Tile>
      )}
      {(types.has('ces') || results.ces !== null) && (
        <Tile id="ces" label="CES" value={formatCes(results.ces)}>
          <p>Average effort score, 1–7</p>
        </Tile>
      )}
      <Tile id="responses" label="Responses" value={formatCount(results.responses)}>
        <p>Completed</p>
      </Tile>
      <Tile id="partial" label="Partial" value={formatCount(results.partial)}>
        <p>Begun, not finished</p>
      </Tile>
      <Tile id="rate" label="Response rate" value={formatRate(results.response_rate)}>
        <p>Of {formatCount(results.shown)} shown</p>
      </Tile>
    </div>
  );
}
