/**
 * Responses per day (bars) with the headline score of each day (a line on
 * its own scale: NPS −100..100, CSAT 0–100 %, CES 1–7), SVG drawn with
 * Preact. Named by its `<title>`; the numbers follow in a hidden table.
 */
import type { ScoreSet } from '../../../../protocol/index.js';
import { dayLabel, dayScore, formatScore, niceCeiling, SCORE_RANGES, type TrendScore } from '../../../state/survey-results.js';
import { ChartFigure } from './ChartFigure.js';

const SCORE_NAMES: Record<TrendScore, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

export interface TrendChartProps {
  trend: ReadonlyArray<ScoreSet & { day: string }>;
  score: TrendScore | null;
}

const WIDTH = 560;
const HEIGHT = 180;
const TOP = 14;
const BOTTOM = 26;
const LEFT = 30;
const RIGHT = 40;

export function TrendChart({ trend, score }: TrendChartProps) {
  const title = score ? `Responses and ${SCORE_NAMES[score]} per day` : 'Responses per day';
  if (trend.length === 0) {
    return (
      <figure class="chart">
        <figcaption class="chart__title">{title}</figcaption>
        <p class="settings__hint">No responses in this period.</p>
      </figure>
    );
  }
  // A fixed width, so text keeps its size; few days get narrow bars from the left, many get thin ones.
  const slot = Math.min(40, (WIDTH - LEFT - RIGHT) / trend.length);
  const width = WIDTH;
  const plot = HEIGHT - TOP - BOTTOM;
  const max = niceCeiling(Math.max(0, ...trend.map((d) => d.responses)));
  const [low, high] = score ? SCORE_RANGES[score] : [0, 1];
  const yOfScore = (v: number) => TOP + plot - ((v - low) / (high - low)) * plot;
  const points = score
    ? trend.flatMap((d, i) => {
        const v = dayScore(d, score);
        return v === null ? [] : [{ x: LEFT + i * slot + slot / 2, y: yOfScore(v) }];
      })
    : [];
  // Label every day when there are few, else about eight of them.
  const every = Math.max(1, Math.ceil(trend.length / 8));
  const total = trend.reduce((sum, d) => sum + d.responses, 0);

  const head = ['Day', 'Responses', ...(score ? [SCORE_NAMES[score]] : [])];
  const rows = trend.map((d) => [dayLabel(d.day), d.responses, ...(score ? [formatScore(score, dayScore(d, score))] : [])] as const);

  return (
    <ChartFigure
      title={title}
      name={`${title}, ${dayLabel(trend[0].day)} to ${dayLabel(trend[trend.length - 1].day)}: ${total} responses.`}
      width={width}
      height={HEIGHT}
      table={{ head, rows }}
      before={
        score && (
          <p class="chart__legend" aria-hidden="true">
            <span class="chart__key chart__key--bar" /> Responses <span class="chart__key chart__key--line" /> {SCORE_NAMES[score]}
          </p>
        )
      }
    >
      <line class="chart__axis" x1={LEFT} x2={LEFT + slot * trend.length} y1={TOP + plot} y2={TOP + plot} />
      <text class="chart__label" x={LEFT - 6} y={TOP + 4} text-anchor="end">
        {max}
      </text>
      <text class="chart__label" x={LEFT - 6} y={TOP + plot} text-anchor="end">
        0
      </text>
      {score && (
        <>
          <text class="chart__label chart__label--score" x={LEFT + slot * trend.length + 6} y={TOP + 4}>
            {formatScore(score, high)}
          </text>
          <text class="chart__label chart__label--score" x={LEFT + slot * trend.length + 6} y={TOP + plot}>
            {formatScore(score, low)}
          </text>
        </>
      )}
      {trend.map((d, i) => {
        const h = d.responses === 0 ? 0 : Math.max(2, (d.responses / max) * plot);
        const x = LEFT + i * slot;
        return (
          <g key={d.day}>
            <rect class="chart__bar chart__bar--neutral" x={x + slot * 0.15} y={TOP + plot - h} width={slot * 0.7} height={h} rx={2} />
            {i % every === 0 && (
              <text class="chart__label" x={x + slot / 2} y={HEIGHT - 8} text-anchor="middle">
                {dayLabel(d.day)}
              </text>
            )}
          </g>
        );
      })}
      {points.length > 1 && <polyline class="chart__line" points={points.map((p) => `${p.x},${p.y}`).join(' ')} />}
      {points.map((p) => (
        <circle key={`${p.x}`} class="chart__dot" cx={p.x} cy={p.y} r={3} />
      ))}
    </ChartFigure>
  );
}
