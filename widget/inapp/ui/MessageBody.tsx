/**
 * The markdown body every in-app format shares, rendered by our own
 * markdown-to-VNode renderer (`renderMarkdown`: no HTML strings reach the DOM,
 * links only http(s)/mailto), so a `javascript:` link in an admin's body ends
 * up as plain text (DESIGN.md §5).
 *
 * A click on a link is reported through `onLink` with the URL the renderer
 * kept, and the browser then follows the link itself (new tab, no opener):
 * the report is informational and must not block navigation.
 */
import type { Ref } from 'preact';
import { useMemo } from 'preact/hooks';
import { renderMarkdown } from '../../markdown/index.js';

export interface MessageBodyProps {
  body: string;
  onLink(url: string): void;
  /** Extra class beside `pm-body` (e.g. `pm-clamp` on the chat snippet). */
  class?: string;
  bodyRef?: Ref<HTMLDivElement>;
}

export function MessageBody({ body, onLink, class: extra, bodyRef }: MessageBodyProps) {
  // The body only changes when the engine sends a new version: parse it once per version.
  const content = useMemo(() => renderMarkdown(body), [body]);
  const onClick = (event: MouseEvent) => {
    // Delegated: the renderer's <a> elements take no handlers. Inside our shadow
    // root `target` is the real element (retargeting only affects listeners outside).
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (link) onLink(link.getAttribute('href') ?? '');
  };
  return (
    <div ref={bodyRef} class={extra ? `pm-body ${extra}` : 'pm-body'} onClick={onClick}>
      {content}
    </div>
  );
}
