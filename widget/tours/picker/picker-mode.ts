/**
 * Picker mode (a lazy chunk): the inbox opened this page of the team's site
 * with an authoring token in the fragment (`#parley-picker=<token>`). Once
 * the server vouches for the token, the author clicks an element and its
 * selector goes back to the inbox window that opened this one — posted only
 * to the Parley server's origin, where the inbox lives — then this tab closes.
 */
import type { Ack } from '../../../protocol/ack.js';
import { PICKER_FRAGMENT, type PickerMessage } from '../../../protocol/tours/models.js';
import { startPicker } from './picker.js';

export interface PickerModeOptions {
  /** The fragment's token. */
  token: string;
  /** The Parley server's origin: the only target the answer is posted to. */
  serverOrigin: string;
  request(event: 'tour:picker', payload: { token: string }, timeoutMs: number): Promise<Ack<unknown> | null>;
  onError(err: unknown): void;
}

const ATTEMPTS = 10;
const RETRY_MS = 1_000;

/** The token in `#parley-picker=<token>`, or null. */
export function pickerToken(hash: string): string | null {
  const at = hash.indexOf(PICKER_FRAGMENT);
  return at < 0 ? null : decodeURIComponent(hash.slice(at + PICKER_FRAGMENT.length)) || null;
}

export async function runPickerMode(opts: PickerModeOptions): Promise<void> {
  // Right after boot the socket may still be connecting: no answer yet is not a refusal.
  let res = await opts.request('tour:picker', { token: opts.token }, RETRY_MS * 5);
  for (let i = 1; res === null && i < ATTEMPTS; i++) {
    await new Promise((r) => setTimeout(r, RETRY_MS));
    res = await opts.request('tour:picker', { token: opts.token }, RETRY_MS * 5);
  }
  if (!res?.ok) {
    opts.onError(new Error('the element picker link is invalid or expired: open it again from the inbox'));
    return;
  }
  // The token leaves the address bar: a reload or a shared link does not pick again.
  history.replaceState(history.state, '', location.href.slice(0, location.href.indexOf('#')));
  const answer = (message: PickerMessage) => {
    (window.opener as Window | null)?.postMessage(message, opts.serverOrigin);
  };
  startPicker({
    onPick: (selector, label) => {
      answer({ type: 'parley:picked', selector, label });
      // Opened by the inbox with window.open, so this tab may close itself.
      if (window.opener) window.close();
    },
    onCancel: () => answer({ type: 'parley:picker-cancelled' }),
  });
}
