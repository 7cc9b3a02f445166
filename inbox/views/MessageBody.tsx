/**
 * A message's markdown, through the widget's renderer: VNodes, never HTML
 * strings (DESIGN.md §5), so visitor text cannot inject markup into the inbox.
 */
import { useMemo } from 'preact/hooks';
import { renderMarkdown } from '../../widget/markdown/index.js';

export function MessageBody({ body }: { body: string }) {
  // Parsing is the costly part of a re-render; bodies of acked messages never change.
  const content = useMemo(() => renderMarkdown(body), [body]);
  return <div class="message__body">{content}</div>;
}
