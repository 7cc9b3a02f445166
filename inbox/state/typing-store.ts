/**
 * Who is typing in which conversation, from `typing` notices: the visitor and
 * other agents (the server relays an agent's typing to the team too). Each
 * typist is kept apart, so a teammate typing doesn't hide the visitor typing.
 * A notice that says "stopped" can be lost (the typist closes the tab), so
 * each indicator also expires on its own, and a message from the typist
 * clears it at once.
 */
import { signal, type Signal } from '@preact/signals';
import type { AuthorType, TypingNotice } from '../../protocol/index.js';

/** Senders repeat `typing: true` every ~2 s while typing; three missed repeats mean they stopped. */
export const TYPING_EXPIRY_MS = 6_000;

export interface TypingStore {
  /** The current typists of a conversation, in the order they started. */
  of(conversationId: string): Signal<readonly TypingNotice[]>;
  apply(notice: TypingNotice): void;
  /** A message arrived from this side (and this author, when named): whoever typed it is done. */
  clear(conversationId: string, author: AuthorType, name?: string | null): void;
  dispose(): void;
}

export interface TypingStoreOptions {
  /**
   * The logged-in agent's name: their other tabs' typing is relayed back to
   * them, and is no one else's. (Notices carry a name, not an agent id.)
   */
  selfName?: string;
}

const typistKey = (notice: Pick<TypingNotice, 'author' | 'name'>) => `${notice.author}:${notice.name ?? ''}`;

export function createTypingStore(options: TypingStoreOptions = {}): TypingStore {
  const notices = new Map<string, Signal<readonly TypingNotice[]>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  function of(conversationId: string): Signal<readonly TypingNotice[]> {
    let list = notices.get(conversationId);
    if (!list) notices.set(conversationId, (list = signal<readonly TypingNotice[]>([])));
    return list;
  }

  function remove(conversationId: string, keep: (notice: TypingNotice) => boolean): void {
    const list = of(conversationId);
    const next = list.value.filter(keep);
    for (const notice of list.value) {
      if (next.includes(notice)) continue;
      const timerKey = `${conversationId}\n${typistKey(notice)}`;
      const timer = timers.get(timerKey);
      if (timer) clearTimeout(timer);
      timers.delete(timerKey);
    }
    if (next.length !== list.value.length) list.value = next;
  }

  return {
    of,
    apply(notice) {
      if (notice.author === 'agent' && options.selfName !== undefined && notice.name === options.selfName) return;
      const key = typistKey(notice);
      const { conversationId } = notice;
      if (!notice.typing) {
        remove(conversationId, (other) => typistKey(other) !== key);
        return;
      }
      const list = of(conversationId);
      const index = list.value.findIndex((other) => typistKey(other) === key);
      list.value = index === -1 ? [...list.value, notice] : list.value.map((other, i) => (i === index ? notice : other));
      const timerKey = `${conversationId}\n${key}`;
      const previous = timers.get(timerKey);
      if (previous) clearTimeout(previous);
      timers.set(timerKey, setTimeout(() => remove(conversationId, (other) => typistKey(other) !== key), TYPING_EXPIRY_MS));
    },
    clear(conversationId, author, name) {
      if (!notices.has(conversationId)) return;
      remove(conversationId, (notice) => notice.author !== author || (author === 'agent' && name != null && notice.name !== name));
    },
    dispose() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
