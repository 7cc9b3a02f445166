/** The help center in the messenger (docs/help-center.md): the tabs and the doors to the lazy help chunk (ui/). */
export type { HelpDeps, HelpPlace } from './help-deps.js';
export { HelpTabs } from './HelpTabs.js';
export { ComposerAnswers, HomeScreen } from './HelpViews.js';
