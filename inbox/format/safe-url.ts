/**
 * URLs in the contact panel come from visitors' browsers: only http(s) may
 * become a link (DESIGN.md §5), anything else is shown as plain text.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Host and path without the scheme: what fits in a narrow column. */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host + (parsed.pathname === '/' ? '' : parsed.pathname) + parsed.search;
  } catch {
    return url;
  }
}
