/**
 * A workspace's privacy settings (docs/privacy.md): consent mode, what is
 * collected, and how long each kind of data is kept. Free of zod so the inbox
 * can import it and stay small; the input schema is in ./schemas.ts.
 */

/** The kinds of data with a retention window, in the order the inbox shows them. */
export const RETENTION_KINDS = ['events', 'conversations', 'closedConversations', 'uploads'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** Days each kind is kept; null keeps it until someone deletes it. */
export type RetentionWindows = Record<RetentionKind, number | null>;

export interface PrivacySettings {
  /** The SDK stores and sends nothing until the host page calls `Messenger.consent(true)`. */
  requireConsent: boolean;
  /** With consent required and not given: the messenger may still be opened for a support chat (kept in memory only, with a notice). */
  chatBeforeConsent: boolean;
  /** Keep the visitor's country (two letters, from the proxy's country header), never the IP address. */
  storeCountry: boolean;
  /** Query parameters kept in stored page URLs (every other parameter, and the fragment, is dropped). */
  urlQueryAllowlist: string[];
  retention: RetentionWindows;
}

export const PRIVACY_LIMITS = {
  queryParams: 30,
  queryParam: 64,
  /** Ten years: a longer window is "keep". */
  retentionDays: 3_650,
} as const;

export const DEFAULT_RETENTION: RetentionWindows = { events: null, conversations: null, closedConversations: null, uploads: null };

/** A new workspace's privacy settings. */
export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = {
  requireConsent: false,
  chatBeforeConsent: false,
  storeCountry: true,
  urlQueryAllowlist: [],
  retention: DEFAULT_RETENTION,
};
