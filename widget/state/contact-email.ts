/** Saves the pre-chat email of an anonymous visitor (text/plain JSON: a simple CORS request). */
export async function saveContactEmail(apiBase: string, token: string, email: string): Promise<string> {
  const res = await fetch(`${apiBase}/api/v1/widget/contact-email`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify({ token, email }),
    credentials: 'omit',
  });
  const data = (await res.json().catch(() => null)) as { email?: string; error?: { message: string } } | null;
  if (!res.ok || !data?.email) throw new Error(data?.error?.message ?? `HTTP ${res.status}`);
  return data.email;
}
