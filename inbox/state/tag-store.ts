/**
 * The workspace's tags, for the list's tag filter and the tag editor's
 * suggestions. Loaded on first use and again when a conversation got a tag
 * the list did not know (the server created it).
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Tag } from '../../protocol/index.js';
import type { InboxApi } from '../api/endpoints.js';
import { hasTag } from './tag-edits.js';

export interface TagStore {
  tags: ReadonlySignal<readonly Tag[]>;
  names: ReadonlySignal<readonly string[]>;
  /** Loads once; later calls reuse the first answer. */
  ensure(): Promise<void>;
  reload(): Promise<void>;
  /** Names just put on a conversation: reload if one of them is new to us. */
  noteUsed(names: readonly string[]): void;
}

export function createTagStore(api: Pick<InboxApi, 'listTags'>): TagStore {
  const tags = signal<readonly Tag[]>([]);
  let loading: Promise<void> | null = null;

  function reload(): Promise<void> {
    loading = api.listTags().then(
      (page) => {
        tags.value = page.data;
      },
      () => {
        // Suggestions are a help, not a must: typing a name still works. Try again next time.
        loading = null;
      },
    );
    return loading;
  }

  const names = computed(() => tags.value.map((tag) => tag.name));
  return {
    tags,
    names,
    ensure: () => loading ?? reload(),
    reload,
    noteUsed(used) {
      if (used.some((name) => !hasTag(names.value, name))) void reload();
    },
  };
}
