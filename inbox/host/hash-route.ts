/**
 * The open conversation lives in the URL hash (`#/conversations/<id>`), so a
 * reload, the back button and a link shared with a teammate all land on it.
 * A hash needs no server routes beyond `/inbox/`.
 */
import { signal, type ReadonlySignal } from '@preact/signals';

const PREFIX = '#/conversations/';

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

export interface HashRoute {
  conversationId: ReadonlySignal<string | null>;
  dispose(): void;
}

export function createHashRoute(win: Window = window): HashRoute {
  const conversationId = signal(parseConversationHash(win.location.hash));
  const onChange = (): void => {
    conversationId.value = parseConversationHash(win.location.hash);
  };
  win.addEventListener('hashchange', onChange);
  return {
    conversationId,
    dispose: () => win.removeEventListener('hashchange', onChange),
  };
}
