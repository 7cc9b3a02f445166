/**
 * "Download my data" (docs/privacy.md): the server answers a verified visitor
 * with a link valid for a few minutes; the browser downloads it (the answer is
 * an attachment, so the page stays where it is).
 */
import { postJson } from '../../sdk/api-client.js';

export async function downloadMyData(apiBase: string, token: string): Promise<void> {
  const { url } = await postJson<{ url: string }>(apiBase, 'export', { token });
  location.assign(url);
}
