/**
 * Page URLs are stored without their query string and fragment (they often
 * carry tokens, emails or search terms), except the query parameters the
 * workspace allow-lists (`utm_source`, `plan`…), kept in their order.
 *
 * @example keepAllowedQuery('https://a.test/p?utm_source=x&token=y#f', ['utm_source']) // 'https://a.test/p?utm_source=x'
 */
export function keepAllowedQuery(url: string | undefined, allowed: readonly string[] = []): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    const kept = new URLSearchParams();
    for (const [name, value] of u.searchParams) if (allowed.includes(name)) kept.append(name, value);
    const query = kept.toString();
    return `${u.origin}${u.pathname}${query ? `?${query}` : ''}`;
  } catch {
    return url.split(/[?#]/)[0].slice(0, 2000);
  }
}
