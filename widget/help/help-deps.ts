/**
 * What the help center's views need from the messenger, handed over once
 * (widget/index.tsx) so the lazy chunk reaches nothing else: the shared
 * connection's requests, the host page's URL, the locale, the server's base
 * URL (article links) and the shadow root's stylesheet.
 */
import type { HelpViewSource } from '../../protocol/help/models.js';
import type { ChatTransport } from '../state/transport.js';

export interface HelpDeps {
  request: ChatTransport['request'];
  /** The host page's address now (the articles meant for it). */
  pageUrl: () => string;
  locale: string;
  apiBase: string;
  addStyles: (css: string) => void;
}

/** Where the Home tab is: its list, or one article; `fromChat`: opened from an answer suggestion, so Back returns to the message. */
export interface HelpPlace {
  article?: string;
  source?: HelpViewSource;
  fromChat?: boolean;
}
