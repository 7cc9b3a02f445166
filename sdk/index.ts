/**
 * `import { Messenger } from "parley/sdk"`. SSR-safe: on the server (no window)
 * Messenger is an inert object whose methods do nothing.
 */
import { installMessenger } from './instance.js';
import type { MessengerApi } from './types.js';

export type * from './types.js';

const noop = () => {};
const inert: MessengerApi = {
  boot: noop,
  identify: noop,
  track: noop,
  page: noop,
  show: noop,
  hide: noop,
  toggle: noop,
  showNewMessage: noop,
  startTour: noop,
  startSurvey: noop,
  on: noop,
  off: noop,
  consent: noop,
  shutdown: noop,
};

/** With npm, pass `apiBase` to `boot()`; it defaults to the page's own origin. */
export const Messenger: MessengerApi =
  typeof window === 'undefined' || typeof document === 'undefined' ? inert : installMessenger(location.origin);
