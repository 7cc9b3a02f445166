/**
 * A message's files: images as thumbnails that open the full file, anything
 * else as a link with its name and size. URLs are the server's own signed
 * download paths; anything else is shown as plain text, never linked.
 */
import type { Attachment } from '../../protocol/index.js';
import { formatSize } from '../../widget/ui/format-size.js';

const DOWNLOAD_PATH = /^\/api\/v1\/attachments\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/;

export function MessageAttachments({ attachments }: { attachments: readonly Attachment[] }) {
  return (
    <ul class="message__attachments">
      {attachments.map((a) => {
        const href = DOWNLOAD_PATH.test(a.url) ? a.url : null;
        const label = (
          <>
            <span class="attachment__name">{a.name}</span>
            <span class="attachment__size">{formatSize(a.size)}</span>
          </>
        );
        return (
          <li key={a.id}>
            {!href ? (
              <span class="attachment attachment--file">{label}</span>
            ) : a.contentType.startsWith('image/') ? (
              <a class="attachment attachment--image" href={href} target="_blank" rel="noopener noreferrer">
                <img src={href} alt={a.name} loading="lazy" />
              </a>
            ) : (
              <a class="attachment attachment--file" href={href} target="_blank" rel="noopener noreferrer">
                {label}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
