/**
 * Attachments: uploads are checked (size, real type, name), stored, and kept
 * unattached until their uploader sends them with a message; the message log
 * links them inside its own transaction (`linkIn`). Reading messages maps
 * their attachments in one query per page (`forMessages`).
 */
import type { Kysely } from 'kysely';
import type { Attachment } from '../../../protocol/index.js';
import { type AttachmentRow, type Database, type FileStore, MissingFileError } from '../../store/index.js';
import { ParleyError, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { OCTET_STREAM, isInlineType, sniffContentType } from './content-type.js';
import { fileNameForType, safeFileName } from './file-name.js';
import { officeExtension } from './office-zip.js';
import { attachmentUrl, verifyAttachmentSignature } from './signature.js';
import type { Readable } from 'node:stream';

export interface Uploader {
  type: 'visitor' | 'agent';
  /** Contact id for visitors; agent id, or "api" for API tokens. */
  id: string;
}

export interface AttachmentsOptions {
  files: FileStore;
  /** The server secret: signs download links. */
  secret: string;
  maxBytes: number;
}

export interface UploadInput {
  workspaceId: string;
  uploader: Uploader;
  fileName: string;
  bytes: Uint8Array;
}

export interface LinkInput {
  workspaceId: string;
  uploader: Uploader;
  ids: readonly string[];
  conversationId: string;
  messageId: string;
}

export interface Download {
  attachment: Attachment;
  inline: boolean;
  body: Readable;
}

export class Attachments {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly opts: AttachmentsOptions,
  ) {}

  get maxBytes(): number {
    return this.opts.maxBytes;
  }

  async upload(input: UploadInput): Promise<Attachment> {
    const { bytes } = input;
    if (bytes.length > this.opts.maxBytes) throw tooLarge(this.opts.maxBytes);
    if (bytes.length === 0) throw new ParleyError('bad_request', 'the file is empty');
    const contentType = sniffContentType(bytes);
    const officeExt = contentType === OCTET_STREAM ? (officeExtension(bytes) ?? undefined) : undefined;
    const fileName = fileNameForType(safeFileName(input.fileName), contentType, officeExt);
    const storageKey = await this.opts.files.put(bytes);
    const row: AttachmentRow = {
      id: newId('att'),
      workspace_id: input.workspaceId,
      conversation_id: null,
      message_id: null,
      uploader_type: input.uploader.type,
      uploader_id: input.uploader.id,
      file_name: fileName,
      content_type: contentType,
      size_bytes: bytes.length,
      storage_key: storageKey,
      created_at: nowIso(),
    };
    try {
      await this.db.insertInto('attachments').values(row).execute();
    } catch (err) {
      await this.opts.files.remove(storageKey).catch(() => undefined);
      throw err;
    }
    return this.toAttachment(row);
  }

  /**
   * Links uploads to a new message, inside the caller's transaction. Only the
   * uploader's own, not yet sent uploads of this workspace qualify; any other
   * id fails the whole message with `not_found` (as if it did not exist).
   */
  async linkIn(trx: Kysely<Database>, input: LinkInput): Promise<Attachment[]> {
    if (input.ids.length === 0) return [];
    const linked = await trx
      .updateTable('attachments')
      .set({ conversation_id: input.conversationId, message_id: input.messageId })
      .where('id', 'in', [...input.ids])
      .where('workspace_id', '=', input.workspaceId)
      .where('uploader_type', '=', input.uploader.type)
      .where('uploader_id', '=', input.uploader.id)
      .where('message_id', 'is', null)
      .returningAll()
      .execute();
    if (linked.length !== input.ids.length) throw notFound('attachment');
    return sortRows(linked).map((r) => this.toAttachment(r));
  }

  /** Attachments of many messages in one query: message id → its attachments (absent when none). */
  async forMessages(db: Kysely<Database>, messageIds: readonly string[]): Promise<Map<string, Attachment[]>> {
    const byMessage = new Map<string, Attachment[]>();
    if (messageIds.length === 0) return byMessage;
    const rows = await db.selectFrom('attachments').selectAll().where('message_id', 'in', [...new Set(messageIds)]).execute();
    for (const row of sortRows(rows)) {
      const list = byMessage.get(row.message_id as string) ?? [];
      list.push(this.toAttachment(row));
      byMessage.set(row.message_id as string, list);
    }
    return byMessage;
  }

  /** A signed download; a wrong signature answers exactly like a missing file (404). */
  async open(id: string, signature: string): Promise<Download> {
    if (!verifyAttachmentSignature(this.opts.secret, id, signature)) throw notFound('attachment');
    const row = await this.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('attachment');
    const body = await this.opts.files.read(row.storage_key).catch((err: unknown) => {
      throw err instanceof MissingFileError ? notFound('attachment') : new ParleyError('unavailable', 'file storage is unavailable');
    });
    return { attachment: this.toAttachment(row), inline: isInlineType(row.content_type), body };
  }

  /** An anonymous visitor became a known contact: their unsent uploads go with them. */
  async moveUploadsIn(trx: Kysely<Database>, fromContactId: string, toContactId: string): Promise<void> {
    await trx
      .updateTable('attachments')
      .set({ uploader_id: toContactId })
      .where('uploader_type', '=', 'visitor')
      .where('uploader_id', '=', fromContactId)
      .where('message_id', 'is', null)
      .execute();
  }

  /**
   * Removes stored files whose rows are already gone (an erase, the retention
   * job). A file already missing is fine; returns how many could not be removed.
   */
  async removeFiles(storageKeys: readonly string[]): Promise<number> {
    let failed = 0;
    for (const key of storageKeys) {
      await this.opts.files.remove(key).catch((err: unknown) => {
        if (!(err instanceof MissingFileError)) failed += 1;
      });
    }
    return failed;
  }

  toAttachment(row: AttachmentRow): Attachment {
    return {
      id: row.id,
      name: row.file_name,
      size: Number(row.size_bytes),
      contentType: row.content_type,
      url: attachmentUrl(this.opts.secret, row.id),
    };
  }
}

export function tooLarge(maxBytes: number): ParleyError {
  return new ParleyError('payload_too_large', `files can be at most ${formatMegabytes(maxBytes)}`);
}

function formatMegabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.floor(bytes / 1024))} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** Upload order: the order people picked their files in. */
function sortRows(rows: AttachmentRow[]): AttachmentRow[] {
  return rows.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : 1));
}
