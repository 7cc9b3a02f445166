/**
 * The registry of every table that holds rows about a contact: how they are
 * tied to it, where the export has them and what an erase does to them. Export
 * and erase both run from this list, and contact-tables.test.ts reads the live
 * schema (SQLite and Postgres): a table tied to a contact that is neither here
 * nor in NO_PERSONAL_DATA fails it. Adding a table is one entry:
 *
 * @example { table: 'article_votes', links: [{ column: 'contact_id' }], export: 'other', erase: 'delete', note: 'help article votes' }
 *
 * Erase runs the entries in this order (children before their parents; the
 * contact itself last).
 */
import type { ContactExport } from '../../../protocol/index.js';
import type { ContactLink, LinkedTable } from './contact-links.js';
import {
  anonymiseConversations,
  anonymiseDeliveries,
  anonymiseEnrollments,
  anonymiseSurveyResponses,
  anonymiseTourRuns,
  type EraseStep,
  removeContact,
  removeUploads,
} from './erase-steps.js';
import { anonymiseHelpViews, anonymiseHelpVotes } from '../help/help-erase.js';

/** A section of the export document, `other` (rows as stored, under `other.<table>`), or `none` (with the reason in `note`). */
export type ExportCoverage = Exclude<keyof ContactExport, 'format' | 'version' | 'exportedAt' | 'other'> | 'other' | 'none';

export interface ContactTable extends LinkedTable {
  links: readonly ContactLink[];
  export: ExportCoverage;
  /** `delete` the rows, `keep` them as they are (they hold nothing personal once their parent is anonymised), or run a step. */
  erase: 'delete' | 'keep' | EraseStep;
  /** Why, in a phrase (docs/privacy.md says the same). */
  note: string;
}

const viaConversation: ContactLink = { column: 'conversation_id', parent: 'conversations' };

export const CONTACT_TABLES: readonly ContactTable[] = [
  {
    table: 'attachments',
    links: [viaConversation, { column: 'uploader_id', where: { uploader_type: 'visitor' } }],
    export: 'uploads',
    erase: removeUploads,
    note: 'files sent in the contact’s conversations and its unsent uploads: rows and bytes deleted',
  },
  { table: 'messages', links: [viaConversation], export: 'conversations', erase: 'delete', note: 'every message of the contact’s conversations' },
  { table: 'conversation_notes', links: [viaConversation], export: 'conversations', erase: 'delete', note: 'the team’s internal notes (admin export only)' },
  { table: 'conversation_tags', links: [viaConversation], export: 'conversations', erase: 'keep', note: 'workspace tags on the kept, emptied conversation' },
  {
    table: 'webhook_deliveries',
    links: [{ column: 'payload', mentions: true }],
    export: 'none',
    erase: 'delete',
    note: 'copies of exported data queued or sent to the workspace’s own webhooks',
  },
  {
    table: 'automation_runs',
    links: [{ column: 'contact_id' }, viaConversation],
    export: 'other',
    erase: 'delete',
    note: 'the log of automation rules that ran on the contact or its conversations',
  },
  {
    table: 'bot_runs',
    links: [{ column: 'contact_id' }, viaConversation],
    export: 'other',
    erase: 'delete',
    note: 'where the contact’s conversations are in their bots, with the answers given (docs/bots.md)',
  },
  { table: 'events', links: [{ column: 'contact_id' }], export: 'events', erase: 'delete', note: 'tracked events and page views' },
  {
    table: 'survey_responses',
    links: [{ column: 'contact_id' }],
    export: 'surveyResponses',
    erase: anonymiseSurveyResponses,
    note: 'scores and choices kept on the remnant for the results; free text deleted',
  },
  {
    table: 'tour_step_events',
    links: [{ column: 'delivery_id', parent: 'campaign_deliveries' }],
    export: 'tourRuns',
    erase: 'keep',
    note: 'which tour steps were seen: kept with the anonymised delivery',
  },
  { table: 'tour_runs', links: [{ column: 'contact_id' }], export: 'tourRuns', erase: anonymiseTourRuns, note: 'tour progress: kept on the remnant for the funnel' },
  {
    table: 'series_step_visits',
    links: [{ column: 'enrollment_id', parent: 'series_enrollments' }],
    export: 'seriesEnrollments',
    erase: 'keep',
    note: 'series steps reached: kept with the anonymised enrollment',
  },
  {
    table: 'series_enrollments',
    links: [{ column: 'contact_id' }],
    export: 'seriesEnrollments',
    erase: anonymiseEnrollments,
    note: 'series progress: ended and kept on the remnant for the series stats',
  },
  {
    table: 'campaign_deliveries',
    links: [{ column: 'contact_id' }],
    export: 'messageImpressions',
    erase: anonymiseDeliveries,
    note: 'in-app message sends and outcomes (times only): kept on the remnant for the stats',
  },
  {
    table: 'conversations',
    links: [{ column: 'contact_id' }],
    export: 'conversations',
    erase: anonymiseConversations,
    note: 'kept on the remnant, closed and emptied, for the conversation reports',
  },
  { table: 'help_article_views', links: [{ column: 'contact_id' }], export: 'other', erase: anonymiseHelpViews, note: 'help articles opened: kept on the remnant for the article stats' },
  { table: 'help_article_votes', links: [{ column: 'contact_id' }], export: 'other', erase: anonymiseHelpVotes, note: '"did this help?" votes: kept on the remnant for the article stats' },
  { table: 'contacts', links: [{ column: 'id' }], export: 'contact', erase: removeContact, note: 'the profile: name, email, traits, device, locale, country, last page' },
];

/**
 * Tables the schema ties to a contact that hold no personal data, and why.
 * The completeness test accepts these without an entry above.
 */
export const NO_PERSONAL_DATA: Readonly<Record<string, string>> = {
  webhook_conversation_states: 'status, assignee, team, priority and tag ids of a conversation, for webhook diffs; stays with the emptied conversation',
};

export function contactTable(table: string): ContactTable | undefined {
  return CONTACT_TABLES.find((t) => t.table === table);
}
