/** An InboxApi whose every call fails unless the test provides it: unexpected calls show up as errors. */
import type { InboxApi } from '../api/endpoints.js';

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
    ...overrides,
  };
}
