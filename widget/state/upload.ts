/**
 * Uploads a file for the visitor: the raw file is the body, its name in the
 * query and the visitor token in `Authorization` (never in a URL: proxies log
 * those). That costs a CORS preflight, cached by the browser for 10 minutes.
 * The server ignores the declared type and sniffs the bytes.
 */
import type { Attachment, ErrorBody } from '../../protocol/index.js';
import { absoluteAttachment } from './attachment-urls.js';

export class UploadError extends Error {
  constructor(readonly code: ErrorBody['code'] | 'network') {
    super(code);
  }
}

export async function uploadFile(apiBase: string, token: string, file: Blob, name: string): Promise<Attachment> {
  let res: Response;
  try {
    res = await fetch(`${apiBase}/api/v1/widget/uploads?${new URLSearchParams({ name })}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': file.type || 'application/octet-stream' },
      body: file,
      credentials: 'omit',
    });
  } catch {
    throw new UploadError('network');
  }
  const data = (await res.json().catch(() => null)) as (Attachment & { error?: ErrorBody }) | null;
  if (!res.ok || !data) throw new UploadError(data?.error?.code ?? (res.status === 413 ? 'payload_too_large' : 'internal'));
  return data;
}

/** uploadFile for the chat client: a refused token is refreshed once (as the socket does); the URL comes back absolute. */
export async function uploadAttachment(
  apiBase: string,
  token: string,
  file: Blob,
  name: string,
  refreshToken?: () => Promise<string | null>,
): Promise<Attachment> {
  try {
    return absoluteAttachment(await uploadFile(apiBase, token, file, name), apiBase);
  } catch (err) {
    if (!(err instanceof UploadError && err.code === 'unauthorized' && refreshToken)) throw err;
    const fresh = await refreshToken().catch(() => null);
    if (!fresh) throw err;
    return absoluteAttachment(await uploadFile(apiBase, fresh, file, name), apiBase);
  }
}
