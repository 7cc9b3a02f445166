/**
 * URLs in the contact panel come from visitors' browsers: only http(s) may
 * become a link (DESIGN.md §5), anything else is shown as plain text. The check
 * is the markdown renderer's own, so both sides of the app agree on what is safe.
 */
import { safeUrl } from '../../widget/markdown/safe-url.js';

export function safeHttpUrl(url: string | null | undefined): string | null {
  return url ? safeUrl(url, 'image') : null;
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
