/** The frame of every content screen: a scrolling main region with its heading, a back link and actions. */
import type { ComponentChildren } from 'preact';
import { contentHref, type ContentSection } from '../../host/hash-route.js';

export interface ContentPageProps {
  /** Unique on the page: the h1's id, which names the main region. */
  titleId: string;
  title: ComponentChildren;
  /** "← All messages" on an editor. */
  back?: { href: string; label: string };
  actions?: ComponentChildren;
  wide?: boolean;
  children: ComponentChildren;
}

export function ContentPage({ titleId, title, back, actions, wide, children }: ContentPageProps) {
  return (
    <main class="content" aria-labelledby={titleId}>
      <div class={wide ? 'content__inner content__inner--wide' : 'content__inner'}>
        {back && (
          <a class="content__back" href={back.href}>
            <span aria-hidden="true">← </span>
            {back.label}
          </a>
        )}
        <div class="content__header">
          <h1 id={titleId} class="settings__title content__title">
            {title}
          </h1>
          {actions && <div class="content__actions">{actions}</div>}
        </div>
        {children}
      </div>
    </main>
  );
}

/** The back link of a section's editors: "← All segments" to `#/segments`. */
export function listBack(section: ContentSection): { href: string; label: string } {
  return { href: contentHref(section), label: `All ${section}` };
}

export const FORMAT_LABELS = {
  chat: 'Chat',
  post: 'Post',
  banner: 'Banner',
  modal: 'Modal',
  tooltip: 'Tooltip',
} as const;

export function StatusBadge({ status }: { status: 'draft' | 'live' }) {
  return <span class={`status-badge status-badge--${status}`}>{status === 'live' ? 'Live' : 'Draft'}</span>;
}
