/**
 * The small typed tree that `parseMarkdown` produces and `renderMarkdown`
 * consumes. It is plain data (no DOM, no functions) so the parser can be
 * tested and reused without a document, and so the renderer is the only
 * place that decides what becomes an element.
 *
 * URLs are stored exactly as written: checking them is the renderer's job
 * (via `safeUrl`), at the last moment before they reach an attribute.
 */

export type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: InlineNode[] }
  | { type: 'emphasis'; children: InlineNode[] }
  | { type: 'strike'; children: InlineNode[] }
  | { type: 'code'; value: string }
  /** `auto` marks a bare URL found in text, as opposed to `[text](url)`. */
  | { type: 'link'; url: string; auto: boolean; children: InlineNode[] }
  | { type: 'image'; url: string; alt: string }
  | { type: 'break' }
  /**
   * `{{user.name | fallback: "there"}}`. Kept as its own node so the value is
   * inserted as text at render time and is never fed back into the parser.
   * `raw` is the original source, shown when no resolver is given.
   */
  | { type: 'placeholder'; path: string; fallback: string | undefined; raw: string };

/** An item holds blocks so lists can nest; its first paragraph renders inline. */
export type ListItem = { children: BlockNode[] };

export type BlockNode =
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'heading'; level: 1 | 2 | 3; children: InlineNode[] }
  | { type: 'list'; ordered: boolean; start: number; items: ListItem[] }
  | { type: 'blockquote'; children: BlockNode[] }
  | { type: 'code_block'; lang: string | undefined; value: string }
  | { type: 'rule' };
