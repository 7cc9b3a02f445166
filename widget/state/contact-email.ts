import { postJson } from '../../sdk/api-client.js';

/** Saves the pre-chat email of an anonymous visitor, through the SDK's widget-endpoint client. */
export async function saveContactEmail(apiBase: string, token: string, email: string): Promise<string> {
  const saved = await postJson<{ email: string }>(apiBase, 'contact-email', { token, email });
  return saved.email;
}
