/**
 * One headline number of a stats page (a survey's results, a tour's stats):
 * a region named by its label, so "the Completion tile" can be found by
 * name, with the value and an optional line or two of detail.
 */
import type { ComponentChildren } from 'preact';

export interface StatTileProps {
  /** Unique on the page: the tile's class modifier and heading id. */
  id: string;
  label: string;
  value: string;
  children?: ComponentChildren;
}

export function StatTile({ id, label, value, children }: StatTileProps) {
  return (
    <section class={`result-tile result-tile--${id}`} aria-labelledby={`result-tile-${id}`}>
      <h2 id={`result-tile-${id}`} class="result-tile__label">
        {label}
      </h2>
      <p class="result-tile__value">{value}</p>
      {children && <div class="result-tile__detail">{children}</div>}
    </section>
  );
}
