export type { BlockNode, InlineNode, ListItem } from './ast.js';
export { parseMarkdown } from './parse.js';
export { renderMarkdown } from './render.js';
export type { RenderOptions } from './render.js';
export { safeUrl } from './safe-url.js';
export type { UrlKind } from './safe-url.js';
