import type { Attachment } from '../../protocol/index.js';
import { safeUrl } from '../markdown/index.js';
import { formatSize } from './format-size.js';
import { PaperclipIcon } from './icons.js';

/** A message's files: images as thumbnails linking to the full file, others as a link with name and size. */
export function Attachments({ list }: { list: Attachment[] }) {
  return (
    <ul class="atts">
      {list.map((a) => {
        const href = safeUrl(a.url, 'image');
        const label = (
          <>
            <PaperclipIcon />
            <span class="name">{a.name}</span>
            <span class="size">{formatSize(a.size)}</span>
          </>
        );
        return (
          <li key={a.id}>
            {!href ? (
              <span class="att-file">{label}</span>
            ) : a.contentType.startsWith('image/') ? (
              <a class="att-img" href={href} target="_blank" rel="noopener noreferrer">
                <img src={href} alt={a.name} loading="lazy" />
              </a>
            ) : (
              <a class="att-file" href={href} target="_blank" rel="noopener noreferrer">
                {label}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
