/**
 * The contract between the in-app message engine (widget/inapp/state) and its
 * views. A view renders one `EligibleMessage` in its format and reports what
 * the user did; it decides nothing about targeting, timing or send limits.
 * The inbox's editor preview renders the same views.
 */
import type { EligibleMessage } from '../../../protocol/content/models.js';
import type { Strings } from '../../i18n/index.js';

export interface InAppViewProps {
  message: EligibleMessage;
  strings: Strings;
  /** chat: the user opened the message (clicked the snippet or "Reply"): the messenger shows it as a thread. */
  onOpen(): void;
  /** The button or a link in the body was clicked (the view lets a link navigate on its own; `url` is informational). */
  onClick(url: string | null): void;
  /** Closed by the user (×, Esc on a modal, "dismiss" button without a URL counts as a click, not this). */
  onDismiss(): void;
  /** tooltip: the element it points at (the engine found it); null renders nothing. */
  anchor?: Element | null;
  /** Preview mode (inbox editor): no focus stealing, no document listeners, positioned statically. */
  preview?: boolean;
}
