export { TourRunner, stepWaitMs, DEFAULT_WAIT_MS, MAX_WAIT_MS, type TourRunnerOptions, type TourRunnerState, type TourStatus, type FindElement } from './tour-runner.js';
export { stepOnPage, type TourPage } from './step-page.js';
