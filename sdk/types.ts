/** The public types of `window.Messenger` / `import { Messenger } from "parley/sdk"`. */
import type { Traits } from '../protocol/index.js';

export type { Traits };

export interface BootOptions {
  appId: string;
  /** Where the Parley server is; defaults to the origin sdk.js was loaded from. */
  apiBase?: string;
  locale?: string;
  /** `id` may be left out when `identityToken` is given: the token's `sub` names the user. */
  user?: { id?: string; email?: string; name?: string; userHash?: string; identityToken?: string; traits?: Traits };
  /** "default" shows our launcher, "none" shows none, a CSS selector makes that element open the messenger. */
  launcher?: 'default' | 'none' | string;
  theme?: { color?: string; position?: 'left' | 'right' };
}

export interface IdentifyOptions {
  /** hex(HMAC-SHA256(workspace identity secret, userId)), computed by your backend. */
  userHash?: string;
  /** Short-lived JWT (HS256, workspace identity secret, `sub` = user id) from your backend; expires, unlike userHash. */
  identityToken?: string;
}

export interface MessengerEvents {
  ready: void;
  show: void;
  hide: void;
  unreadCountChange: number;
  messageShown: { id: string };
  tourCompleted: { id: string };
  surveyCompleted: { id: string };
  error: { code: string; message: string };
}

export type MessengerEventName = keyof MessengerEvents;
export type MessengerListener<E extends MessengerEventName> = (payload: MessengerEvents[E]) => void;

export interface MessengerApi {
  boot(options: BootOptions): void;
  /** `userId` may be null when `options.identityToken` is given. */
  identify(userId: string | null, traits?: Traits, options?: IdentifyOptions): void;
  track(eventName: string, properties?: Record<string, string | number | boolean | null>): void;
  page(properties?: Record<string, string | number | boolean | null>): void;
  show(): void;
  hide(): void;
  toggle(): void;
  showNewMessage(prefilledText?: string): void;
  startTour(tourId: string): void;
  startSurvey(surveyId: string): void;
  on<E extends MessengerEventName>(event: E, callback: MessengerListener<E>): void;
  off<E extends MessengerEventName>(event: E, callback: MessengerListener<E>): void;
  consent(granted: boolean): void;
  shutdown(): void;
}
