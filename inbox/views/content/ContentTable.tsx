/**
 * The frame of the list screens (`#/messages`, `#/segments`, `#/series`): the
 * heading with "New …", loading or its failure, an empty state, or a table that
 * the heading names, whose first column links each item to its editor. Each
 * list brings only its other columns and their cells.
 */
import type { ComponentChildren } from 'preact';
import { contentHref, type ContentSection } from '../../host/hash-route.js';
import { ContentPage } from './ContentPage.js';
import { LoadState } from './LoadState.js';
import type { Resource } from './use-resource.js';
import '../../styles/tables.css';

export interface ContentTableProps<Item extends { id: string; name: string }> {
  section: ContentSection;
  /** The h1's id; it names the main region and the table. */
  titleId: string;
  title: string;
  /** "New message". */
  newLabel: string;
  resource: Resource<readonly Item[]>;
  onRetry(): void;
  /** Shown in place of an empty table. */
  empty: { title: string; hint: string };
  /** The columns after "Name"; numbers are right-aligned. */
  columns: ReadonlyArray<{ label: string; number?: boolean }>;
  /** A row's cells after its name, one per column. */
  cells(item: Item): ComponentChildren;
  /** Below the table (a report about the whole section). */
  after?: ComponentChildren;
}

export function ContentTable<Item extends { id: string; name: string }>(props: ContentTableProps<Item>) {
  const { section, titleId, resource } = props;
  const list = resource.status === 'ready' ? resource.value : null;
  return (
    <ContentPage
      titleId={titleId}
      title={props.title}
      wide
      actions={
        <a class="button button--primary" href={contentHref(section, 'new')}>
          {props.newLabel}
        </a>
      }
    >
      <LoadState resource={resource} what={section} onRetry={props.onRetry} />
      {list && list.length === 0 && (
        <div class="empty-state empty-state--compact">
          <p class="empty-state__title">{props.empty.title}</p>
          <p class="empty-state__hint">{props.empty.hint}</p>
        </div>
      )}
      {list && list.length > 0 && (
        <div class="data-table__wrap">
          <table class="data-table" aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                {props.columns.map((column) => (
                  <th key={column.label} scope="col" class={column.number ? 'data-table__number' : undefined}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <a href={contentHref(section, { id: item.id })}>{item.name}</a>
                  </th>
                  {props.cells(item)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.after}
    </ContentPage>
  );
}
