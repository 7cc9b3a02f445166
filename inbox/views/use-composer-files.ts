/**
 * The files attached to a reply: uploaded at once when picked (the reply goes
 * out once every upload is done), refused ones explained, at most
 * MAX_ATTACHMENTS per reply.
 */
import { useState } from 'preact/hooks';
import type { Attachment } from '../../protocol/index.js';
import { ApiError } from '../api/http.js';
import { useInbox } from './inbox-context.js';

/** Mirrors LIMITS.attachmentsPerMessage. */
export const MAX_ATTACHMENTS = 5;

export interface PendingFile {
  key: number;
  name: string;
  size: number;
  /** Null while uploading. */
  attachment: Attachment | null;
}

let nextKey = 0;

export function useComposerFiles() {
  const inbox = useInbox();
  const [files, setFiles] = useState<readonly PendingFile[]>([]);
  const [uploadError, setUploadError] = useState('');
  const ready = files.flatMap((f) => (f.attachment ? [f.attachment] : []));

  function attach(picked: readonly File[]): void {
    const room = MAX_ATTACHMENTS - files.length;
    setUploadError(picked.length > room ? `At most ${MAX_ATTACHMENTS} files per reply.` : '');
    for (const file of picked.slice(0, Math.max(room, 0))) {
      const key = ++nextKey;
      setFiles((list) => [...list, { key, name: file.name, size: file.size, attachment: null }]);
      inbox.uploadAttachment(file).then(
        (attachment) => setFiles((list) => list.map((f) => (f.key === key ? { ...f, attachment } : f))),
        (error: unknown) => {
          setFiles((list) => list.filter((f) => f.key !== key));
          const reason = error instanceof ApiError ? error.message : 'the upload failed.';
          setUploadError(`Could not attach ${file.name}: ${reason}`);
        },
      );
    }
  }

  return {
    files,
    ready,
    uploading: ready.length < files.length,
    uploadError,
    attach,
    remove: (key: number) => setFiles((list) => list.filter((f) => f.key !== key)),
    clear() {
      setFiles([]);
      setUploadError('');
    },
  };
}
