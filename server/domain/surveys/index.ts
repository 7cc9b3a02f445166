export { SurveyResponses } from './responses.js';
export { SurveyResults } from './results.js';
export { SurveyStore, toSurvey } from './survey-store.js';
export { ConversationSurveys } from './conversation-surveys.js';
