/**
 * Where unsent messages wait: one record per message, so tabs writing at once
 * never overwrite each other. The browser implementation (IndexedDB) lives in
 * host/; this in-memory one serves Node and browsers without IndexedDB.
 */
import type { Attachment, BotChoice } from '../../protocol/index.js';

export interface OutboxRecord {
  clientId: string;
  body: string;
  /** Uploads sent with the message; kept so a reload still sends (and shows) them. */
  attachmentIds?: string[];
  attachments?: Attachment[];
  /** NEW_CONVERSATION until the conversation exists. */
  conversationId: string;
  /** A reply to an in-app chat message: the conversation starts with that message. */
  deliveryId?: string;
  /** An answer to a bot's buttons (docs/bots.md). */
  choice?: BotChoice;
  /** Write order across reloads: ms timestamp × 1000 + a counter. */
  order: number;
  failed: boolean;
}

export interface OutboxStore {
  load(): Promise<OutboxRecord[]>;
  put(record: OutboxRecord): Promise<void>;
  remove(clientId: string): Promise<void>;
  clear(): Promise<void>;
}

export function memoryOutboxStore(): OutboxStore {
  const records = new Map<string, OutboxRecord>();
  return {
    load: async () => [...records.values()],
    put: async (r) => void records.set(r.clientId, r),
    remove: async (id) => void records.delete(id),
    clear: async () => records.clear(),
  };
}
