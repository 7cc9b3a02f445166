/** "Stats" of a saved message: every outcome count and the two rates, refreshed every 10 s while the tab is visible. */
import { useState } from 'preact/hooks';
import type { MessageStats } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { formatCount, formatRate } from '../../format/stats.js';
import { usePolling } from '../../host/use-polling.js';

export const STATS_REFRESH_MS = 10_000;

const ROWS: Array<[label: string, read: (s: MessageStats) => string]> = [
  ['Sent', (s) => formatCount(s.sent)],
  ['Shown', (s) => formatCount(s.shown)],
  ['Opened', (s) => formatCount(s.opened)],
  ['Clicked', (s) => formatCount(s.clicked)],
  ['Dismissed', (s) => formatCount(s.dismissed)],
  ['Replied', (s) => formatCount(s.replied)],
  ['Goal reached', (s) => formatCount(s.goal_reached)],
  ['CTR', (s) => formatRate(s.ctr)],
  ['Goal rate', (s) => formatRate(s.goal_rate)],
];

export function MessageStatsPanel({ api, messageId }: { api: Pick<InboxApi, 'getMessageStats'>; messageId: string }) {
  const [stats, setStats] = useState<MessageStats | null>(null);
  const [failed, setFailed] = useState(false);

  usePolling(
    (signal) => {
      api.getMessageStats(messageId, signal).then(
        (next) => {
          if (signal.aborted) return;
          setStats(next);
          setFailed(false);
        },
        () => {
          // Keep the last numbers on a failed refresh; say so only when there are none.
          if (!signal.aborted) setFailed(true);
        },
      );
    },
    STATS_REFRESH_MS,
    messageId,
  );

  return (
    <section class="stats-panel" aria-labelledby="message-stats-title">
      <h2 id="message-stats-title" class="settings__section-title">
        Stats
      </h2>
      {stats ? (
        <dl class="stats-grid">
          {ROWS.map(([label, read]) => (
            <div key={label} class="stats-grid__item">
              <dt>{label}</dt>
              <dd>{read(stats)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p class="settings__hint">{failed ? 'Stats are not available right now.' : 'Loading stats…'}</p>
      )}
    </section>
  );
}
