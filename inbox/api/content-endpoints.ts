/**
 * The content endpoints (in-app messages, segments, series, surveys, tours), typed with the
 * protocol's models and input schemas. Part of `InboxApi`; kept apart so the
 * conversation endpoints stay readable.
 */
import type {
  ContactProfile,
  CreateMessageInput,
  CreateSegmentInput,
  CreateSeriesInput,
  CreateSurveyInput,
  CreateTourInput,
  InAppMessage,
  MessageStats,
  Page,
  Rule,
  Segment,
  Series,
  SeriesStats,
  Survey,
  SurveyResults,
  Tour,
  TourStats,
  UpdateMessageInput,
  UpdateSegmentInput,
  UpdateSeriesInput,
  UpdateSurveyInput,
  UpdateTourInput,
} from '../../protocol/index.js';
import type { HttpClient } from './http.js';

/** `GET /segments/:id/contacts`: a page of the segment's contacts, and how many match in all (first page only). */
export interface SegmentContactsPage extends Page<ContactProfile> {
  count?: number;
}

/** `POST /segments/preview`: how many contacts a rule matches now, and a few of them. */
export interface SegmentPreview {
  count: number;
  sample: ContactProfile[];
}

/** `GET /surveys/:id/results` options: a breakdown (`trait:<key>` or `segment`) and a date range (ISO instants). */
export interface SurveyResultsQuery {
  by?: string;
  from?: string;
  to?: string;
}

/** `GET /reports/csat`: visitors' ratings of closed conversations. */
export interface CsatReport {
  ratings: number;
  /** % of 4–5 ratings; null without ratings. */
  csat: number | null;
  /** "1".."5" → count. */
  distribution: Record<string, number>;
}

/** `POST /tours/picker`: the team's page with a picker token in its fragment, to open for the element picker. */
export interface PickerLink {
  url: string;
  expires_at: string;
}

export interface ContentApi {
  listInAppMessages(): Promise<Page<InAppMessage>>;
  getInAppMessage(id: string): Promise<InAppMessage>;
  createInAppMessage(input: CreateMessageInput): Promise<InAppMessage>;
  /** PATCH semantics: only the fields given change. */
  updateInAppMessage(id: string, patch: UpdateMessageInput): Promise<InAppMessage>;
  deleteInAppMessage(id: string): Promise<void>;
  getMessageStats(id: string, signal?: AbortSignal): Promise<MessageStats>;

  listSegments(): Promise<Page<Segment>>;
  getSegment(id: string): Promise<Segment>;
  createSegment(input: CreateSegmentInput): Promise<Segment>;
  updateSegment(id: string, patch: UpdateSegmentInput): Promise<Segment>;
  deleteSegment(id: string): Promise<void>;
  listSegmentContacts(id: string, options?: { cursor?: string | null; limit?: number; signal?: AbortSignal }): Promise<SegmentContactsPage>;
  /** `GET /segments/:id/count`: how many contacts the saved segment matches now. */
  countSegment(id: string, signal?: AbortSignal): Promise<{ count: number }>;
  previewSegment(rule: Rule, signal?: AbortSignal): Promise<SegmentPreview>;

  listSeries(): Promise<Page<Series>>;
  getSeries(id: string): Promise<Series>;
  createSeries(input: CreateSeriesInput): Promise<Series>;
  updateSeries(id: string, patch: UpdateSeriesInput): Promise<Series>;
  deleteSeries(id: string): Promise<void>;
  getSeriesStats(id: string, signal?: AbortSignal): Promise<SeriesStats>;

  listSurveys(): Promise<Page<Survey>>;
  getSurvey(id: string): Promise<Survey>;
  createSurvey(input: CreateSurveyInput): Promise<Survey>;
  updateSurvey(id: string, patch: UpdateSurveyInput): Promise<Survey>;
  deleteSurvey(id: string): Promise<void>;
  getSurveyResults(id: string, query?: SurveyResultsQuery, signal?: AbortSignal): Promise<SurveyResults>;
  /** Where the CSV of every response downloads from (a same-origin link: the session cookie goes along). */
  /** The CSV download of the responses in a date range (ISO instants), as the results page shows them. */
  surveyResultsCsvUrl(id: string, range?: { from?: string; to?: string }): string;
  getCsatReport(range?: { from?: string; to?: string }, signal?: AbortSignal): Promise<CsatReport>;

