/** The report per agent and per team: one row each with the same numbers as the tiles, busiest first (the server's order). */
import type { ConversationStats } from '../../../protocol/index.js';
import { statsCells } from '../../state/report-format.js';

export interface BreakdownRow {
  id: string;
  name: string;
  stats: ConversationStats;
}

const COLUMNS = ['Opened', 'Closed', 'Median first response', 'p90 first response', 'Median resolution', 'First-contact resolution', 'CSAT'] as const;

export function BreakdownTable({ id, title, nameHeader, rows, empty }: { id: string; title: string; nameHeader: string; rows: readonly BreakdownRow[]; empty: string }) {
  return (
    <section class="results-section report-breakdown" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="settings__section-title">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p class="settings__hint">{empty}</p>
      ) : (
        <div class="data-table__wrap">
          <table class="data-table data-table--compact" aria-labelledby={`${id}-title`}>
            <thead>
              <tr>
                <th scope="col">{nameHeader}</th>
                {COLUMNS.map((label) => (
                  <th key={label} scope="col" class="data-table__number">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const cells = statsCells(row.stats);
                return (
                  <tr key={row.id}>
                    <th scope="row">{row.name}</th>
                    {[cells.opened, cells.closed, cells.firstResponseMedian, cells.firstResponseP90, cells.resolutionMedian, cells.fcr, cells.csat].map((cell, i) => (
                      <td key={COLUMNS[i]} class="data-table__number">
                        {cell}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
