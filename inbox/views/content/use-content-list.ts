/**
 * What the list screens load: the section's items, then a number or two for
 * each row (stats, a count) fetched side by side, so a slow or failed row never
 * holds up the table.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ContentSection } from '../../host/hash-route.js';
import { useResource, type Resource } from './use-resource.js';

export function useContentList<Item>(
  section: ContentSection,
  load: () => Promise<Item[]>,
): { resource: Resource<Item[]>; retry(): void; list: Item[] | null } {
  const { resource, retry } = useResource(load, section, `Could not load the ${section}.`);
  return { resource, retry, list: resource.status === 'ready' ? resource.value : null };
}

/**
 * Each listed item's value by id: absent while asking, null where asking failed
 * (the row shows dashes rather than the table an error). Asked again only when
 * the ids change; a newer list aborts the older asks.
 */
export function useRowData<Item extends { id: string }, Value>(
  list: readonly Item[] | null,
  fetch: (item: Item, signal: AbortSignal) => Promise<Value>,
): ReadonlyMap<string, Value | null> {
  const [values, setValues] = useState<ReadonlyMap<string, Value | null>>(new Map());
  const ids = list?.map((item) => item.id).join(',') ?? '';
  useEffect(() => {
    if (!list) return;
    const controller = new AbortController();
    void Promise.all(
      list.map((item) =>
        fetch(item, controller.signal).then(
          (value): [string, Value | null] => [item.id, value],
          (): [string, Value | null] => [item.id, null],
        ),
      ),
    ).then((entries) => {
      if (!controller.signal.aborted) setValues(new Map(entries));
    });
    return () => controller.abort();
    // `list` and `fetch` are new each render; the ids say when there is something new to ask.
  }, [ids]);
  return values;
}
