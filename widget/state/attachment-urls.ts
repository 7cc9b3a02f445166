import type { Attachment, Message } from '../../protocol/index.js';

/** Attachment URLs are relative to the Parley server; the widget's page may be on another origin. */
export function absoluteAttachment(a: Attachment, apiBase: string): Attachment {
  return a.url.startsWith('/') ? { ...a, url: apiBase + a.url } : a;
}

export function withAbsoluteUrls(m: Message, apiBase: string): Message {
  return m.attachments?.length ? { ...m, attachments: m.attachments.map((a) => absoluteAttachment(a, apiBase)) } : m;
}
