/** The report's headline numbers, one named region each ("Opened", "Median first response"…), "—" where there is nothing to measure. */
import type { ConversationReport } from '../../../protocol/index.js';
import { formatCount } from '../../format/stats.js';
import { samplesText, statsCells } from '../../state/report-format.js';
import { StatTile as Tile } from '../content/StatTile.js';
import { BotDeflectionTile } from './BotDeflectionTile.js';

export function ReportTiles({ report }: { report: ConversationReport }) {
  const cells = statsCells(report);
  const replies = samplesText(report.first_response.samples, 'first reply', 'first replies');
  return (
    <div class="result-tiles report-tiles">
      <Tile id="opened" label="Opened" value={cells.opened}>
        <p>New conversations</p>
      </Tile>
      <Tile id="closed" label="Closed" value={cells.closed}>
        <p>Closed and still closed</p>
      </Tile>
      <Tile id="first-response" label="Median first response" value={cells.firstResponseMedian}>
        <p>{replies}</p>
      </Tile>
      <Tile id="first-response-p90" label="p90 first response" value={cells.firstResponseP90}>
        <p>9 in 10 first replies were faster</p>
      </Tile>
      <Tile id="resolution" label="Median resolution" value={cells.resolutionMedian}>
        <p>{samplesText(report.resolution.samples, 'closed conversation')}</p>
      </Tile>
      <Tile id="fcr" label="First-contact resolution" value={cells.fcr}>
        <p>Closed after one reply, never reopened</p>
      </Tile>
      <Tile id="csat" label="CSAT" value={cells.csat}>
        <p>{report.csat.ratings > 0 ? `Rated 4 or 5, of ${formatCount(report.csat.ratings)} ratings` : 'No ratings yet'}</p>
      </Tile>
      <BotDeflectionTile report={report.answer_bot} />
    </div>
  );
}