  listTours(): Promise<Page<Tour>>;
  getTour(id: string): Promise<Tour>;
  createTour(input: CreateTourInput): Promise<Tour>;
  updateTour(id: string, patch: UpdateTourInput): Promise<Tour>;
  deleteTour(id: string): Promise<void>;
  getTourStats(id: string, signal?: AbortSignal): Promise<TourStats>;
  /** A link that opens `url` (a page of the team's site, an allowed origin) with the element picker; 400 for another origin. */
  createPickerLink(url: string): Promise<PickerLink>;
}

export const SEGMENT_CONTACTS_PAGE_SIZE = 50;

export function createContentApi(http: HttpClient, baseUrl = '/api/v1'): ContentApi {
  const id = encodeURIComponent;
  return {
    listInAppMessages: () => http.get('/messages'),
    getInAppMessage: (messageId) => http.get(`/messages/${id(messageId)}`),
    createInAppMessage: (input) => http.post('/messages', input),
    updateInAppMessage: (messageId, patch) => http.patch(`/messages/${id(messageId)}`, patch),
    deleteInAppMessage: (messageId) => http.delete(`/messages/${id(messageId)}`),
    getMessageStats: (messageId, signal) => http.get(`/messages/${id(messageId)}/stats`, { signal }),

    listSegments: () => http.get('/segments'),
    getSegment: (segmentId) => http.get(`/segments/${id(segmentId)}`),
    createSegment: (input) => http.post('/segments', input),
    updateSegment: (segmentId, patch) => http.patch(`/segments/${id(segmentId)}`, patch),
    deleteSegment: (segmentId) => http.delete(`/segments/${id(segmentId)}`),
    listSegmentContacts: (segmentId, options = {}) =>
      http.get(`/segments/${id(segmentId)}/contacts`, {
        query: { limit: options.limit ?? SEGMENT_CONTACTS_PAGE_SIZE, cursor: options.cursor },
        signal: options.signal,
      }),
    countSegment: (segmentId, signal) => http.get(`/segments/${id(segmentId)}/count`, { signal }),
    previewSegment: (rule, signal) => http.post('/segments/preview', { rule }, { signal }),

    listSeries: () => http.get('/series'),
    getSeries: (seriesId) => http.get(`/series/${id(seriesId)}`),
    createSeries: (input) => http.post('/series', input),
    updateSeries: (seriesId, patch) => http.patch(`/series/${id(seriesId)}`, patch),
    deleteSeries: (seriesId) => http.delete(`/series/${id(seriesId)}`),
    getSeriesStats: (seriesId, signal) => http.get(`/series/${id(seriesId)}/stats`, { signal }),

    listSurveys: () => http.get('/surveys'),
    getSurvey: (surveyId) => http.get(`/surveys/${id(surveyId)}`),
    createSurvey: (input) => http.post('/surveys', input),
    updateSurvey: (surveyId, patch) => http.patch(`/surveys/${id(surveyId)}`, patch),
    deleteSurvey: (surveyId) => http.delete(`/surveys/${id(surveyId)}`),
    getSurveyResults: (surveyId, query = {}, signal) => http.get(`/surveys/${id(surveyId)}/results`, { query: { ...query }, signal }),
    surveyResultsCsvUrl: (surveyId, range = {}) => {
      const query = new URLSearchParams(Object.entries(range).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      return `${baseUrl}/surveys/${id(surveyId)}/results.csv${query.size > 0 ? `?${query}` : ''}`;
    },
    getCsatReport: (range = {}, signal) => http.get('/reports/csat', { query: { ...range }, signal }),

    listTours: () => http.get('/tours'),
    getTour: (tourId) => http.get(`/tours/${id(tourId)}`),
    createTour: (input) => http.post('/tours', input),
    updateTour: (tourId, patch) => http.patch(`/tours/${id(tourId)}`, patch),
    deleteTour: (tourId) => http.delete(`/tours/${id(tourId)}`),
    getTourStats: (tourId, signal) => http.get(`/tours/${id(tourId)}/stats`, { signal }),
    createPickerLink: (url) => http.post('/tours/picker', { url }),
  };
}
