/**
 * Conversations opened and closed per day: two bars a day, SVG drawn with
 * Preact on the survey charts' frame (`ChartFigure`: named by its `<title>`
 * with a summary, the numbers again in a hidden table).
 */
import type { ReportDay } from '../../../protocol/index.js';
import { dayLabel, niceCeiling } from '../../state/survey-results.js';
import { ChartFigure } from '../surveys/charts/ChartFigure.js';

const WIDTH = 640;
const HEIGHT = 200;
const TOP = 14;
const BOTTOM = 26;
const LEFT = 32;
const RIGHT = 8;
const TITLE = 'Conversations opened and closed per day';

export function DailyVolumeChart({ days }: { days: readonly ReportDay[] }) {
  if (days.length === 0) {
    return (
      <figure class="chart">
        <figcaption class="chart__title">{TITLE}</figcaption>
        <p class="settings__hint">No days in this period.</p>
      </figure>
    );
  }
  const slot = Math.min(48, (WIDTH - LEFT - RIGHT) / days.length);
  const plot = HEIGHT - TOP - BOTTOM;
  const max = niceCeiling(Math.max(0, ...days.map((d) => Math.max(d.opened, d.closed))));
  const every = Math.max(1, Math.ceil(days.length / 10));
  const opened = days.reduce((sum, d) => sum + d.opened, 0);
  const closed = days.reduce((sum, d) => sum + d.closed, 0);
  const bar = (count: number) => (count === 0 ? 0 : Math.max(2, (count / max) * plot));
  const width = slot * 0.4;

  return (
    <ChartFigure
      title={TITLE}
      name={`${TITLE}, ${dayLabel(days[0].day)} to ${dayLabel(days[days.length - 1].day)}: ${opened} opened, ${closed} closed.`}
      width={WIDTH}
      height={HEIGHT}
      table={{ head: ['Day', 'Opened', 'Closed'], rows: days.map((d) => [dayLabel(d.day), d.opened, d.closed] as const) }}
      before={
        <p class="chart__legend" aria-hidden="true">
          <span class="chart__key chart__key--bar" /> Opened <span class="chart__key chart__key--closed" /> Closed
        </p>
      }
    >
      <line class="chart__axis" x1={LEFT} x2={LEFT + slot * days.length} y1={TOP + plot} y2={TOP + plot} />
      <text class="chart__label" x={LEFT - 6} y={TOP + 4} text-anchor="end">
        {max}
      </text>
      <text class="chart__label" x={LEFT - 6} y={TOP + plot} text-anchor="end">
        0
      </text>
      {days.map((d, i) => {
        const x = LEFT + i * slot + slot * 0.1;
        return (
          <g key={d.day}>
            <rect class="chart__bar chart__bar--neutral" x={x} y={TOP + plot - bar(d.opened)} width={width} height={bar(d.opened)} rx={2} />
            <rect class="chart__bar chart__bar--closed" x={x + width} y={TOP + plot - bar(d.closed)} width={width} height={bar(d.closed)} rx={2} />
            {i % every === 0 && (
              <text class="chart__label" x={LEFT + i * slot + slot / 2} y={HEIGHT - 8} text-anchor="middle">
                {dayLabel(d.day)}
              </text>
            )}
          </g>
        );
      })}
    </ChartFigure>
  );
}
