export { TourRuns } from './tour-runs.js';
export { TourStore, toTour } from './tour-store.js';
export { PickerTokens, PICKER_TOKEN_LIFETIME_S } from './picker-tokens.js';
