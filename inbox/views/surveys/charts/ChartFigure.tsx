/**
 * The frame every chart shares: a figure with its caption, the SVG drawn by
 * the chart (an image named by its `<title>`, which carries a one-line
 * summary), and the same numbers in a visually hidden table for screen
 * readers. Charts bring only their drawing and their rows.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface ChartTable {
  /** Column headers; the first is that of the row headers. */
  head: readonly string[];
  /** Each row: its header, then its cells. */
  rows: ReadonlyArray<readonly [string, ...Array<string | number>]>;
}

export interface ChartFigureProps {
  /** The caption, and the hidden table's. */
  title: string;
  /** The SVG's accessible name: the title with a summary of the numbers. */
  name: string;
  width: number;
  height: number;
  table: ChartTable;
  /** Between the caption and the drawing (a legend). */
  before?: ComponentChildren;
  /** The SVG's contents. */
  children: ComponentChildren;
}

export function ChartFigure({ title, name, width, height, table, before, children }: ChartFigureProps) {
  const id = useId();
  return (
    <figure class="chart">
      <figcaption class="chart__title">{title}</figcaption>
      {before}
      <svg class="chart__svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-title`}>{name}</title>
        {children}
      </svg>
      <table class="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            {table.head.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map(([header, ...cells]) => (
            <tr key={header}>
              <th scope="row">{header}</th>
              {cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
