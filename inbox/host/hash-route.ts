/**
 * The inbox's place lives in the URL hash, so a reload, the back button and a
 * link shared with a teammate all land on it: `#/conversations/<id>` is an open
 * conversation, `#/settings` the workspace settings. A hash needs no server
 * routes beyond `/inbox/`.
 */
import { signal, type ReadonlySignal } from '@preact/signals';

const PREFIX = '#/conversations/';
export const SETTINGS_HREF = '#/settings';
export const INBOX_HREF = '#/';

/** Which screen the hash shows: the three-column inbox or the settings page. */
export type Screen = 'inbox' | 'settings';

export function conversationHref(conversationId: string): string {
  return PREFIX + encodeURIComponent(conversationId);
}

export function parseConversationHash(hash: string): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    return decodeURIComponent(hash.slice(PREFIX.length)) || null;
  } catch {
    return null;
  }
}

export function parseScreen(hash: string): Screen {
  return hash === SETTINGS_HREF || hash.startsWith(`${SETTINGS_HREF}/`) ? 'settings' : 'inbox';
}

export interface HashRoute {
  conversationId: ReadonlySignal<string | null>;
  screen: ReadonlySignal<Screen>;
  dispose(): void;
}

export function createHashRoute(win: Window = window): HashRoute {
  const conversationId = signal(parseConversationHash(win.location.hash));
  const screen = signal(parseScreen(win.location.hash));
  const onChange = (): void => {
    conversationId.value = parseConversationHash(win.location.hash);
    screen.value = parseScreen(win.location.hash);
  };
  win.addEventListener('hashchange', onChange);
  return {
    conversationId,
    screen,
    dispose: () => win.removeEventListener('hashchange', onChange),
  };
}
