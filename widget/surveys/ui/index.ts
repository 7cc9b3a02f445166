export { SurveyView } from './SurveyView.js';
export { SURVEYS_CSS } from './styles.js';
export type { SurveyViewProps } from './types.js';
