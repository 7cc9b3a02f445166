/**
 * Horizontal bars for a choice question's options, whose labels can be long:
 * a list of rows (the option, its bar, count and share), so each row reads
 * as text to a screen reader and the bar (SVG, hidden from it) only draws it.
 */
import { shareOf, type Bar } from '../../../state/survey-results.js';

export interface BarListProps {
  title: string;
  bars: readonly Bar[];
  /** What a share is of (a multiple choice: the respondents, not the ticks); the bars' sum when absent. */
  total?: number;
}

export function BarList({ title, bars, total: of }: BarListProps) {
  const total = of ?? bars.reduce((sum, b) => sum + b.count, 0);
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <figure class="chart">
      <figcaption class="chart__title">{title}</figcaption>
      <ul class="bar-list">
        {bars.map((bar) => (
          <li key={bar.label} class="bar-list__row">
            <span class="bar-list__label">{bar.label}</span>
            <svg class="bar-list__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              <rect class="bar-list__track" x={0} y={0} width={100} height={10} rx={2} />
              {bar.count > 0 && <rect class={`chart__bar chart__bar--${bar.tone}`} x={0} y={0} width={(bar.count / max) * 100} height={10} rx={2} />}
            </svg>
            <span class="bar-list__count">
              {bar.count}
              <span class="bar-list__share"> ({shareOf(bar.count, total)})</span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
