/** One CSV row per conversation of a report (columns: CONVERSATION_CSV_COLUMNS). */
import { CONVERSATION_CSV_COLUMNS } from '../../../protocol/index.js';
import { firstResponseSeconds, type ReportRow, resolutionSeconds } from './conversation-stats.js';

export interface CsvNames {
  agents: Map<string, string>;
  teams: Map<string, string>;
  /** Conversation id → its tag names. */
  tags: Map<string, string[]>;
}

/** Always quoted; a leading = + - @ would run as a formula in a spreadsheet. */
function cell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
}

const wholeSeconds = (s: number | null) => (s === null ? null : Math.round(s));

export function conversationsCsv(rows: readonly ReportRow[], names: CsvNames): string {
  const lines = rows.map((r) =>
    [
      r.id,
      r.created_at,
      r.closed_at,
      r.status,
      r.team_id,
      r.team_id ? names.teams.get(r.team_id) : null,
      r.assignee_id,
      r.assignee_id ? names.agents.get(r.assignee_id) : null,
      wholeSeconds(firstResponseSeconds(r)),
      wholeSeconds(resolutionSeconds(r)),
      r.rating,
      Number(r.reopened_count ?? 0),
      (names.tags.get(r.id) ?? []).join('; '),
    ]
      .map(cell)
      .join(','),
  );
  return [CONVERSATION_CSV_COLUMNS.map(cell).join(','), ...lines].join('\r\n') + '\r\n';
}
