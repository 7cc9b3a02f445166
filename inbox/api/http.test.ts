import { describe, expect, it, vi } from 'vitest';
import { ApiError, createHttpClient, isTransient, toQueryString } from './http.js';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function clientWith(response: Response | Error, onUnauthorized = vi.fn()) {
  const fetchMock = vi.fn<typeof fetch>(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  return { http: createHttpClient({ fetch: fetchMock, onUnauthorized }), fetchMock, onUnauthorized };
}

describe('createHttpClient', () => {
  it('GETs JSON under /api/v1 with a query string and no CSRF header', async () => {
    const { http, fetchMock } = clientWith(jsonResponse(200, { data: [], next_cursor: null }));
    const result = await http.get('/conversations', { query: { status: 'open', cursor: null, limit: 50 } });
    expect(result).toEqual({ data: [], next_cursor: null });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/conversations?status=open&limit=50');
    expect(init?.method).toBe('GET');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.headers).not.toHaveProperty('X-CSRF-Token');
  });

  it('sends JSON and the CSRF token on mutations', async () => {
    const { http, fetchMock } = clientWith(jsonResponse(200, { id: 'c1' }));
    http.setCsrfToken('tok-123');
    await http.patch('/conversations/c1', { status: 'closed' });
    const init = fetchMock.mock.calls[0][1];
    expect(init?.method).toBe('PATCH');
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-CSRF-Token': 'tok-123' });
    expect(init?.body).toBe('{"status":"closed"}');
  });

  it('omits the CSRF header once the token is cleared', async () => {
    const { http, fetchMock } = clientWith(jsonResponse(200, {}));
    http.setCsrfToken('tok');
    http.setCsrfToken(null);
    await http.post('/auth/login', { email: 'a@b.c', password: 'x' });
    expect(fetchMock.mock.calls[0][1]?.headers).not.toHaveProperty('X-CSRF-Token');
  });

  it('DELETEs with the CSRF token and no body', async () => {
    const { http, fetchMock } = clientWith(new Response(null, { status: 204 }));
    http.setCsrfToken('tok-9');
    await expect(http.delete('/messages/m1')).resolves.toBeUndefined();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/messages/m1');
    expect(init?.method).toBe('DELETE');
    expect(init?.headers).toMatchObject({ 'X-CSRF-Token': 'tok-9' });
    expect(init?.body).toBeUndefined();
  });

  it('returns undefined for 204 No Content', async () => {
    const { http } = clientWith(new Response(null, { status: 204 }));
    await expect(http.post('/auth/logout')).resolves.toBeUndefined();
  });

  it('turns an error body into an ApiError with its code and message', async () => {
    const { http } = clientWith(jsonResponse(429, { error: { code: 'rate_limited', message: 'Slow down' } }));
    const error = await http.post('/auth/login', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', message: 'Slow down' });
    expect(isTransient(error)).toBe(true);
  });

  it('falls back to the status when the error body is not ours (proxy page)', async () => {
    const { http } = clientWith(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(http.get('/agents')).rejects.toMatchObject({ status: 502, code: 'internal' });
    const { http: http404 } = clientWith(new Response('', { status: 404 }));
    await expect(http404.get('/conversations/x')).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });

  it('reports a failed connection as network_error (status 0), which is transient', async () => {
    const { http } = clientWith(new TypeError('Failed to fetch'));
    const error = await http.get('/auth/me').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
    expect(isTransient(error)).toBe(true);
  });

  it('lets an abort through unchanged so callers can ignore it', async () => {
    const { http } = clientWith(new DOMException('aborted', 'AbortError'));
    await expect(http.get('/contacts/c1')).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports a 2xx with an unreadable body as bad_response', async () => {
    const { http } = clientWith(new Response('not json', { status: 200 }));
    await expect(http.get('/agents')).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('calls onUnauthorized on 401 and still rejects', async () => {
    const { http, onUnauthorized } = clientWith(
      jsonResponse(401, { error: { code: 'unauthorized', message: 'Log in' } }),
    );
    await expect(http.get('/auth/me')).rejects.toMatchObject({ code: 'unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('does not treat a 4xx refusal as transient', () => {
    expect(isTransient(new ApiError(400, 'validation_failed', 'bad'))).toBe(false);
    expect(isTransient(new Error('x'))).toBe(false);
  });
});

describe('toQueryString', () => {
  it('skips null and undefined and encodes values', () => {
    expect(toQueryString({ a: 'x y', b: undefined, c: null, d: 0, e: false })).toBe('?a=x+y&d=0&e=false');
    expect(toQueryString({})).toBe('');
    expect(toQueryString(undefined)).toBe('');
  });
});
