/**
 * Calls to the widget endpoints. Bodies go as text/plain JSON so the browser
 * sends a simple CORS request (no preflight). Errors come back as ApiError with
 * the server's code; network failures as code "network".
 */
import type { ErrorBody } from '../protocol/index.js';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorBody['code'] | 'network',
    message: string,
    readonly status = 0,
  ) {
    super(message);
  }
}

export async function postJson<T>(apiBase: string, path: string, body: unknown, keepalive = false): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${apiBase}/api/v1/widget/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify(body),
      credentials: 'omit',
      keepalive,
    });
  } catch (err) {
    throw new ApiError('network', String(err));
  }
  const data = (await res.json().catch(() => null)) as (T & { error?: ErrorBody }) | null;
  if (!res.ok || !data) {
    throw new ApiError(data?.error?.code ?? 'internal', data?.error?.message ?? `HTTP ${res.status}`, res.status);
  }
  return data;
}
