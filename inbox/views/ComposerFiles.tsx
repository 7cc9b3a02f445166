/** The files picked for a reply, each with its size (or "Uploading…") and a remove button. */
import { formatSize } from '../../widget/ui/format-size.js';
import type { PendingFile } from './use-composer-files.js';

export function ComposerFiles({ files, onRemove }: { files: readonly PendingFile[]; onRemove(key: number): void }) {
  if (files.length === 0) return null;
  return (
    <ul class="composer__files" aria-label="Attachments">
      {files.map((f) => (
        <li key={f.key} class="composer__file" aria-busy={f.attachment ? undefined : true}>
          <span class="composer__file-name">{f.name}</span>
          <span class="composer__file-size">{f.attachment ? formatSize(f.size) : 'Uploading…'}</span>
          <button type="button" class="link-button" aria-label={`Remove ${f.name}`} onClick={() => onRemove(f.key)}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
