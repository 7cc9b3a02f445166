/**
 * A stored contact as the targeting engine sees it: traits plus the built-in
 * fields (`email`, `name`, `user_id`, `first_seen_at`, `last_seen_at`) so rules
 * can name them like any trait, and the device class and browser read from the
 * user agent the SDK reported.
 */
import { classifyUserAgent, type ContactRow as TargetingContactRow } from '../../../protocol/index.js';
import type { ContactRow } from '../../store/index.js';
import { parseJsonColumn } from '../json.js';

export function contactFacts(row: ContactRow): TargetingContactRow {
  const traits = parseJsonColumn<Record<string, unknown>>(row.traits, {});
  const builtIn: Record<string, unknown> = {
    email: row.email,
    name: row.name,
    user_id: row.external_id,
    first_seen_at: row.first_seen_at,
    last_seen_at: row.last_seen_at,
  };
  const device = parseJsonColumn<{ userAgent?: unknown } | null>(row.device, null);
  const ua = typeof device?.userAgent === 'string' ? classifyUserAgent(device.userAgent) : null;
  return {
    // Stored traits win over built-ins of the same name only where the built-in is unknown.
    traits: { ...traits, ...Object.fromEntries(Object.entries(builtIn).filter(([, v]) => v !== null)) },
    locale: row.locale,
    device: ua?.device ?? null,
    browser: ua?.browser ?? null,
    // Two letters from the proxy's header, when the workspace keeps it (docs/privacy.md).
    country: row.country ?? null,
  };
}

/** The page a contact was last seen on, for rules evaluated outside a visit (segments). */
export function lastPage(row: ContactRow): { url: string; path: string } | undefined {
  if (!row.last_page_url) return undefined;
  try {
    return { url: row.last_page_url, path: new URL(row.last_page_url).pathname };
  } catch {
    return undefined;
  }
}
