/**
 * The export as a zip of CSV files (the inbox's "CSV bundle"): one file per
 * section, one row per item, nested values as JSON in their cell. Cells that
 * a spreadsheet would run as a formula (= + - @ tab CR at the start) get a
 * leading apostrophe (OWASP "CSV injection").
 *
 * @example const zip = exportCsvBundle(await exporter.export(contact, opts))
 */
import type { ContactExport } from '../../../protocol/index.js';
import { zipFiles } from './zip-writer.js';

type Row = Record<string, unknown>;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: a header of every key seen, CRLF line ends. */
export function toCsv(rows: readonly Row[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const lines = [columns.map(cell).join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

export function exportCsvBundle(doc: ContactExport): Buffer {
  const files: Record<string, Row[]> = {
    'contact.csv': [{ ...doc.contact, exportedAt: doc.exportedAt }],
    'events.csv': doc.events.map((e) => ({ ...e })),
    'conversations.csv': doc.conversations.map(({ messages, notes, ...c }) => ({ ...c, messages: messages.length, notes: notes?.length ?? null })),
    'messages.csv': doc.conversations.flatMap((c) => c.messages.map((m) => ({ conversationId: c.id, ...m }))),
    'survey_responses.csv': doc.surveyResponses.map((r) => ({ ...r })),
    'message_impressions.csv': doc.messageImpressions.map((i) => ({ ...i })),
    'tour_runs.csv': doc.tourRuns.map((t) => ({ ...t })),
    'series_enrollments.csv': doc.seriesEnrollments.map((s) => ({ ...s })),
    'uploads.csv': doc.uploads.map((u) => ({ ...u })),
  };
  const notes = doc.conversations.flatMap((c) => (c.notes ?? []).map((n) => ({ conversationId: c.id, ...n })));
  if (doc.conversations.some((c) => c.notes)) files['notes.csv'] = notes;
  for (const [table, rows] of Object.entries(doc.other)) files[`${table}.csv`] = rows;
  return zipFiles(Object.entries(files).map(([name, rows]) => ({ name, data: Buffer.from(toCsv(rows), 'utf8') })));
}
