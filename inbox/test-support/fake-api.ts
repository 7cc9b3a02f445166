/** An InboxApi whose every call fails unless the test provides it: unexpected calls show up as errors. */
import type { InboxApi } from '../api/endpoints.js';
import { unexpectedToolsApi } from './fake-tools-api.js';
import { unexpectedTeamApi } from './fake-team-api.js';
import { unexpectedWebhookApi } from './fake-webhook-api.js';
import { unexpectedApiTokenApi } from './fake-api-token-api.js';
import { unexpectedAutomationApi } from './fake-automation-api.js';
import { unexpectedBotApi } from './fake-bot-api.js';
import { unexpectedHelpCenterApi } from './fake-help-api.js';
import { unexpectedPrivacyApi } from './fake-privacy-api.js';

export function fakeApi(overrides: Partial<InboxApi> = {}): InboxApi {
  const unexpected = () => Promise.reject(new Error('unexpected API call'));
  return {
    me: unexpected,
    login: unexpected,
    logout: unexpected,
    listConversations: unexpected,
    getConversation: unexpected,
    listMessages: unexpected,
    postMessage: unexpected,
    uploadAttachment: unexpected,
    setStatus: unexpected,
    assign: unexpected,
    getContact: unexpected,
    listContactEvents: unexpected,
    listAgents: unexpected,
    getSettings: unexpected,
    updateSettings: unexpected,
    listInAppMessages: unexpected,
    getInAppMessage: unexpected,
    createInAppMessage: unexpected,
    updateInAppMessage: unexpected,
    deleteInAppMessage: unexpected,
    getMessageStats: unexpected,
    listSegments: unexpected,
    getSegment: unexpected,
    createSegment: unexpected,
    updateSegment: unexpected,
    deleteSegment: unexpected,
    listSegmentContacts: unexpected,
    countSegment: unexpected,
    previewSegment: unexpected,
    listSeries: unexpected,
    getSeries: unexpected,
    createSeries: unexpected,
    updateSeries: unexpected,
    deleteSeries: unexpected,
    getSeriesStats: unexpected,
    listSurveys: unexpected,
    getSurvey: unexpected,
    createSurvey: unexpected,
    updateSurvey: unexpected,
    deleteSurvey: unexpected,
    getSurveyResults: unexpected,
    surveyResultsCsvUrl: (id) => `/api/v1/surveys/${encodeURIComponent(id)}/results.csv`,
    getCsatReport: unexpected,
    listTours: unexpected,
    getTour: unexpected,
    createTour: unexpected,
    updateTour: unexpected,
    deleteTour: unexpected,
    getTourStats: unexpected,
    createPickerLink: unexpected,
    ...unexpectedToolsApi(unexpected),
    ...unexpectedTeamApi(unexpected),
    ...unexpectedWebhookApi(unexpected),
    ...unexpectedApiTokenApi(unexpected),
    ...unexpectedAutomationApi(unexpected),
    ...unexpectedBotApi(unexpected),
    ...unexpectedPrivacyApi(unexpected),
    ...unexpectedHelpCenterApi(unexpected),
    ...overrides,
  };
}
