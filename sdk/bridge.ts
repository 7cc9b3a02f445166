/**
 * The narrow interface between the SDK core (always on the page, tiny) and the
 * widget (loaded lazily). The core owns identity and events; the widget owns UI
 * and the socket.
 */
import type { WidgetSettings } from '../protocol/index.js';
import type { BootOptions, MessengerEventName, MessengerEvents } from './types.js';

export interface WidgetBridge {
  apiBase: string;
  appId: string;
  locale: string;
  launcher: NonNullable<BootOptions['launcher']>;
  theme: BootOptions['theme'];
  settings: WidgetSettings;
  /** Consent required and not given (docs/privacy.md): nothing persisted, no socket until the visitor opens the messenger, a notice says so. */
  ephemeral?: boolean;
  token(): string | null;
  /** What the core knows of the visitor now (identify makes it identified). */
  contact(): { identified: boolean; email: string | null };
  /** Subscribe to token changes (identify, shutdown); returns the unsubscribe. */
  onTokenChange(cb: (token: string | null) => void): () => void;
  /** `track` and `page` calls as they happen (in-app message triggers); returns the unsubscribe. */
  onActivity(cb: (activity: PageActivity) => void): () => void;
  /** The socket refused our token: boot again and get a fresh one. */
  refreshToken(): Promise<string | null>;
  emit<E extends MessengerEventName>(event: E, payload: MessengerEvents[E]): void;
  report(err: unknown): void;
}

export type PageActivity = { type: 'track'; name: string } | { type: 'page'; url: string };

export interface WidgetControl {
  show(): void;
  hide(): void;
  toggle(): void;
  showNewMessage(prefilledText?: string): void;
  startSurvey(surveyId: string): void;
  startTour(tourId: string): void;
  destroy(): void;
}

/** What the widget module exports; the core imports it by URL. */
export interface WidgetModule {
  /** May resolve later (the widget first loads the strings of the visitor's locale). */
  mountWidget(bridge: WidgetBridge): WidgetControl | Promise<WidgetControl>;
}
