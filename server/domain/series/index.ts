export { SeriesRunner } from './series-runner.js';
export { SeriesStore, toSeries } from './series-store.js';
