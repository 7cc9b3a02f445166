/**
 * `GET /api/v1/contacts/:id/export`: everything Parley holds about one contact,
 * as one JSON document (the inbox also offers it as a zip of CSV files).
 * Uploads are links (signed, absolute); `other` carries the rows of any table
 * registered for export without a section of its own, as they are stored.
 */
import type { ContactEvent, ContactProfile } from '../models.js';

export interface ExportedAttachment {
  id: string;
  name: string;
  size: number;
  contentType: string;
  url: string;
  conversationId: string | null;
  messageId: string | null;
  createdAt: string;
}

export interface ExportedMessage {
  id: string;
  seq: number;
  authorType: 'visitor' | 'agent' | 'bot';
  authorName: string | null;
  body: string;
  createdAt: string;
  attachmentIds: string[];
}

export interface ExportedNote {
  id: string;
  authorName: string | null;
  body: string;
  createdAt: string;
}

export interface ExportedConversation {
  id: string;
  status: 'open' | 'snoozed' | 'closed';
  channel: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  rating: number | null;
  ratingComment: string | null;
  tags: string[];
  messages: ExportedMessage[];
  /** The team's internal notes: in the admin export only, never in a visitor's own download. */
  notes?: ExportedNote[];
}

export interface ExportedImpression {
  id: string;
  campaignId: string;
  campaignName: string | null;
  format: string | null;
  source: string;
  sentAt: string;
  shownAt: string | null;
  openedAt: string | null;
  clickedAt: string | null;
  dismissedAt: string | null;
  repliedAt: string | null;
  goalReachedAt: string | null;
  conversationId: string | null;
}

export interface ExportedSurveyResponse {
  id: string;
  surveyId: string;
  surveyName: string | null;
  deliveryId: string;
  answers: Record<string, unknown>;
  completedAt: string | null;
  createdAt: string;
}

export interface ExportedTourRun {
  deliveryId: string;
  tourId: string;
  status: string;
  at: number;
  createdAt: string;
  updatedAt: string;
  steps: Array<{ stepId: string; kind: string; at: string }>;
}

export interface ExportedSeriesEnrollment {
  id: string;
  seriesId: string;
  status: string;
  stepIndex: number;
  enteredAt: string;
  updatedAt: string;
  visits: Array<{ stepId: string; reachedAt: string }>;
}

export interface ContactExport {
  format: 'parley.contact-export';
  version: 1;
  exportedAt: string;
  contact: ContactProfile & { country: string | null };
  events: ContactEvent[];
  conversations: ExportedConversation[];
  surveyResponses: ExportedSurveyResponse[];
  messageImpressions: ExportedImpression[];
  tourRuns: ExportedTourRun[];
  seriesEnrollments: ExportedSeriesEnrollment[];
  uploads: ExportedAttachment[];
  /** Table name → its rows for this contact, for tables registered without a section of their own. */
  other: Record<string, Array<Record<string, unknown>>>;
}

/** `POST /api/v1/widget/export`: a verified visitor's own download link. */
export interface SelfExportLink {
  url: string;
  expiresAt: string;
}
