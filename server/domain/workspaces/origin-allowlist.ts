/**
 * Origin allowlist matching. Entries are exact origins ("https://app.example.com"),
 * a port wildcard ("http://localhost:*") or a subdomain wildcard ("https://*.example.com").
 * An empty list allows any origin (for local trials); the demo workspace is seeded with
 * its own origins so it is locked down by default.
 */
export function isOriginAllowed(allowlist: readonly string[], origin: string | undefined): boolean {
  if (allowlist.length === 0) return true;
  if (!origin) return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return allowlist.some((entry) => matchesEntry(entry, parsed));
}

function matchesEntry(entry: string, origin: URL): boolean {
  const m = /^(https?):\/\/([^/:]+)(?::(\d+|\*))?\/?$/.exec(entry.trim());
  if (!m) return false;
  const [, scheme, host, port] = m;
  if (origin.protocol !== `${scheme}:`) return false;
  const originPort = origin.port || (origin.protocol === 'https:' ? '443' : '80');
  const entryPort = port ?? (scheme === 'https' ? '443' : '80');
  if (entryPort !== '*' && entryPort !== originPort) return false;
  if (host.startsWith('*.')) {
    const suffix = host.slice(1);
    return origin.hostname.endsWith(suffix) && origin.hostname.length > suffix.length;
  }
  return origin.hostname === host;
}
