/**
 * An editor's first step: load the item (none for a new one) with what its form
 * offers to choose from, showing the editor's frame with "Loading …" or the
 * failure and "Retry" until then, and the form once it is all there. The form
 * mounts only with its data, so its state can start from what was loaded.
 */
import type { ComponentChildren } from 'preact';
import type { ContentSection } from '../../host/hash-route.js';
import { ContentPage, listBack } from './ContentPage.js';
import { LoadState } from './LoadState.js';
import { capitalized } from './use-content-editor.js';
import { useResource } from './use-resource.js';

export interface EditorLoaderProps<Loaded> {
  section: ContentSection;
  /** "message", "segment", "series". */
  noun: string;
  /** The h1's id, as on the form's page. */
  titleId: string;
  /** null: a new item. */
  id: string | null;
  load(): Promise<Loaded>;
  children(loaded: Loaded): ComponentChildren;
}

export function EditorLoader<Loaded>({ section, noun, titleId, id, load, children }: EditorLoaderProps<Loaded>) {
  const { resource, retry } = useResource<Loaded>(load, id ?? 'new', `Could not load the ${noun}.`);
  if (resource.status !== 'ready') {
    return (
      <ContentPage titleId={titleId} title={id ? capitalized(noun) : `New ${noun}`} back={listBack(section)}>
        <LoadState resource={resource} what={noun} onRetry={retry} />
      </ContentPage>
    );
  }
  return <>{children(resource.value)}</>;
}
