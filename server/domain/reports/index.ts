export { ConversationReports } from './conversation-reports.js';
export { busiestHours, byDay, firstResponseSeconds, type ReportRow, resolutionSeconds, resolvedOnFirstContact, statsOf } from './conversation-stats.js';
export { median, percentile } from './percentiles.js';
export { type ReportRange, resolveRange } from './report-range.js';
