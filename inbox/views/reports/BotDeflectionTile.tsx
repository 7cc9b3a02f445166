/**
 * The answer bot's deflection on the Reports page (docs/bots.md): of the
 * conversations opened in the period, the share the answer bot resolved
 * among those it offered articles to. Absent from a server without bots.
 */
import type { AnswerBotReport } from '../../../protocol/index.js';
import { formatCount, formatRate } from '../../format/stats.js';
import { StatTile } from '../content/StatTile.js';

export function BotDeflectionTile({ report }: { report: AnswerBotReport | undefined }) {
  if (!report) return null;
  return (
    <StatTile id="deflection" label="Answer bot deflection" value={formatRate(report.deflection_rate)}>
      <p>{report.answered > 0 ? `Resolved ${formatCount(report.resolved)} of ${formatCount(report.answered)} it answered` : 'The answer bot answered no conversation'}</p>
    </StatTile>
  );
}
