export { SurveyView } from './SurveyView.js';
export { SURVEYS_CSS } from './styles.js';
export type { SurveyViewProps } from './types.js';
export { ThreadSurvey } from './ThreadSurvey.js';
export type { ThreadSurveyProps } from './ThreadSurvey.js';
