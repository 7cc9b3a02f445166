/**
 * Decides whether a URL written in a message may become an `href` or `src`.
 *
 * An allowlist of schemes, checked on the URL as the browser will see it:
 * we parse with the WHATWG `URL` parser (the one browsers use), which already
 * drops the tabs, newlines and leading control characters that attackers use
 * to hide a scheme ("java\tscript:", " javascript:"), and we return its
 * serialised `href`, so the string we checked is the string that is used.
 *
 * - Relative and protocol-relative URLs ("/x", "//evil.example") have no base
 *   here, fail to parse, and are rejected: a message has no trustworthy base.
 * - Entities are never decoded: the renderer sets attributes through the DOM,
 *   not HTML, so "java&#x09;script:" stays those characters, which are not a
 *   scheme at all and so fail the allowlist.
 * - `data:`, `javascript:`, `vbscript:`, `file:` etc. are simply not listed.
 *
 * @example
 * safeUrl('https://example.com/a b', 'link') // 'https://example.com/a%20b'
 * safeUrl('javascript:alert(1)', 'link')     // null
 */

export type UrlKind = 'link' | 'image';

const ALLOWED_SCHEMES: Record<UrlKind, ReadonlySet<string>> = {
  link: new Set(['http:', 'https:', 'mailto:']),
  // No `mailto:` (meaningless) and no `data:` (SVG payloads, tracking blobs).
  image: new Set(['http:', 'https:']),
};

export function safeUrl(url: string, kind: UrlKind): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return ALLOWED_SCHEMES[kind].has(parsed.protocol) ? parsed.href : null;
}
