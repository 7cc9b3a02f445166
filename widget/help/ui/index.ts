/** The help center's lazy chunk (`help-*.js`): the Home tab's screen and the answer suggestions. */
export { AnswerSuggestions, type AnswerSuggestionsProps } from './AnswerSuggestions.js';
export { HelpScreen, type HelpScreenProps } from './HelpScreen.js';
